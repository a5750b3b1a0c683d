// A local fake of the Bot Connector service (node:http on 127.0.0.1, port 0): records replies,
// updates and conversation creations, answers with ids as the service does, and can be told to
// fail the next calls (429, 500, 403 BotNotInConversationRoster).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  kind: 'send' | 'reply' | 'update' | 'create';
  conversationId?: string;
  activityId?: string;
  body: Record<string, any>;
  /** The id the fake answered with. */
  id?: string;
}

export interface Failure {
  status: number;
  code?: string;
  retryAfter?: string;
  /** Only calls of this kind fail (any kind when absent). */
  kind?: ConnectorCall['kind'];
}

export interface FakeBotConnector {
  url: string;
  calls: ConnectorCall[];
  /** Every failed call, for asserting retries. */
  failures: { kind: ConnectorCall['kind']; status: number }[];
  /** Queues failures answered, in order, to the next matching calls. */
  failNext(...failures: Failure[]): void;
  /** Calls of a kind, optionally to one conversation. */
  sent(kind?: ConnectorCall['kind'], conversationId?: string): ConnectorCall[];
  /** Waits until `predicate` holds for the recorded calls (for answers sent after the HTTP reply). */
  waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs?: number): Promise<void>;
  clear(): void;
  close(): Promise<void>;
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const failures: FakeBotConnector['failures'] = [];
  const queue: Failure[] = [];
  let counter = 0;

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, any>) : {};
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/+/, '/');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    // v3 / conversations [/ :id / activities [/ :activityId]]
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return answer(res, 404, { error: { code: 'NotFound', message: path } });
    const kind: ConnectorCall['kind'] =
      parts.length === 2 ? 'create' : req.method === 'PUT' ? 'update' : parts.length === 5 ? 'reply' : 'send';
    const failIndex = queue.findIndex((f) => !f.kind || f.kind === kind);
    if (failIndex !== -1) {
      const failure = queue.splice(failIndex, 1)[0];
      failures.push({ kind, status: failure.status });
      const headers: Record<string, string> = failure.retryAfter !== undefined ? { 'Retry-After': failure.retryAfter } : {};
      return answer(res, failure.status, { error: { code: failure.code ?? 'ServiceError', message: `fake failure ${failure.status}` } }, headers);
    }
    const call: ConnectorCall = { kind, body, ...(parts[2] ? { conversationId: parts[2] } : {}), ...(parts[4] ? { activityId: parts[4] } : {}) };
    if (kind === 'create') {
      call.id = `a:fake-chat-${++counter}`;
      calls.push(call);
      return answer(res, 201, { id: call.id, serviceUrl: undefined });
    }
    call.id = kind === 'update' ? parts[4] : `1:fake-activity-${++counter}`;
    calls.push(call);
    return answer(res, kind === 'update' ? 200 : 201, { id: call.id });
  }

  function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    failures,
    failNext: (...f) => void queue.push(...f),
    sent: (kind, conversationId) => calls.filter((c) => (!kind || c.kind === kind) && (!conversationId || c.conversationId === conversationId)),
    async waitFor(predicate, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > until) throw new Error(`fake connector: condition not met; calls: ${JSON.stringify(calls.map((c) => c.kind))}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    clear() {
      calls.length = 0;
      failures.length = 0;
      queue.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
