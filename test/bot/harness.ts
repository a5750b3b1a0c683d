// Builds the core over in-memory fakes and the real policies, with helpers to act as someone.

import { loadPolicyLibrary, type PolicyLibrary } from '../../knowledge/library.js';
import { createBot } from '../../bot/create-bot.js';
import type { Bot } from '../../bot/bot.js';
import type { Actor, BotResponse } from '../../bot/events.js';
import type { ReportFields } from '../../bot/escalations/model.js';
import { silentLogger, type Logger } from '../../bot/ports/logger.js';
import type { Store } from '../../bot/ports/store.js';
import type { Action } from '../../bot/reply.js';
import { createFakeClock, type FakeClock } from '../fakes/fake-clock.js';
import { createFakeDirectory, type FakeDirectoryOptions } from '../fakes/fake-directory.js';
import { createMemoryStore } from '../fakes/memory-store.js';
import { createRecordingNotifier, type RecordingNotifier } from '../fakes/recording-notifier.js';
import { SEED_POLICIES } from '../seed-policies.js';

let library: Promise<PolicyLibrary> | undefined;
export const policies = () => (library ??= loadPolicyLibrary(SEED_POLICIES));

export interface Harness {
  bot: Bot;
  store: Store;
  notifier: RecordingNotifier;
  clock: FakeClock;
  as(userId: string): Actor;
  say(userId: string, text: string, where?: 'dm' | 'channel'): Promise<BotResponse>;
  press(userId: string, action: Action): Promise<BotResponse>;
  /** Submits the report form; resolves the response and the new escalation's ref. */
  report(userId: string, fields: Partial<ReportFields>): Promise<{ response: BotResponse; ref: string }>;
}

export const baseReport: ReportFields = {
  category: 'abusive',
  poster: 'pupil',
  about: 'colleague',
  platform: 'TikTok',
  seenAt: 'today 8am',
  evidenceKept: 'yes',
  replied: 'no',
  description: 'A video mocking a teacher.',
};

export async function makeHarness(options: { school?: string; people?: FakeDirectoryOptions; store?: Store; logger?: Logger } = {}): Promise<Harness> {
  const school = options.school ?? 'cadmus';
  const notifier = createRecordingNotifier('console');
  const clock = createFakeClock();
  const store = options.store ?? createMemoryStore();
  const bot = createBot({ library: await policies(), store, notifiers: [notifier], directory: createFakeDirectory(options.people), clock, logger: options.logger ?? silentLogger });
  const as = (userId: string): Actor => ({ platform: 'console', userId, name: userId, school });
  return {
    bot,
    store,
    notifier,
    clock,
    as,
    say: (userId, text, where = 'dm') => bot.handle({ type: 'message', actor: as(userId), text, where }),
    press: (userId, action) => bot.handle({ type: 'action', actor: as(userId), action, where: 'dm' }),
    async report(userId, fields) {
      const values = { ...baseReport, ...fields } as unknown as Record<string, string>;
      const response = await bot.handle({ type: 'form', actor: as(userId), formId: 'report', values });
      const text = response.direct.map((r) => r.text).join('\n');
      const ref = /ESC-\d{4}-\d{4}/.exec(text)?.[0] ?? '';
      return { response, ref };
    },
  };
}

/** All the text of a response, for assertions. */
export function allText(r: BotResponse): string {
  return [...r.replies, ...r.direct, ...(r.update ? [r.update] : []), ...(r.ephemeral ? [r.ephemeral] : [])].map((x) => x.text).join('\n');
}
