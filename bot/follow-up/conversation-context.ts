// The last question asked in a conversation (a DM, a thread, a Teams chat), kept in the store so a
// follow-up on another instance is read the same; it lasts 10 minutes.

import type { Actor } from '../events.js';
import type { Store } from '../ports/store.js';

/** How long a question stays the one a short follow-up is read with. */
export const followUpWindowMs = 10 * 60 * 1000;

interface Context {
  question: string;
  school: string;
  at: string;
}

/** One key per person and conversation: two people in one thread never read each other's questions. */
function keyFor(actor: Actor, conversation: string | undefined): string {
  return `conversation:${actor.platform}:${actor.tenant ?? ''}:${actor.userId}:${conversation ?? ''}`;
}

/** The question a follow-up in this conversation would be read with, if one was asked in the window. */
export async function lastQuestion(store: Pick<Store, 'getFlow'>, actor: Actor, conversation: string | undefined, now: Date): Promise<string | undefined> {
  const state = (await store.getFlow(keyFor(actor, conversation)))?.state as Partial<Context> | undefined;
  if (!state || typeof state.question !== 'string' || typeof state.at !== 'string' || state.school !== actor.school) return undefined;
  const age = now.getTime() - Date.parse(state.at);
  return age >= 0 && age <= followUpWindowMs ? state.question : undefined;
}

/** Remembers the question just answered (as it was read) for the next follow-up. */
export async function rememberQuestion(store: Pick<Store, 'saveFlow'>, actor: Actor, conversation: string | undefined, question: string, now: Date): Promise<void> {
  const context: Context = { question, school: actor.school, at: now.toISOString() };
  await store.saveFlow(keyFor(actor, conversation), context);
}
