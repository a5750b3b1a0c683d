// A loopback TCP proxy in front of PostgreSQL, so a test can cut the database connection (as a
// network failure or server restart would) and bring it back on the same port, or have the server
// end each new session the moment it is ready (as pg_terminate_backend during a burst does).

import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Drops every connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  /**
   * While on, each new connection gets, in the same packet as its first ReadyForQuery, a FATAL
   * 57P01 ("terminating connection due to administrator command"), and is then closed.
   */
  terminateOnReady(on: boolean): void;
  close(): Promise<void>;
}

/** The ErrorResponse PostgreSQL sends when an administrator ends a session (pg_terminate_backend). */
export function adminShutdownMessage(): Buffer {
  const field = (tag: string, value: string) => Buffer.concat([Buffer.from(tag), Buffer.from(`${value}\0`)]);
  const body = Buffer.concat([field('S', 'FATAL'), field('V', 'FATAL'), field('C', '57P01'), field('M', 'terminating connection due to administrator command'), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** Holds back server bytes until the first ReadyForQuery ('Z'), then sends them with a FATAL and closes. */
function terminateAfterReady(client: net.Socket, upstream: net.Socket): void {
  let held = Buffer.alloc(0);
  upstream.on('data', (chunk: Buffer) => {
    held = Buffer.concat([held, chunk]);
    // Messages after startup: a type byte, then a 4-byte length that counts itself.
    for (let at = 0; at + 5 <= held.length; ) {
      const end = at + 1 + held.readInt32BE(at + 1);
      if (end > held.length) return;
      if (held[at] === 0x5a) {
        client.end(Buffer.concat([held.subarray(0, end), adminShutdownMessage()]));
        upstream.destroy();
        return;
      }
      at = end;
    }
  });
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let terminating = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream);
    if (terminating) terminateAfterReady(client, upstream);
    else upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) => new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  const stop = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
  const port = await listen(0);
  return {
    port,
    cut: stop,
    restore: async () => void (await listen(port)),
    terminateOnReady: (on) => void (terminating = on),
    close: stop,
  };
}
