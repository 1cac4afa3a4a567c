// What the org already holds for e-mail addresses and company names, before anything is created:
// Contacts by Email and Accounts by Name. A batch asks in one Composite call of SOQL queries; a
// backfill reads the whole org once through Bulk API 2.0 query jobs instead. Records a rep made
// without a Magento key are adopted by writing our key on them (by Id).
import type { Connection } from 'jsforce';
import { chunked } from '../chunked.js';
import { EXTERNAL_ID_FIELD } from '../mapping/keys.js';
import { normalizedEmail } from '../mapping/people.js';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry.js';
import { COLLECTION_LIMIT, type RowError } from './upsert-writer.js';
import { soqlString } from './soql.js';

export interface FoundRecord {
  /** The lower-cased e-mail or company name it matched. */
  value: string;
  id: string;
  key: string | null;
  accountId: string | null;
}

export interface OrgMatches {
  contacts: FoundRecord[];
  accounts: FoundRecord[];
}

interface Options {
  onApiCall?: () => void;
  retry?: RetryPolicy;
}

/** Values per IN list: keeps each query well inside SOQL's length limits. */
const VALUES_PER_QUERY = 100;
/** Salesforce runs at most 25 subrequests in one Composite call. */
const SUBREQUESTS_PER_CALL = 25;

/** Salesforce refused a lookup query (a missing field, say): no person of the batch can be matched now. */
export class OrgLookupRefused extends Error {}


interface QueryAnswer {
  records?: Record<string, unknown>[];
  nextRecordsUrl?: string;
}

function contactQuery(emails: string[]): string {
  return `SELECT Id, Email, AccountId, ${EXTERNAL_ID_FIELD} FROM Contact WHERE Email IN (${emails.map(soqlString).join(', ')}) ORDER BY CreatedDate, Id`;
}

function accountQuery(names: string[]): string {
  return `SELECT Id, Name, ${EXTERNAL_ID_FIELD} FROM Account WHERE Name IN (${names.map(soqlString).join(', ')}) ORDER BY CreatedDate, Id`;
}

function contactFound(record: Record<string, unknown>): FoundRecord | undefined {
  const email = normalizedEmail(record.Email as string | null);
  if (!email) return undefined;
  return { value: email, id: String(record.Id), key: (record[EXTERNAL_ID_FIELD] as string | null) || null, accountId: (record.AccountId as string | null) || null };
}

function accountFound(record: Record<string, unknown>): FoundRecord | undefined {
  const name = String(record.Name ?? '').trim().toLowerCase();
  if (!name) return undefined;
  return { value: name, id: String(record.Id), key: (record[EXTERNAL_ID_FIELD] as string | null) || null, accountId: null };
}

function lookupRefusal(object: string, body: unknown): string {
  const first = Array.isArray(body) ? (body[0] as { errorCode?: string; message?: string } | undefined) : undefined;
  if (first?.errorCode === 'INVALID_FIELD' && first.message?.includes(EXTERNAL_ID_FIELD)) {
    return `Salesforce lacks a Forcebridge field (${object}.${EXTERNAL_ID_FIELD}), so people cannot be matched. Run "forcebridge setup-org".`;
  }
  return `Salesforce refused the ${object} lookup by e-mail or company: ${first?.message?.trim() ?? 'no answer'} [${first?.errorCode ?? 'UNKNOWN_ERROR'}]`;
}

/** Contacts with these e-mails and Accounts with these names, oldest first, in as few calls as fit (one for a batch). */
export async function findInOrg(connection: Connection, wanted: { emails: string[]; companies: string[] }, options: Options = {}): Promise<OrgMatches> {
  const queries = [
    ...chunked(wanted.emails, VALUES_PER_QUERY).map((emails) => ({ object: 'Contact' as const, soql: contactQuery(emails) })),
    ...chunked(wanted.companies, VALUES_PER_QUERY).map((names) => ({ object: 'Account' as const, soql: accountQuery(names) })),
  ];
  const matches: OrgMatches = { contacts: [], accounts: [] };
  const version = connection.version;
  for (const call of chunked(queries, SUBREQUESTS_PER_CALL)) {
    const body = {
      allOrNone: false,
      compositeRequest: call.map((query, index) => ({ method: 'GET', url: `/services/data/v${version}/query?q=${encodeURIComponent(query.soql)}`, referenceId: `q${index}` })),
    };
    const response = await withRetries(async () => {
      options.onApiCall?.();
      return (await connection.requestPost('/composite', body)) as { compositeResponse: { referenceId: string; httpStatusCode: number; body: unknown }[] };
    }, options.retry ?? DEFAULT_RETRY_POLICY);
    for (const [index, query] of call.entries()) {
      const part = response.compositeResponse.find((r) => r.referenceId === `q${index}`);
      if (!part || part.httpStatusCode >= 300) throw new OrgLookupRefused(lookupRefusal(query.object, part?.body));
      let answer = part.body as QueryAnswer;
      for (;;) {
        for (const record of answer.records ?? []) {
          const found = query.object === 'Contact' ? contactFound(record) : accountFound(record);
          if (found) (query.object === 'Contact' ? matches.contacts : matches.accounts).push(found);
        }
        if (!answer.nextRecordsUrl) break;
        const next = answer.nextRecordsUrl;
        answer = await withRetries(async () => {
          options.onApiCall?.();
          return (await connection.request(next)) as QueryAnswer;
        }, options.retry ?? DEFAULT_RETRY_POLICY);
      }
    }
  }
  return matches;
}

/**
 * Every Contact with an e-mail (or every Account) in the org, through one Bulk API 2.0 query job,
 * handed over a page at a time so a large org never sits in memory whole.
 */
export async function scanOrg(connection: Connection, object: 'Contact' | 'Account', onPage: (records: FoundRecord[]) => Promise<void>, options: Options = {}): Promise<void> {
  const soql = object === 'Contact' ? `SELECT Id, Email, AccountId, ${EXTERNAL_ID_FIELD} FROM Contact WHERE Email != null` : `SELECT Id, Name, ${EXTERNAL_ID_FIELD} FROM Account`;
  // jsforce makes the calls itself: counted as the fewest a job takes (open, a status check, the results).
  for (let call = 0; call < 3; call++) options.onApiCall?.();
  const stream = await connection.bulk2.query(soql, { pollInterval: 1000, pollTimeout: 30 * 60_000 });
  let page: FoundRecord[] = [];
  for await (const record of stream as AsyncIterable<Record<string, unknown>>) {
    const found = object === 'Contact' ? contactFound(record) : accountFound(record);
    if (found) page.push(found);
    if (page.length >= 2000) {
      await onPage(page);
      page = [];
    }
  }
  if (page.length > 0) await onPage(page);
}

export interface Adoption {
  object: 'Contact' | 'Account';
  id: string;
  key: string;
}

/** Writes our key on records a rep made without one; the error of each that could not be taken. */
export async function adoptRecords(connection: Connection, adoptions: Adoption[], options: Options = {}): Promise<Map<string, RowError>> {
  const refused = new Map<string, RowError>();
  for (const chunk of chunked(adoptions, COLLECTION_LIMIT)) {
    const records = chunk.map((a) => ({ attributes: { type: a.object }, Id: a.id, [EXTERNAL_ID_FIELD]: a.key }));
    const results = await withRetries(async () => {
      options.onApiCall?.();
      return (await connection.request({ method: 'PATCH', url: `/services/data/v${connection.version}/composite/sobjects`, body: JSON.stringify({ allOrNone: false, records }), headers: { 'Content-Type': 'application/json' } })) as {
        success: boolean;
        errors?: { statusCode?: string; message: string; fields?: string[] }[];
      }[];
    }, options.retry ?? DEFAULT_RETRY_POLICY);
    chunk.forEach((adoption, index) => {
      const result = results[index];
      if (result?.success) return;
      const error = result?.errors?.[0];
      refused.set(adoption.id, { code: error?.statusCode ?? 'UNKNOWN_ERROR', message: error?.message ?? 'Salesforce gave no result', fields: error?.fields ?? [] });
    });
  }
  return refused;
}
