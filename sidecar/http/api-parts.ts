// What the HTTP API is built from: the sidecar's runtime parts and the access rules from settings.
import type { Connection } from 'jsforce';
import type { DatabasePool } from '../db/pool.js';
import type { Logger } from '../logger.js';
import type { MagentoConfig } from '../magento/config.js';
import type { Settings } from '../settings.js';
import type { SyncEngine } from '../sync/sync-engine.js';
import type { SignInLimits } from './auth/sign-in-limits.js';

export interface HttpApiRuntime {
  pool: DatabasePool;
  config: MagentoConfig;
  connection: Connection;
  engine: SyncEngine;
  logger: Logger;
}

export interface HttpApiOptions {
  /** What Magento's server sends as Bearer token, and the key of its signed console sign-in links. */
  apiToken?: string;
  /** Whether POST /api/session takes a username and password (FORCEBRIDGE_PASSWORD_SIGN_IN); off by default. */
  passwordSignIn?: boolean;
  sessionMinutes: number;
  salesforceRecordUrl?: string;
  signInLimits?: SignInLimits;
  /** Where the console page (index.html) is; admin-ui/console in the project by default. */
  consoleDirectory?: string;
  /** Where the webpack bundle is; dist/admin-ui in the project by default. */
  assetsDirectory?: string;
  /** The clock sessions and sign-in links expire by. */
  now?: () => number;
}

export function httpApiOptions(settings: Settings): HttpApiOptions {
  return {
    apiToken: settings.api.token,
    passwordSignIn: settings.api.passwordSignIn,
    sessionMinutes: settings.api.sessionMinutes,
    salesforceRecordUrl: settings.api.salesforceRecordUrl,
  };
}
