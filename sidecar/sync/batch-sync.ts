// Sends planned work units to Salesforce and records the outcome per record, in three steps:
//   stage   settles what needs no call (skipped, unchanged, a setting the org lacks) and prepares
//           the payloads of the rest
//   send    one upsert of Accounts, Contacts and Opportunities (Collections, or Bulk API 2.0)
//   finish  contact roles, then the link rows, the history and the queue
// A batch goes through all three at once; a Bulk round stages and finishes in chunks around one
// send (bulk-round.ts), so a staged record keeps its payloads only as text (the history's JSON)
// and the payloads themselves go straight into the round's CSV. One record's failure never holds
// up the rest.
import { createHash } from 'node:crypto';
import type { Connection } from 'jsforce';
import type { DatabasePool } from '../db/pool.js';
import { accountPayload, contactPayload, type SalesforcePayload } from '../mapping/people.js';
import { complete, fail, type LeasedEntry } from '../queue/queue.js';
import { syncContactRoles, type ContactRoleResult } from '../salesforce/contact-roles.js';
import type { OrgProfile } from '../salesforce/org-profile.js';
import { WRITE_ORDER, type RowError, type RowResult, type UpsertBatch, type UpsertedObject } from '../salesforce/upsert-writer.js';
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

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A record staged for sending: what finishing needs, nothing more (a Bulk round holds 40,000). */
export interface StagedRecord {
  entry: LeasedEntry;
  linkType: WorkUnit['linkType'];
  linkId: string;
  storeId: number | null;
  sourceUpdatedAt: string | null;
  /** The opportunity's key, or the person's when there is no opportunity. */
  key: string;
  /** Magento_Key__c of the Account and the Contact, when the record has a person. */
  personKey: string | null;
  /** Magento_Key__c of the Opportunity, when the record has one. */
  opportunityKey: string | null;
  personLink?: WorkUnit['personLink'];
  stage: string | null;
  contactRole: string | null;
  stageBefore: string | null;
  /** The payloads as JSON, as the history keeps them. */
  sentPayload: string;
  hash: string;
}

export interface StagedBatch {
  toSend: StagedRecord[];
  /** The payloads of `toSend`, once per key: a cart and its order share an Account, Contact and Opportunity. */
  payloads: UpsertBatch;
  /** Counts of the records settled while staging. */
  summary: BatchSummary;
}

export function emptySummary(): BatchSummary {
  return { synced: 0, failed: 0, skipped: 0, unchanged: 0 };
}

export function addSummary(total: BatchSummary, part: BatchSummary): void {
  for (const field of ['synced', 'failed', 'skipped', 'unchanged'] as const) total[field] += part[field];
}

/** Results by object, then by Magento_Key__c: a Bulk round holds tens of thousands of them. */
export type ResultIndex = Record<UpsertedObject, Map<string, RowResult>>;

export function emptyResultIndex(): ResultIndex {
  return { Account: new Map(), Contact: new Map(), Opportunity: new Map() };
}

export function indexResults(results: RowResult[]): ResultIndex {
  const index = emptyResultIndex();
  for (const result of results) index[result.object].set(result.key, result);
  return index;
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
  const payloads = { Account: new Map<string, SalesforcePayload>(), Contact: new Map<string, SalesforcePayload>(), Opportunity: new Map<string, SalesforcePayload>() };

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
    const sentPayload = JSON.stringify({ Account: account, Contact: contact, Opportunity: opportunity, ContactRole: unit.opportunity?.contactRole ?? null });
    const hash = hashOf(sentPayload);
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
      opportunityKey: unit.opportunity?.key ?? null,
      personLink: unit.personLink,
      stage: unit.opportunity?.stage ?? null,
      contactRole: unit.opportunity?.contactRole ?? null,
      stageBefore: link?.stage ?? null,
      sentPayload,
      hash,
    });
    for (const [object, payload] of [['Account', account], ['Contact', contact], ['Opportunity', opportunity]] as const) {
      if (payload) payloads[object].set(String(payload.Magento_Key__c), payload);
    }
  }

  // A setting the org lacks will not fix itself by retrying soon; those entries wait for a change.
  await recordSettled(context, { outcomes, events, done, failed: unfixable, retryable: false });
  return { toSend, payloads: Object.fromEntries(WRITE_ORDER.map((object) => [object, [...payloads[object].values()]])), summary };
}

/** Adds the contact roles, then records each sent record's outcome, history and queue state. */
export async function finishBatch(context: BatchSyncContext, records: StagedRecord[], results: ResultIndex): Promise<BatchSummary> {
  const { pool } = context;
  const summary = emptySummary();
  const outcomes: LinkOutcome[] = [];
  const events: SyncEvent[] = [];
  const done: LeasedEntry[] = [];
  const failed: { entry: LeasedEntry; message: string }[] = [];
  const resultOf = (object: UpsertedObject, key: string | null) => (key === null ? undefined : results[object].get(key));

  const wantedRoles = records.flatMap((r) => {
    const opportunityId = resultOf('Opportunity', r.opportunityKey)?.id;
    const contactId = resultOf('Contact', r.personKey)?.id;
    return r.contactRole && opportunityId && contactId ? [{ opportunityId, contactId, role: r.contactRole }] : [];
  });
  // Two sidecars finishing a cart and its order at once must not both add the role.
  const roles: ContactRoleResult[] = wantedRoles.length
    ? await withNamedLock(pool, 'forcebridge_contact_roles', () => syncContactRoles(context.connection, wantedRoles, { onApiCall: context.onApiCall }))
    : [];
  const rolesByPair = new Map(roles.map((r) => [`${r.opportunityId}|${r.contactId}`, r]));

  for (const r of records) {
    const account = resultOf('Account', r.personKey);
    const contact = resultOf('Contact', r.personKey);
    const opportunity = resultOf('Opportunity', r.opportunityKey);
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
      salesforceObject: r.opportunityKey !== null ? 'Opportunity' : 'Contact',
      salesforceId: opportunity?.id ?? contact?.id ?? null,
      sentPayload: r.sentPayload,
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
export async function syncBatch(context: BatchSyncContext, writer: RecordWriter, units: WorkUnit[]): Promise<BatchSummary> {
  const { toSend, payloads, summary } = await stageBatch(context, units);
  const results = toSend.length > 0 ? await writer.upsert(payloads) : [];
  addSummary(summary, await finishBatch(context, toSend, indexResults(results)));
  return summary;
}
