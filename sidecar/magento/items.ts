// Cart and order lines (quote_item, sales_order_item) as PurchaseItems: the two tables name their
// columns alike, except the quantity.
import type mysql from 'mysql2/promise';
import { columnsOf, optionalNumber, optionalText } from './columns.js';
import type { PurchaseItem } from './records.js';

const QTY_COLUMN = { quote_item: 'qty', sales_order_item: 'qty_ordered' } as const;

export type ItemTable = keyof typeof QTY_COLUMN;

/** The columns toPurchaseItem reads from `table`. */
export function itemColumns(table: ItemTable): string {
  return `item_id, parent_item_id, product_id, sku, name, product_type, ${QTY_COLUMN[table]}, price, base_price, row_total, base_row_total`;
}

export function toPurchaseItem(table: ItemTable, row: mysql.RowDataPacket): PurchaseItem {
  const item = columnsOf(table, row);
  return {
    itemId: Number(row.item_id),
    parentItemId: optionalNumber(row.parent_item_id),
    productId: optionalNumber(row.product_id),
    sku: optionalText(row.sku),
    name: optionalText(row.name),
    productType: optionalText(row.product_type),
    qty: item.amount(QTY_COLUMN[table]),
    price: item.amount('price'),
    basePrice: item.amount('base_price'),
    rowTotal: item.amount('row_total'),
    baseRowTotal: item.amount('base_row_total'),
  };
}
