// `npm run ingest -- --school ID [--name "Organisation"] FILE`: adds or replaces a school's policy
// from a text or Markdown file and prints the outline it understood. A file that cannot be used
// (empty, binary, no clauses) is refused in one sentence and the school's previous policy is kept.

import { readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PolicyError } from '../../knowledge/errors.js';
import { readFrontMatter, writeFrontMatter } from '../../knowledge/ingest/front-matter.js';
import { listPolicyFiles, policyFromDocument, readPolicyFile } from '../../knowledge/policy-files.js';
import { parseArgs, fail, runCli, readCliEnv } from './cli-env.js';
import { policyOutline } from './cli-outline.js';

const SCHOOL_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

async function main(argv: string[]): Promise<number> {
  const { flags, rest } = parseArgs(argv, ['school', 'name']);
  const school = flags.get('school');
  const file = rest[0];
  if (typeof school !== 'string' || !file) return fail('Usage: npm run ingest -- --school ID [--name "Organisation"] FILE', 2);
  if (!SCHOOL_ID.test(school)) return fail(`The school id "${school}" should be lower-case letters, digits and hyphens (e.g. "st-marys").`, 2);
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return fail(`Cannot read ${file}; the policy for ${school} is unchanged.`, 1);
  const dir = readCliEnv().policiesDir;
  const existing = await existingFiles(dir, school);
  const name = typeof flags.get('name') === 'string' ? (flags.get('name') as string) : await previousName(existing);
  let read;
  try {
    read = await policyFromDocument(bytes, { school, ...(name ? { name } : {}), source: file });
  } catch (err) {
    if (err instanceof PolicyError) return fail(`${err.message.replace(/\.$/, '')}; the policy for ${school} is unchanged.`, 1);
    throw err;
  }
  const { policy, body } = read;
  const ext = read.format === 'text' ? '.txt' : '.md';
  const target = join(dir, `${school}${ext}`);
  await mkdir(dir, { recursive: true });
  // Write beside the target, then rename: a reader never sees half a policy.
  await writeFile(`${target}.tmp`, writeFrontMatter({ school, name: policy.school.name }, body));
  await rename(`${target}.tmp`, target);
  for (const old of existing) if (old !== target) await rm(old, { force: true });
  policy.school.source = target;
  console.log(`${existing.length ? 'Replaced' : 'Added'} the policy for ${school}.`);
  console.log(policyOutline(policy));
  return 0;
}

/** The files in the folder that hold this school's policy now (normally one). */
async function existingFiles(dir: string, school: string): Promise<string[]> {
  const files = await listPolicyFiles(dir).catch(() => [] as string[]);
  const out: string[] = [];
  for (const f of files) {
    const p = await readPolicyFile(f).catch(() => undefined);
    if (p?.school.id === school) out.push(f);
  }
  return out;
}

async function previousName(files: string[]): Promise<string | undefined> {
  for (const f of files) {
    const meta = readFrontMatter(await readFile(f, 'utf8')).meta;
    if (meta.name) return meta.name;
  }
  return undefined;
}

runCli(main);
