// npm run emulator -- [options]: starts the org emulator on 127.0.0.1 and prints its URL.
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { FAILURE_KINDS, type FaultSettings } from './http/faults.js';
import type { RecordTypeSpec, UserSpec } from './org/org.js';
import { parseStage, type OpportunityStage } from './schema/opportunity-stages.js';
import { EMULATOR_DEFAULTS, startEmulator } from './server.js';

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('Expected a whole number.');
  return parsed;
}

function share(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1) throw new InvalidArgumentError('Expected a share between 0 and 1.');
  return parsed;
}

function latency(value: string): { latencyMs: number; latencyMaxMs: number } {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value);
  if (!match) throw new InvalidArgumentError('Expected milliseconds, e.g. 50, or a range, e.g. 20-200.');
  const latencyMs = Number(match[1]);
  return { latencyMs, latencyMaxMs: match[2] === undefined ? latencyMs : Number(match[2]) };
}

function stage(value: string, previous: OpportunityStage[]): OpportunityStage[] {
  try {
    return [...previous, parseStage(value)];
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function recordType(value: string, previous: RecordTypeSpec[]): RecordTypeSpec[] {
  const [objectName, developerName, label] = value.split(':');
  if (!objectName || !developerName) throw new InvalidArgumentError('Expected Object:DeveloperName[:Label], e.g. Opportunity:Magento_Cart:Magento Cart.');
  return [...previous, { objectName, developerName, ...(label ? { label } : {}) }];
}

function user(value: string, previous: UserSpec[]): UserSpec[] {
  const match = /^([^:\s]+)(:inactive)?$/.exec(value);
  if (!match?.[1]) throw new InvalidArgumentError('Expected username[:inactive], e.g. owner@example.com or gone@example.com:inactive.');
  return [...previous, { username: match[1], active: match[2] === undefined }];
}

function failureKinds(value: string): FaultSettings['failureKinds'] {
  const kinds = value.split(',');
  if (kinds.length === 0 || kinds.some((kind) => !(FAILURE_KINDS as readonly string[]).includes(kind))) {
    throw new InvalidArgumentError(`Expected a comma-separated list of ${FAILURE_KINDS.join(', ')}.`);
  }
  return kinds as FaultSettings['failureKinds'];
}

const program = new Command('emulator')
  .description('Salesforce org emulator for Forcebridge: OAuth, REST, Collections, Composite, SOQL, Bulk API 2.0 and Tooling on 127.0.0.1')
  .addOption(new Option('--port <port>', 'port to listen on (0 = any free port)').default(EMULATOR_DEFAULTS.port).argParser(integer))
  .option('--client-id <id>', 'connected app consumer key', EMULATOR_DEFAULTS.clientId)
  .option('--client-secret <secret>', 'connected app consumer secret', EMULATOR_DEFAULTS.clientSecret)
  .option('--username <username>', 'the org user (password, JWT and client-credentials logins)', EMULATOR_DEFAULTS.username)
  .option('--password <password>', 'the user password', EMULATOR_DEFAULTS.password)
  .option('--security-token <token>', 'security token a password login may append', EMULATOR_DEFAULTS.securityToken)
  .option('--jwt-cert <file>', 'PEM certificate or public key that verifies JWT bearer assertions (JWT login is off without it)')
  .addOption(new Option('--token-lifetime <seconds>', 'access token lifetime').default(EMULATOR_DEFAULTS.tokenLifetimeSeconds).argParser(integer))
  .addOption(new Option('--daily-limit <calls>', 'daily API request allocation').default(EMULATOR_DEFAULTS.dailyApiLimit).argParser(integer))
  .option('--stage <Name:probability[:Forecast Category][:won|lost]>', 'add an opportunity stage (repeatable)', stage, [] as OpportunityStage[])
  .option('--unrestricted-stages', 'accept any StageName instead of refusing stages the org lacks')
  .option('--record-type <Object:DeveloperName[:Label]>', 'add a record type (repeatable)', recordType, [] as RecordTypeSpec[])
  .option('--state-country-picklists', 'turn on State and Country/Territory Picklists (address code fields, checked names)')
  .option('--user <username[:inactive]>', 'add a user, active unless :inactive (repeatable)', user, [] as UserSpec[])
  .option('--snapshot <file>', 'load the org from this JSON file at start and save it there after changes and at exit')
  .addOption(new Option('--seed <n>', 'seed of the fault injection random sequence').default(1).argParser(integer))
  .addOption(new Option('--latency <ms|min-max>', 'latency added to every REST call').default({ latencyMs: 0, latencyMaxMs: 0 }, '0').argParser(latency))
  .addOption(new Option('--failure-rate <share>', 'share of REST calls that fail').default(0).argParser(share))
  .addOption(new Option('--failure-kinds <kinds>', 'how failing calls fail: 500, 503, drop (comma-separated)').default(['503'], '503').argParser(failureKinds))
  .addOption(new Option('--row-lock-rate <share>', 'share of row writes failing with UNABLE_TO_LOCK_ROW').default(0).argParser(share));

program.parse();
const cli = program.opts<{
  port: number;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  securityToken: string;
  jwtCert?: string;
  tokenLifetime: number;
  dailyLimit: number;
  stage: OpportunityStage[];
  unrestrictedStages?: boolean;
  recordType: RecordTypeSpec[];
  stateCountryPicklists?: boolean;
  user: UserSpec[];
  snapshot?: string;
  seed: number;
  latency: { latencyMs: number; latencyMaxMs: number };
  failureRate: number;
  failureKinds: FaultSettings['failureKinds'];
  rowLockRate: number;
}>();

const emulator = await startEmulator({
  port: cli.port,
  clientId: cli.clientId,
  clientSecret: cli.clientSecret,
  username: cli.username,
  password: cli.password,
  securityToken: cli.securityToken,
  jwtCertificate: cli.jwtCert ? readFileSync(cli.jwtCert, 'utf8') : undefined,
  tokenLifetimeSeconds: cli.tokenLifetime,
  dailyApiLimit: cli.dailyLimit,
  stageNameRestricted: !cli.unrestrictedStages,
  extraStages: cli.stage,
  recordTypes: cli.recordType,
  stateCountryPicklists: cli.stateCountryPicklists === true,
  users: cli.user,
  snapshotFile: cli.snapshot,
  faults: { seed: cli.seed, ...cli.latency, failureRate: cli.failureRate, failureKinds: cli.failureKinds, rowLockRate: cli.rowLockRate },
});

console.log(`Salesforce org emulator listening on ${emulator.url}`);
console.log(`  login URL / instance URL: ${emulator.url}   user: ${cli.username}   client id: ${cli.clientId}`);
console.log(`  org browser: ${emulator.url}/__emulator/`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void emulator.stop().then(() => process.exit(0));
  });
}
