// Reads registered customers by id: customer_entity and its default billing and shipping addresses
// (customer_address_entity), through primary keys.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { ADDRESS_COLUMNS, readRegions, toAddress, type Regions } from './addresses.js';
import { columnsOf, convertEach, optionalNumber, optionalText, readInChunks } from './columns.js';
import type { Customer, ReadResult } from './records.js';

function toCustomer(row: mysql.RowDataPacket, addresses: Map<number, mysql.RowDataPacket>, regions: Regions): Customer {
  const customerId = Number(row.entity_id);
  // A default that points at another customer's address (left by a bad import) is not theirs.
  const ownAddress = (id: unknown) => {
    const address = addresses.get(Number(id));
    return address && Number(address.parent_id) === customerId ? address : undefined;
  };
  const billing = ownAddress(row.default_billing);
  const columns = columnsOf('customer_entity', row);
  return {
    customerId,
    email: optionalText(row.email),
    firstName: optionalText(row.firstname) ?? optionalText(billing?.firstname),
    lastName: optionalText(row.lastname) ?? optionalText(billing?.lastname),
    websiteId: optionalNumber(row.website_id),
    storeId: optionalNumber(row.store_id),
    prefix: optionalText(row.prefix),
    dob: columns.calendarDay('dob'),
    billingAddress: toAddress(billing, regions),
    shippingAddress: toAddress(ownAddress(row.default_shipping), regions),
    createdAt: columns.utcIso('created_at'),
    updatedAt: columns.changedAt(),
  };
}

async function readCustomerChunk(pool: DatabasePool, ids: number[]): Promise<ReadResult<Customer>> {
  const [customers] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT entity_id, email, firstname, lastname, prefix, dob, website_id, store_id, default_billing, default_shipping, created_at, updated_at
       FROM customer_entity WHERE entity_id IN (?) ORDER BY entity_id`,
    [ids],
  );
  const addressIds = [...new Set(customers.flatMap((row) => [row.default_billing, row.default_shipping]))].filter((id) => id !== null);
  const [addresses] = addressIds.length === 0 ? [[]] : await pool.query<mysql.RowDataPacket[]>(
    `SELECT entity_id, parent_id, firstname, lastname, ${ADDRESS_COLUMNS} FROM customer_address_entity WHERE entity_id IN (?)`,
    [addressIds],
  );
  const regions = await readRegions(pool, addresses);
  const addressesById = new Map(addresses.map((address) => [Number(address.entity_id), address]));
  return convertEach('customer_entity', 'entity_id', customers, (row) => toCustomer(row, addressesById, regions));
}

/**
 * The customers with these ids, in id order; ids of deleted customers are simply absent, and a
 * customer whose values cannot be read is in `unreadable` with the reason.
 */
export async function readCustomers(pool: DatabasePool, customerIds: readonly number[]): Promise<ReadResult<Customer>> {
  return readInChunks(customerIds, (ids) => readCustomerChunk(pool, ids));
}
