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
import { EXTERNAL_ID_FIELD } from '../mapping/keys.js';
import type { OpportunityPhase } from '../mapping/opportunity.js';
import { opportunityFieldsToWrite, personFieldsToWrite } from '../mapping/ownership.js';
import { accountPayload, contactPayload, type SalesforcePayload } from '../mapping/people.js';
import { complete, fail, type LeasedEntry } from '../queue/queue.js';
import { syncContactRoles, type ContactRoleResult } from '../salesforce/contact-roles.js';
import type { OrgProfile } from '../salesforce/org-profile.js';
import { WRITE_ORDER, type RowError, type RowResult, type UpsertBatch, type UpsertedObject } from '../salesforce/upsert-writer.js';
import { readLinks, recordEvents, recordOutcomes, type LinkOutcome, type SyncEvent } from './link-store.js';
import type { WorkUnit } from './batch-planner.js';
import { recordMatchIds, forgetRecordIds } from './match-store.js';
import { withNamedLock } from './named-lock.js';
import { forgetPhases, recordPhases, type WrittenPhase } from './opportunity-store.js';
import { resolvePeople, type PersonTarget } from './person-resolver.js';
import { describeError } from './row-errors.js';

export interface RecordWriter {
  upsert(batch: UpsertBatch): Promise<RowResult[]>;
}

export interface BatchSyncContext {
  pool: DatabasePool;
  connection: Connection;
  instance: string;
  org: OrgProfile;
  leaseOwner: string;
  runId: number | null;
  onApiCall?: () => void;
  /** This pass read the whole org's Contacts and Accounts into forcebridge_match (a backfill does): no lookups per batch. */
  orgScanned?: boolean;
}

export interface BatchSummary {
  synced: number;
  failed: number;
  skipped: number;
  unchanged: number;
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
  /** The opportunity's key, or the Contact's when there is no opportunity. */
  key: string;
  /** Magento_Key__c the Account and Contact were written by; null when only referred to by Id. */
  accountKey: string | null;
  contactKey: string | null;
  /** Ids known before the send (records found in the org, or written before). */
  knownAccountId: string | null;
  knownContactId: string | null;
  /** Written in full because not known to exist: their ids go into forcebridge_match. */
  accountIsNew: boolean;
  contactIsNew: boolean;
  email: string | null;
  company: string | null;
  /** Magento_Key__c of the Opportunity, when the record has one. */
  opportunityKey: string | null;
  phase: OpportunityPhase | null;
  previousPhase: OpportunityPhase | null;
  closedOn: string | null;
  cartUpdatedAt: string | null;
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
  // One statement per distinct reason: a Bulk chunk can settle thousands of skipped carts alike.
  const byMessage = new Map<string, LeasedEntry[]>();
  for (const f of settled.failed) {
    const alike = byMessage.get(f.message);
    if (alike) alike.push(f.entry);
    else byMessage.set(f.message, [f.entry]);
  }
  for (const [message, entries] of byMessage) await fail(pool, leaseOwner, entries, message, settled.retryable);
}

type Failed = { entry: LeasedEntry; message: string };

function settledEvent(context: BatchSyncContext, unit: WorkUnit, result: SyncEvent['result'], message: string): SyncEvent {
  return { runId: context.runId, entityType: unit.linkType, entityId: unit.linkId, salesforceObject: null, salesforceId: null, sentPayload: null, result, errorMessage: message, stageBefore: null, stageAfter: null };
}

/** How the Account is named in a Contact or Opportunity: by our key, by Id, or not at all. */
function accountReference(target: PersonTarget): SalesforcePayload {
  if (target.accountKey) return { Account: { [EXTERNAL_ID_FIELD]: target.accountKey } };
  return target.accountId ? { AccountId: target.accountId } : {};
}

const withOwner = (payload: SalesforcePayload, ownerId: string | null): SalesforcePayload => (ownerId ? { ...payload, OwnerId: ownerId } : payload);

export interface StageOptions {
  /** Write every field, the rep's too: the records were deleted in Salesforce and are created again. */
  writeEverything?: boolean;
}

/** Settles skipped, unreadable, unmatched, unchanged and misconfigured units at once and prepares the payloads of the rest. */
export async function stageBatch(context: BatchSyncContext, units: WorkUnit[], options: StageOptions = {}): Promise<StagedBatch> {
  const { pool, org } = context;
  const summary = emptySummary();
  const outcomes: LinkOutcome[] = [];
  const events: SyncEvent[] = [];
  const done: LeasedEntry[] = [];
  const unfixable: Failed[] = [];
  const retryLater: Failed[] = [];
  const toSend: StagedRecord[] = [];
  const payloads = { Account: new Map<string, SalesforcePayload>(), Contact: new Map<string, SalesforcePayload>(), Opportunity: new Map<string, SalesforcePayload>() };
  const mode = org.addressMode();
  const salutations = org.salutations();

  const settle = (unit: WorkUnit, key: string, kind: 'skipped' | 'config' | 'data' | 'match', message: string) => {
    const status = kind === 'skipped' ? 'skipped' : 'error';
    const errorCode = { skipped: 'SKIPPED', config: 'SETTING_NOT_IN_ORG', data: 'MAGENTO_DATA', match: 'MATCH_FAILED' }[kind];
    outcomes.push({ entityType: unit.linkType, entityId: unit.linkId, storeId: unit.storeId, salesforceKey: key, status, errorCode, errorMessage: message, sourceUpdatedAt: unit.sourceUpdatedAt });
    events.push(settledEvent(context, unit, kind === 'skipped' ? 'skipped' : 'error', message));
    if (kind === 'skipped') summary.skipped++;
    else summary.failed++;
    // A setting the org lacks will not fix itself by retrying soon; data and matching problems back off like any failure.
    (kind === 'data' || kind === 'match' ? retryLater : unfixable).push({ entry: unit.entry, message });
  };

  const sendable = units.filter((unit) => {
    const key = unit.opportunity?.key ?? unit.person?.key ?? `${unit.linkType}:${unit.linkId}`;
    if (unit.dataError) settle(unit, key, 'data', unit.dataError);
    else if (unit.skipReason) settle(unit, key, 'skipped', unit.skipReason);
    else if (unit.configError) settle(unit, key, 'config', unit.configError);
    else return true;
    return false;
  });
  const people = sendable.flatMap((unit) => (unit.person ? [{ person: unit.person, matchCompany: unit.matchCompany }] : []));
  const { targets, failures } = people.length > 0
    ? await resolvePeople({ pool, connection: context.connection, instance: context.instance, orgScanned: context.orgScanned ?? false, onApiCall: context.onApiCall }, people)
    : { targets: new Map<string, PersonTarget>(), failures: new Map<string, string>() };

  const links = await readLinks(pool, sendable.map((u) => ({ entityType: u.linkType, entityId: u.linkId })));
  for (const unit of sendable) {
    const resolved = unit.person ? targets.get(unit.person.key) : undefined;
    const target = resolved && options.writeEverything ? { ...resolved, accountIsNew: true, contactIsNew: true } : resolved;
    const key = unit.opportunity?.key ?? target?.contactKey ?? unit.person?.key ?? `${unit.linkType}:${unit.linkId}`;
    if (unit.person && !target) {
      settle(unit, key, 'match', failures.get(unit.person.key) ?? 'The person could not be matched in Salesforce.');
      continue;
    }
    const account = unit.person && target?.accountKey
      ? org.fitToLengths('Account', personFieldsToWrite('Account', withOwner(accountPayload(unit.person, target.accountKey, mode), target.accountIsNew ? unit.ownerId : null), target.accountIsNew))
      : undefined;
    const contact = unit.person && target?.contactKey
      ? org.fitToLengths('Contact', personFieldsToWrite('Contact', withOwner(contactPayload(unit.person, target.contactKey, mode, salutations), target.contactIsNew ? unit.ownerId : null), target.contactIsNew))
      : undefined;
    if (contact && target) Object.assign(contact, accountReference(target));
    const planned = unit.opportunity;
    const link = links.get(`${unit.linkType}:${unit.linkId}`);
    const previousPhase = options.writeEverything ? null : (planned?.previousPhase ?? null);
    const opportunity = planned
      ? org.fitToLengths('Opportunity', opportunityFieldsToWrite({ ...planned.payload, ...(target ? accountReference(target) : {}) }, previousPhase, planned.phase, link?.stage ?? null))
      : undefined;
    const sentPayload = JSON.stringify({ Account: account, Contact: contact, Opportunity: opportunity, ContactRole: planned?.contactRole ?? null });
    const hash = hashOf(sentPayload);
    if (!unit.entry.manual && link?.status === 'synced' && link.payloadHash === hash) {
      summary.unchanged++;
      outcomes.push({ entityType: unit.linkType, entityId: unit.linkId, storeId: unit.storeId, salesforceKey: key, status: 'synced', payloadHash: hash, sourceUpdatedAt: unit.sourceUpdatedAt });
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
      accountKey: target?.accountKey ?? null,
      contactKey: target?.contactKey ?? null,
      knownAccountId: target?.accountId ?? null,
      knownContactId: target?.contactId ?? null,
      accountIsNew: target?.accountIsNew ?? false,
      contactIsNew: target?.contactIsNew ?? false,
      email: target?.email ?? null,
      company: target?.company ?? null,
      opportunityKey: planned?.key ?? null,
      phase: planned?.phase ?? null,
      previousPhase,
      closedOn: planned?.closedOn ?? null,
      cartUpdatedAt: planned?.cartUpdatedAt ?? null,
      personLink: unit.personLink,
      stage: planned?.stage ?? null,
      contactRole: planned?.contactRole ?? null,
      stageBefore: link?.stage ?? null,
      sentPayload,
      hash,
    });
    for (const [object, payload] of [['Account', account], ['Contact', contact], ['Opportunity', opportunity]] as const) {
      if (payload) payloads[object].set(String(payload[EXTERNAL_ID_FIELD]), payload);
    }
  }

  await recordSettled(context, { outcomes, events, done, failed: unfixable, retryable: false });
  await recordSettled(context, { outcomes: [], events: [], done: [], failed: retryLater, retryable: true });
  return { toSend, payloads: Object.fromEntries(WRITE_ORDER.map((object) => [object, [...payloads[object].values()]])), summary };
}

const KEY_PREFIXES: Record<UpsertedObject, string> = { Account: '001', Contact: '003', Opportunity: '006' };

/** A Salesforce id of the object: 15 or 18 characters with its key prefix. */
export function isRecordId(object: UpsertedObject, id: string | null | undefined): id is string {
  return typeof id === 'string' && /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id) && id.startsWith(KEY_PREFIXES[object]);
}

/** The result of one object of a staged record: what Salesforce answered for what was written, or the id known before. */
function resultFor(results: ResultIndex, object: UpsertedObject, key: string | null, knownId: string | null): { id: string | null; error: RowError | null } | undefined {
  if (key !== null) {
    const result = results[object].get(key);
    if (!result) return { id: null, error: { code: 'NO_RESULT', message: 'Salesforce gave no result for this record', fields: [] } };
    if (!result.error && !isRecordId(object, result.id)) return { id: null, error: { code: 'INVALID_ID', message: `Salesforce answered with "${String(result.id)}", which is not ${/^[AEIOU]/.test(object) ? 'an' : 'a'} ${object} id`, fields: [] } };
    return result;
  }
  return knownId ? { id: knownId, error: null } : undefined;
}

/** Adds the contact roles, then records each sent record's outcome, history and queue state. */
export async function finishBatch(context: BatchSyncContext, records: StagedRecord[], results: ResultIndex): Promise<BatchSummary> {
  const { pool } = context;
  const summary = emptySummary();
  const outcomes: LinkOutcome[] = [];
  const events: SyncEvent[] = [];
  const done: LeasedEntry[] = [];
  const failed: Failed[] = [];
  const resolved = records.map((r) => ({
    r,
    account: resultFor(results, 'Account', r.accountKey, r.knownAccountId),
    contact: resultFor(results, 'Contact', r.contactKey, r.knownContactId),
    opportunity: resultFor(results, 'Opportunity', r.opportunityKey, null),
  }));

  const wantedRoles = resolved.flatMap(({ r, opportunity, contact }) =>
    r.contactRole && opportunity?.id && contact?.id && !opportunity.error && !contact.error ? [{ opportunityId: opportunity.id, contactId: contact.id, role: r.contactRole }] : [],
  );
  // Two sidecars finishing a cart and its order at once must not both add the role.
  const roles: ContactRoleResult[] = wantedRoles.length
    ? await withNamedLock(pool, 'forcebridge_contact_roles', () => syncContactRoles(context.connection, wantedRoles, { onApiCall: context.onApiCall }))
    : [];
  const rolesByPair = new Map(roles.map((r) => [`${r.opportunityId}|${r.contactId}`, r]));

  const newContactIds: { value: string; recordId: string }[] = [];
  const newAccountIds: { value: string; recordId: string }[] = [];
  const newOwnAccountIds: { value: string; recordId: string }[] = [];
  const phases: WrittenPhase[] = [];
  const recreate = { opportunities: [] as string[], contacts: [] as string[], ownAccounts: [] as string[], companies: [] as string[] };

  for (const { r, account, contact, opportunity } of resolved) {
    const role = opportunity?.id && contact?.id && !opportunity.error ? rolesByPair.get(`${opportunity.id}|${contact.id}`) : undefined;
    const failures: { object: string; error: RowError }[] = [];
    for (const [object, result] of [['Account', account], ['Contact', contact], ['Opportunity', opportunity]] as const) {
      if (result?.error) failures.push({ object, error: result.error });
    }
    if (role?.error) failures.push({ object: 'Opportunity Contact Role', error: role.error });
    // A record deleted in Salesforce is created again by the upsert, and then needs the fields left out for the rep.
    if (opportunity?.error?.code === 'REQUIRED_FIELD_MISSING' && r.opportunityKey) recreate.opportunities.push(r.opportunityKey);
    if (contact?.error?.code === 'REQUIRED_FIELD_MISSING' && r.email) recreate.contacts.push(r.email);
    if (account?.error?.code === 'REQUIRED_FIELD_MISSING' && r.company) recreate.companies.push(r.company);
    else if (account?.error?.code === 'REQUIRED_FIELD_MISSING' && r.email) recreate.ownAccounts.push(r.email);
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
    if (contact?.id && !contact.error && r.contactIsNew && r.email) newContactIds.push({ value: r.email, recordId: contact.id });
    if (account?.id && !account.error && r.accountIsNew && r.company) newAccountIds.push({ value: r.company, recordId: account.id });
    if (account?.id && !account.error && r.accountIsNew && !r.company && r.email && r.accountKey !== null) newOwnAccountIds.push({ value: r.email, recordId: account.id });
    if (r.personLink && r.personLink.type !== r.linkType && !account?.error && !contact?.error) {
      outcomes.push({ entityType: r.personLink.type, entityId: r.personLink.id, storeId: r.storeId, salesforceKey: r.contactKey ?? r.key, status: 'synced', accountId: account?.id ?? null, contactId: contact?.id ?? null });
    }
    if (failures.length === 0 && r.opportunityKey && r.phase) {
      phases.push({ key: r.opportunityKey, phase: r.phase, closedOn: r.closedOn, cartUpdatedAt: r.cartUpdatedAt, opportunityId: opportunity?.id ?? null });
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

  await recordMatchIds(pool, 'email', 'record_id', newContactIds);
  await recordMatchIds(pool, 'email', 'own_account_id', newOwnAccountIds);
  await recordMatchIds(pool, 'company', 'record_id', newAccountIds);
  await recordPhases(pool, phases);
  await forgetPhases(pool, recreate.opportunities);
  await forgetRecordIds(pool, 'email', 'record_id', recreate.contacts);
  await forgetRecordIds(pool, 'email', 'own_account_id', recreate.ownAccounts);
  await forgetRecordIds(pool, 'company', 'record_id', recreate.companies);
  await recordSettled(context, { outcomes, events, done, failed, retryable: true });
  return summary;
}

/** Records whose write left out the rep's fields and failed for a missing required one: deleted in Salesforce. */
function deletedInSalesforce(records: StagedRecord[], results: ResultIndex): Set<LeasedEntry> {
  const missing = (object: UpsertedObject, key: string | null) => key !== null && results[object].get(key)?.error?.code === 'REQUIRED_FIELD_MISSING';
  return new Set(
    records
      .filter((r) => (missing('Opportunity', r.opportunityKey) && r.previousPhase !== null) || (missing('Account', r.accountKey) && !r.accountIsNew) || (missing('Contact', r.contactKey) && !r.contactIsNew))
      .map((r) => r.entry),
  );
}

/** Stages, sends and finishes one batch; records deleted in Salesforce are sent again at once, in full. */
export async function syncBatch(context: BatchSyncContext, writer: RecordWriter, units: WorkUnit[]): Promise<BatchSummary> {
  const { toSend, payloads, summary } = await stageBatch(context, units);
  const results = indexResults(toSend.length > 0 ? await writer.upsert(payloads) : []);
  const deleted = deletedInSalesforce(toSend, results);
  if (deleted.size === 0) {
    addSummary(summary, await finishBatch(context, toSend, results));
    return summary;
  }
  const again = await stageBatch(context, units.filter((unit) => deleted.has(unit.entry)), { writeEverything: true });
  const resent = indexResults(again.toSend.length > 0 ? await writer.upsert(again.payloads) : []);
  for (const object of WRITE_ORDER) for (const [key, result] of resent[object]) results[object].set(key, result);
  addSummary(summary, again.summary);
  addSummary(summary, await finishBatch(context, [...toSend.filter((r) => !deleted.has(r.entry)), ...again.toSend], results));
  return summary;
}
