// `npm run bench`: runs every bench/*.bench.ts in turn; each prints its figures beside its baseline.
// `npm run bench -- answers slack` runs only the named ones; `--list` names them, in order, without running.

import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const listOnly = process.argv.includes('--list');
const wanted = process.argv.slice(2).filter((a) => a !== '--list');
const known = ['answers', 'store', 'slack', 'teams', 'postgres'];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, '')))
  .sort((a, b) => order(a) - order(b) || a.localeCompare(b));

function order(file: string): number {
  const i = known.indexOf(file.replace(/\.bench\.ts$/, ''));
  return i === -1 ? known.length : i;
}

if (listOnly) {
  console.log(files.map((f) => f.replace(/\.bench\.ts$/, '')).join('\n'));
  process.exit(0);
}

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file.replace(/\.bench\.ts$/, '')} ===`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<void> };
    if (typeof mod.run !== 'function') throw new Error(`${file} exports no run()`);
    await mod.run();
  } catch (error) {
    failed++;
    console.error(`${file} failed: ${(error as Error).stack ?? error}`);
  }
}
if (files.length === 0) console.log('No benchmarks matched.');
process.exit(failed ? 1 : 0);
