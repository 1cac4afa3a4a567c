// The sidecar's own tables as the database holds them after migrating, read from information_schema
// in a plain form that a test can compare with the Magento module's db_schema.xml.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from './pool.js';

export interface ColumnDefinition {
  name: string;
  /** Full column type as MySQL reports it, e.g. "int(10) unsigned", "varchar(255)". */
  type: string;
  nullable: boolean;
  /** Default as information_schema reports it; null when there is none. */
  defaultValue: string | null;
  autoIncrement: boolean;
}

export interface IndexDefinition {
  name: string;
  unique: boolean;
  columns: string[];
}

export interface TableDefinition {
  name: string;
  engine: string;
  collation: string;
  columns: ColumnDefinition[];
  indexes: IndexDefinition[];
}

export async function readOwnTableDefinitions(pool: DatabasePool): Promise<TableDefinition[]> {
  const [tables] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'forcebridge\\_%' ORDER BY TABLE_NAME`,
  );
  const [columns] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'forcebridge\\_%' ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  );
  const [indexColumns] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'forcebridge\\_%' ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
  );
  return tables.map((table) => {
    const name = String(table.TABLE_NAME);
    const indexes = new Map<string, IndexDefinition>();
    for (const row of indexColumns.filter((r) => r.TABLE_NAME === name)) {
      const indexName = String(row.INDEX_NAME);
      const index = indexes.get(indexName) ?? { name: indexName, unique: Number(row.NON_UNIQUE) === 0, columns: [] };
      index.columns.push(String(row.COLUMN_NAME));
      indexes.set(indexName, index);
    }
    return {
      name,
      engine: String(table.ENGINE),
      collation: String(table.TABLE_COLLATION),
      columns: columns
        .filter((row) => row.TABLE_NAME === name)
        .map((row) => ({
          name: String(row.COLUMN_NAME),
          type: String(row.COLUMN_TYPE),
          nullable: row.IS_NULLABLE === 'YES',
          defaultValue: row.COLUMN_DEFAULT === null ? null : String(row.COLUMN_DEFAULT),
          autoIncrement: String(row.EXTRA).includes('auto_increment'),
        })),
      indexes: [...indexes.values()],
    };
  });
}
