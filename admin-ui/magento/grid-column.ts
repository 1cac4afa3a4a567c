// What the "Salesforce Sync" and "Salesforce ID" columns of Magento's grids share: they extend
// Magento's column and render each row's own forcebridge_* fields with the shared cell components,
// so a grid page makes no request of its own for them.
import Column, { type ColumnClass, type ListingRow } from 'Magento_Ui/js/grid/columns/column';
import { registerComponents } from '../components/register.js';
import { syncOfRow, type RowSync } from './listing-row.js';

/** @param bodyTmpl the cell template, in the module's view/adminhtml/web/template folder */
export function salesforceColumn(bodyTmpl: string): ColumnClass {
  return Column.extend({
    defaults: { bodyTmpl },

    initialize() {
      this._super();
      registerComponents();
      return this;
    },

    /** The cell templates' `$col.syncOf($row())`. */
    syncOf(row: ListingRow): RowSync | null {
      return syncOfRow(row);
    },
  });
}
