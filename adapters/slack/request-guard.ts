// Checks every request to POST /slack/events before Bolt sees it: the signature, a timestamp within
// 5 minutes either way (Bolt refuses only old ones), and, for commands and interactivity, that the
// same signed request has not been handled already (a replay within the 5 minutes).
// NOTE: Events API requests are de-duplicated by event_id in the listeners; Slack re-signs its
// retries, so only an exact replay carries a signature seen before.

import { createHash } from 'node:crypto';
import { isValidSlackRequest } from '@slack/bolt';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from '../../bot/ports/logger.js';
import type { Store } from '../../bot/ports/store.js';

export interface RequestGuardDeps {
  signingSecret: string;
  store: Pick<Store, 'claimEvent'>;
  logger: Logger;
  now?: () => number;
}

/** Slack's own limit on how far a request's timestamp may be from the receiver's clock. */
export const MAX_SKEW_SECONDS = 5 * 60;

/** The middleware chain to mount on the Slack route ahead of Bolt's receiver. */
export function slackRequestGuard(deps: RequestGuardDeps): RequestHandler[] {
  const now = deps.now ?? Date.now;
  // NOTE: Bolt's receiver reads `req.rawBody` when it is there, so reading the body here is safe.
  const raw = express.raw({ type: () => true, limit: '1mb' });
  const keepRaw = (req: Request, _res: Response, next: NextFunction) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    (req as Request & { rawBody?: Buffer }).rawBody = body;
    next();
  };
  const check = async (req: Request, res: Response, next: NextFunction) => {
    const rawBody = ((req as Request & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0)).toString('utf8');
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    const signature = String(req.headers['x-slack-signature'] ?? '');
    if (!Number.isInteger(timestamp) || Math.abs(now() / 1000 - timestamp) > MAX_SKEW_SECONDS) {
      deps.logger.warn('slack: refused a request whose timestamp is missing or more than 5 minutes off', { ip: req.ip, timestamp: req.headers['x-slack-request-timestamp'] });
      return void res.status(401).end();
    }
    const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp };
    if (!isValidSlackRequest({ signingSecret: deps.signingSecret, body: rawBody, headers, nowMilliseconds: now() })) {
      deps.logger.warn('slack: refused a request with a bad signature', { ip: req.ip });
      return void res.status(401).end();
    }
    const problem = formProblem(req, rawBody);
    if (problem) {
      deps.logger.warn('slack: refused a malformed request', { problem, ip: req.ip });
      return void res.status(400).json({ error: problem });
    }
    if (isEventsApi(req) || (await firstTime(signature))) return next();
    deps.logger.warn('slack: ignored a replayed request (its signature was handled already)', { ip: req.ip });
    res.status(200).end();
  };

  async function firstTime(signature: string): Promise<boolean> {
    const key = `slack:request:${createHash('sha256').update(signature).digest('hex').slice(0, 32)}`;
    try {
      return await deps.store.claimEvent(key);
    } catch (error) {
      // Better to handle a possible replay than to drop a real request while the store is down.
      deps.logger.error('slack: could not record a request signature; handling it anyway', { error: (error as Error).message });
      return true;
    }
  }

  return [raw, keepRaw, (req, res, next) => void check(req, res, next).catch(next)];
}

/**
 * What is wrong with a signed form body as Slack would send it, or undefined: interactivity carries
 * `payload`, a JSON object with a `type`. (Bolt answers 500 for one that is not.)
 */
function formProblem(req: Request, rawBody: string): string | undefined {
  if (isEventsApi(req)) return undefined;
  const payload = new URLSearchParams(rawBody).get('payload');
  if (payload === null) return undefined;
  try {
    const parsed = JSON.parse(payload) as { type?: unknown } | null;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && typeof parsed.type === 'string' ? undefined : 'the payload has no type';
  } catch {
    return 'the payload is not JSON';
  }
}

function isEventsApi(req: Request): boolean {
  return String(req.headers['content-type'] ?? '').startsWith('application/json');
}
