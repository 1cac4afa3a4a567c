// Creates an empty Magento store database: Magento 2.4.8's tables and the rows its installer writes.
import { readFile } from 'node:fs/promises';
import mysql from 'mysql2/promise';

const SCHEMA_FILE = new URL('./schema/magento-schema.sql', import.meta.url);
const INSTALL_ROWS_FILE = new URL('./schema/magento-install.sql', import.meta.url);

const DATABASE_NAME = /^[A-Za-z0-9_]{1,64}$/;

/** The URL of database `name` on the server at `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createStoreDatabase(serverUrl: string, name: string): Promise<string> {
  if (!DATABASE_NAME.test(name)) throw new Error(`Invalid database name "${name}": use letters, digits and _ only.`);
  const connection = await mysql.createConnection({ uri: serverUrl, multipleStatements: true });
  try {
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
    await connection.query(`USE \`${name}\``);
    await connection.query(await readFile(SCHEMA_FILE, 'utf8'));
    await connection.query(await readFile(INSTALL_ROWS_FILE, 'utf8'));
  } finally {
    await connection.end();
  }
  return databaseUrl(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (!DATABASE_NAME.test(name)) throw new Error(`Invalid database name "${name}".`);
  const connection = await mysql.createConnection({ uri: serverUrl });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await connection.end();
  }
}
