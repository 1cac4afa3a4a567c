// The Magento module declares the sidecar's own tables in etc/db_schema.xml so that setup:upgrade
// and the sidecar's migrations build the same thing. This suite runs the migrations on a fresh
// store database and holds every table, column, type, nullability, default, comment and index
// against the declaration, as MariaDB reports them.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { migrate } from '../../sidecar/db/migrations.js';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { readOwnTableDefinitions } from '../../sidecar/db/table-definitions.js';
import { useTestDatabase } from '../support/test-database.js';
import { childrenNamed, parseXml, type XmlElement } from '../support/xml-tree.js';

const DB_SCHEMA = new URL('../../module-config/etc/db_schema.xml', import.meta.url);
const WHITELIST = new URL('../../module-config/etc/db_schema_whitelist.json', import.meta.url);

interface ColumnShape {
  name: string;
  type: string;
  nullable: boolean;
  defaultValue: string | null;
  autoIncrement: boolean;
  comment: string;
}

interface IndexShape {
  name: string;
  unique: boolean;
  type: string;
  columns: string[];
}

interface TableShape {
  name: string;
  engine: string;
  collation: string;
  comment: string;
  columns: ColumnShape[];
  indexes: IndexShape[];
}

// MariaDB still shows integer display widths; Magento ignores `padding`, so the width follows signedness.
const INTEGER_WIDTHS: Record<string, { signed: number; unsigned: number }> = {
  tinyint: { signed: 4, unsigned: 3 },
  smallint: { signed: 6, unsigned: 5 },
  int: { signed: 11, unsigned: 10 },
  bigint: { signed: 20, unsigned: 20 },
};
const PLAIN_TYPES = new Set(['text', 'mediumtext', 'longtext', 'date', 'datetime']);

/** The COLUMN_TYPE MariaDB reports for a db_schema.xml column (only the types this module uses). */
function columnType(column: XmlElement): string {
  const type = column.attributes['xsi:type']!;
  const width = INTEGER_WIDTHS[type];
  if (width) {
    const unsigned = column.attributes.unsigned === 'true';
    return `${type}(${unsigned ? width.unsigned : width.signed})${unsigned ? ' unsigned' : ''}`;
  }
  if (type === 'varchar' || type === 'char') return `${type}(${column.attributes.length ?? '255'})`;
  if (PLAIN_TYPES.has(type)) return type;
  throw new Error(`db_schema.xml column ${column.attributes.name} has type ${type}, which this test does not translate`);
}

/** COLUMN_DEFAULT as MariaDB reports it: 'NULL' for a nullable column, quoted strings, bare numbers. */
function columnDefault(column: XmlElement, nullable: boolean): string | null {
  const declared = column.attributes.default;
  if (declared === undefined) return nullable ? 'NULL' : null;
  return column.attributes['xsi:type'] === 'varchar' || column.attributes['xsi:type'] === 'char' ? `'${declared}'` : declared;
}

function declaredColumn(column: XmlElement): ColumnShape {
  const identity = column.attributes.identity === 'true';
  const nullable = !identity && column.attributes.nullable !== 'false';
  return {
    name: column.attributes.name!,
    type: columnType(column),
    nullable,
    defaultValue: columnDefault(column, nullable),
    autoIncrement: identity,
    comment: column.attributes.comment ?? '',
  };
}

function declaredIndexes(table: XmlElement): IndexShape[] {
  const keys = [...childrenNamed(table, 'constraint'), ...childrenNamed(table, 'index')].map((element) => {
    const kind = element.name === 'index' ? 'index' : element.attributes['xsi:type'];
    if (kind !== 'index' && kind !== 'primary' && kind !== 'unique') throw new Error(`Unexpected ${element.name} type ${kind}`);
    return {
      name: element.attributes.referenceId!,
      unique: kind !== 'index',
      type: (element.attributes.indexType ?? 'btree').toUpperCase(),
      columns: childrenNamed(element, 'column').map((column) => column.attributes.name!),
    };
  });
  return keys.sort((a, b) => a.name.localeCompare(b.name));
}

function declaredTables(): TableShape[] {
  return childrenNamed(parseXml(readFileSync(DB_SCHEMA, 'utf8')), 'table').map((table) => ({
    name: table.attributes.name!,
    engine: (table.attributes.engine ?? 'innodb').toLowerCase(),
    collation: table.attributes.collation ?? 'utf8mb4_general_ci',
    comment: table.attributes.comment ?? '',
    columns: childrenNamed(table, 'column').map(declaredColumn),
    indexes: declaredIndexes(table),
  }));
}

/** The migrated tables, with the comments and index types readOwnTableDefinitions leaves out. */
async function migratedTables(pool: DatabasePool): Promise<TableShape[]> {
  const [tableComments] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'forcebridge\\_%'`,
  );
  const [columnComments] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'forcebridge\\_%'`,
  );
  const [indexTypes] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT DISTINCT TABLE_NAME, INDEX_NAME, INDEX_TYPE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'forcebridge\\_%'`,
  );
  const lookup = (rows: mysql.RowDataPacket[], table: string, key: string, field: string, value: string): string =>
    String(rows.find((row) => row.TABLE_NAME === table && row[key] === value)?.[field]);
  return (await readOwnTableDefinitions(pool)).map((table) => ({
    name: table.name,
    engine: table.engine.toLowerCase(),
    collation: table.collation,
    comment: lookup(tableComments, table.name, 'TABLE_NAME', 'TABLE_COMMENT', table.name),
    columns: table.columns.map((column) => ({ ...column, comment: lookup(columnComments, table.name, 'COLUMN_NAME', 'COLUMN_COMMENT', column.name) })),
    indexes: table.indexes
      .map((index) => ({ ...index, type: lookup(indexTypes, table.name, 'INDEX_NAME', 'INDEX_TYPE', index.name) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

describe('module-config etc/db_schema.xml', () => {
  const declared = declaredTables();
  const own = declared.filter((table) => table.name.startsWith('forcebridge_'));

  it("adds to Magento's tables only the customer_entity.updated_at index change detection looks for", () => {
    const magentoTables = declared.filter((table) => !table.name.startsWith('forcebridge_'));
    expect(magentoTables.map((t) => ({ name: t.name, columns: t.columns, indexes: t.indexes.map((i) => ({ name: i.name, columns: i.columns })) }))).to.deep.equal([
      { name: 'customer_entity', columns: [], indexes: [{ name: 'CUSTOMER_ENTITY_UPDATED_AT', columns: ['updated_at'] }] },
    ]);
  });

  it('names every index the way Magento would (TABLE_COLUMNS), so setup:upgrade renames nothing', () => {
    for (const table of declared) {
      for (const index of table.indexes.filter((i) => i.name !== 'PRIMARY')) {
        expect(index.name, `${table.name} ${index.name}`).to.equal(`${table.name}_${index.columns.join('_')}`.toUpperCase());
      }
    }
  });

  it('lists every declared column, index and constraint in db_schema_whitelist.json, and nothing else', () => {
    const expected = Object.fromEntries(
      declared.map((table) => {
        const flags = (names: string[]) => Object.fromEntries(names.map((name) => [name, true]));
        const indexes = table.indexes.filter((index) => !index.unique).map((index) => index.name);
        const constraints = table.indexes.filter((index) => index.unique).map((index) => index.name);
        const group = (name: string, names: string[]) => (names.length ? { [name]: flags(names) } : {});
        return [table.name, { ...group('column', table.columns.map((c) => c.name)), ...group('index', indexes), ...group('constraint', constraints) }];
      }),
    );
    expect(JSON.parse(readFileSync(WHITELIST, 'utf8'))).to.deep.equal(expected);
  });

  describe('against the sidecar migrations on a fresh store database', () => {
    const db = useTestDatabase();
    let migrated: TableShape[];
    before(async () => {
      const pool = createDatabasePool(db().url);
      try {
        await migrate(pool);
        migrated = await migratedTables(pool);
      } finally {
        await pool.end();
      }
    });

    it('declares exactly the tables the migrations create', () => {
      expect(own.map((t) => t.name).sort()).to.deep.equal(migrated.map((t) => t.name).sort());
    });

    for (const table of own) {
      it(`${table.name}: same engine, collation, comment, columns (order, type, null, default, comment) and indexes`, () => {
        expect(table).to.deep.equal(migrated.find((t) => t.name === table.name));
      });
    }
  });
});
