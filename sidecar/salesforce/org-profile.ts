// What the org accepts, read from describe: stages, contact roles, record types and field lengths.
// Values the org lacks are refused before anything is sent, and over-long strings are cut to fit.
import type { Connection } from 'jsforce';
import type { SalesforcePayload } from '../mapping/people.js';

const DESCRIBED_OBJECTS = ['Account', 'Contact', 'Opportunity', 'OpportunityContactRole'] as const;
type DescribedObject = (typeof DESCRIBED_OBJECTS)[number];

interface FieldFacts {
  type: string;
  length: number;
  picklist: Set<string>;
}

export class OrgProfile {
  private constructor(
    private readonly fields: Map<DescribedObject, Map<string, FieldFacts>>,
    private readonly opportunityRecordTypes: Map<string, string>,
  ) {}

  static async load(connection: Connection): Promise<OrgProfile> {
    const fields = new Map<DescribedObject, Map<string, FieldFacts>>();
    const recordTypes = new Map<string, string>();
    for (const object of DESCRIBED_OBJECTS) {
      const describe = await connection.describe(object);
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
    return new OrgProfile(fields, recordTypes);
  }

  stages(): string[] {
    return [...(this.fields.get('Opportunity')?.get('StageName')?.picklist ?? [])];
  }

  contactRoles(): string[] {
    return [...(this.fields.get('OpportunityContactRole')?.get('Role')?.picklist ?? [])];
  }

  recordTypeNames(): string[] {
    return [...this.opportunityRecordTypes.keys()];
  }

  hasStage(stage: string): boolean {
    return this.fields.get('Opportunity')?.get('StageName')?.picklist.has(stage) ?? false;
  }

  hasContactRole(role: string): boolean {
    return this.fields.get('OpportunityContactRole')?.get('Role')?.picklist.has(role) ?? false;
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
