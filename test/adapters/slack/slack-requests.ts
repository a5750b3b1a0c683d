// Requests as Slack sends them: signed with the signing secret (`v0=` HMAC-SHA256 of
// `v0:<timestamp>:<raw body>`), JSON for events, form-encoded for commands and interactivity.

import { createHmac } from 'node:crypto';
import { FAKE_TEAM } from './fake-slack-api.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface SignedPostOptions {
  secret?: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  retryNum?: number;
  /** Replaces the computed signature (forgery tests). */
  signature?: string;
}

/** Signs a raw body exactly as Slack does. */
export function sign(rawBody: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** POSTs a raw body to the app, signed; resolves the status, body and time to the response. */
export async function postSigned(url: string, rawBody: string, contentType: string, options: SignedPostOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? sign(rawBody, timestamp, options.secret),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body: rawBody });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown>, ms: performance.now() - started };
}

let eventCounter = 0;

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${++eventCounter}`, team = FAKE_TEAM): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: team,
    api_app_id: 'A0ASSIST',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: team, user_id: 'UBOTASSIST', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** A DM from `user` to the assistant (message.im). */
export function dmEvent(user: string, text: string, ts = nextTs()): Record<string, unknown> {
  return { type: 'message', channel: `D${user}`, user, text, ts, channel_type: 'im', team: FAKE_TEAM, client_msg_id: `m-${ts}` };
}

/** A mention of the assistant in a channel. */
export function mentionEvent(user: string, text: string, channel = 'C0STAFFROOM', ts = nextTs()): Record<string, unknown> {
  return { type: 'app_mention', user, text: `<@UBOTASSIST> ${text}`, ts, channel, team: FAKE_TEAM };
}

/** A slash command body (form-encoded). */
export function commandBody(fields: { command: string; text: string; user_id: string; response_url: string; channel_id?: string; channel_name?: string; team_id?: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: fields.team_id ?? FAKE_TEAM,
    team_domain: 'school',
    channel_id: fields.channel_id ?? 'C0STAFFROOM',
    channel_name: fields.channel_name ?? 'staffroom',
    user_id: fields.user_id,
    user_name: `name-${fields.user_id}`,
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0ASSIST',
    response_url: fields.response_url,
    trigger_id: `trig-${++eventCounter}`,
  }).toString();
}

/** An interactivity payload, form-encoded as `payload=<json>`. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A block_actions payload for a button pressed in a message. */
export function blockActionPayload(fields: { user: string; value: string; channel: string; messageTs: string; responseUrl: string; actionId?: string; ephemeral?: boolean }): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: fields.user, username: `name-${fields.user}`, name: `name-${fields.user}`, team_id: FAKE_TEAM },
    api_app_id: 'A0ASSIST',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: fields.messageTs, channel_id: fields.channel, is_ephemeral: fields.ephemeral ?? false },
    trigger_id: `trig-${++eventCounter}`,
    team: { id: FAKE_TEAM, domain: 'school' },
    channel: { id: fields.channel, name: 'directmessage' },
    message: { type: 'message', ts: fields.messageTs, text: '' },
    response_url: fields.responseUrl,
    actions: [{ type: 'button', action_id: fields.actionId ?? 'act:0.0', block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value: fields.value, action_ts: String(Date.now() / 1000) }],
  };
}

/** A view_submission payload for a modal the app opened (`view` as views.open received it). */
export function viewSubmissionPayload(user: string, view: Record<string, unknown>, values: Record<string, Record<string, unknown>>, team = FAKE_TEAM): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: team, domain: 'school' },
    user: { id: user, username: `name-${user}`, name: `name-${user}`, team_id: team },
    api_app_id: 'A0ASSIST',
    token: 'legacy-verification-token',
    trigger_id: `trig-${++eventCounter}`,
    view: { id: 'V1', team_id: team, type: 'modal', ...view, state: { values }, hash: 'h', app_id: 'A0ASSIST', bot_id: 'BASSIST' },
    response_urls: [],
  };
}

/** A message shortcut payload ("Report this message"). */
export function messageShortcutPayload(user: string, message: { text: string; user: string; ts: string }, callbackId = 'report_message'): Record<string, unknown> {
  return {
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: `trig-${++eventCounter}`,
    message_ts: message.ts,
    response_url: 'http://127.0.0.1:9/unused',
    team: { id: FAKE_TEAM, domain: 'school' },
    channel: { id: 'C0STAFFROOM', name: 'staffroom' },
    user: { id: user, name: `name-${user}`, team_id: FAKE_TEAM },
    message: { type: 'message', ...message },
    token: 'legacy-verification-token',
  };
}

let tsCounter = 0;
function nextTs(): string {
  return `1700001000.${String(++tsCounter).padStart(6, '0')}`;
}
