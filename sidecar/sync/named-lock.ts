// A MySQL named lock (GET_LOCK) held around a piece of work, so sidecars sharing one store
// database take turns at it. The name includes the database, as locks are server-wide.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';

export class LockTimeoutError extends Error {}

export async function withNamedLock<T>(pool: DatabasePool, name: string, work: () => Promise<T>, timeoutSeconds = 60): Promise<T> {
  const connection = await pool.getConnection();
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT GET_LOCK(CONCAT(?, ":", DATABASE()), ?) AS acquired', [name, timeoutSeconds]);
    if (Number(rows[0]?.acquired) !== 1) throw new LockTimeoutError(`Could not get the lock "${name}" within ${timeoutSeconds} s`);
    try {
      return await work();
    } finally {
      await connection.query('SELECT RELEASE_LOCK(CONCAT(?, ":", DATABASE()))', [name]);
    }
  } finally {
    connection.release();
  }
}
