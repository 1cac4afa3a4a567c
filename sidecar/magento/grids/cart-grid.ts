// The Abandoned Carts grid: active carts with items and an e-mail address (on the cart, or on its
// billing address for guests who reached checkout), i.e. the carts that can become opportunities.
import type { GridDefinition } from './grid-page.js';
import { textOrNull } from './grid-page.js';
import { databaseTimeToIso } from '../../queue/db-time.js';

export interface CartGridRow {
  id: number;
  customer: string | null;
  email: string | null;
  store: string | null;
  items: number;
  grandTotal: number;
  currency: string | null;
  updatedAt: string | null;
}

const EMAIL = 'COALESCE(q.customer_email, b.email)';
const NAME = "CONCAT_WS(' ', COALESCE(q.customer_firstname, b.firstname), COALESCE(q.customer_lastname, b.lastname))";

export const CART_GRID: GridDefinition<CartGridRow> = {
  select: `SELECT q.entity_id, ${NAME} AS customer, ${EMAIL} AS email, s.name AS store_name, q.items_qty, q.grand_total, q.quote_currency_code, q.updated_at
             FROM quote q
             LEFT JOIN quote_address b ON b.quote_id = q.entity_id AND b.address_type = 'billing'
             LEFT JOIN store s ON s.store_id = q.store_id`,
  idColumn: 'q.entity_id',
  customerColumn: 'q.customer_id',
  conditions: ['q.is_active = 1', 'q.items_count > 0', `${EMAIL} IS NOT NULL`],
  searchable: [EMAIL, NAME],
  toRow: (row) => ({
    id: Number(row.entity_id),
    customer: textOrNull(row.customer),
    email: textOrNull(row.email),
    store: textOrNull(row.store_name),
    items: Number(row.items_qty ?? 0),
    grandTotal: Number(row.grand_total ?? 0),
    currency: textOrNull(row.quote_currency_code),
    updatedAt: databaseTimeToIso(row.updated_at),
  }),
};
