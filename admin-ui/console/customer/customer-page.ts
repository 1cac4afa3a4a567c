// A customer's page: the "Shopping Cart" tab (the customer's carts and "Sync with Salesforce") and
// the customer's own Salesforce record with its history.
import ko from 'knockout-es5';
import type { ApiClient } from '../../api/client.js';
import { ShoppingCartTab } from '../../components/shopping-cart/shopping-cart-tab.js';
import { RecordPage } from '../record/record-page.js';

export type CustomerTab = 'shopping-cart' | 'salesforce';

export class CustomerPage {
  activeTab: CustomerTab = 'shopping-cart';
  readonly shoppingCart: ShoppingCartTab;
  readonly record: RecordPage;

  constructor(api: ApiClient, readonly id: number) {
    this.shoppingCart = new ShoppingCartTab(api, id);
    this.record = new RecordPage(api, 'customers', id);
    ko.track(this, ['activeTab']);
  }

  get title(): string {
    return this.record.title;
  }

  load(): Promise<void> {
    return this.record.load();
  }

  show(tab: CustomerTab): void {
    this.activeTab = tab;
  }
}
