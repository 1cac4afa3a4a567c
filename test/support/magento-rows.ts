// Inserts the Magento rows a sidecar test needs, written the way Magento writes them (see
// ../shared/magento/lifecycle-example.sql): a cart with its billing and shipping addresses, the
// shipping step, the order placed from it, invoices, shipments and credit memos, customers.
import type mysql from 'mysql2/promise';

type Pool = mysql.Pool;
type Row = Record<string, string | number | null>;

async function insert(pool: Pool, table: string, row: Row): Promise<number> {
  const columns = Object.keys(row);
  const [result] = await pool.query<mysql.ResultSetHeader>(
    `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    Object.values(row),
  );
  return result.insertId;
}

async function update(pool: Pool, table: string, keyColumn: string, key: number, row: Row): Promise<void> {
  const columns = Object.keys(row);
  await pool.query(`UPDATE \`${table}\` SET ${columns.map((c) => `\`${c}\` = ?`).join(', ')} WHERE \`${keyColumn}\` = ?`, [...Object.values(row), key]);
}

/** A second website with its store group and one store view. */
export async function insertWebsiteWithStore(pool: Pool, ids: { websiteId: number; groupId: number; storeId: number }): Promise<void> {
  await insert(pool, 'store_website', { website_id: ids.websiteId, code: `site${ids.websiteId}`, name: `Website ${ids.websiteId}`, default_group_id: ids.groupId });
  await insert(pool, 'store_group', { group_id: ids.groupId, website_id: ids.websiteId, name: `Group ${ids.groupId}`, root_category_id: 2, default_store_id: ids.storeId, code: `group${ids.groupId}` });
  await insert(pool, 'store', { store_id: ids.storeId, code: `store${ids.storeId}`, website_id: ids.websiteId, group_id: ids.groupId, name: `Store ${ids.storeId}`, is_active: 1 });
}

/** A store view in an existing website and group. */
export async function insertStoreView(pool: Pool, ids: { websiteId: number; groupId: number; storeId: number }): Promise<void> {
  await insert(pool, 'store', { store_id: ids.storeId, code: `store${ids.storeId}`, website_id: ids.websiteId, group_id: ids.groupId, name: `Store ${ids.storeId}`, is_active: 1 });
}

export async function setConfigRow(pool: Pool, scope: 'default' | 'websites' | 'stores', scopeId: number, path: string, value: string | null): Promise<void> {
  await pool.query('INSERT INTO core_config_data (scope, scope_id, path, value) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)', [scope, scopeId, path, value]);
}
