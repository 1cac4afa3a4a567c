// What each console grid shows: the Magento columns of its rows (the Salesforce columns, the
// selection and the row action are the same on every grid and live in the template).
import type { Area, GridRowByArea } from '../../api/contract.js';
import { formatDateTime } from '../../components/sync-status/sync-status.js';
import { formatMoney } from '../../components/shopping-cart/shopping-cart-tab.js';

export interface GridColumn<Row> {
  title: string;
  text(row: Row): string;
  /** The column that opens the record's page. */
  opensRecord?: boolean;
  numeric?: boolean;
}

export interface AreaGrid<A extends Area> {
  title: string;
  recordNoun: string;
  searchPlaceholder: string;
  columns: GridColumn<GridRowByArea[A]>[];
}

export const AREA_GRIDS: { [A in Area]: AreaGrid<A> } = {
  carts: {
    title: 'Abandoned Carts',
    recordNoun: 'cart',
    searchPlaceholder: 'Search by customer or email',
    columns: [
      { title: 'Quote ID', text: (row) => String(row.id), opensRecord: true, numeric: true },
      { title: 'Customer', text: (row) => row.customer ?? '' },
      { title: 'Email', text: (row) => row.email ?? '' },
      { title: 'Store', text: (row) => row.store ?? '' },
      { title: 'Items', text: (row) => String(row.items), numeric: true },
      { title: 'Grand Total', text: (row) => formatMoney(row.grandTotal, row.currency), numeric: true },
      { title: 'Updated At', text: (row) => formatDateTime(row.updatedAt) },
    ],
  },
  orders: {
    title: 'Orders',
    recordNoun: 'order',
    searchPlaceholder: 'Search by order number, customer or email',
    columns: [
      { title: 'ID', text: (row) => row.incrementId ?? String(row.id), opensRecord: true },
      { title: 'Purchase Date', text: (row) => formatDateTime(row.createdAt) },
      { title: 'Bill-to Name', text: (row) => row.customer ?? '' },
      { title: 'Email', text: (row) => row.email ?? '' },
      { title: 'Status', text: (row) => row.status ?? '' },
      { title: 'Grand Total', text: (row) => formatMoney(row.grandTotal, row.currency), numeric: true },
    ],
  },
  customers: {
    title: 'Customers',
    recordNoun: 'customer',
    searchPlaceholder: 'Search by name or email',
    columns: [
      { title: 'ID', text: (row) => String(row.id), numeric: true },
      { title: 'Name', text: (row) => row.name ?? `#${row.id}`, opensRecord: true },
      { title: 'Email', text: (row) => row.email ?? '' },
      { title: 'Web Site', text: (row) => row.website ?? '' },
      { title: 'Customer Since', text: (row) => formatDateTime(row.createdAt) },
    ],
  },
};
