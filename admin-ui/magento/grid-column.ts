// What the "Salesforce Sync" and "Salesforce ID" columns of Magento's grids share: they extend
// Magento's column, follow the listing's rows, and read each row's state from the page's store.
import Column, { type ColumnClass, type ListingRow } from 'Magento_Ui/js/grid/columns/column';
import type { RecordSync } from '../api/contract.js';
import { registerComponents } from '../components/register.js';
import { storeForListing, type SyncStatusStore } from './sync-status-store.js';

/** @param bodyTmpl the cell template, in the module's view/adminhtml/web/template folder */
export function salesforceColumn(bodyTmpl: string): ColumnClass {
  return Column.extend({
    defaults: {
      bodyTmpl,
      rows: [] as ListingRow[],
      imports: { rows: '${ $.provider }:data.items' },
      listens: { rows: 'loadSyncStates' },
    },
    store: undefined as SyncStatusStore | undefined,

    initialize() {
      this._super();
      registerComponents();
      this.store = storeForListing(this.ns);
      return this;
    },

    loadSyncStates(rows: ListingRow[]) {
      void this.store?.load(rows.map((row) => Number(row.entity_id)).filter(Number.isInteger));
    },

    syncOf(row: ListingRow): RecordSync | null {
      return this.store?.syncOf(Number(row.entity_id)) ?? null;
    },

    problem(): string {
      return this.store?.problem ?? '';
    },
  });
}
