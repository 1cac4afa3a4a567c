// Runs the HTTP API on a host and port (port 0 picks a free one, as tests do).
import type { AddressInfo } from 'node:net';
import { createHttpApi } from './app.js';
import type { HttpApiOptions, HttpApiRuntime } from './api-parts.js';

export interface RunningHttpApi {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startHttpApi(runtime: HttpApiRuntime, options: HttpApiOptions & { host: string; port: number }): Promise<RunningHttpApi> {
  const app = createHttpApi(runtime, options);
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const listening = app.listen(options.port, options.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    stop: async () => {
      server.closeIdleConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await app.shutDown();
    },
  };
}
