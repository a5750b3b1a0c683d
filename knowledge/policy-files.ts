// Policy source files: a header naming the school, then the policy as the school gave it (text or
// Markdown). Reads one file's bytes into a Policy, refusing binary, empty and clause-less files.

import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { PolicyError } from './errors.js';
import { looksBinary } from './ingest/clean-text.js';
import { readFrontMatter } from './ingest/front-matter.js';
import { parsePolicy } from './ingest/parse-policy.js';
import { readDocument, type DocumentFormat } from './ingest/read-document.js';
import type { Policy } from './types.js';

/** File name endings the policies folder is read for. */
export const POLICY_EXTENSIONS = ['.txt', '.md', '.markdown'];

/** Parses a policy file's bytes; the header's `school`/`name` win over the ones given. */
export function policyFromBytes(bytes: Uint8Array, opts: { school?: string; name?: string; source: string }): Policy {
  const label = opts.school ?? basename(opts.source);
  if (bytes.length === 0) throw new PolicyError('policy_empty', `The policy file ${basename(opts.source)} is empty.`);
  if (looksBinary(bytes)) {
    throw new PolicyError('policy_unreadable', `The policy file ${basename(opts.source)} is not text (it looks like a binary file such as a PDF or Word document): save it as plain text or Markdown first.`);
  }
  const { meta, body } = readFrontMatter(new TextDecoder('utf-8').decode(bytes));
  const school = opts.school ?? meta.school ?? schoolIdFromFile(opts.source);
  const name = opts.name ?? meta.name;
  if (!school) throw new PolicyError('policy_unreadable', `No school id for ${label}.`);
  return parsePolicy({ school, ...(name ? { name } : {}), source: opts.source, text: body });
}

/**
 * Reads any policy document (PDF, Word, HTML, Markdown, text) and parses it: the policy, the text
 * it was read as (what the policies folder keeps), and the document's format.
 */
export async function policyFromDocument(bytes: Uint8Array, opts: { school: string; name?: string; source: string }): Promise<{ policy: Policy; body: string; format: DocumentFormat }> {
  const doc = await readDocument(bytes, opts.source);
  const { meta, body } = doc.format === 'text' || doc.format === 'markdown' ? readFrontMatter(doc.text) : { meta: {} as { name?: string }, body: doc.text };
  const name = opts.name ?? meta.name;
  const policy = parsePolicy({ school: opts.school, ...(name ? { name } : {}), ...(doc.title ? { title: doc.title } : {}), aside: doc.aside, source: opts.source, text: body });
  return { policy, body, format: doc.format };
}

/** The policy files in a folder, sorted by name. */
export async function listPolicyFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((cause: unknown) => {
    throw new PolicyError('policy_unreadable', `The policies folder ${dir} cannot be read.`, { cause });
  });
  return names.filter((n) => POLICY_EXTENSIONS.includes(extname(n).toLowerCase()) && !n.startsWith('.')).sort().map((n) => join(dir, n));
}

/** Reads and parses one policy file. */
export async function readPolicyFile(path: string): Promise<Policy> {
  const bytes = await readFile(path).catch((cause: unknown) => {
    throw new PolicyError('policy_unreadable', `The policy file ${path} cannot be read.`, { cause });
  });
  return policyFromBytes(bytes, { source: path });
}

/** A school id from a file name ("cadmus.txt" → "cadmus"). */
export function schoolIdFromFile(path: string): string {
  return basename(path, extname(path)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-|-$/g, '');
}
