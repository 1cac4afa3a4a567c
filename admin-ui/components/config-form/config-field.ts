// One setting on a configuration tab: its value at the chosen scope, whether it follows the parent
// scope ("Use Default" / "Use Website" / "Use system value"), and the reason a save refused it.
import ko from 'knockout-es5';
import type { ConfigValue, Option, ScopeType } from '../../api/contract.js';
import type { FieldDefinition } from './config-tabs.js';

export interface Picklists {
  stages: Option[];
  recordTypes: Option[];
  contactRoles: Option[];
  leadSources: Option[];
}

const YES_NO: Option[] = [
  { value: '1', label: 'Yes' },
  { value: '0', label: 'No' },
];
const CREATE_OPPORTUNITY: Option[] = [
  { value: 'no', label: 'No' },
  { value: 'every_order', label: 'For every order' },
];
const ORG_DEFAULT_RECORD_TYPE: Option = { value: '', label: "Org's default record type" };
const NO_LEAD_SOURCE: Option = { value: '', label: 'None (leave empty)' };
const TEXT_INPUT_MODES: Partial<Record<FieldDefinition['input'], string>> = { days: 'numeric', minutes: 'numeric', username: 'email' };

const PARENT_CHECKBOX_LABEL: Record<ScopeType, string> = { default: 'Use system value', websites: 'Use Default', stores: 'Use Website' };

let nextControlId = 0;

export class ConfigField {
  value = '';
  followsParent = false;
  problem = '';
  /** Unique per page, so several forms can share it. */
  readonly controlId = `fb-config-field-${++nextControlId}`;

  constructor(
    readonly definition: FieldDefinition,
    private readonly picklists: Picklists,
    private readonly scope: () => ScopeType,
    /** The current value of another field on the form, for `dependsOn`. */
    private readonly valueOf: (path: string) => string | undefined,
  ) {
    ko.track(this, ['value', 'followsParent', 'problem']);
  }

  load(stored: ConfigValue | undefined): void {
    this.value = stored?.value ?? stored?.default ?? '';
    this.followsParent = stored?.inherited ?? false;
    this.problem = '';
  }

  get isText(): boolean {
    return this.inputMode !== undefined;
  }

  /** The keyboard a phone shows for the text box (numbers, or an e-mail-like username). */
  get inputMode(): string | undefined {
    return TEXT_INPUT_MODES[this.definition.input];
  }

  get unit(): string {
    return this.definition.input === 'days' ? 'days' : this.definition.input === 'minutes' ? 'minutes' : '';
  }

  get visible(): boolean {
    const { dependsOn } = this.definition;
    return !dependsOn || this.valueOf(dependsOn.path) === dependsOn.value;
  }

  get parentCheckboxLabel(): string {
    return PARENT_CHECKBOX_LABEL[this.scope()];
  }

  /** The dropdown's choices; a stored value the org no longer offers stays visible, marked as such. */
  get options(): Option[] {
    const choices = this.choices();
    if (this.value === '' || choices.some((choice) => choice.value === this.value)) return choices;
    return [...choices, { value: this.value, label: `${this.value} (not offered by Salesforce)` }];
  }

  /** What a save sends: null hands the setting back to the parent scope. */
  get submittedValue(): string | null {
    return this.followsParent ? null : this.value;
  }

  private choices(): Option[] {
    switch (this.definition.input) {
      case 'yesno':
        return YES_NO;
      case 'createOpportunity':
        return CREATE_OPPORTUNITY;
      case 'stages':
        return this.picklists.stages;
      case 'contactRoles':
        return this.picklists.contactRoles;
      case 'recordTypes':
        return [ORG_DEFAULT_RECORD_TYPE, ...this.picklists.recordTypes];
      case 'leadSources':
        return [NO_LEAD_SOURCE, ...this.picklists.leadSources];
      case 'days':
      case 'minutes':
      case 'username':
        return [];
    }
  }
}
