// Postal addresses as the readers select them from customer_address_entity, quote_address and
// sales_order_address (the three name these columns alike), with the region codes Magento keeps in
// directory_country_region, read by its primary key.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { optionalNumber, optionalText } from './columns.js';
import type { Address } from './records.js';

/** The columns toAddress reads; each reader selects them from its address table. */
export const ADDRESS_COLUMNS = 'street, city, region, region_id, postcode, country_id, telephone, company';

interface Region {
  countryId: string;
  code: string | null;
  name: string | null;
}

export type Regions = Map<number, Region>;

export const MISSING_REGION_TABLE =
  "Magento's directory_country_region table is missing, so the region codes of addresses cannot be read. " +
  'Point MYSQL_URL at the database of a complete Magento install.';

function isMissingTable(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ER_NO_SUCH_TABLE';
}

/** The regions these address rows point at, by region_id. Magento writes 0 or NULL for a region typed in freely. */
export async function readRegions(pool: DatabasePool, addresses: readonly mysql.RowDataPacket[]): Promise<Regions> {
  const ids = [...new Set(addresses.map((address) => optionalNumber(address.region_id)))].filter((id): id is number => id !== null && id > 0);
  if (ids.length === 0) return new Map();
  let rows: mysql.RowDataPacket[];
  try {
    [rows] = await pool.query<mysql.RowDataPacket[]>(
      'SELECT region_id, country_id, code, default_name FROM directory_country_region WHERE region_id IN (?)',
      [ids],
    );
  } catch (error) {
    // A store without it is not a whole Magento install; guessing codes would send wrong states.
    if (isMissingTable(error)) throw new Error(MISSING_REGION_TABLE, { cause: error });
    throw error;
  }
  return new Map(rows.map((row) => [
    Number(row.region_id),
    { countryId: String(row.country_id), code: optionalText(row.code), name: optionalText(row.default_name) },
  ]));
}

/** The billing or shipping row among a quote's or an order's address rows (address_type). */
export function addressOf(addresses: readonly mysql.RowDataPacket[], type: 'billing' | 'shipping'): mysql.RowDataPacket | undefined {
  return addresses.find((address) => address.address_type === type);
}

/** Magento keeps street lines newline-separated in one column; blank lines are left out. */
function streetLines(value: unknown): string[] {
  return optionalText(value)?.split(/\r?\n/).filter((line) => line.trim() !== '') ?? [];
}

/** The address in `row`, or null when there is no row or nothing was filled in (a new cart's addresses). */
export function toAddress(row: mysql.RowDataPacket | undefined, regions: Regions): Address | null {
  if (!row) return null;
  const countryId = optionalText(row.country_id);
  const known = regions.get(Number(row.region_id));
  // A region id of another country (the country was changed afterwards) says nothing about this one.
  const region = known && known.countryId === countryId ? known : undefined;
  const address: Address = {
    street: streetLines(row.street),
    city: optionalText(row.city),
    region: optionalText(row.region) ?? region?.name ?? null,
    regionCode: region?.code ?? null,
    postcode: optionalText(row.postcode),
    countryId,
    telephone: optionalText(row.telephone),
    company: optionalText(row.company),
  };
  const { street, ...rest } = address;
  return street.length === 0 && Object.values(rest).every((value) => value === null) ? null : address;
}
