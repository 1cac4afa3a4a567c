// Serves the query and Bulk API 2.0 routers over an in-memory org on 127.0.0.1 (free port),
// mounted where the emulator's server mounts them, so tests can talk to them through jsforce.
import express from 'express';
import type { AddressInfo } from 'node:net';
import jsforce from 'jsforce';
import { createBulk2Router, type Bulk2RouterOptions } from '../../../emulator/bulk2/bulk2-router.js';
import { createQueryRouter, type QueryRouterOptions } from '../../../emulator/soql/query-router.js';
import type { InMemoryOrg } from './in-memory-org.js';

export const API_VERSION = '62.0';

export interface EngineServer {
  instanceUrl: string;
  connect(): jsforce.Connection;
  close(): Promise<void>;
}

export async function startEngineServer(org: InMemoryOrg, options: { query?: QueryRouterOptions; bulk2?: Bulk2RouterOptions } = {}): Promise<EngineServer> {
  const app = express();
  app.use('/services/data/:version', createQueryRouter(org, options.query), createBulk2Router(org, options.bulk2));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  const instanceUrl = `http://127.0.0.1:${port}`;
  return {
    instanceUrl,
    connect: () => new jsforce.Connection({ instanceUrl, accessToken: 'x', version: API_VERSION }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
