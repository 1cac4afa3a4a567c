// The sidecar's settings: environment variables, optionally backed by a JSON file named in
// FORCEBRIDGE_CONFIG_FILE (same keys as the variables; the environment wins). Everything is
// checked at start and every problem is reported on its own line, without ever echoing a secret.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

export const SALESFORCE_AUTH_FLOWS = ['client_credentials', 'jwt', 'password'] as const;
export type SalesforceAuthFlow = (typeof SALESFORCE_AUTH_FLOWS)[number];

export interface SalesforceSettings {
  loginUrl: string;
  auth: SalesforceAuthFlow;
  clientId: string | undefined;
  clientSecret: string | undefined;
  username: string | undefined;
  password: string | undefined;
  privateKeyFile: string | undefined;
  apiVersion: string;
}

/** The HTTP API's access rules (see sidecar/http). */
export interface ApiSettings {
  /** What Magento's PHP side sends as `Authorization: Bearer …`; no bearer access without it. */
  token: string | undefined;
  /** Whether the console also takes a Magento username and password (else only Magento's signed links). */
  passwordSignIn: boolean;
  /** Minutes of inactivity after which a browser session ends. */
  sessionMinutes: number;
  /** Link to a record in the org; `{object}` and `{id}` are filled in. Default: Lightning's record page. */
  salesforceRecordUrl: string | undefined;
}

export interface Settings {
  mysqlUrl: string;
  /** The install's name, part of every Magento_Key__c value (e.g. "prod" in "prod:quote:12"). */
  instance: string;
  salesforce: SalesforceSettings;
  http: { host: string; port: number };
  api: ApiSettings;
  pollIntervalSeconds: number;
  /** Batches of at least this many records go through Bulk API 2.0 instead of Collections. */
  bulkThreshold: number;
  logLevel: string;
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

/** Which SF_ variables each login flow needs. */
const REQUIRED_FOR_AUTH: Record<SalesforceAuthFlow, string[]> = {
  client_credentials: ['SF_CLIENT_ID', 'SF_CLIENT_SECRET'],
  jwt: ['SF_CLIENT_ID', 'SF_USERNAME', 'SF_PRIVATE_KEY_FILE'],
  // OAuth username-password flow; without a client id jsforce would fall back to the retired SOAP login.
  password: ['SF_CLIENT_ID', 'SF_CLIENT_SECRET', 'SF_USERNAME', 'SF_PASSWORD'],
};

const optionalText = z.string().trim().min(1).optional();

const integerSetting = (fallback: number, min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `must be a whole number (${what})` })
    .int({ error: `must be a whole number (${what})` })
    .min(min, { error: `must be at least ${min} (${what})` })
    .max(max, { error: `must be at most ${max} (${what})` })
    .default(fallback);

const mysqlUrl = z
  .string({ error: 'is required: mysql://user:password@host:3306/magento_database' })
  .refine(isMysqlUrlWithDatabase, {
    error: 'must look like mysql://user:password@host:3306/magento_database (with the database name)',
  });

function isRecordUrlTemplate(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value.replace('{object}', 'Account').replace('{id}', 'x')).protocol) && value.includes('{id}');
  } catch {
    return false;
  }
}

const rawSettingsSchema = z
  .object({
    MYSQL_URL: mysqlUrl,
    FORCEBRIDGE_INSTANCE: z
      .string({ error: 'is required: a short name for this install, e.g. "prod"' })
      .regex(/^[a-z0-9-]{1,20}$/, { error: 'must be 1 to 20 characters: lower-case letters, digits and "-"' }),
    SF_LOGIN_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://login.salesforce.com' })
      .default('https://login.salesforce.com'),
    SF_AUTH: z
      .enum(SALESFORCE_AUTH_FLOWS, { error: `must be one of ${SALESFORCE_AUTH_FLOWS.join(', ')}` })
      .default('client_credentials'),
    SF_CLIENT_ID: optionalText,
    SF_CLIENT_SECRET: optionalText,
    SF_USERNAME: optionalText,
    SF_PASSWORD: optionalText,
    SF_PRIVATE_KEY_FILE: optionalText,
    SF_API_VERSION: z.string().regex(/^\d{2,3}\.0$/, { error: 'must look like 62.0' }).default('62.0'),
    FORCEBRIDGE_HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
    FORCEBRIDGE_HTTP_PORT: integerSetting(8787, 0, 65535, 'a TCP port; 0 picks a free one'),
    FORCEBRIDGE_API_TOKEN: z
      .string()
      .regex(/^\S{32,512}$/, { error: 'must be 32 to 512 characters without spaces (e.g. openssl rand -hex 32)' })
      .optional(),
    FORCEBRIDGE_PASSWORD_SIGN_IN: z
      .enum(['0', '1'], { error: 'must be 1 (the console takes a Magento username and password) or 0 (sign-in only from Magento)' })
      .default('0')
      .transform((value) => value === '1'),
    FORCEBRIDGE_SESSION_MINUTES: integerSetting(30, 1, 1440, 'minutes of inactivity before a console session ends'),
    FORCEBRIDGE_SALESFORCE_RECORD_URL: z
      .string()
      .refine(isRecordUrlTemplate, { error: 'must be an http(s) URL containing {id} (and optionally {object})' })
      .optional(),
    FORCEBRIDGE_POLL_INTERVAL_SECONDS: integerSetting(60, 5, 86400, 'seconds between automatic passes'),
    FORCEBRIDGE_BULK_THRESHOLD: integerSetting(2000, 1, 10_000_000, 'records'),
    FORCEBRIDGE_LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  });

type SettingKey = keyof z.input<typeof rawSettingsSchema>;
const SETTING_KEYS = Object.keys(rawSettingsSchema.shape) as SettingKey[];

function isMysqlUrlWithDatabase(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'mysql:' || url.protocol === 'mariadb:') && url.hostname !== '' && /^\/[^/]+$/.test(url.pathname);
  } catch {
    return false;
  }
}

/** Checked apart from the schema so they are listed even when other settings are wrong too. */
function loginFlowProblems(raw: Record<string, string>): string[] {
  const auth = raw.SF_AUTH ?? 'client_credentials';
  const problems: string[] = [];
  if ((SALESFORCE_AUTH_FLOWS as readonly string[]).includes(auth)) {
    for (const variable of REQUIRED_FOR_AUTH[auth as SalesforceAuthFlow]) {
      if (raw[variable] === undefined) problems.push(`${variable}: is required when SF_AUTH=${auth}`);
    }
  }
  const keyFile = raw.SF_PRIVATE_KEY_FILE;
  if (keyFile !== undefined && !existsSync(keyFile)) problems.push('SF_PRIVATE_KEY_FILE: names a file that does not exist');
  return problems;
}

/** Reads the JSON settings file; problems with it are reported like any other setting problem. */
function readSettingsFile(path: string, problems: string[]): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not readable JSON';
    problems.push(`FORCEBRIDGE_CONFIG_FILE: ${path} ${reason}`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`FORCEBRIDGE_CONFIG_FILE: ${path} must hold a JSON object of setting names and values`);
    return {};
  }
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(SETTING_KEYS as string[]).includes(key)) {
      problems.push(`FORCEBRIDGE_CONFIG_FILE: unknown setting "${key}"`);
    } else if (typeof value === 'string' || typeof value === 'number') {
      values[key] = String(value);
    } else {
      problems.push(`${key} (in ${path}): must be a string or a number`);
    }
  }
  return values;
}

/** Environment variables win over the file; empty variables count as unset. */
function mergeSources(env: NodeJS.ProcessEnv, fileValues: Record<string, string>): Record<string, string> {
  const merged: Record<string, string> = { ...fileValues };
  for (const key of SETTING_KEYS) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') merged[key] = value;
  }
  return merged;
}

/** Reads and validates the settings; throws SettingsError listing every problem at once. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const problems: string[] = [];
  const configFile = env.FORCEBRIDGE_CONFIG_FILE?.trim();
  const fileValues = configFile ? readSettingsFile(configFile, problems) : {};
  const merged = mergeSources(env, fileValues);
  const result = rawSettingsSchema.safeParse(merged);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  problems.push(...loginFlowProblems(merged));
  if (problems.length > 0 || !result.success) throw new SettingsError(problems);
  const raw = result.data;
  return {
    mysqlUrl: raw.MYSQL_URL,
    instance: raw.FORCEBRIDGE_INSTANCE,
    salesforce: {
      loginUrl: raw.SF_LOGIN_URL,
      auth: raw.SF_AUTH,
      clientId: raw.SF_CLIENT_ID,
      clientSecret: raw.SF_CLIENT_SECRET,
      username: raw.SF_USERNAME,
      password: raw.SF_PASSWORD,
      privateKeyFile: raw.SF_PRIVATE_KEY_FILE,
      apiVersion: raw.SF_API_VERSION,
    },
    http: { host: raw.FORCEBRIDGE_HTTP_HOST, port: raw.FORCEBRIDGE_HTTP_PORT },
    api: {
      token: raw.FORCEBRIDGE_API_TOKEN,
      passwordSignIn: raw.FORCEBRIDGE_PASSWORD_SIGN_IN,
      sessionMinutes: raw.FORCEBRIDGE_SESSION_MINUTES,
      salesforceRecordUrl: raw.FORCEBRIDGE_SALESFORCE_RECORD_URL,
    },
    pollIntervalSeconds: raw.FORCEBRIDGE_POLL_INTERVAL_SECONDS,
    bulkThreshold: raw.FORCEBRIDGE_BULK_THRESHOLD,
    logLevel: raw.FORCEBRIDGE_LOG_LEVEL,
  };
}

const REDACTED = '[redacted]';

/** The URL with its password replaced, safe for logs and error messages. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password !== '') url.password = REDACTED;
    return url.toString();
  } catch {
    return REDACTED;
  }
}

/** The settings as they may be shown in logs and in `doctor`: no secret, only whether it is set. */
export function redactedSettings(settings: Settings): Record<string, unknown> {
  const { salesforce } = settings;
  return {
    mysqlUrl: redactUrl(settings.mysqlUrl),
    instance: settings.instance,
    salesforce: {
      loginUrl: salesforce.loginUrl,
      auth: salesforce.auth,
      clientId: salesforce.clientId,
      clientSecret: salesforce.clientSecret === undefined ? undefined : REDACTED,
      username: salesforce.username,
      password: salesforce.password === undefined ? undefined : REDACTED,
      privateKeyFile: salesforce.privateKeyFile,
      apiVersion: salesforce.apiVersion,
    },
    http: settings.http,
    api: { ...settings.api, token: settings.api.token === undefined ? undefined : REDACTED },
    pollIntervalSeconds: settings.pollIntervalSeconds,
    bulkThreshold: settings.bulkThreshold,
    logLevel: settings.logLevel,
  };
}
