// The OAuth `state` for "Add to Slack": signed (HMAC-SHA256 with SLACK_STATE_SECRET), valid for 10
// minutes, and usable once: the store records each state's nonce when it is redeemed, on any
// instance, so a replayed callback is refused.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';
import type { Store } from '../../bot/ports/store.js';

/** A state refused: its message is safe to show the person installing (it names no secret). */
export class OAuthStateError extends Error {
  override name = 'OAuthStateError';
}

/** How long an install link's state stays valid. */
export const stateLifetimeMs = 10 * 60 * 1000;

export function createStateStore(secret: string, store: Pick<Store, 'claimEvent'>): StateStore {
  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('base64url');
  return {
    async generateStateParam(installOptions: InstallURLOptions, now: Date) {
      const body = Buffer.from(JSON.stringify({ o: installOptions, t: now.getTime(), n: randomBytes(16).toString('hex') })).toString('base64url');
      return `${body}.${sign(body)}`;
    },
    async verifyStateParam(now: Date, state: string) {
      const [body, signature, extra] = String(state ?? '').split('.');
      // Bytes, not characters: a forged signature with multi-byte characters must not reach timingSafeEqual unequal in length.
      const given = Buffer.from(signature ?? '');
      const expected = Buffer.from(body ? sign(body) : '');
      if (!body || !signature || extra !== undefined || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new OAuthStateError('the install link is not one this assistant made');
      }
      const payload = readPayload(body);
      const age = now.getTime() - payload.t;
      if (!(age >= 0 && age <= stateLifetimeMs)) throw new OAuthStateError('the install link has expired; open /slack/install again');
      if (!(await store.claimEvent(`slack:oauth-state:${payload.n}`))) throw new OAuthStateError('the install link was already used; open /slack/install again');
      return payload.o;
    },
  };
}

/** The signed body; signed by us, so only a damaged secret could make it unreadable. */
function readPayload(body: string): { o: InstallURLOptions; t: number; n: string } {
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { o: InstallURLOptions; t: number; n: string };
    if (typeof payload?.t === 'number' && typeof payload.n === 'string' && typeof payload.o === 'object') return payload;
  } catch {
    // fall through
  }
  throw new OAuthStateError('the install link is not one this assistant made');
}
