// A local fake of Slack's Socket Mode server (the `ws` package on 127.0.0.1, port 0): greets each
// connection with `hello`, sends envelopes as Slack does (events_api, slash_commands, interactive),
// and records the acknowledgements the app sends back, with any response payload.

import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSocketMode {
  /** The wss-like URL apps.connections.open hands out (ws://127.0.0.1:<port>/link/?ticket=…). */
  url: string;
  /** Resolves when an app has connected and been greeted. */
  connected(): Promise<void>;
  /** Sends one envelope to the connected app; resolves with its ack (rejects after `ms`). */
  send(type: 'events_api' | 'slash_commands' | 'interactive', payload: Record<string, unknown>, ms?: number): Promise<SocketAck>;
  acks: SocketAck[];
  close(): Promise<void>;
}

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const acks: SocketAck[] = [];
  const waiting = new Map<string, (ack: SocketAck) => void>();
  let socket: WebSocket | undefined;
  let onConnect: (() => void) | undefined;
  const connectedOnce = new Promise<void>((resolve) => (onConnect = resolve));
  let counter = 0;

  server.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      acks.push(ack);
      waiting.get(ack.envelope_id)?.(ack);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-socket-mode', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0ASSIST' } }));
    onConnect?.();
  });

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake-ticket`,
    connected: () => connectedOnce,
    acks,
    send(type, payload, ms = 5000) {
      if (!socket) return Promise.reject(new Error('fake Socket Mode: no app connected'));
      const envelope_id = `env-${++counter}`;
      const acked = new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake Socket Mode: ${type} ${envelope_id} not acknowledged in ${ms} ms`)), ms);
        waiting.set(envelope_id, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
      });
      socket.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
      return acked;
    },
    async close() {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
