// The Orders grid: every order, searchable by order number, customer name and e-mail.
import type { GridDefinition } from './grid-page.js';
import { textOrNull } from './grid-page.js';
import { databaseTimeToIso } from '../../queue/db-time.js';

export interface OrderGridRow {
  id: number;
  incrementId: string | null;
  customer: string | null;
  email: string | null;
  status: string | null;
  grandTotal: number;
  currency: string | null;
  createdAt: string | null;
}

const NAME = "CONCAT_WS(' ', o.customer_firstname, o.customer_lastname)";

export const ORDER_GRID: GridDefinition<OrderGridRow> = {
  select: `SELECT o.entity_id, o.increment_id, ${NAME} AS customer, o.customer_email, o.status, o.grand_total, o.order_currency_code, o.created_at
             FROM sales_order o`,
  idColumn: 'o.entity_id',
  conditions: [],
  searchable: ['o.increment_id', 'o.customer_email', NAME],
  toRow: (row) => ({
    id: Number(row.entity_id),
    incrementId: textOrNull(row.increment_id),
    customer: textOrNull(row.customer),
    email: textOrNull(row.customer_email),
    status: textOrNull(row.status),
    grandTotal: Number(row.grand_total ?? 0),
    currency: textOrNull(row.order_currency_code),
    createdAt: databaseTimeToIso(row.created_at),
  }),
};
