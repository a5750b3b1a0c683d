// The one HTTP server Slack and Teams share (PORT): each adapter mounts its own route on it.

import express, { type Express } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpServer {
  /** The express app adapters mount on; no global body parser (Slack needs the raw body). */
  app: Express;
  /** Starts listening; port 0 picks a free port. Resolves the port actually bound. */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export function createHttpServer(): HttpServer {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  let server: Server | undefined;
  return {
    app,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolveListen, reject) => {
        server = app.listen(port, host, () => resolveListen((server!.address() as AddressInfo).port));
        server.once('error', reject);
      });
    },
    close() {
      return new Promise((resolveClose) => {
        if (!server) return resolveClose();
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      });
    },
  };
}
