// Magento's store views and the website each belongs to (the store table is small: read whole).
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';

export interface StoreView {
  storeId: number;
  websiteId: number;
  code: string | null;
  name: string;
}

/** The storefront store views (the admin store, id 0, is left out). */
export async function listStoreViews(pool: DatabasePool): Promise<StoreView[]> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT store_id, website_id, code, name FROM store WHERE store_id > 0 ORDER BY store_id');
  return rows.map((row) => ({
    storeId: Number(row.store_id),
    websiteId: Number(row.website_id),
    code: row.code === null ? null : String(row.code),
    name: String(row.name),
  }));
}

export interface Website {
  websiteId: number;
  name: string;
}

/** The storefront websites (the admin website, id 0, is left out). */
export async function listWebsites(pool: DatabasePool): Promise<Website[]> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT website_id, name FROM store_website WHERE website_id > 0 ORDER BY sort_order, website_id');
  return rows.map((row) => ({ websiteId: Number(row.website_id), name: String(row.name) }));
}
