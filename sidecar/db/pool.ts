// The sidecar's MySQL pool. Magento stores UTC, so every session runs in UTC (TIMESTAMP columns come
// back as UTC wall time) and dates stay strings ("YYYY-MM-DD HH:MM:SS"), converted where they are read.
import mysql from 'mysql2/promise';

export type DatabasePool = mysql.Pool;

export function createDatabasePool(url: string, connectionLimit = 10): DatabasePool {
  const pool = mysql.createPool({
    uri: url,
    connectionLimit,
    timezone: 'Z',
    dateStrings: true,
    charset: 'utf8mb4_general_ci',
  });
  // Runs before anything else on each new connection: queries on one connection are sequential.
  // The promise pool re-emits the core pool's events with callback-style connections.
  pool.pool.on('connection', (connection) => {
    connection.query("SET time_zone = '+00:00'", (error: unknown) => {
      if (error) connection.destroy();
    });
  });
  return pool;
}
