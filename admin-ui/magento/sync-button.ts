// Forcebridge_Connector/js/sync-button: the customer's "Shopping Cart" tab in Magento's admin
// (data-mage-init from shopping-cart-tab.phtml), with its "Sync with Salesforce" button.
import { ApiClient } from '../api/client.js';
import { ShoppingCartTab } from '../components/shopping-cart/shopping-cart-tab.js';
import { mountComponent } from './mount.js';

export interface SyncButtonConfig {
  sidecarUrl: string;
  entityType: 'customer';
  entityId: number | string;
}

export default function mountSyncButton(config: SyncButtonConfig, element: HTMLElement): void {
  const tab = new ShoppingCartTab(new ApiClient(config.sidecarUrl), Number(config.entityId));
  mountComponent(element, 'forcebridge-shopping-cart', tab);
}
