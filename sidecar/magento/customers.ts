// Reads registered customers by id: customer_entity and its default billing address (primary keys).
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { inChunks, optionalNumber, optionalText, utcIso } from './columns.js';
import type { Customer } from './records.js';

function toCustomer(row: mysql.RowDataPacket): Customer {
  return {
    customerId: Number(row.entity_id),
    email: optionalText(row.email),
    firstName: optionalText(row.firstname) ?? optionalText(row.billing_firstname),
    lastName: optionalText(row.lastname) ?? optionalText(row.billing_lastname),
    websiteId: optionalNumber(row.website_id),
    storeId: optionalNumber(row.store_id),
    company: optionalText(row.company),
    phone: optionalText(row.telephone),
    city: optionalText(row.city),
    countryId: optionalText(row.country_id),
    createdAt: utcIso(row.created_at),
    updatedAt: utcIso(row.updated_at),
  };
}

/** The customers with these ids, in id order; ids of deleted customers are simply absent. */
export async function readCustomers(pool: DatabasePool, customerIds: readonly number[]): Promise<Customer[]> {
  return inChunks(customerIds, async (ids) => {
    const [rows] = await pool.query<mysql.RowDataPacket[]>(
      `SELECT c.entity_id, c.email, c.firstname, c.lastname, c.website_id, c.store_id, c.created_at, c.updated_at,
              a.firstname AS billing_firstname, a.lastname AS billing_lastname, a.company, a.telephone, a.city, a.country_id
         FROM customer_entity c
         LEFT JOIN customer_address_entity a ON a.entity_id = c.default_billing AND a.parent_id = c.entity_id
        WHERE c.entity_id IN (?) ORDER BY c.entity_id`,
      [ids],
    );
    return rows.map(toCustomer);
  });
}
