// Forcebridge_Connector/js/sync-button: "Sync with Salesforce" on Magento's admin pages (the customer's
// Shopping Cart tab, through data-mage-init): posts the records to the module's forcebridge/sync/row
// and follows the job through forcebridge/sync/job, with progress and the outcome under the button.
import type { Area } from '../api/contract.js';
import { SyncButton } from '../components/sync-run/sync-button.js';
import { SyncRun } from '../components/sync-run/sync-run.js';
import { mountComponent } from './mount.js';
import { syncControllers, type SyncUrls } from './module-controllers.js';

export interface SyncButtonConfig extends SyncUrls {
  area: Area;
  /** Magento's JSON may give ids as text. */
  ids: (number | string)[];
}

export default function mountSyncButton(config: SyncButtonConfig, element: HTMLElement): void {
  const ids = config.ids.map(Number);
  const button = new SyncButton(new SyncRun(syncControllers(config), config.area), () => ids);
  mountComponent(element, 'forcebridge-sync-button', button);
}
