// A button's `value` carries the core's Action as JSON (never the button's label), within Slack's
// 2,000-character limit; reading it back rejects anything that is not a known action.

import { isAction, type Action } from '../../bot/reply.js';
import { truncate } from './mrkdwn.js';

/** Slack's limit on a button's value. */
export const MAX_VALUE = 2000;

/** Free-text fields an action may carry, shortened (longest first) when the JSON is too long. */
const SHRINKABLE = ['description', 'question', 'note', 'outcome'] as const;

/** Serialises an action for a button value, shortening its free text to fit. */
export function encodeAction(action: Action): string {
  let json = JSON.stringify(action);
  if (json.length <= MAX_VALUE) return json;
  const copy: Record<string, unknown> = { ...action };
  for (const key of SHRINKABLE) {
    const value = copy[key];
    if (typeof value !== 'string') continue;
    const excess = json.length - MAX_VALUE;
    // JSON escapes can make a character cost up to 6; cut generously, then check again.
    copy[key] = truncate(value, Math.max(0, value.length - excess * 2 - 8));
    json = JSON.stringify(copy);
    if (json.length <= MAX_VALUE) return json;
  }
  throw new RangeError(`action ${action.type} does not fit in a button value`);
}

/** Reads a button value back into an action; undefined for anything malformed or unknown. */
export function decodeAction(value: string | undefined): Action | undefined {
  if (!value) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  return isAction(parsed) ? parsed : undefined;
}
