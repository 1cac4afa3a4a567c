// What the org accepts, read from describe: stages, contact roles, record types, lead sources and
// field lengths; and which configured record owners are active users. Values the org lacks are
// refused before anything is sent, and over-long strings are cut to fit.
import type { Connection } from 'jsforce';
import { chunked } from '../chunked.js';
import { soqlString } from './soql.js';
import { buildStateCatalog, stateCodeIn, type StateCatalog } from './state-catalog.js';
import { NAMES, type AddressMode, type SalesforcePayload } from '../mapping/people.js';

const DESCRIBED_OBJECTS = ['Account', 'Contact', 'Opportunity', 'OpportunityContactRole'] as const;
type DescribedObject = (typeof DESCRIBED_OBJECTS)[number];

interface FieldFacts {
  type: string;
  length: number;
  picklist: Set<string>;
}

/** Keeps each owner query below SOQL's 100,000 characters, even for 255-character names escaped throughout. */
const USERNAMES_PER_QUERY = 100;

/** Salesforce compares usernames without regard to case. */
const usernameKey = (username: string) => username.toLowerCase();

export class OrgProfile {
  /** Usernames looked up (by usernameKey) → the active user's Id, or null when no active user has it. */
  private readonly owners = new Map<string, string | null>();

  private constructor(
    private readonly fields: Map<DescribedObject, Map<string, FieldFacts>>,
    private readonly opportunityRecordTypes: Map<string, string>,
    /** Present when the org uses State and Country picklists. */
    private readonly states: StateCatalog | null,
  ) {}

  /** Describe data, plus the active users among `ownerUsernames` (the configured record owners). */
  static async load(connection: Connection, ownerUsernames: Iterable<string | null> = []): Promise<OrgProfile> {
    const fields = new Map<DescribedObject, Map<string, FieldFacts>>();
    const recordTypes = new Map<string, string>();
    let states: StateCatalog | null = null;
    for (const object of DESCRIBED_OBJECTS) {
      const describe = await connection.describe(object);
      if (object === 'Account') {
        const picklist = (name: string) => describe.fields.find((f) => f.name === name)?.picklistValues;
        const countries = picklist('BillingCountryCode');
        if (countries) states = buildStateCatalog(countries, picklist('BillingStateCode') ?? []);
      }
      fields.set(
        object,
        new Map(
          describe.fields.map((f) => [
            f.name,
            { type: f.type, length: f.length ?? 0, picklist: new Set((f.picklistValues ?? []).filter((p) => p.active).map((p) => p.value)) },
          ]),
        ),
      );
      if (object === 'Opportunity') {
        for (const info of describe.recordTypeInfos ?? []) {
          const developerName = (info as { developerName?: string }).developerName;
          if (developerName && !info.master && info.available) recordTypes.set(developerName, info.recordTypeId);
        }
      }
    }
    const profile = new OrgProfile(fields, recordTypes, states);
    await profile.loadOwners(connection, ownerUsernames);
    return profile;
  }

  /**
   * Looks up which of these usernames belong to active users, each name once per profile: names
   * already looked up cost nothing, so a sync may call this for every batch. Empty names and null
   * (the integration user) are skipped. Resolves to the number of queries sent (0 when none was needed).
   */
  async loadOwners(connection: Connection, usernames: Iterable<string | null>): Promise<number> {
    const unknown = new Map<string, string>();
    for (const username of usernames) {
      if (!username) continue;
      const key = usernameKey(username);
      if (!this.owners.has(key) && !unknown.has(key)) unknown.set(key, username);
    }
    const batches = chunked([...unknown.values()], USERNAMES_PER_QUERY);
    for (const batch of batches) {
      const soql = `SELECT Id, Username FROM User WHERE Username IN (${batch.map(soqlString).join(', ')}) AND IsActive = true`;
      const { records } = await connection.query<{ Id: string; Username: string }>(soql);
      for (const username of batch) this.owners.set(usernameKey(username), null);
      for (const user of records) this.owners.set(usernameKey(user.Username), user.Id);
    }
    return batches.length;
  }

  /** The Id of the active user with this username; undefined when there is none or it was never loaded (loadOwners). */
  ownerId(username: string): string | undefined {
    return this.owners.get(usernameKey(username)) ?? undefined;
  }

  stages(): string[] {
    return [...(this.fields.get('Opportunity')?.get('StageName')?.picklist ?? [])];
  }

  contactRoles(): string[] {
    return [...(this.fields.get('OpportunityContactRole')?.get('Role')?.picklist ?? [])];
  }

  /** Opportunity.LeadSource values. */
  leadSources(): string[] {
    return [...(this.fields.get('Opportunity')?.get('LeadSource')?.picklist ?? [])];
  }

  recordTypeNames(): string[] {
    return [...this.opportunityRecordTypes.keys()];
  }

  /** Names in the address text fields, or codes where the org uses State and Country picklists (with the states it knows). */
  addressMode(): AddressMode {
    const states = this.states;
    return states ? { kind: 'codes', stateCode: (country, code, name) => stateCodeIn(states, country, code, name) } : NAMES;
  }

  /** The Contact Salutation values a Magento name prefix may become. */
  salutations(): string[] {
    return [...(this.fields.get('Contact')?.get('Salutation')?.picklist ?? [])];
  }

  hasStage(stage: string): boolean {
    return this.fields.get('Opportunity')?.get('StageName')?.picklist.has(stage) ?? false;
  }

  hasContactRole(role: string): boolean {
    return this.fields.get('OpportunityContactRole')?.get('Role')?.picklist.has(role) ?? false;
  }

  hasLeadSource(value: string): boolean {
    return this.fields.get('Opportunity')?.get('LeadSource')?.picklist.has(value) ?? false;
  }

  recordTypeId(developerName: string): string | undefined {
    return this.opportunityRecordTypes.get(developerName);
  }

  /** Cuts strings to the field lengths describe gives (names, e-mails, cities in any script). */
  fitToLengths(object: DescribedObject, payload: SalesforcePayload): SalesforcePayload {
    const facts = this.fields.get(object);
    // The payload itself when nothing is too long: a Bulk round holds tens of thousands of them.
    let fitted: SalesforcePayload | undefined;
    for (const [name, value] of Object.entries(payload)) {
      const length = facts?.get(name)?.length ?? 0;
      // Salesforce counts UTF-16 code units; cut on a code point so an emoji is not split in half.
      if (typeof value === 'string' && length > 0 && value.length > length) {
        let cut = value.slice(0, length);
        if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
        fitted ??= { ...payload };
        fitted[name] = cut;
      }
    }
    return fitted ?? payload;
  }
}
