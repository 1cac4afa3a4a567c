// The Customers grid: registered customers, searchable by name and e-mail.
import type { GridDefinition } from './grid-page.js';
import { textOrNull } from './grid-page.js';
import { databaseTimeToIso } from '../../queue/db-time.js';

export interface CustomerGridRow {
  id: number;
  name: string | null;
  email: string | null;
  website: string | null;
  createdAt: string | null;
}

const NAME = "CONCAT_WS(' ', c.firstname, c.lastname)";

export const CUSTOMER_GRID: GridDefinition<CustomerGridRow> = {
  select: `SELECT c.entity_id, ${NAME} AS name, c.email, w.name AS website_name, c.created_at
             FROM customer_entity c
             LEFT JOIN store_website w ON w.website_id = c.website_id`,
  idColumn: 'c.entity_id',
  conditions: [],
  searchable: ['c.email', NAME],
  toRow: (row) => ({
    id: Number(row.entity_id),
    name: textOrNull(row.name),
    email: textOrNull(row.email),
    website: textOrNull(row.website_name),
    createdAt: databaseTimeToIso(row.created_at),
  }),
};
