// `npm run export -- REF [--format text|json|pdf]`: one escalation as a record for the school's
// safeguarding system (text to paste, JSON, or a PDF for its own file); `npm run export -- --person
// ID [--name "Full Name"]`: every record naming or made by one person (subject access). Each export
// is written to the escalation's audit trail.

import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AssistantError } from '../../bot/errors.js';
import { exportRecord, type ExportFormat } from '../../bot/export/export-escalation.js';
import { recordText } from '../../bot/export/escalation-record.js';
import { parsePersonId, subjectAccess, subjectAccessText } from '../../bot/export/subject-access.js';
import type { PersonRef } from '../../bot/people.js';
import { systemClock, type Clock } from '../../bot/ports/clock.js';
import type { Store } from '../../bot/ports/store.js';
import { safeguardingSystemName } from '../../bot/report/routing.js';
import { loadPolicyLibrary } from '../../knowledge/library.js';
import type { AppConfig } from '../config.js';
import { cliConfig } from './cli-env.js';
import { createDirectory } from '../directory.js';
import { recordPdf } from '../export/record-pdf.js';
import { createStore } from '../store/create-store.js';

const usage = `Usage:
  npm run export -- ESC-2026-0042 [--format text|json|pdf] [--out FILE] [--school ID] [--by NAME]
  npm run export -- --person slack:U0123ABCD [--name "Full Name"] [--format text|json] [--by NAME]
The store is the assistant's own (DATABASE_URL, else DATA_DIR); with the embedded file store, stop the assistant first.
A PDF is written to --out (default ./ESC-2026-0042.pdf). Every export is recorded in the escalation's audit trail.`;

export interface ExportIo {
  out: (text: string) => void;
  err: (line: string) => void;
  env?: Record<string, string | undefined>;
  clock?: Clock;
  /** Where relative --out paths are written (default the working folder). */
  cwd?: string;
}

interface Args {
  format?: string;
  out?: string;
  school?: string;
  person?: string;
  name?: string;
  by?: string;
  schema?: string;
  help?: boolean;
}

/** Runs the command; resolves the exit code (0 done, 1 not found or refused, 2 usage or configuration). */
export async function main(argv: string[], io: ExportIo): Promise<number> {
  let args: Args;
  let refs: string[];
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' }, out: { type: 'string' }, school: { type: 'string' }, person: { type: 'string' },
        name: { type: 'string' }, by: { type: 'string' }, schema: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
    args = parsed.values;
    refs = parsed.positionals;
  } catch (error) {
    return io.err(`${(error as Error).message}\n${usage}`), 2;
  }
  if (args.help) return io.out(`${usage}\n`), 0;
  const format = (args.format ?? 'text').toLowerCase();
  if (!['text', 'json', 'pdf'].includes(format) || (args.person && format === 'pdf')) return io.err(`--format must be text, json${args.person ? '' : ' or pdf'}, not "${args.format}".`), 2;
  if (args.person ? refs.length > 0 : refs.length !== 1) return io.err(usage), 2;
  const ref = refs[0]?.trim().toUpperCase();
  if (ref !== undefined && !/^ESC-\d{4}-\d{1,6}$/.test(ref)) return io.err(`"${clip(refs[0]!)}" is not a reference; they look like ESC-2026-0042.`), 2;
  const read = cliConfig(io.env);
  if ('error' in read) return io.err(read.error), 2;
  const { config } = read;
  let store: Store | undefined;
  try {
    store = await createStore(config, args.schema ? { postgres: { schema: args.schema } } : {});
    const deps = { store, clock: io.clock ?? systemClock };
    const by = exporter(args.by);
    if (args.person) return await exportPerson(deps, config, args, format as 'text' | 'json', by, io);
    return await exportOne(deps, config, ref!, format as ExportFormat, args, by, io);
  } catch (error) {
    return io.err(error instanceof AssistantError ? error.message : `Could not export: ${(error as Error).message}`), 1;
  } finally {
    await store?.close();
  }
}

async function exportOne(deps: { store: Store; clock: Clock }, config: AppConfig, ref: string, format: ExportFormat, args: Args, by: PersonRef, io: ExportIo): Promise<number> {
  const found = await deps.store.getEscalation(ref);
  if (!found) return io.err(`There is no escalation ${ref} in the store.`), 1;
  // Several schools may share one store: an export names its school, or takes SCHOOL's.
  const school = args.school ?? config.school;
  if (school && found.school !== school) return io.err(`${ref} belongs to another school, not ${school}; nothing was exported.`), 1;
  const library = await loadPolicyLibrary(config.policiesDir);
  const people = createDirectory(config, found.school).people(found.school);
  const context = { schoolName: library.policy(found.school)?.school.name ?? found.school, safeguardingSystem: safeguardingSystemName(people) };
  const record = await exportRecord(deps, ref, by, `as ${format}, from the command line`, context);
  if (!record) return io.err(`There is no escalation ${ref} in the store.`), 1;
  if (format === 'text') io.out(recordText(record));
  else if (format === 'json') io.out(`${JSON.stringify(record, null, 2)}\n`);
  else {
    const file = resolve(io.cwd ?? process.cwd(), args.out ?? `${ref}.pdf`);
    await writeFile(file, await recordPdf(record), { mode: 0o600 });
    io.err(`Wrote ${file} (readable by you only). The export is in ${ref}'s audit trail.`);
  }
  return 0;
}

async function exportPerson(deps: { store: Store; clock: Clock }, config: AppConfig, args: Args, format: 'text' | 'json', by: PersonRef, io: ExportIo): Promise<number> {
  const query = parsePersonId(args.person!);
  if (!query) return io.err(`"${clip(args.person!)}" is not a platform id; give one such as slack:U0123ABCD, teams:<Azure AD object id> or U0123ABCD.`), 2;
  const name = args.name?.trim();
  if (name !== undefined && (name.length < 2 || name.length > 100)) return io.err('--name must be 2 to 100 characters.'), 2;
  const library = await loadPolicyLibrary(config.policiesDir);
  const report = await subjectAccess(deps, { ...query, ...(name ? { name } : {}) }, by, library.schools().map((s) => s.id));
  io.out(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : subjectAccessText(report));
  return 0;
}

/** Who is exporting: --by, else the operating-system user running the command. */
function exporter(by: string | undefined): PersonRef {
  const name = (by?.trim() || safeUser()).slice(0, 100);
  return { platform: 'console', userId: `cli:${name}`, name };
}

function safeUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/export.ts')) {
  process.exitCode = await main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (l) => process.stderr.write(`${l}\n`) });
}
