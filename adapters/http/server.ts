// The one HTTP server Slack and Teams share (PORT): each adapter mounts its own route on it, and
// GET /healthz says whether the store can be reached and how far behind the direct messages are.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { ConfigError } from '../../bot/errors.js';
import type { StoreHealth } from '../../bot/ports/store.js';

export interface HttpServer {
  /** The express app adapters mount on; no global body parser (Slack needs the raw body). */
  app: Express;
  /** Starts listening; port 0 picks a free port. Resolves the port actually bound; a port in use is a ConfigError. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops taking connections, lets requests in flight finish for up to `graceMs`, then closes. */
  close(graceMs?: number): Promise<void>;
}

export interface HttpServerOptions {
  /** The store's health for /healthz; without it, /healthz only says the process is up. */
  health?: () => Promise<StoreHealth>;
  /** The clock /healthz measures the backlog's age with. */
  now?: () => number;
}

/** How long /healthz waits for the store before calling it unreachable. */
const healthTimeoutMs = 3_000;

export function createHttpServer(options: HttpServerOptions = {}): HttpServer {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    if (!options.health) return void res.json({ ok: true });
    const report = await healthReport(options.health, options.now ?? Date.now);
    res.status(report.ok ? 200 : 503).json(report);
  });
  let server: Server | undefined;
  return {
    app,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolveListen, reject) => {
        // NOTE: express 5's app.listen calls its callback on errors too, so a port in use read
        // server.address() as null; the plain node server keeps 'listening' and 'error' apart.
        server = createServer(app);
        server.once('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'EADDRINUSE') reject(new ConfigError('config_invalid', `Port ${port} is in use: stop whatever is using it, or set PORT to another port.`));
          else if (error.code === 'EACCES') reject(new ConfigError('config_invalid', `Port ${port} may not be used by this user: set PORT to a port above 1024.`));
          else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new ConfigError('config_invalid', `HOST ${host} is not an address of this machine.`));
          else reject(error);
        });
        server.listen(port, host, () => resolveListen((server!.address() as AddressInfo).port));
      });
    },
    close(graceMs = 0) {
      return new Promise((resolveClose) => {
        if (!server?.listening) return resolveClose();
        const s = server;
        s.close(() => resolveClose());
        s.closeIdleConnections();
        // Requests still running after the grace period are cut off.
        setTimeout(() => s.closeAllConnections(), graceMs).unref();
      });
    },
  };
}

/** What /healthz answers: ok, the store reached or not, and the direct messages not yet sent. */
export async function healthReport(health: () => Promise<StoreHealth>, now: () => number): Promise<Record<string, unknown>> {
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), healthTimeoutMs);
    });
    const h = await Promise.race([health(), timeout]).finally(() => clearTimeout(timer));
    const oldestSeconds = h.oldestUndeliveredAt ? Math.max(0, Math.round((now() - Date.parse(h.oldestUndeliveredAt)) / 1000)) : 0;
    return { ok: true, store: 'reachable', undelivered: h.undelivered, oldestUndeliveredSeconds: oldestSeconds, quarantined: h.quarantined };
  } catch {
    return { ok: false, store: 'unreachable' };
  }
}
