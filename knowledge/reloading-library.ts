// A policy library that picks up changed policy files while the assistant runs: the new library is
// read and every school's index built first, then it replaces the old one in a single assignment,
// so an answer is never given from a half-loaded policy. Every call goes to the library in force.

import { resolve } from 'node:path';
import { loadPolicyLibrary, createPolicyLibrary, type PolicyLibrary } from './library.js';
import type { Policy } from './types.js';

/** What one reload changed: schools added, replaced (with their new version) or removed, and unusable files. */
export interface ReloadReport {
  added: Policy['school'][];
  replaced: Policy['school'][];
  removed: string[];
  /** Files that could not be used this time; the school's previous version goes on answering. */
  problems: { file: string; message: string }[];
}

export interface ReloadingLibrary extends PolicyLibrary {
  /** Reads the folder again and swaps in the new policies (each index built before the swap). */
  reload(): Promise<ReloadReport>;
}

/** Loads the policies folder into a library that `reload()` brings up to date. */
export async function loadReloadingLibrary(dir: string): Promise<ReloadingLibrary> {
  let current = await loadPolicyLibrary(dir);
  const reload = async (): Promise<ReloadReport> => {
    const fresh = await loadPolicyLibrary(dir);
    const kept = keepBroken(current, fresh);
    const next = kept.length ? createPolicyLibrary([...policiesOf(fresh), ...kept], dir, fresh.problems) : fresh;
    // Build first: every school's index exists before anyone can ask the new library.
    for (const s of next.schools()) next.index(s.id);
    const report = compare(current, next);
    current = next;
    return report;
  };
  return new Proxy({} as ReloadingLibrary, {
    get: (_target, prop) => (prop === 'reload' ? reload : Reflect.get(current, prop)),
    has: (_target, prop) => prop === 'reload' || Reflect.has(current, prop),
  });
}

function policiesOf(lib: PolicyLibrary): Policy[] {
  return lib.schools().map((s) => lib.policy(s.id)!);
}

/** A school whose file is still there but now cannot be read keeps answering from its last good version. */
function keepBroken(current: PolicyLibrary, fresh: PolicyLibrary): Policy[] {
  const broken = new Set(fresh.problems.map((p) => p.file));
  return policiesOf(current).filter((p) => !fresh.policy(p.school.id) && [...broken].some((f) => sameFile(f, p.school.source)));
}

function sameFile(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

function compare(before: PolicyLibrary, after: PolicyLibrary): ReloadReport {
  const report: ReloadReport = { added: [], replaced: [], removed: [], problems: after.problems };
  for (const s of after.schools()) {
    const old = before.policy(s.id)?.school;
    if (!old) report.added.push(s);
    else if (old.version !== s.version || old.name !== s.name) report.replaced.push(s);
  }
  for (const s of before.schools()) if (!after.policy(s.id)) report.removed.push(s.id);
  return report;
}
