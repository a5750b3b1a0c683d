// The command-line tools' settings (SCHOOL, POLICIES_DIR, read by adapters/config.ts like the
// rest of the configuration, `.env` included) and the school to answer for.

import { fileURLToPath } from 'node:url';
import type { PolicyLibrary } from '../../knowledge/library.js';
import { loadConfig, policySettings, readDotEnv, type AppConfig } from '../config.js';

/** The project root (two folders up from this file). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliEnv {
  /** Folder of policy sources: POLICIES_DIR, else knowledge/policies in the project. */
  policiesDir: string;
  /** SCHOOL, when set. */
  school?: string;
}

/** Reads the settings the CLI tools honour, from the environment and a `.env` file. */
export function readCliEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  readDotEnv(env);
  return policySettings(env);
}

/** The whole configuration for a tool that opens the store (`.env` read unless an environment is given), or what is wrong with it. */
export function cliConfig(env?: NodeJS.ProcessEnv): { config: AppConfig } | { error: string } {
  try {
    if (!env) readDotEnv();
    return { config: loadConfig(env ?? process.env) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The school to answer for: the one asked for, else SCHOOL, else the only policy; else an error sentence. */
export function pickSchool(library: PolicyLibrary, asked: string | undefined, env: CliEnv): { school: string } | { error: string } {
  const known = library.schools().map((s) => s.id);
  const wanted = asked ?? env.school;
  if (wanted) {
    return known.includes(wanted) ? { school: wanted } : { error: `Unknown school "${wanted}": the known schools are ${known.join(', ') || 'none'}.` };
  }
  if (known.length === 1) return { school: known[0]! };
  return { error: `Say which school with --school ID or SCHOOL: the known schools are ${known.join(', ') || 'none'}.` };
}

/** Minimal flag parsing: `--name value`, `--flag`, and the rest as positional words. */
export function parseArgs(argv: string[], valued: string[]): { flags: Map<string, string | true>; rest: string[] } {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = /^--([\w-]+)=(.*)$/.exec(a);
    if (eq) flags.set(eq[1]!, eq[2]!);
    else if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2);
      if (valued.includes(name) && i + 1 < argv.length) flags.set(name, argv[++i]!);
      else flags.set(name, true);
    } else rest.push(a);
  }
  return { flags, rest };
}

/** Prints one sentence on stderr and gives back the exit code to use. */
export function fail(message: string, code: number): number {
  console.error(message);
  return code;
}

/** Runs a command's main: its resolved number is the exit code; a surprise is one sentence, exit 1. */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  quietOnClosedPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(`Sorry, something went wrong: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}

/** Stops quietly when the reader of stdout goes away (`| head`), instead of a stack trace. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
