// The org's schema at run time: standard objects, custom fields added through the Tooling API,
// the RecordTypeId field of objects that have record types, the configured stage list and the
// address code fields of State and Country/Territory Picklists.
import { ADDRESS_PREFIXES, addressCodeFields, addressFieldNames } from '../schema/address-picklists.js';
import { lookup, picklistValues, type FieldDefinition } from '../schema/field-definition.js';
import type { ObjectDefinition } from '../schema/object-definition.js';
import { DEFAULT_OPPORTUNITY_STAGES, type OpportunityStage } from '../schema/opportunity-stages.js';
import { standardObjects } from '../schema/standard-objects.js';

export interface MetadataConfig {
  /** Extra stages appended to (or replacing, by name) the default stage list. */
  extraStages?: readonly OpportunityStage[];
  /** Whether a StageName the org lacks is refused (default true). */
  stageNameRestricted?: boolean;
  /** Salesforce's "State and Country/Territory Picklists" setting (default off). */
  stateCountryPicklists?: boolean;
}

/** One address under State and Country/Territory Picklists: its name and code fields. */
export interface AddressGroup {
  country: FieldDefinition;
  countryCode: FieldDefinition;
  state: FieldDefinition;
  stateCode: FieldDefinition;
}

export class OrgMetadata {
  private readonly objectsByLowerName = new Map<string, ObjectDefinition>();
  private readonly objectsByKeyPrefix = new Map<string, ObjectDefinition>();
  private readonly fieldsByObject = new Map<string, Map<string, FieldDefinition>>();
  private readonly stagesByName = new Map<string, OpportunityStage>();

  constructor(config: MetadataConfig = {}) {
    for (const stage of [...DEFAULT_OPPORTUNITY_STAGES, ...(config.extraStages ?? [])]) this.stagesByName.set(stage.name, stage);
    const objects = standardObjects({ stages: [...this.stagesByName.values()], stageNameRestricted: config.stageNameRestricted ?? true });
    for (const object of objects) {
      this.objectsByLowerName.set(object.name.toLowerCase(), object);
      this.objectsByKeyPrefix.set(object.keyPrefix, object);
      this.indexFields(object);
    }
    this.stateCountryPicklists = config.stateCountryPicklists ?? false;
  }

  get objects(): ObjectDefinition[] {
    return [...this.objectsByLowerName.values()];
  }

  object(name: string): ObjectDefinition | undefined {
    return this.objectsByLowerName.get(name.toLowerCase());
  }

  objectByKeyPrefix(keyPrefix: string): ObjectDefinition | undefined {
    return this.objectsByKeyPrefix.get(keyPrefix);
  }

  /** A field by name in any casing. */
  field(objectName: string, fieldName: string): FieldDefinition | undefined {
    return this.fieldsByObject.get(objectName)?.get(fieldName.toLowerCase());
  }

  /** The lookup field whose relationship name is given (Account for AccountId), in any casing. */
  relationshipField(objectName: string, relationshipName: string): FieldDefinition | undefined {
    const wanted = relationshipName.toLowerCase();
    return this.object(objectName)?.fields.find((candidate) => candidate.relationshipName?.toLowerCase() === wanted);
  }

  addField(objectName: string, definition: FieldDefinition): void {
    const object = this.object(objectName);
    if (!object) throw new Error(`No object ${objectName}`);
    object.fields.push(definition);
    this.indexFields(object);
  }

  /** Gives the object its RecordTypeId field once it has a record type, as Salesforce does. */
  enableRecordTypes(objectName: string): void {
    if (this.field(objectName, 'RecordTypeId')) return;
    const object = this.object(objectName);
    if (!object) throw new Error(`No object ${objectName}`);
    const afterId = object.fields.findIndex((candidate) => candidate.name === 'IsDeleted') + 1 || 1;
    object.fields.splice(afterId, 0, lookup('RecordTypeId', 'Record Type ID', 'RecordType', 'RecordType', { defaultedOnCreate: true }));
    this.indexFields(object);
  }

  stage(name: string): OpportunityStage | undefined {
    return this.stagesByName.get(name);
  }

  get stages(): OpportunityStage[] {
    return [...this.stagesByName.values()];
  }

  /** Adds or redefines a stage; its value appears in the StageName picklist at once. */
  defineStage(stage: OpportunityStage): void {
    this.stagesByName.set(stage.name, stage);
    const stageField = this.field('Opportunity', 'StageName');
    if (stageField) stageField.picklistValues = picklistValues(this.stages.map((known) => known.name));
  }

  get stageNameRestricted(): boolean {
    return this.field('Opportunity', 'StageName')?.restrictedPicklist ?? true;
  }

  set stageNameRestricted(restricted: boolean) {
    const stageField = this.field('Opportunity', 'StageName');
    if (stageField) stageField.restrictedPicklist = restricted;
  }

  get stateCountryPicklists(): boolean {
    return this.field('Account', 'BillingCountryCode') !== undefined;
  }

  /** Adds the StateCode and CountryCode fields after each address's Country field, or removes them. */
  set stateCountryPicklists(enabled: boolean) {
    for (const [objectName, prefixes] of Object.entries(ADDRESS_PREFIXES)) {
      const object = this.object(objectName);
      if (!object) continue;
      for (const names of prefixes.map(addressFieldNames)) {
        object.fields = object.fields.filter((candidate) => candidate.name !== names.stateCode && candidate.name !== names.countryCode);
        if (!enabled) continue;
        const countryIndex = object.fields.findIndex((candidate) => candidate.name === names.country);
        const stateLabel = object.fields.find((candidate) => candidate.name === names.state)?.label ?? names.state;
        const countryLabel = object.fields[countryIndex]?.label ?? names.country;
        object.fields.splice(countryIndex + 1, 0, ...addressCodeFields(names, stateLabel, countryLabel));
      }
      this.indexFields(object);
    }
  }

  /** The object's addresses with picklist codes; none while the setting is off. */
  addressGroups(objectName: string): AddressGroup[] {
    return (ADDRESS_PREFIXES[objectName] ?? []).flatMap((prefix) => {
      const names = addressFieldNames(prefix);
      const [country, countryCode, state, stateCode] = [names.country, names.countryCode, names.state, names.stateCode].map((name) => this.field(objectName, name));
      return country && countryCode && state && stateCode ? [{ country, countryCode, state, stateCode }] : [];
    });
  }

  private indexFields(object: ObjectDefinition): void {
    this.fieldsByObject.set(object.name, new Map(object.fields.map((definition) => [definition.name.toLowerCase(), definition])));
  }
}
