// The configuration tabs (Abandoned Cart Configuration, Order Configuration, Advanced, Opportunity
// Status mapping, Customer and General Configuration): reads forcebridge/* at the chosen scope,
// fills the dropdowns from the org, saves, and puts each refused value's reason next to its field.
import ko from 'knockout-es5';
import { ApiError, messageOf, type ApiClient } from '../../api/client.js';
import type { ConfigSnapshot, Option, Website } from '../../api/contract.js';
import { ConfigField, type Picklists } from './config-field.js';
import { TABS, statusMapFields, type TabName } from './config-tabs.js';
import { ScopeSwitcher } from './scope-switcher.js';
import { modelFromParams } from '../model-params.js';
import template from './config-form.html';

export interface ConfigTab {
  name: TabName;
  title: string;
  fields: ConfigField[];
}

/** The sidecar's /scopes, /picklists/<name> and GET/PUT /config: the console calls them itself, Magento's pages through the module's controllers. */
export type ConfigApi = Pick<ApiClient, 'get' | 'put'>;

export interface FormMessage {
  tone: 'success' | 'error';
  text: string;
}

export class ConfigForm {
  readonly scopeSwitcher = new ScopeSwitcher();
  readonly picklists: Picklists = { stages: [], recordTypes: [], contactRoles: [], leadSources: [] };
  tabs: ConfigTab[] = [];
  activeTabName: TabName;
  loading = true;
  saving = false;
  messages: FormMessage[] = [];

  constructor(
    private readonly api: ConfigApi,
    private readonly tabNames: TabName[],
  ) {
    this.activeTabName = tabNames[0] ?? 'abandoned_cart';
    ko.track(this.picklists);
    ko.track(this, ['tabs', 'activeTabName', 'loading', 'saving', 'messages']);
    ko.getObservable(this.scopeSwitcher, 'selectedKey')?.subscribe(() => void this.loadValues());
  }

  get fields(): ConfigField[] {
    return this.tabs.flatMap((tab) => tab.fields);
  }

  /** Loads scopes, picklists and values; a picklist Salesforce cannot give is reported, not fatal. */
  async load(): Promise<void> {
    const [websites, picklists] = await Promise.all([
      this.api.get<{ websites: Website[] }>('/scopes').catch((error: unknown) => this.report(error)),
      Promise.all([this.picklist('stages'), this.picklist('record-types'), this.picklist('contact-roles'), this.picklist('lead-sources')]),
    ]);
    if (websites) this.scopeSwitcher.setWebsites(websites.websites);
    [this.picklists.stages, this.picklists.recordTypes, this.picklists.contactRoles, this.picklists.leadSources] = picklists;
    await this.loadValues();
  }

  selectTab(tab: ConfigTab): void {
    this.activeTabName = tab.name;
  }

  async save(): Promise<void> {
    const { scope, scopeId } = this.scopeSwitcher.selected;
    const values = Object.fromEntries(this.fields.map((field) => [field.definition.path, field.submittedValue]));
    this.saving = true;
    this.messages = [];
    try {
      this.show(await this.api.put<ConfigSnapshot>('/config', { scope, scopeId, values }));
      this.messages = [{ tone: 'success', text: 'You saved the configuration.' }];
    } catch (error) {
      if (error instanceof ApiError) {
        for (const detail of error.details) {
          const field = this.fields.find((candidate) => candidate.definition.path === detail.field);
          if (field) field.problem = detail.problem;
        }
      }
      this.report(error);
    } finally {
      this.saving = false;
    }
  }

  private async loadValues(): Promise<void> {
    const { scope, scopeId } = this.scopeSwitcher.selected;
    this.loading = true;
    try {
      this.show(await this.api.get<ConfigSnapshot>('/config', { scope, scopeId }));
    } catch (error) {
      this.report(error);
    } finally {
      this.loading = false;
    }
  }

  /** Builds the tabs' fields the first time (the status map needs the store's statuses) and fills them. */
  private show(snapshot: ConfigSnapshot): void {
    if (this.tabs.length === 0) this.tabs = this.tabNames.map((name) => this.buildTab(name, snapshot));
    for (const field of this.fields) field.load(snapshot.values[field.definition.path]);
  }

  private buildTab(name: TabName, snapshot: ConfigSnapshot): ConfigTab {
    const definition = TABS[name];
    const definitions = name === 'order_status_map' ? statusMapFields(snapshot.statuses) : definition.fields;
    const fields = definitions.map(
      (fieldDefinition) => new ConfigField(fieldDefinition, this.picklists, () => this.scopeSwitcher.selected.scope, (path) => this.valueOf(path)),
    );
    return { name, title: definition.title, fields };
  }

  private valueOf(path: string): string | undefined {
    return this.fields.find((field) => field.definition.path === path)?.value;
  }

  private async picklist(name: string): Promise<Option[]> {
    try {
      return await this.api.get<Option[]>(`/picklists/${name}`);
    } catch (error) {
      this.report(error);
      return [];
    }
  }

  private report(error: unknown): undefined {
    this.messages = [...this.messages, { tone: 'error', text: messageOf(error) }];
    return undefined;
  }
}

/** The form starts loading when the component is shown. */
export const configFormComponent = { name: 'forcebridge-config-form', viewModel: modelFromParams<ConfigForm>((form) => form.load()), template };
