// Reads a database's shape from information_schema (tables, columns, indexes, foreign keys) in a
// form two databases can be compared with deep equality.
import type mysql from 'mysql2/promise';

export interface TableShape {
  options: Record<string, unknown>;
  columns: Record<string, unknown>[];
  indexes: Record<string, unknown>[];
  foreignKeys: Record<string, unknown>[];
}

async function rows(pool: mysql.Pool, sql: string, schema: string): Promise<mysql.RowDataPacket[]> {
  const [result] = await pool.query<mysql.RowDataPacket[]>(sql, [schema]);
  return result;
}

function groupByTable(list: mysql.RowDataPacket[]): Map<string, Record<string, unknown>[]> {
  const grouped = new Map<string, Record<string, unknown>[]>();
  for (const { TABLE_NAME, ...rest } of list) {
    const name = String(TABLE_NAME);
    grouped.set(name, [...(grouped.get(name) ?? []), rest]);
  }
  return grouped;
}

export async function readSchemaShape(pool: mysql.Pool, schema: string): Promise<Map<string, TableShape>> {
  const tables = await rows(
    pool,
    `SELECT TABLE_NAME, ENGINE, TABLE_COLLATION, TABLE_COMMENT FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`,
    schema,
  );
  const columns = groupByTable(
    await rows(
      pool,
      `SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,
              CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_COMMENT
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`,
      schema,
    ),
  );
  const indexes = groupByTable(
    await rows(
      pool,
      `SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE, INDEX_TYPE, SUB_PART
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
      schema,
    ),
  );
  const foreignKeys = groupByTable(
    await rows(
      pool,
      `SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
              r.DELETE_RULE, r.UPDATE_RULE
         FROM information_schema.KEY_COLUMN_USAGE k
         JOIN information_schema.REFERENTIAL_CONSTRAINTS r
           ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
        WHERE k.TABLE_SCHEMA = ? ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
      schema,
    ),
  );
  const shapes = new Map<string, TableShape>();
  for (const { TABLE_NAME, ...options } of tables) {
    const name = String(TABLE_NAME);
    shapes.set(name, {
      options,
      columns: columns.get(name) ?? [],
      indexes: indexes.get(name) ?? [],
      foreignKeys: foreignKeys.get(name) ?? [],
    });
  }
  return shapes;
}
