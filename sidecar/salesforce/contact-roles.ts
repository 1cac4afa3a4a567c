// Opportunity Contact Roles have no external ID, so a blind insert would add one more role on
// every re-sync. The existing roles of a whole batch are read in one query, and only what is
// missing is created (or a changed role updated). For the same reason a create whose answer never
// came is not simply sent again: the org may have carried it out, so the roles are read again first.
import type { Connection } from 'jsforce';
import { COLLECTION_LIMIT, type RowError } from './upsert-writer.js';
import { DEFAULT_RETRY_POLICY, isTransient, waitBeforeRetry, withRetries, type RetryPolicy } from './retry.js';
import { chunked } from '../chunked.js';
import { soqlString } from './soql.js';

export interface WantedContactRole {
  opportunityId: string;
  contactId: string;
  role: string;
}

export interface ContactRoleResult extends WantedContactRole {
  id: string | null;
  action: 'kept' | 'created' | 'updated' | 'failed';
  error: RowError | null;
}

interface ExistingRole {
  Id: string;
  OpportunityId: string;
  ContactId: string;
  Role: string | null;
}

interface SaveResult {
  id?: string;
  success: boolean;
  errors?: { statusCode?: string; errorCode?: string; message: string; fields?: string[] }[];
}

const roleKey = (opportunityId: string, contactId: string) => `${opportunityId}|${contactId}`;

function toError(result: SaveResult): RowError {
  const first = result.errors?.[0];
  return { code: first?.statusCode ?? first?.errorCode ?? 'UNKNOWN_ERROR', message: first?.message ?? 'No result', fields: first?.fields ?? [] };
}

/** Saves rows, sending the ones refused for a transient reason (a locked row) again after a backoff. */
async function saveRows<T>(rows: T[], save: (rows: T[]) => Promise<SaveResult[]>, policy: RetryPolicy): Promise<SaveResult[]> {
  const results: SaveResult[] = rows.map(() => ({ success: false }));
  let pending = rows.map((_, index) => index);
  for (let attempt = 0; ; attempt++) {
    const saved = await save(pending.map((index) => rows[index]!));
    pending.forEach((index, i) => (results[index] = saved[i] ?? { success: false }));
    const again = pending.filter((index) => !results[index]!.success && isTransient({ errorCode: toError(results[index]!).code }));
    if (again.length === 0 || attempt + 1 >= policy.attempts) return results;
    pending = again;
    await waitBeforeRetry(attempt, policy);
  }
}

type Call = <T>(fn: () => Promise<T>, options?: { resend: boolean }) => Promise<T>;

/** The roles the opportunities have, by opportunity and contact. */
async function readRoles(connection: Connection, opportunityIds: string[], call: Call): Promise<Map<string, ExistingRole>> {
  const existing = new Map<string, ExistingRole>();
  for (const ids of chunked([...new Set(opportunityIds)], COLLECTION_LIMIT)) {
    const soql = `SELECT Id, OpportunityId, ContactId, Role FROM OpportunityContactRole WHERE OpportunityId IN (${ids.map(soqlString).join(', ')})`;
    const result = await call(async () => await connection.query<ExistingRole>(soql, { autoFetch: true, maxFetch: 50_000 }));
    for (const role of result.records) existing.set(roleKey(role.OpportunityId, role.ContactId), role);
  }
  return existing;
}

/**
 * Creates up to a collection of roles. When the call fails in transit (a dropped connection, a 5xx),
 * the roles are read again and only those still missing are sent: a role the org saved before its
 * answer was lost counts as created.
 */
async function createRoles(connection: Connection, batch: WantedContactRole[], call: Call, policy: RetryPolicy): Promise<ContactRoleResult[]> {
  const results: ContactRoleResult[] = [];
  let missing = batch;
  for (let attempt = 0; ; attempt++) {
    try {
      const records = missing.map((w) => ({ OpportunityId: w.opportunityId, ContactId: w.contactId, Role: w.role, IsPrimary: true }));
      const create = (rows: typeof records) => call(async () => (await connection.sobject('OpportunityContactRole').create(rows, { allOrNone: false })) as SaveResult[], { resend: false });
      const saved = await saveRows(records, create, policy);
      missing.forEach((want, i) => {
        const result = saved[i] ?? { success: false };
        results.push({ ...want, id: result.success ? (result.id ?? null) : null, action: result.success ? 'created' : 'failed', error: result.success ? null : toError(result) });
      });
      return results;
    } catch (error) {
      if (!isTransient(error) || attempt + 1 >= policy.attempts) throw error;
      await waitBeforeRetry(attempt, policy);
      const existing = await readRoles(connection, missing.map((want) => want.opportunityId), call);
      for (const want of missing) {
        const found = existing.get(roleKey(want.opportunityId, want.contactId));
        if (found) results.push({ ...want, id: found.Id, action: 'created', error: null });
      }
      missing = missing.filter((want) => !existing.has(roleKey(want.opportunityId, want.contactId)));
      if (missing.length === 0) return results;
    }
  }
}

export async function syncContactRoles(
  connection: Connection,
  wanted: WantedContactRole[],
  options: { retry?: RetryPolicy; onApiCall?: () => void } = {},
): Promise<ContactRoleResult[]> {
  if (wanted.length === 0) return [];
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  // Reads and updates are sent again as they are; creates are not (see createRoles).
  const call: Call = (fn, { resend } = { resend: true }) =>
    withRetries(
      () => {
        options.onApiCall?.();
        return fn();
      },
      resend ? policy : { ...policy, attempts: 1 },
    );

  const existing = await readRoles(connection, wanted.map((want) => want.opportunityId), call);
  const results: ContactRoleResult[] = [];
  const toCreate: WantedContactRole[] = [];
  const toUpdate: { want: WantedContactRole; id: string }[] = [];
  // A cart and its order share one opportunity: one batch may want the same role twice.
  const distinct = new Map(wanted.map((want) => [roleKey(want.opportunityId, want.contactId), want]));
  for (const want of distinct.values()) {
    const found = existing.get(roleKey(want.opportunityId, want.contactId));
    if (!found) toCreate.push(want);
    else if (found.Role !== want.role) toUpdate.push({ want, id: found.Id });
    else results.push({ ...want, id: found.Id, action: 'kept', error: null });
  }

  for (const batch of chunked(toCreate, COLLECTION_LIMIT)) results.push(...(await createRoles(connection, batch, call, policy)));

  for (const batch of chunked(toUpdate, COLLECTION_LIMIT)) {
    const records = batch.map(({ want, id }) => ({ Id: id, Role: want.role, IsPrimary: true }));
    const saved = await saveRows(records, (rows) => call(async () => (await connection.sobject('OpportunityContactRole').update(rows, { allOrNone: false })) as SaveResult[]), policy);
    batch.forEach(({ want, id }, i) => {
      const result = saved[i] ?? { success: false };
      results.push({ ...want, id, action: result.success ? 'updated' : 'failed', error: result.success ? null : toError(result) });
    });
  }
  return results;
}
