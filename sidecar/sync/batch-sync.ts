// Sends a planned batch to Salesforce and records the outcome per record: Accounts, Contacts and
// Opportunities in one upsert (Collections, or Bulk API 2.0 for a backlog), then the contact
// roles, then the link rows, the history and the queue. One record's failure never holds up the rest.
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

interface Prepared {
  unit: WorkUnit;
  account?: SalesforcePayload;
  contact?: SalesforcePayload;
  opportunity?: SalesforcePayload;
  hash: string;
}

function prepare(org: OrgProfile, unit: WorkUnit): Prepared {
  const account = unit.person ? org.fitToLengths('Account', accountPayload(unit.person)) : undefined;
  const contact = unit.person ? org.fitToLengths('Contact', contactPayload(unit.person)) : undefined;
  const opportunity = unit.opportunity ? org.fitToLengths('Opportunity', unit.opportunity.payload) : undefined;
  return { unit, account, contact, opportunity, hash: hashOf([account, contact, opportunity, unit.opportunity?.contactRole ?? null]) };
}

function uniqueByKey(payloads: (SalesforcePayload | undefined)[]): SalesforcePayload[] {
  const byKey = new Map<string, SalesforcePayload>();
  for (const payload of payloads) if (payload) byKey.set(String(payload.Magento_Key__c), payload);
  return [...byKey.values()];
}

export async function syncBatch(context: BatchSyncContext, units: WorkUnit[]): Promise<BatchSummary> {
  const { pool, org, writer } = context;
  const summary: BatchSummary = { synced: 0, failed: 0, skipped: 0, unchanged: 0 };
  const outcomes: LinkOutcome[] = [];
  const events: SyncEvent[] = [];
  const done: LeasedEntry[] = [];
  const failed: { entry: LeasedEntry; message: string; retryable: boolean }[] = [];

  const links = await readLinks(pool, units.map((u) => ({ entityType: u.linkType, entityId: u.linkId })));
  const toSend: Prepared[] = [];
  for (const unit of units) {
    const key = unit.opportunity?.key ?? unit.person?.key ?? `${unit.linkType}:${unit.linkId}`;
    const base = { entityType: unit.linkType, entityId: unit.linkId, storeId: unit.storeId, salesforceKey: key };
    if (unit.skipReason || unit.configError) {
      const message = (unit.skipReason ?? unit.configError)!;
      outcomes.push({ ...base, status: unit.skipReason ? 'skipped' : 'error', errorCode: unit.skipReason ? 'SKIPPED' : 'SETTING_NOT_IN_ORG', errorMessage: message, sourceUpdatedAt: unit.sourceUpdatedAt });
      events.push({ runId: context.runId, entityType: unit.linkType, entityId: unit.linkId, salesforceObject: null, salesforceId: null, sentPayload: null, result: unit.skipReason ? 'skipped' : 'error', errorMessage: message, stageBefore: null, stageAfter: null });
      if (unit.skipReason) summary.skipped++;
      else summary.failed++;
      // A setting the org lacks will not fix itself by retrying soon; the entry waits for a change.
      failed.push({ entry: unit.entry, message, retryable: false });
      continue;
    }
    const prepared = prepare(org, unit);
    const link = links.get(`${unit.linkType}:${unit.linkId}`);
    if (!unit.entry.manual && link?.status === 'synced' && link.payloadHash === prepared.hash) {
      summary.unchanged++;
      outcomes.push({ ...base, status: 'synced', payloadHash: prepared.hash, sourceUpdatedAt: unit.sourceUpdatedAt });
      done.push(unit.entry);
      continue;
    }
    toSend.push(prepared);
  }

  const batch: UpsertBatch = {
    Account: uniqueByKey(toSend.map((p) => p.account)),
    Contact: uniqueByKey(toSend.map((p) => p.contact)),
    Opportunity: uniqueByKey(toSend.map((p) => p.opportunity)),
  };
  const results = toSend.length > 0 ? await writer.upsert(batch) : [];
  // Looked up by key: a Bulk round holds tens of thousands of results, too many to search each time.
  const resultsByKey = new Map(results.map((r) => [`${r.object}|${r.key}`, r]));
  const resultOf = (object: string, payload: SalesforcePayload | undefined) =>
    payload ? resultsByKey.get(`${object}|${String(payload.Magento_Key__c)}`) : undefined;

  const wantedRoles = toSend.flatMap((p) => {
    const opportunityId = resultOf('Opportunity', p.opportunity)?.id;
    const contactId = resultOf('Contact', p.contact)?.id;
    const role = p.unit.opportunity?.contactRole;
    return role && opportunityId && contactId ? [{ opportunityId, contactId, role }] : [];
  });
  // Two sidecars finishing a cart and its order at once must not both add the role.
  const roles: ContactRoleResult[] = wantedRoles.length
    ? await withNamedLock(pool, 'forcebridge_contact_roles', () => syncContactRoles(context.connection, wantedRoles, { onApiCall: context.onApiCall }))
    : [];
  const rolesByPair = new Map(roles.map((r) => [`${r.opportunityId}|${r.contactId}`, r]));

  for (const p of toSend) {
    const { unit } = p;
    const account = resultOf('Account', p.account);
    const contact = resultOf('Contact', p.contact);
    const opportunity = resultOf('Opportunity', p.opportunity);
    const role = opportunity?.id && contact?.id ? rolesByPair.get(`${opportunity.id}|${contact.id}`) : undefined;
    const failures: { object: string; error: RowError }[] = [];
    for (const [object, result] of [['Account', account], ['Contact', contact], ['Opportunity', opportunity]] as const) {
      if (result?.error) failures.push({ object, error: result.error });
    }
    if (role?.error) failures.push({ object: 'Opportunity Contact Role', error: role.error });
    const key = unit.opportunity?.key ?? unit.person!.key;
    const message = failures.length > 0 ? failures.map((f) => describeError(f.object, f.error)).join(' ') : null;
    const status = failures.length > 0 ? 'error' : 'synced';
    outcomes.push({
      entityType: unit.linkType,
      entityId: unit.linkId,
      storeId: unit.storeId,
      salesforceKey: key,
      status,
      accountId: account?.id ?? null,
      contactId: contact?.id ?? null,
      opportunityId: opportunity?.id ?? null,
      contactRoleId: role?.id ?? null,
      errorCode: failures[0]?.error.code ?? null,
      errorMessage: message,
      payloadHash: p.hash,
      sourceUpdatedAt: unit.sourceUpdatedAt,
    });
    if (unit.personLink && unit.personLink.type !== unit.linkType && !account?.error && !contact?.error) {
      outcomes.push({ entityType: unit.personLink.type, entityId: unit.personLink.id, storeId: unit.storeId, salesforceKey: unit.person!.key, status: 'synced', accountId: account?.id ?? null, contactId: contact?.id ?? null });
    }
    const stageBefore = links.get(`${unit.linkType}:${unit.linkId}`)?.stage ?? null;
    events.push({
      runId: context.runId,
      entityType: unit.linkType,
      entityId: unit.linkId,
      salesforceObject: p.opportunity ? 'Opportunity' : 'Contact',
      salesforceId: opportunity?.id ?? contact?.id ?? null,
      sentPayload: { Account: p.account, Contact: p.contact, Opportunity: p.opportunity, ContactRole: unit.opportunity?.contactRole ?? null },
      result: failures.length > 0 ? 'error' : 'success',
      errorMessage: message,
      stageBefore,
      stageAfter: failures.length > 0 ? stageBefore : (unit.opportunity?.stage ?? null),
    });
    if (failures.length === 0) {
      summary.synced++;
      done.push(unit.entry);
    } else {
      summary.failed++;
      failed.push({ entry: unit.entry, message: message!, retryable: true });
    }
  }

  await recordOutcomes(pool, outcomes);
  await recordEvents(pool, events);
  await complete(pool, context.leaseOwner, done);
  for (const f of failed) await fail(pool, context.leaseOwner, [f.entry], f.message, f.retryable);
  return summary;
}
