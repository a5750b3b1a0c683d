// The head teachers' remembered answers for `npm run ask -- --json`: read from the assistant's own
// store (DATABASE_URL, else the embedded store file when it exists), never created by asking. A
// store that cannot be opened (the embedded one while the assistant runs) leaves the field out,
// with one line on stderr saying why.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '../../bot/answer/answer-question.js';
import type { HeadQuestion } from '../../bot/head-questions/model.js';
import { headAnswersFor } from '../../bot/head-questions/remembered.js';
import type { Store } from '../../bot/ports/store.js';
import type { PolicyLibrary } from '../../knowledge/library.js';
import { loadConfig } from '../config.js';
import { createStore } from '../store/create-store.js';
import { defaultStoreFileName } from '../store/lowdb/lowdb-store.js';

export interface HeadAnswers {
  find(answer: Answer): Promise<HeadQuestion[]>;
  close(): Promise<void>;
}

/** The store's remembered answers, or undefined when there is no store to read. */
export async function openAnswersStore(library: PolicyLibrary, env: NodeJS.ProcessEnv = process.env): Promise<HeadAnswers | undefined> {
  let store: Store;
  try {
    const config = loadConfig(env);
    if (!config.databaseUrl && !existsSync(join(config.dataDir, defaultStoreFileName))) return undefined;
    store = await createStore(config);
  } catch (error) {
    console.error(`(The head teachers' remembered answers are left out: ${(error as Error).message})`);
    return undefined;
  }
  return {
    // Only for a question about the policy: never for a report.
    find: (answer) => (answer.intent === 'ask' && answer.problem !== 'empty' && answer.problem !== 'too_long' ? headAnswersFor({ store, library }, answer.school.id, answer.question) : Promise.resolve([])),
    close: () => store.close(),
  };
}
