// The scope switcher above the configuration: Default Config, each website, each store view.
import ko from 'knockout-es5';
import type { ScopeType, Website } from '../../api/contract.js';

export interface Scope {
  scope: ScopeType;
  scopeId: number;
}

export interface ScopeChoice {
  key: string;
  label: string;
}

let switcherCount = 0;

export const DEFAULT_SCOPE: Scope = { scope: 'default', scopeId: 0 };

export class ScopeSwitcher {
  choices: ScopeChoice[] = [{ key: keyOf(DEFAULT_SCOPE), label: 'Default Config' }];
  selectedKey = keyOf(DEFAULT_SCOPE);
  readonly controlId = `fb-scope-switcher-${++switcherCount}`;

  constructor() {
    ko.track(this, ['choices', 'selectedKey']);
  }

  setWebsites(websites: Website[]): void {
    this.choices = [
      { key: keyOf(DEFAULT_SCOPE), label: 'Default Config' },
      ...websites.flatMap((website) => [
        { key: keyOf({ scope: 'websites', scopeId: website.id }), label: `Website: ${website.name}` },
        // Indented like Magento's switcher, so store views read as part of their website.
        ...website.stores.map((store) => ({ key: keyOf({ scope: 'stores', scopeId: store.id }), label: `\u00a0\u00a0\u00a0\u00a0Store View: ${store.name}` })),
      ]),
    ];
  }

  get selected(): Scope {
    const [scope, scopeId] = this.selectedKey.split(':');
    return { scope: scope as ScopeType, scopeId: Number(scopeId) };
  }
}

function keyOf(scope: Scope): string {
  return `${scope.scope}:${scope.scopeId}`;
}
