// A local fake of the Slack Web API (node:http on 127.0.0.1, port 0): records every call the
// adapter makes and answers like Slack ({ok:true,…} / {ok:false,error}, 429 with Retry-After, 500).
// It also serves response_url posts at /respond/<id>, recorded as method "response_url".

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  at: number;
  /** What the fake answered (e.g. the `ts` of a posted message). */
  result?: Record<string, unknown>;
}

/** A scripted failure for the next call(s) of a method. */
/** `hangMs`: the call takes effect, but the answer comes only after this long (past the client's timeout: a lost response). */
export type Failure = { status: 429; retryAfter: number } | { status: 500 } | { error: string } | { hangMs: number };

export interface FakeSlackApi {
  /** Base URL for SLACK_API_URL / slackApiUrl (ends with `/`). */
  url: string;
  /** A response_url the fake records (as method "response_url"). */
  responseUrl(id?: string): string;
  calls: RecordedCall[];
  /** Calls of one method, in order. */
  callsTo(method: string): RecordedCall[];
  /** The next calls to `method` fail as listed, one failure per call. */
  failNext(method: string, ...failures: Failure[]): void;
  /** Like failNext, for calls whose arguments match (e.g. only the DM to the head). */
  failNextWhere(method: string, match: (args: Record<string, unknown>) => boolean, ...failures: Failure[]): void;
  /** Resolves when `predicate` holds on the recorded calls (polls), or rejects after `ms`. */
  waitFor(predicate: (calls: RecordedCall[]) => boolean | Promise<boolean>, ms?: number): Promise<void>;
  reset(): void;
  /** Where apps.connections.open points a Socket Mode app (called with an app-level `xapp-` token). */
  socketModeUrl?: string;
  /** The app's OAuth credentials, as oauth.v2.access checks them. */
  oauthClient: { id: string; secret: string };
  /** Readies an "Add to Slack" in a workspace: Slack's redirect will carry `code`, which oauth.v2.access exchanges for `token` (once). */
  addInstall(install: FakeInstall): void;
  /** Revokes a bot token (an uninstall, tokens_revoked): calls with it get `token_revoked`. */
  revoke(token: string): void;
  close(): Promise<void>;
}

/** One workspace's install, as oauth.v2.access will answer it. */
export interface FakeInstall {
  code: string;
  team: string;
  teamName?: string;
  token: string;
  installer: string;
  enterprise?: string;
  isEnterpriseInstall?: boolean;
}

export const FAKE_BOT_USER = 'UBOTASSIST';
export const FAKE_TEAM = 'T0SCHOOL1';

/** Starts the fake; `token` is the bot token it accepts (others get `invalid_auth`). */
export async function startFakeSlackApi(token = 'xoxb-test-token'): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, { failure: Failure; match?: (args: Record<string, unknown>) => boolean }[]>();
  let tsCounter = 0;
  /** Messages posted per channel, newest first (for conversations.history). */
  const history = new Map<string, { ts: string; text: unknown; metadata?: unknown }[]>();
  const nextTs = () => `1700000000.${String(++tsCounter).padStart(6, '0')}`;
  /** Bot tokens Slack would accept → their workspace; the default token is FAKE_TEAM's. */
  const tokens = new Map<string, string>([[token, FAKE_TEAM]]);
  const revoked = new Set<string>();
  const installs = new Map<string, FakeInstall & { used?: boolean }>();

  function exchange(args: Record<string, unknown>): Record<string, unknown> {
    if (args.client_id !== fake.oauthClient.id || args.client_secret !== fake.oauthClient.secret) return { ok: false, error: 'invalid_client_id' };
    const install = installs.get(String(args.code));
    if (!install || install.used) return { ok: false, error: 'invalid_code' };
    install.used = true;
    tokens.set(install.token, install.team);
    revoked.delete(install.token);
    return {
      ok: true,
      app_id: 'A0ASSIST',
      authed_user: { id: install.installer },
      scope: 'app_mentions:read,assistant:write,chat:write,commands,im:history,im:write,users:read',
      token_type: 'bot',
      access_token: install.token,
      bot_user_id: FAKE_BOT_USER,
      team: install.isEnterpriseInstall ? null : { id: install.team, name: install.teamName ?? install.team },
      enterprise: install.enterprise ? { id: install.enterprise, name: install.enterprise } : null,
      is_enterprise_install: install.isEnterpriseInstall ?? false,
    };
  }

  function answer(method: string, args: Record<string, unknown>, bearer?: string): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://school.slack.com/', team: 'School', user: 'assistant', team_id: tokens.get(String(bearer)) ?? FAKE_TEAM, user_id: FAKE_BOT_USER, bot_id: 'BASSIST' };
      case 'auth.revoke':
        revoked.add(String(bearer));
        return { ok: true, revoked: true };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users).split(',')[0]}` } };
      case 'chat.postMessage': {
        const ts = nextTs();
        const list = history.get(String(args.channel)) ?? [];
        list.unshift({ ts, text: args.text, ...(args.metadata ? { metadata: args.metadata } : {}) });
        history.set(String(args.channel), list.slice(0, 1000));
        return { ok: true, channel: args.channel, ts, message: { text: args.text } };
      }
      case 'conversations.history': {
        // Newest first; metadata only when asked for, as Slack does.
        const list = (history.get(String(args.channel)) ?? []).slice(0, Number(args.limit ?? 100));
        const withMeta = args.include_all_metadata === true || args.include_all_metadata === 'true';
        return { ok: true, messages: list.map(({ metadata, ...m }) => (withMeta && metadata ? { ...m, metadata } : m)), has_more: false };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: `V${++tsCounter}`, ...(args.view as object) } };
      case 'assistant.threads.setStatus':
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        return { ok: true };
      case 'apps.connections.open':
        return fake.socketModeUrl ? { ok: true, url: fake.socketModeUrl } : { ok: false, error: 'not_allowed_token_type' };
      case 'users.info':
        return { ok: true, user: { id: args.user, name: `user-${args.user}`, real_name: `User ${args.user}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (path.startsWith('/respond/')) {
      calls.push({ method: 'response_url', args: { ...JSON.parse(raw || '{}'), id: path.slice(9) }, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const args = parseArgs(raw, String(req.headers['content-type'] ?? ''));
    const bearer = String(req.headers.authorization ?? '').replace(/^Bearer /, '') || (args.token as string | undefined);
    const call: RecordedCall = { method, args, token: bearer, at: Date.now() };
    calls.push(call);
    const queue = failures.get(method) ?? [];
    const index = queue.findIndex((f) => !f.match || f.match(args));
    const failure = index === -1 ? undefined : queue.splice(index, 1)[0].failure;
    if (failure && 'status' in failure && failure.status === 429) {
      res.writeHead(429, { 'retry-after': String(failure.retryAfter), 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (failure && 'status' in failure) {
      res.writeHead(failure.status, { 'content-type': 'text/plain' }).end('Internal Server Error');
      return;
    }
    // An app-level token opens Socket Mode connections and nothing else; oauth.v2.access needs no token.
    if (method === 'oauth.v2.access') {
      call.result = exchange(args);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(call.result));
      return;
    }
    const accepted = method === 'apps.connections.open' ? bearer?.startsWith('xapp-') : bearer !== undefined && tokens.has(bearer) && !revoked.has(bearer);
    const refusal = bearer !== undefined && revoked.has(bearer) ? 'token_revoked' : 'invalid_auth';
    if (failure && 'hangMs' in failure) {
      call.result = answer(method, args, bearer);
      await new Promise((r) => setTimeout(r, failure.hangMs));
      if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(call.result));
      return;
    }
    const body = failure ? { ok: false, error: failure.error } : !accepted ? { ok: false, error: refusal } : answer(method, args, bearer);
    call.result = body;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const fake: FakeSlackApi = {
    url: `${base}/api/`,
    responseUrl: (id = 'r1') => `${base}/respond/${id}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(method, ...list) {
      failures.set(method, [...(failures.get(method) ?? []), ...list.map((failure) => ({ failure }))]);
    },
    failNextWhere(method, match, ...list) {
      failures.set(method, [...(failures.get(method) ?? []), ...list.map((failure) => ({ failure, match }))]);
    },
    async waitFor(predicate, ms = 5000) {
      const until = Date.now() + ms;
      while (!(await predicate(calls))) {
        if (Date.now() > until) throw new Error(`fake Slack: condition not met in ${ms} ms; calls: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    oauthClient: { id: 'client-id-1', secret: 'client-secret-1' },
    addInstall: (install) => void installs.set(install.code, { ...install }),
    revoke: (t) => void revoked.add(t),
    reset() {
      calls.length = 0;
      history.clear();
      failures.clear();
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  return fake;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The WebClient posts form-encoded bodies whose nested values (blocks, view) are JSON strings. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

// Run on its own (`tsx test/adapters/slack/fake-slack-api.ts [token]`): prints its URL, serves until killed.
// The bench uses this so the fake's work is not counted against the app under test.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const api = await startFakeSlackApi(process.argv[2]);
  // Keep memory flat on long runs: nobody reads the record of a separate process.
  setInterval(() => api.calls.splice(0, Math.max(0, api.calls.length - 1000)), 1000).unref();
  process.stdout.write(`${api.url}\n`);
}
