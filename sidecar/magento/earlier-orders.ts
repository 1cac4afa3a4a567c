// Whether a buyer placed an order before a cart or order was created. Registered buyers are found
// by customer id, through sales_order's SALES_ORDER_CUSTOMER_ID index. Guests are found by e-mail,
// through customer_entity's e-mail index to the registered customers with that e-mail, and their
// orders by customer id.
// Limit: earlier *guest* orders under the same e-mail are not seen. sales_order has no index on
// customer_email, and looking them up would scan every order in the store.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';

export interface Buyer {
  customerId: number | null;
  email: string | null;
}

/** Did the buyer place an order created before `createdAt` (a created_at value as the pool returns it)? */
export type EarlierOrderCheck = (buyer: Buyer, createdAt: unknown) => boolean;

/**
 * Keeps the earliest created_at per key. Dates as the pool returns them sort like the times they
 * are; a zero date sorts first, so an order whose date was lost counts as an earlier one.
 */
function earliestBy(rows: readonly mysql.RowDataPacket[], keyOf: (row: mysql.RowDataPacket) => string | number): Map<string | number, string> {
  const earliest = new Map<string | number, string>();
  for (const row of rows) {
    const key = keyOf(row);
    const at = String(row.first_order_at);
    const known = earliest.get(key);
    if (known === undefined || at < known) earliest.set(key, at);
  }
  return earliest;
}

/** Reads when each of these buyers first ordered (two indexed queries at most), and answers for them. */
export async function readEarlierOrderCheck(pool: DatabasePool, buyers: readonly Buyer[]): Promise<EarlierOrderCheck> {
  const customerIds = [...new Set(buyers.flatMap((buyer) => (buyer.customerId === null ? [] : [buyer.customerId])))];
  const guestEmails = [...new Set(buyers.flatMap((buyer) => (buyer.customerId === null && buyer.email !== null ? [buyer.email.toLowerCase()] : [])))];
  const [byCustomer] = customerIds.length === 0 ? [[]] : await pool.query<mysql.RowDataPacket[]>(
    'SELECT customer_id, MIN(created_at) AS first_order_at FROM sales_order WHERE customer_id IN (?) GROUP BY customer_id',
    [customerIds],
  );
  // customer_entity.email compares without regard to case (utf8mb4_general_ci), as e-mails should.
  const [byEmail] = guestEmails.length === 0 ? [[]] : await pool.query<mysql.RowDataPacket[]>(
    `SELECT c.email, MIN(o.created_at) AS first_order_at
       FROM customer_entity c JOIN sales_order o ON o.customer_id = c.entity_id
      WHERE c.email IN (?) GROUP BY c.email`,
    [guestEmails],
  );
  const firstByCustomer = earliestBy(byCustomer, (row) => Number(row.customer_id));
  const firstByEmail = earliestBy(byEmail, (row) => String(row.email).toLowerCase());
  return (buyer, createdAt) => {
    const first = buyer.customerId !== null ? firstByCustomer.get(buyer.customerId)
      : buyer.email !== null ? firstByEmail.get(buyer.email.toLowerCase()) : undefined;
    return first !== undefined && first < String(createdAt);
  };
}
