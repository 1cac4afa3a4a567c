// Shared by the emulator's integration tests: start an emulator on a free port, log jsforce in
// through client credentials, and call the admin endpoints.
import jsforce, { type Connection } from 'jsforce';
import { EMULATOR_DEFAULTS, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/server.js';

export const API_VERSION = '62.0';
export const CLIENT_ID = EMULATOR_DEFAULTS.clientId;
export const CLIENT_SECRET = EMULATOR_DEFAULTS.clientSecret;

export interface EmulatorUnderTest {
  readonly emulator: RunningEmulator;
  /** A jsforce connection logged in through the client-credentials flow. */
  connect(): Promise<Connection>;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
}

/** A jsforce connection to the emulator at the URL, logged in through the client-credentials flow. */
export async function connectTo(url: string): Promise<Connection> {
  const conn = new jsforce.Connection({ oauth2: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, loginUrl: url }, version: API_VERSION });
  await conn.authorize({ grant_type: 'client_credentials' });
  return conn;
}

/** Starts one emulator for the enclosing `describe` and stops it afterwards; resets the org before each test. */
export function useEmulator(options: Partial<EmulatorOptions> = {}): EmulatorUnderTest {
  let running: RunningEmulator | undefined;
  const harness: EmulatorUnderTest = {
    get emulator() {
      if (!running) throw new Error('The emulator is not running');
      return running;
    },
    connect() {
      return connectTo(harness.emulator.url);
    },
    admin(method, path, body) {
      return fetch(`${harness.emulator.url}/__emulator${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
  };
  before(async () => {
    running = await startEmulator(options);
  });
  beforeEach(async () => {
    const reset = await harness.admin('POST', '/reset');
    if (reset.status !== 204) throw new Error(`reset answered ${reset.status}`);
    await harness.admin('DELETE', '/faults');
  });
  after(async () => {
    await running?.stop();
  });
  return harness;
}

/** Creates Opportunity.Magento_Key__c (Text, External ID, Unique) through the Tooling API. */
export async function createMagentoKeyField(conn: Connection, objectName = 'Opportunity', unique = true): Promise<void> {
  await conn.tooling.sobject('CustomField').create({
    FullName: `${objectName}.Magento_Key__c`,
    Metadata: { type: 'Text', label: 'Magento Key', length: 80, externalId: true, unique },
  });
}

/** The error a promise rejects with, or a failure when it resolves. */
export async function rejectionOf(promise: PromiseLike<unknown>): Promise<Error & { errorCode?: string; data?: unknown; name: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { errorCode?: string; data?: unknown };
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
