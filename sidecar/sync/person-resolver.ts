// Decides, for the people of a batch, which Contact and which Account they write to, so that an
// e-mail address is one Contact in the org and a company one Account, whatever Magento calls them
// (a customer, the same e-mail on another website, a guest) and whatever sales made before.
//   1. what Forcebridge already knows (forcebridge_match), one query;
//   2. for what it does not: the org, one Composite call of SOQL queries (none when a backfill
//      scanned the whole org first);
//   3. new values are claimed for the person's own key (first claim wins), records made by sales
//      without a key are adopted (our key written on them), records of another install are only
//      referred to, by Id.
import type { Connection } from 'jsforce';
import type { DatabasePool } from '../db/pool.js';
import { companyKey } from '../mapping/keys.js';
import type { Person } from '../mapping/people.js';
import { OrgLookupRefused, adoptRecords, findInOrg, scanOrg, type Adoption, type FoundRecord } from '../salesforce/org-matches.js';
import { describeError } from './row-errors.js';
import { claimForAdoption, claimNew, dropMatches, matchOf, readMatches, rememberOrgRecords, type MatchRow, type MatchType } from './match-store.js';

export interface PersonTarget {
  /** Upsert the Contact on this key; null: the Contact is another install's, referred to by `contactId`. */
  contactKey: string | null;
  contactId: string | null;
  /** Not known to exist in Salesforce yet: every field is written, the rep's too. */
  contactIsNew: boolean;
  /** Upsert the Account on this key; null: referred to by `accountId` (or none). */
  accountKey: string | null;
  accountId: string | null;
  accountIsNew: boolean;
  /** The match values whose rows learn the ids Salesforce gives. */
  email: string | null;
  company: string | null;
}

export interface ResolveContext {
  pool: DatabasePool;
  connection: Connection;
  instance: string;
  /** A backfill read the whole org into forcebridge_match first: what is not there is new. */
  orgScanned: boolean;
  onApiCall?: () => void;
}

export interface WantedPerson {
  person: Person;
  /** "Share One Account per Company" is on for this person's store. */
  matchCompany: boolean;
}

export interface Resolution {
  targets: Map<string, PersonTarget>;
  /** Person key → why their Contact or Account cannot be used now (retried later). */
  failures: Map<string, string>;
}

const companyOf = (wanted: WantedPerson): string | null => (wanted.matchCompany && wanted.person.company ? wanted.person.company.trim().toLowerCase() : null);

/** Our own records first, then the oldest a rep made without a key, then another install's. */
function preferred(records: FoundRecord[], isOurKey: (key: string) => boolean): FoundRecord[] {
  const rank = (r: FoundRecord) => (r.key === null ? 1 : isOurKey(r.key) ? 0 : 2);
  return records.map((r, order) => ({ r, order })).sort((a, b) => rank(a.r) - rank(b.r) || a.order - b.order).map(({ r }) => r);
}

/** Registered customers claim an e-mail before guests, lower ids before higher: the same choice on every run. */
function claimsBefore(a: Person, b: Person): boolean {
  const registeredId = (p: Person) => (p.key.includes(':customer:') ? Number(p.key.slice(p.key.lastIndexOf(':') + 1)) : Infinity);
  return registeredId(a) < registeredId(b);
}

/**
 * A backfill's alternative to asking per batch: every Contact with an e-mail and every Account of
 * the org, through one Bulk API 2.0 query job each, written into forcebridge_match.
 */
export async function scanOrgForMatches(context: Omit<ResolveContext, 'orgScanned'>): Promise<void> {
  const isOurKey = (key: string) => key.startsWith(`${context.instance}:`);
  await scanOrg(context.connection, 'Contact', (page) => rememberOrgRecords(context.pool, 'email', preferred(page, isOurKey), isOurKey), { onApiCall: context.onApiCall });
  await scanOrg(context.connection, 'Account', (page) => rememberOrgRecords(context.pool, 'company', preferred(page, isOurKey), isOurKey), { onApiCall: context.onApiCall });
}

export async function resolvePeople(context: ResolveContext, wanted: WantedPerson[]): Promise<Resolution> {
  const { pool, instance } = context;
  const isOurKey = (key: string) => key.startsWith(`${instance}:`);
  const emails = [...new Set(wanted.flatMap((w) => (w.person.email ? [w.person.email.toLowerCase()] : [])))];
  const companies = [...new Set(wanted.flatMap((w) => companyOf(w) ?? []))];
  const values = [...emails.map((value) => ({ type: 'email' as const, value })), ...companies.map((value) => ({ type: 'company' as const, value }))];

  let rows = await readMatches(pool, values);
  const unknown = (type: MatchType, list: string[]) => list.filter((value) => !matchOf(rows, type, value));
  const unknownEmails = unknown('email', emails);
  const unknownCompanies = unknown('company', companies);
  if (!context.orgScanned && unknownEmails.length + unknownCompanies.length > 0) {
    let found;
    try {
      found = await findInOrg(context.connection, { emails: unknownEmails, companies: unknownCompanies }, { onApiCall: context.onApiCall });
    } catch (error) {
      if (!(error instanceof OrgLookupRefused)) throw error;
      return { targets: new Map(), failures: new Map(wanted.map((w) => [w.person.key, error.message])) };
    }
    await rememberOrgRecords(pool, 'email', preferred(found.contacts, isOurKey), isOurKey);
    await rememberOrgRecords(pool, 'company', preferred(found.accounts, isOurKey), isOurKey);
  }
  // Who claims each e-mail: the first person of the batch to have it, in claim order.
  const claimants = new Map<string, Person>();
  for (const { person } of wanted) {
    const email = person.email?.toLowerCase();
    const known = email ? claimants.get(email) : undefined;
    if (email && (!known || claimsBefore(person, known))) claimants.set(email, person);
  }
  await claimNew(pool, 'email', unknownEmails.map((value) => ({ value, key: claimants.get(value)!.key })));
  await claimNew(pool, 'company', unknownCompanies.map((value) => ({ value, key: companyKey(instance, value) })));
  rows = await readMatches(pool, values);

  const failures = new Map<string, string>();
  const refusedValues = await adoptUnclaimed(context, rows, claimants);

  const targets = new Map<string, PersonTarget>();
  for (const { person, matchCompany } of wanted) {
    const email = person.email?.toLowerCase() ?? null;
    const company = companyOf({ person, matchCompany });
    const refusal = (email && refusedValues.get(`email|${email}`)) || (company && refusedValues.get(`company|${company}`));
    if (refusal) {
      failures.set(person.key, refusal);
      continue;
    }
    targets.set(person.key, targetOf(person, email ? matchOf(rows, 'email', email) : undefined, company ? matchOf(rows, 'company', company) : undefined, company));
  }
  return { targets, failures };
}

function targetOf(person: Person, byEmail: MatchRow | undefined, byCompany: MatchRow | undefined, company: string | null): PersonTarget {
  // Without an e-mail there is nothing to match: the person's own key, written in full.
  const contactKey = byEmail ? byEmail.salesforceKey : person.key;
  const contactId = byEmail?.recordId ?? null;
  const contactIsNew = contactId === null;
  const base = { contactKey, contactId, contactIsNew, email: byEmail?.value ?? null };
  // A Contact found in the org keeps its Account; another install's Contact is only referred to.
  if (byEmail?.accountId || contactKey === null) return { ...base, accountKey: null, accountId: byEmail?.accountId ?? null, accountIsNew: false, company: null };
  if (byCompany) {
    return { ...base, accountKey: byCompany.salesforceKey, accountId: byCompany.recordId, accountIsNew: byCompany.recordId === null, company };
  }
  // The person's own Account, under the Contact's key; an adopted Contact without an Account gets one too.
  const ownAccountId = byEmail ? byEmail.ownAccountId : null;
  return { ...base, accountKey: contactKey, accountId: ownAccountId, accountIsNew: ownAccountId === null, company: null };
}

/**
 * Records sales made without a Magento key: the first person to claim one writes their key on it.
 * Returns the reasons of those Salesforce would not let us take ("type|value" → message); their
 * claims are dropped so the next sync asks the org again.
 */
async function adoptUnclaimed(context: ResolveContext, rows: Map<string, MatchRow>, claimants: Map<string, Person>): Promise<Map<string, string>> {
  const { pool, instance } = context;
  const adoptions: (Adoption & { type: MatchType; value: string })[] = [];
  for (const row of rows.values()) {
    if (row.salesforceKey !== null || row.foreignKey !== null || row.recordId === null) continue;
    const key = row.type === 'email' ? claimants.get(row.value.toLowerCase())?.key : companyKey(instance, row.value);
    if (!key || !(await claimForAdoption(pool, row.type, row.value, key))) continue;
    row.salesforceKey = key;
    adoptions.push({ object: row.type === 'email' ? 'Contact' : 'Account', id: row.recordId, key, type: row.type, value: row.value });
  }
  const reasons = new Map<string, string>();
  if (adoptions.length === 0) return reasons;
  const refused = await adoptRecords(context.connection, adoptions, { onApiCall: context.onApiCall });
  for (const adoption of adoptions) {
    const error = refused.get(adoption.id);
    if (error) reasons.set(`${adoption.type}|${adoption.value}`, describeError(`The existing ${adoption.object} ${adoption.id}`, error));
  }
  for (const type of ['email', 'company'] as const) {
    await dropMatches(pool, type, adoptions.filter((a) => a.type === type && reasons.has(`${type}|${a.value}`)).map((a) => a.value));
  }
  return reasons;
}
