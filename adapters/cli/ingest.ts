// `npm run ingest`: adds or replaces a school's policy from a PDF, Word, HTML, Markdown or text file
// and prints the outline it understood; `--check FILE` previews without replacing anything;
// `--history ID` and `--restore ID DATE` show and bring back kept versions. A file that cannot be
// used is refused in one sentence and the school's previous policy is kept, whole.

import { readFile, rm, mkdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { PolicyError } from '../../knowledge/errors.js';
import { readFrontMatter, writeFrontMatter } from '../../knowledge/ingest/front-matter.js';
import { MAX_DOCUMENT_BYTES } from '../../knowledge/ingest/read-document.js';
import { listPolicyFiles, policyFromDocument, readPolicyFile, schoolIdFromFile } from '../../knowledge/policy-files.js';
import type { Policy } from '../../knowledge/types.js';
import { parseArgs, fail, runCli, readCliEnv } from './cli-env.js';
import { policyOutline } from './cli-outline.js';
import { hasRule, outlineWarnings, sampleAnswers } from './ingest-check.js';
import { findVersion, keepVersion, listVersions, writeAtomically } from './policy-versions.js';

const SCHOOL_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const USAGE = [
  'Usage: npm run ingest -- --school ID [--name "Organisation"] [--force] FILE',
  '       npm run ingest -- --check FILE',
  '       npm run ingest -- --history ID',
  '       npm run ingest -- --restore ID DATE',
].join('\n');

type Flags = Map<string, string | true>;

async function main(argv: string[]): Promise<number> {
  const { flags, rest } = parseArgs(argv, ['school', 'name', 'history', 'restore']);
  const dir = readCliEnv().policiesDir;
  if (flags.has('check')) return check(flags, rest);
  if (flags.has('history')) return history(dir, flags.get('history'));
  if (flags.has('restore')) return restore(dir, flags.get('restore'), rest[0], flags.has('force'));
  const school = flags.get('school');
  if (typeof school !== 'string' || !rest[0]) return fail(USAGE, 2);
  return ingest(dir, school, rest[0], flags);
}

/** Reads a document into a policy; a refusal is one sentence (and undefined). */
async function readPolicy(file: string, school: string, name: string | undefined, keeps: string): Promise<{ policy: Policy; body: string; ext: string } | string> {
  const size = await stat(file).then((s) => s.size, () => -1);
  if (size < 0) return `Cannot read ${file}; ${keeps}.`;
  if (size > MAX_DOCUMENT_BYTES) return `${file} is ${Math.round(size / 1048576)} MB, too large to be one policy (the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB); ${keeps}.`;
  try {
    const read = await policyFromDocument(await readFile(file), { school, ...(name ? { name } : {}), source: file });
    return { policy: read.policy, body: read.body, ext: read.format === 'text' ? '.txt' : '.md' };
  } catch (err) {
    if (err instanceof PolicyError) return `${err.message.replace(/\.$/, '')}; ${keeps}.`;
    throw err;
  }
}

async function check(flags: Flags, rest: string[]): Promise<number> {
  const file = typeof flags.get('check') === 'string' ? (flags.get('check') as string) : rest[0];
  if (!file) return fail(USAGE, 2);
  const school = typeof flags.get('school') === 'string' ? (flags.get('school') as string) : schoolIdFromFile(file) || 'check';
  const name = typeof flags.get('name') === 'string' ? (flags.get('name') as string) : undefined;
  const read = await readPolicy(file, school, name, 'nothing was changed');
  if (typeof read === 'string') return fail(read, 1);
  console.log(`Checking ${file} (nothing is replaced).`);
  printWarnings(read.policy);
  console.log(policyOutline(read.policy));
  console.log('What staff would be told:');
  console.log(sampleAnswers(read.policy));
  return 0;
}

async function ingest(dir: string, school: string, file: string, flags: Flags): Promise<number> {
  if (!SCHOOL_ID.test(school)) return fail(`The school id "${school}" should be lower-case letters, digits and hyphens (e.g. "st-marys").`, 2);
  const keeps = `the policy for ${school} is unchanged`;
  const existing = await existingFiles(dir, school);
  const current = existing[0] ? await readPolicyFile(existing[0]).catch(() => undefined) : undefined;
  const asked = typeof flags.get('name') === 'string' ? (flags.get('name') as string) : undefined;
  const force = flags.has('force');
  if (asked && current && !sameName(asked, current.school.name) && !force) {
    return fail(`"${school}" is ${current.school.name}, not ${asked}: use another school id, or --force to replace it; ${keeps}.`, 1);
  }
  const read = await readPolicy(file, school, asked ?? current?.school.name, keeps);
  if (typeof read === 'string') return fail(read, 1);
  const refusal = force ? undefined : replacementRefusal(read.policy, current);
  if (refusal) return fail(`${refusal} The policy for ${school} is unchanged; --force replaces it anyway.`, 1);
  const target = join(dir, `${school}${read.ext}`);
  await mkdir(dir, { recursive: true });
  const kept = existing.length ? await keepVersion(dir, school, existing[0]!) : undefined;
  await writeAtomically(target, writeFrontMatter({ school, name: read.policy.school.name }, read.body));
  for (const old of existing) if (old !== target) await rm(old, { force: true });
  read.policy.school.source = target;
  console.log(kept ? `Replaced the policy for ${school} (the previous version is kept as ${kept}; npm run ingest -- --history ${school}).` : `Added the policy for ${school}.`);
  printWarnings(read.policy);
  console.log(policyOutline(read.policy));
  return 0;
}

/** Why a replacement looks like a mistake: no rule in it, or far fewer clauses than the policy it replaces. */
function replacementRefusal(next: Policy, current: Policy | undefined): string | undefined {
  if (!hasRule(next)) return `${next.school.source} has no sentence saying what staff must, must not or may do: is it the social media policy?`;
  if (current && next.clauses.length * 2 < current.clauses.length) {
    return `${next.school.source} gives ${next.clauses.length} clauses where the current policy has ${current.clauses.length}: is it the whole policy?`;
  }
  return undefined;
}

async function history(dir: string, school: string | true | undefined): Promise<number> {
  if (typeof school !== 'string') return fail(USAGE, 2);
  const [file] = await existingFiles(dir, school);
  const versions = await listVersions(dir, school);
  if (!file && !versions.length) return fail(`There is no policy for "${school}" and no kept version of one.`, 1);
  if (file) {
    const p = await readPolicyFile(file).catch(() => undefined);
    console.log(`${school}: current ${file} (${p ? `${p.school.name}, ${p.clauses.length} clause${p.clauses.length === 1 ? '' : 's'}, version ${p.school.version}` : 'cannot be read'})`);
  }
  if (!versions.length) console.log('No earlier versions are kept.');
  for (const v of versions) {
    const p = await readPolicyFile(v.path).catch(() => undefined);
    console.log(`  ${v.stamp}  ${p ? `${p.clauses.length} clause${p.clauses.length === 1 ? '' : 's'}, version ${p.school.version}` : 'cannot be read'}  (${Math.ceil(v.bytes / 1024)} KB)`);
  }
  if (versions.length) console.log(`Bring one back with: npm run ingest -- --restore ${school} ${versions[0]!.stamp}`);
  return 0;
}

async function restore(dir: string, school: string | true | undefined, date: string | undefined, force: boolean): Promise<number> {
  if (typeof school !== 'string' || !date) return fail(USAGE, 2);
  const version = findVersion(await listVersions(dir, school), date);
  if (!version) return fail(`No kept version of "${school}" from ${date}: npm run ingest -- --history ${school} lists them.`, 1);
  const policy = await readPolicyFile(version.path).catch((e: unknown) => (e instanceof PolicyError ? e.message : undefined));
  if (typeof policy !== 'object' || !policy) return fail(`The kept version ${version.stamp} cannot be read (${policy ?? 'unknown error'}); nothing was changed.`, 1);
  if (policy.school.id !== school && !force) return fail(`The kept version ${version.stamp} is the policy of "${policy.school.id}"; nothing was changed.`, 1);
  const existing = await existingFiles(dir, school);
  const kept = existing[0] ? await keepVersion(dir, school, existing[0]) : undefined;
  const target = join(dir, `${school}${extname(version.path)}`);
  await writeAtomically(target, await readFile(version.path, 'utf8'));
  for (const old of existing) if (old !== target) await rm(old, { force: true });
  console.log(`Restored the policy for ${school} from ${version.stamp}${kept ? ` (the one it replaced is kept as ${kept})` : ''}.`);
  policy.school.source = target;
  console.log(policyOutline(policy));
  return 0;
}

function printWarnings(p: Policy): void {
  for (const w of outlineWarnings(p)) console.log(`WARNING: ${w}`);
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** The files in the folder that hold this school's policy now (normally one). */
async function existingFiles(dir: string, school: string): Promise<string[]> {
  const files = await listPolicyFiles(dir).catch(() => [] as string[]);
  const out: string[] = [];
  for (const f of files) {
    const p = await readPolicyFile(f).catch(() => undefined);
    const id = p?.school.id ?? readFrontMatter(await readFile(f, 'utf8').catch(() => '')).meta.school;
    if (id === school) out.push(f);
  }
  return out;
}

runCli(main);
