import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { migrate, MIGRATIONS, SCHEMA_VERSION_TABLE, type Migration } from '../../sidecar/db/migrations.js';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { readOwnTableDefinitions } from '../../sidecar/db/table-definitions.js';
import { useTestDatabase } from '../support/test-database.js';

const OWN_TABLES = ['forcebridge_link', 'forcebridge_match', 'forcebridge_opportunity', 'forcebridge_queue', 'forcebridge_run', 'forcebridge_schema_version', 'forcebridge_sync_event', 'forcebridge_watermark'];

describe('sidecar migrations', () => {
  const db = useTestDatabase();
  let pool: DatabasePool;
  let secondSidecarPool: DatabasePool;
  before(() => {
    pool = createDatabasePool(db().url);
    secondSidecarPool = createDatabasePool(db().url);
  });
  after(async () => {
    await pool.end();
    await secondSidecarPool.end();
  });

  it('creates the own tables once, even when two sidecars start together', async () => {
    const [first, second] = await Promise.all([migrate(pool), migrate(secondSidecarPool)]);
    expect([...first, ...second]).to.deep.equal(MIGRATIONS.map((m) => m.version));
    const [versions] = await pool.query<mysql.RowDataPacket[]>(`SELECT version FROM ${SCHEMA_VERSION_TABLE}`);
    expect(versions.map((row) => Number(row.version))).to.deep.equal(MIGRATIONS.map((m) => m.version));
    expect(await migrate(pool)).to.deep.equal([]);
  });

  it('applies later migrations in order, each once', async () => {
    const later: Migration[] = [
      { version: 1001, description: 'second', statements: ['INSERT INTO forcebridge_watermark (source, updated_at) VALUES (CONCAT("order-", (SELECT COUNT(*) FROM forcebridge_watermark)), UTC_TIMESTAMP())'] },
      { version: 1000, description: 'first', statements: ['INSERT INTO forcebridge_watermark (source, updated_at) VALUES ("first", UTC_TIMESTAMP())'] },
    ];
    expect(await migrate(pool, [...MIGRATIONS, ...later])).to.deep.equal([1000, 1001]);
    expect(await migrate(pool, [...MIGRATIONS, ...later])).to.deep.equal([]);
    const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT source FROM forcebridge_watermark ORDER BY source');
    expect(rows.map((row) => row.source)).to.deep.equal(['first', 'order-1']);
    await pool.query('DELETE FROM forcebridge_watermark');
    await pool.query(`DELETE FROM ${SCHEMA_VERSION_TABLE} WHERE version >= 1000`);
  });

  it('describes the tables: InnoDB, utf8mb4, with their unique keys', async () => {
    const tables = await readOwnTableDefinitions(pool);
    expect(tables.map((t) => t.name)).to.deep.equal(OWN_TABLES);
    for (const table of tables) {
      expect(table.engine, table.name).to.equal('InnoDB');
      expect(table.collation, table.name).to.equal('utf8mb4_general_ci');
    }
    const link = tables.find((t) => t.name === 'forcebridge_link');
    expect(link?.indexes).to.deep.include({ name: 'FORCEBRIDGE_LINK_ENTITY_TYPE_ENTITY_ID', unique: true, columns: ['entity_type', 'entity_id'] });
    const opportunity = tables.find((t) => t.name === 'forcebridge_opportunity');
    expect(opportunity?.columns.find((c) => c.name === 'created_on')).to.deep.equal({
      name: 'created_on',
      type: 'date',
      nullable: false,
      defaultValue: null,
      autoIncrement: false,
    });
    expect(link?.columns.map((c) => c.name)).to.not.include('opportunity_created_on');
    expect(tables.find((t) => t.name === 'forcebridge_match')?.indexes).to.deep.include({ name: 'PRIMARY', unique: true, columns: ['match_type', 'match_value'] });
    const queue = tables.find((t) => t.name === 'forcebridge_queue');
    expect(queue?.indexes).to.deep.include({ name: 'FORCEBRIDGE_QUEUE_ENTITY_TYPE_ENTITY_ID', unique: true, columns: ['entity_type', 'entity_id'] });
    expect(queue?.columns.find((c) => c.name === 'queue_id')?.autoIncrement).to.equal(true);
  });

  it('runs every session in UTC', async () => {
    const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT @@session.time_zone AS zone');
    expect(rows[0]?.zone).to.equal('+00:00');
  });
});
