// What a card button carries and how it comes back: the core's Action as the card action's data
// (never its title), sent as Action.Execute with an Action.Submit fallback, and decoded on return.

import { isAction, type Action, type FormSpec } from '../../bot/reply.js';

/** The verbs this bot's cards use: one for buttons, one for form submissions. */
export const ACTION_VERB = 'assistant.action';
export const FORM_VERB = 'assistant.form';
/** Inputs are named `in_<field>` so they never collide with the data keys Teams merges them into. */
export const INPUT_PREFIX = 'in_';

/** Adaptive Card JSON, as plain data. */
export type CardElement = Record<string, unknown>;

/** The data a card action carries back. */
export type CardData =
  | { verb: typeof ACTION_VERB; action: Action }
  | { verb: typeof FORM_VERB; formId: FormSpec['id']; context?: Record<string, string> };

/** What a pressed button or submitted card means, decoded from an invoke or a message value. */
export type CardSubmission =
  | { kind: 'action'; action: Action }
  | { kind: 'form'; formId: FormSpec['id']; values: Record<string, string>; context?: Record<string, string> };

/**
 * A Universal Action (Action.Execute) with an Action.Submit fallback carrying the same data, for
 * clients without Universal Actions. `associatedInputs: 'none'` keeps a button from validating a form.
 */
export function executeAction(
  title: string,
  data: CardData,
  options: { style?: 'positive' | 'destructive'; withInputs?: boolean } = {},
): CardElement {
  const common: CardElement = { title, ...(options.style ? { style: options.style } : {}) };
  const inputs = options.withInputs ? {} : { associatedInputs: 'none' };
  return {
    type: 'Action.Execute',
    ...common,
    verb: data.verb,
    data,
    ...inputs,
    fallback: { type: 'Action.Submit', ...common, data, ...inputs },
  };
}

/** Reads what Teams sent back for a card action: an invoke's `value.action` or a message's `value`. */
export function decodeSubmission(verb: unknown, data: unknown): CardSubmission | undefined {
  if (!isObject(data)) return undefined;
  const v = typeof verb === 'string' ? verb : data.verb;
  const inputs = inputValues(data);
  if (v === ACTION_VERB && isAction(data.action)) {
    return { kind: 'action', action: withInputs(data.action, inputs) };
  }
  if (v === FORM_VERB && isFormId(data.formId)) {
    const context = isStringRecord(data.context) ? data.context : undefined;
    return { kind: 'form', formId: data.formId, values: inputs, ...(context ? { context } : {}) };
  }
  return undefined;
}

/** An inline input given with a button (the note or outcome typed under Add note / Resolve). */
function withInputs(action: Action, inputs: Record<string, string>): Action {
  if (action.type === 'escalation.note' && !action.note && inputs.note) return { ...action, note: inputs.note };
  if (action.type === 'escalation.resolve' && !action.outcome && inputs.outcome) return { ...action, outcome: inputs.outcome };
  return action;
}

/** `in_<field>` values Teams merged into the data; blank ones left out. */
function inputValues(data: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith(INPUT_PREFIX) || typeof value !== 'string' || value.trim() === '') continue;
    values[key.slice(INPUT_PREFIX.length)] = value;
  }
  return values;
}

function isFormId(value: unknown): value is FormSpec['id'] {
  return value === 'report' || value === 'escalation.note' || value === 'escalation.resolve' || value === 'head.reply';
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
