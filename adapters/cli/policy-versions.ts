// The kept versions of each school's policy: before a policy file is replaced (by an ingest or a
// restore) it is copied to `<policies>/.history/<id>/<when it went live>.<ext>`; nothing is lost.

import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

export interface KeptVersion {
  /** When this version went live, as its file name says it ("2026-09-01T08-30-00"). */
  stamp: string;
  path: string;
  bytes: number;
}

const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:-\d+)?$/;

/** The folder that keeps a school's replaced versions. */
export function historyDir(policiesDir: string, school: string): string {
  return join(policiesDir, '.history', school);
}

/** A file's time as a stamp usable in a file name (UTC). */
export function stampOf(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/:/g, '-');
}

/** Copies the file now in place into the history, named by when it went live; resolves its stamp. */
export async function keepVersion(policiesDir: string, school: string, current: string): Promise<string> {
  const dir = historyDir(policiesDir, school);
  await mkdir(dir, { recursive: true });
  const base = stampOf((await stat(current)).mtime);
  let stamp = base;
  for (let n = 2; await exists(join(dir, `${stamp}${extname(current)}`)); n++) stamp = `${base}-${n}`;
  await copyFile(current, join(dir, `${stamp}${extname(current)}`));
  return stamp;
}

/** The kept versions of a school's policy, newest first. */
export async function listVersions(policiesDir: string, school: string): Promise<KeptVersion[]> {
  const dir = historyDir(policiesDir, school);
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: KeptVersion[] = [];
  for (const name of names) {
    const stamp = basename(name, extname(name));
    if (!STAMP.test(stamp)) continue;
    out.push({ stamp, path: join(dir, name), bytes: (await stat(join(dir, name))).size });
  }
  return out.sort((a, b) => b.stamp.localeCompare(a.stamp, 'en', { numeric: true }));
}

/** The kept version a date names: a whole stamp, or a day ("2026-09-01", the latest that day). */
export function findVersion(versions: KeptVersion[], date: string): KeptVersion | undefined {
  const wanted = date.trim().replace(/:/g, '-').replace(/ /, 'T');
  return versions.find((v) => v.stamp === wanted) ?? versions.find((v) => v.stamp.startsWith(wanted) && wanted.length >= 10);
}

/** Writes a policy file whole or not at all: beside the target, then renamed over it. */
export async function writeAtomically(target: string, content: string): Promise<void> {
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
