// A lowdb adapter for one JSON file that is only ever replaced whole: write a temp file (mode
// 0600), fsync it, rename it over the old one. A crash at any point leaves the last good file.
// NOTE: lowdb's own JSONFile (steno) also writes temp+rename, but without fsync or a file mode.

import { open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { StoreError } from '../../../bot/errors.js';
import { storeDataProblem, type StoreData } from './store-data.js';

export class AtomicJsonFile<T = StoreData> implements Adapter<T> {
  readonly tempFile: string;

  /** `problem` says what is wrong with a parsed document (undefined when it has the right shape). */
  constructor(
    readonly file: string,
    private readonly problem: (parsed: unknown) => string | undefined = storeDataProblem,
  ) {
    this.tempFile = join(dirname(file), `.${basename(file)}.tmp`);
  }

  /** Reads and validates the file; null when it does not exist; StoreError when it is unusable. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (cause) {
      const error = cause as NodeJS.ErrnoException;
      if (error.code === 'ENOENT') return null;
      throw new StoreError('store_unavailable', `The store file ${this.file} cannot be read (${error.code ?? error.message}).`, { cause });
    }
    if (text.trim() === '') throw corrupt(this.file, 'it is empty');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (cause) {
      throw corrupt(this.file, `it is not valid JSON (${(cause as Error).message})`, cause);
    }
    const problem = this.problem(parsed);
    if (problem) throw corrupt(this.file, problem);
    return parsed as T;
  }

  async write(data: T): Promise<void> {
    const handle = await open(this.tempFile, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(data));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.tempFile, this.file);
  }
}

function corrupt(file: string, what: string, cause?: unknown): StoreError {
  return new StoreError(
    'store_corrupt',
    `The store file ${file} is unusable: ${what}. It has been left untouched; restore it from a backup or move it aside to start afresh.`,
    { cause },
  );
}
