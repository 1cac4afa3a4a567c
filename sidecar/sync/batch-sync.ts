// Sends planned work units to Salesforce and records the outcome per record, in three steps:
//   stage   settles what needs no call (skipped, unchanged, a setting the org lacks) and prepares
//           the payloads of the rest
//   send    one upsert of Accounts, Contacts and Opportunities (Collections, or Bulk API 2.0)
//   finish  contact roles, then the link rows, the history and the queue
// A batch goes through all three at once; a Bulk round stages and finishes in chunks around one
// send, so only the payloads and their results stay in memory for the whole round. One record's
// failure never holds up the rest.
import { createHash } from 'node:crypto';
import type { Connection } from 'jsforce';
import type { DatabasePool } from '../db/pool.js';
import { accountPayload, contactPayload, type SalesforcePayload } from '../mapping/people.js';
import { complete, fail, type LeasedEntry } from '../queue/queue.js';
import { syncContactRoles, type ContactRoleResult } from '../salesforce/contact-roles.js';
import type { OrgProfile } from '../salesforce/org-profile.js';
import type { RowError, RowResult, UpsertBatch } from '../salesforce/upsert-writer.js';
import { readLinks, recordEvents, recordOutcomes, type LinkOutcome, type SyncEvent } from './link-store.js';
import type { WorkUnit } from './batch-planner.js';
import { withNamedLock } from './named-lock.js';

export interface RecordWriter {
  upsert(batch: UpsertBatch): Promise<RowResult[]>;
}

export interface BatchSyncContext {
  pool: DatabasePool;
  connection: Connection;
  org: OrgProfile;
  writer: RecordWriter;
  leaseOwner: string;
  runId: number | null;
  onApiCall?: () => void;
}

export interface BatchSummary {
  synced: number;
  failed: number;
  skipped: number;
  unchanged: number;
}

/** A Salesforce error in words a merchant can act on. */
export function describeError(object: string, error: RowError): string {
  if (error.code === 'INVALID_FIELD' && /Magento_/.test(error.message)) {
    return `${object}: Salesforce lacks a Forcebridge field (${error.message}). Run "forcebridge setup-org".`;
  }
  const fields = error.fields.length > 0 ? ` (fields: ${error.fields.join(', ')})` : '';
  return `${object} was refused by Salesforce: ${error.message}${fields} [${error.code}]`;
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** A record staged for sending: its payloads and what finishing needs, nothing more. */
export interface StagedRecord {
  entry: LeasedEntry;
  linkType: WorkUnit['linkType'];
  linkId: string;
  storeId: number | null;
  sourceUpdatedAt: string | null;
  /** The opportunity's key, or the person's when there is no opportunity. */
  key: string;
  personKey: string | null;
  personLink?: WorkUnit['personLink'];
  stage: string | null;
  contactRole: string | null;
  stageBefore: string | null;
  account?: SalesforcePayload;
  contact?: SalesforcePayload;
  opportunity?: SalesforcePayload;
  hash: string;
}

export interface StagedBatch {
  toSend: StagedRecord[];
  /** Counts of the records settled while staging. */
  summary: BatchSummary;
}

export function emptySummary(): BatchSummary {
  return { synced: 0, failed: 0, skipped: 0, unchanged: 0 };
}

export function addSummary(total: BatchSummary, part: BatchSummary): void {
  for (const field of ['synced', 'failed', 'skipped', 'unchanged'] as const) total[field] += part[field];
}

/** Results looked up by object and key: a Bulk round holds tens of thousands of them. */
export type ResultIndex = Map<string, RowResult>;

export function indexResults(results: RowResult[]): ResultIndex {
  return new Map(results.map((r) => [`${r.object}|${r.key}`, r]));
}

function uniqueByKey(payloads: (SalesforcePayload | undefined)[]): SalesforcePayload[] {
  const byKey = new Map<string, SalesforcePayload>();
  for (const payload of payloads) if (payload) byKey.set(String(payload.Magento_Key__c), payload);
  return [...byKey.values()];
}

/** One upsert's worth of payloads; a cart and its order share an Account, Contact and Opportunity. */
export function upsertBatchOf(records: StagedRecord[]): UpsertBatch {
  return {
    Account: uniqueByKey(records.map((r) => r.account)),
    Contact: uniqueByKey(records.map((r) => r.contact)),
    Opportunity: uniqueByKey(records.map((r) => r.opportunity)),
  };
}

/** Writes the link rows and history of settled records, and takes them off the queue or marks them failed. */
async function recordSettled(
  context: BatchSyncContext,
  settled: { outcomes: LinkOutcome[]; events: SyncEvent[]; done: LeasedEntry[]; failed: { entry: LeasedEntry; message: string }[]; retryable: boolean },
): Promise<void> {
  const { pool, leaseOwner } = context;
  await recordOutcomes(pool, settled.outcomes);
  await recordEvents(pool, settled.events);
  await complete(pool, leaseOwner, settled.done);
  for (const f of settled.failed) await fail(pool, leaseOwner, [f.entry], f.message, settled.retryable);
}

/** Settles skipped, unchanged and misconfigured units at once and prepares the payloads of the rest. */
export async function stageBatch(context: BatchSyncContext, units: WorkUnit[]): Promise<StagedBatch> {
  const { pool, org } = context;
  const summary = emptySummary();
  const outcomes: LinkOutcome[] = [];
  const events: SyncEvent[] = [];
  const done: LeasedEntry[] = [];
  const unfixable: { entry: LeasedEntry; message: string }[] = [];
  const toSend: StagedRecord[] = [];

  const links = await readLinks(pool, units.map((u) => ({ entityType: u.linkType, entityId: u.linkId })));
  for (const unit of units) {
    const key = unit.opportunity?.key ?? unit.person?.key ?? `${unit.linkType}:${unit.linkId}`;
    const base = { entityType: unit.linkType, entityId: unit.linkId, storeId: unit.storeId, salesforceKey: key };
    if (unit.skipReason || unit.configError) {
      const message = (unit.skipReason ?? unit.configError)!;
      outcomes.push({ ...base, status: unit.skipReason ? 'skipped' : 'error', errorCode: unit.skipReason ? 'SKIPPED' : 'SETTING_NOT_IN_ORG', errorMessage: message, sourceUpdatedAt: unit.sourceUpdatedAt });
      events.push({ runId: context.runId, entityType: unit.linkType, entityId: unit.linkId, salesforceObject: null, salesforceId: null, sentPayload: null, result: unit.skipReason ? 'skipped' : 'error', errorMessage: message, stageBefore: null, stageAfter: null });
      if (unit.skipReason) summary.skipped++;
      else summary.failed++;
      unfixable.push({ entry: unit.entry, message });
      continue;
    }
    const account = unit.person ? org.fitToLengths('Account', accountPayload(unit.person)) : undefined;
    const contact = unit.person ? org.fitToLengths('Contact', contactPayload(unit.person)) : undefined;
    const opportunity = unit.opportunity ? org.fitToLengths('Opportunity', unit.opportunity.payload) : undefined;
    const hash = hashOf([account, contact, opportunity, unit.opportunity?.contactRole ?? null]);
    const link = links.get(`${unit.linkType}:${unit.linkId}`);
    if (!unit.entry.manual && link?.status === 'synced' && link.payloadHash === hash) {
      summary.unchanged++;
      outcomes.push({ ...base, status: 'synced', payloadHash: hash, sourceUpdatedAt: unit.sourceUpdatedAt });
      done.push(unit.entry);
      continue;
    }
    toSend.push({
      entry: unit.entry,
      linkType: unit.linkType,
      linkId: unit.linkId,
      storeId: unit.storeId,
      sourceUpdatedAt: unit.sourceUpdatedAt,
      key,
      personKey: unit.person?.key ?? null,
      personLink: unit.personLink,
      stage: unit.opportunity?.stage ?? null,
      contactRole: unit.opportunity?.contactRole ?? null,
      stageBefore: link?.stage ?? null,
      account,
      contact,
      opportunity,
      hash,
    });
  }

  // A setting the org lacks will not fix itself by retrying soon; those entries wait for a change.
  await recordSettled(context, { outcomes, events, done, failed: unfixable, retryable: false });
  return { toSend, summary };
}

/** Adds the contact roles, then records each sent record's outcome, history and queue state. */
export async function finishBatch(context: BatchSyncContext, records: StagedRecord[], results: ResultIndex): Promise<BatchSummary> {
  const { pool } = context;
  const summary = emptySummary();
  const outcomes: LinkOutcome[] = [];
  const events: SyncEvent[] = [];
  const done: LeasedEntry[] = [];
  const failed: { entry: LeasedEntry; message: string }[] = [];
  const resultOf = (object: string, payload: SalesforcePayload | undefined) =>
    payload ? results.get(`${object}|${String(payload.Magento_Key__c)}`) : undefined;

  const wantedRoles = records.flatMap((r) => {
    const opportunityId = resultOf('Opportunity', r.opportunity)?.id;
    const contactId = resultOf('Contact', r.contact)?.id;
    return r.contactRole && opportunityId && contactId ? [{ opportunityId, contactId, role: r.contactRole }] : [];
  });
  // Two sidecars finishing a cart and its order at once must not both add the role.
  const roles: ContactRoleResult[] = wantedRoles.length
    ? await withNamedLock(pool, 'forcebridge_contact_roles', () => syncContactRoles(context.connection, wantedRoles, { onApiCall: context.onApiCall }))
    : [];
  const rolesByPair = new Map(roles.map((r) => [`${r.opportunityId}|${r.contactId}`, r]));

  for (const r of records) {
    const account = resultOf('Account', r.account);
    const contact = resultOf('Contact', r.contact);
    const opportunity = resultOf('Opportunity', r.opportunity);
    const role = opportunity?.id && contact?.id ? rolesByPair.get(`${opportunity.id}|${contact.id}`) : undefined;
    const failures: { object: string; error: RowError }[] = [];
    for (const [object, result] of [['Account', account], ['Contact', contact], ['Opportunity', opportunity]] as const) {
      if (result?.error) failures.push({ object, error: result.error });
    }
    if (role?.error) failures.push({ object: 'Opportunity Contact Role', error: role.error });
    const message = failures.length > 0 ? failures.map((f) => describeError(f.object, f.error)).join(' ') : null;
    outcomes.push({
      entityType: r.linkType,
      entityId: r.linkId,
      storeId: r.storeId,
      salesforceKey: r.key,
      status: failures.length > 0 ? 'error' : 'synced',
      accountId: account?.id ?? null,
      contactId: contact?.id ?? null,
      opportunityId: opportunity?.id ?? null,
      contactRoleId: role?.id ?? null,
      errorCode: failures[0]?.error.code ?? null,
      errorMessage: message,
      payloadHash: r.hash,
      sourceUpdatedAt: r.sourceUpdatedAt,
    });
    if (r.personLink && r.personLink.type !== r.linkType && !account?.error && !contact?.error) {
      outcomes.push({ entityType: r.personLink.type, entityId: r.personLink.id, storeId: r.storeId, salesforceKey: r.personKey!, status: 'synced', accountId: account?.id ?? null, contactId: contact?.id ?? null });
    }
    events.push({
      runId: context.runId,
      entityType: r.linkType,
      entityId: r.linkId,
      salesforceObject: r.opportunity ? 'Opportunity' : 'Contact',
      salesforceId: opportunity?.id ?? contact?.id ?? null,
      sentPayload: { Account: r.account, Contact: r.contact, Opportunity: r.opportunity, ContactRole: r.contactRole },
      result: failures.length > 0 ? 'error' : 'success',
      errorMessage: message,
      stageBefore: r.stageBefore,
      stageAfter: failures.length > 0 ? r.stageBefore : r.stage,
    });
    if (failures.length === 0) {
      summary.synced++;
      done.push(r.entry);
    } else {
      summary.failed++;
      failed.push({ entry: r.entry, message: message! });
    }
  }

  await recordSettled(context, { outcomes, events, done, failed, retryable: true });
  return summary;
}

/** Stages, sends and finishes one batch. */
export async function syncBatch(context: BatchSyncContext, units: WorkUnit[]): Promise<BatchSummary> {
  const { toSend, summary } = await stageBatch(context, units);
  const results = toSend.length > 0 ? await context.writer.upsert(upsertBatchOf(toSend)) : [];
  addSummary(summary, await finishBatch(context, toSend, indexResults(results)));
  return summary;
}
