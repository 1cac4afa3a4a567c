// The org's schema at run time: standard objects, custom fields added through the Tooling API,
// the RecordTypeId field of objects that have record types, and the configured stage list.
import { lookup, picklistValues, type FieldDefinition } from '../schema/field-definition.js';
import type { ObjectDefinition } from '../schema/object-definition.js';
import { DEFAULT_OPPORTUNITY_STAGES, type OpportunityStage } from '../schema/opportunity-stages.js';
import { standardObjects } from '../schema/standard-objects.js';

export interface MetadataConfig {
  /** Extra stages appended to (or replacing, by name) the default stage list. */
  extraStages?: readonly OpportunityStage[];
  /** Whether a StageName the org lacks is refused (default true). */
  stageNameRestricted?: boolean;
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

  private indexFields(object: ObjectDefinition): void {
    this.fieldsByObject.set(object.name, new Map(object.fields.map((definition) => [definition.name.toLowerCase(), definition])));
  }
}
