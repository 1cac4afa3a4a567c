// Starts the org emulator: one express app on 127.0.0.1 serving OAuth, the REST API (with the
// query engine and Bulk API 2.0 ingest and query jobs), the admin endpoints and the web page.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Router } from 'express';
import { importSPKI, importX509, type CryptoKey } from 'jose';
import { createBulk2Router } from './bulk2/bulk2-router.js';
import { createQueryJobsRouter } from './bulk2/query-jobs-router.js';
import { createAdminRouter } from './http/admin.js';
import { ApiUsage } from './http/api-usage.js';
import { FaultInjector, type FaultSettings } from './http/faults.js';
import { createOAuthRouter } from './http/oauth.js';
import { sendJson } from './http/json.js';
import { createRestApiRouter } from './http/rest-api.js';
import { SessionStore } from './http/sessions.js';
import { createWebPageRouter } from './http/web-page.js';
import { IdGenerator } from './ids.js';
import { OrgHolder } from './org/org-holder.js';
import { Org, type OrgSnapshot, type RecordTypeSpec, type UserSpec } from './org/org.js';
import type { OpportunityStage } from './schema/opportunity-stages.js';
import { createQueryRouter } from './soql/query-router.js';
import { loadSnapshotFile, SnapshotFileWriter } from './snapshot-file.js';

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  securityToken: string;
  /** PEM certificate or public key that verifies JWT bearer assertions. */
  jwtCertificate: string | undefined;
  tokenLifetimeSeconds: number;
  dailyApiLimit: number;
  stageNameRestricted: boolean;
  /** Salesforce's "State and Country/Territory Picklists" setting. */
  stateCountryPicklists: boolean;
  extraStages: OpportunityStage[];
  recordTypes: RecordTypeSpec[];
  /** Users besides the org's own (record owners, active or not). */
  users: UserSpec[];
  faults: Partial<FaultSettings>;
  /** Loaded at start when it exists, written after changes and at stop. */
  snapshotFile: string | undefined;
}

export const EMULATOR_DEFAULTS: EmulatorOptions = {
  port: 8765,
  host: '127.0.0.1',
  clientId: 'forcebridge-emulator',
  clientSecret: 'forcebridge-emulator-secret',
  username: 'admin@forcebridge.test',
  password: 'emulator',
  securityToken: '',
  jwtCertificate: undefined,
  tokenLifetimeSeconds: 7200,
  dailyApiLimit: 15000,
  stageNameRestricted: true,
  stateCountryPicklists: false,
  extraStages: [],
  recordTypes: [],
  users: [],
  faults: {},
  snapshotFile: undefined,
};

export interface RunningEmulator {
  url: string;
  port: number;
  /** The org served now (a reset or snapshot load replaces it). */
  readonly org: Org;
  faults: FaultInjector;
  sessions: SessionStore;
  usage: ApiUsage;
  stop(): Promise<void>;
}

async function importJwtKey(pem: string | undefined): Promise<CryptoKey | undefined> {
  if (!pem) return undefined;
  return pem.includes('BEGIN CERTIFICATE') ? importX509(pem, 'RS256') : importSPKI(pem, 'RS256');
}

function engineRouters(holder: OrgHolder): Router[] {
  const userId = holder.org.userId;
  // Ingest and query jobs share one id sequence, as Salesforce's 750 ids do.
  const jobIds = new IdGenerator();
  return [
    createQueryRouter(holder),
    createBulk2Router(holder, { userId, ids: jobIds, describe: (objectName) => holder.fields(objectName) }),
    createQueryJobsRouter(holder, { userId, ids: jobIds }),
  ];
}

export async function startEmulator(overrides: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  const options: EmulatorOptions = { ...EMULATOR_DEFAULTS, port: 0, ...overrides };
  const orgOptions = {
    extraStages: options.extraStages,
    stageNameRestricted: options.stageNameRestricted,
    stateCountryPicklists: options.stateCountryPicklists,
    recordTypes: options.recordTypes,
    users: options.users,
    user: { username: options.username, firstName: 'Demo', lastName: 'Admin', email: options.username },
  };
  const freshOrg = () => new Org(orgOptions);
  const restoredOrg = (snapshot: OrgSnapshot) => new Org(orgOptions, snapshot);
  const saved = options.snapshotFile ? await loadSnapshotFile(options.snapshotFile) : undefined;

  const faults = new FaultInjector(options.faults);
  const holder = new OrgHolder(saved ? restoredOrg(saved) : freshOrg(), () => faults.rowLocked());
  const sessions = new SessionStore(holder.org.orgId, options.tokenLifetimeSeconds);
  const usage = new ApiUsage(options.dailyApiLimit);
  const writer = options.snapshotFile ? new SnapshotFileWriter(options.snapshotFile, () => holder.org.snapshot()) : undefined;
  if (writer) holder.onChange(() => writer.scheduleSave());

  let instanceUrl = '';
  const app = express();
  app.disable('x-powered-by');
  app.use(
    createOAuthRouter({
      config: { ...options, jwtKey: await importJwtKey(options.jwtCertificate) },
      sessions,
      org: () => holder.org,
      instanceUrl: () => instanceUrl,
    }),
  );
  app.get(['/services/data', '/services/data/'], (_req, res) => sendJson(res, 200, apiVersions()));
  app.use(
    '/services/data/:version',
    createRestApiRouter({ org: () => holder.org, sessions, usage: () => usage, faults, engineRouters: engineRouters(holder) }),
  );
  app.use('/__emulator', createAdminRouter({ holder, usage, sessions, faults, freshOrg, restoredOrg }));
  app.use(createWebPageRouter(() => holder.org));

  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(options.port, options.host, () => resolve(listening));
    listening.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  instanceUrl = `http://${options.host}:${port}`;

  return {
    url: instanceUrl,
    port,
    get org() {
      return holder.org;
    },
    faults,
    sessions,
    usage,
    async stop() {
      await writer?.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Versions from Spring '14 (30.0) on, labelled the way Salesforce names its releases. */
function apiVersions(): Array<{ label: string; url: string; version: string }> {
  const seasons = ['Winter', 'Spring', 'Summer'];
  const versions = [];
  for (let major = 30; major <= 64; major++) {
    // 62.0 was Winter '25; each release moves one season on.
    const offset = major - 62 + 3 * 1000;
    const season = seasons[offset % 3] as string;
    const year = 25 + Math.floor(offset / 3) - 1000;
    versions.push({ label: `${season} '${String(year).padStart(2, '0')}`, url: `/services/data/v${major}.0`, version: `${major}.0` });
  }
  return versions;
}
