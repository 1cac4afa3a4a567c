// The store fixture must be Magento 2.4.8's schema, table for table: checked against the reference
// DDL in ../shared/magento/schema.sql when that file is present.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import mysql from 'mysql2/promise';
import { readSchemaShape, type TableShape } from '../support/schema-shape.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const REFERENCE_DDL = fileURLToPath(new URL('../../../shared/magento/schema.sql', import.meta.url));
const FIXTURE_DDL = fileURLToPath(new URL('../../sample-store/schema/magento-schema.sql', import.meta.url));

const fixtureTables = [...readFileSync(FIXTURE_DDL, 'utf8').matchAll(/^CREATE TABLE `([a-z_]+)`/gm)].map((m) => m[1]!);

describe('Magento schema fixture', function () {
  this.timeout(120_000);
  let fixture: TestDatabase;
  let reference: TestDatabase;
  let fixtureShape: Map<string, TableShape>;
  let referenceShape: Map<string, TableShape>;

  before(async function () {
    if (!existsSync(REFERENCE_DDL)) {
      console.log(`      skipped: the reference schema ${REFERENCE_DDL} is not here`);
      this.skip();
    }
    fixture = await createTestDatabase();
    reference = await createTestDatabase();
    const connection = await mysql.createConnection({ uri: reference.url, multipleStatements: true });
    try {
      const tables = (await reference.pool.query<mysql.RowDataPacket[]>('SHOW TABLES'))[0].map((r) => String(Object.values(r)[0]));
      await connection.query(`SET FOREIGN_KEY_CHECKS=0; ${tables.map((t) => `DROP TABLE \`${t}\`;`).join(' ')}`);
      await connection.query(readFileSync(REFERENCE_DDL, 'utf8'));
    } finally {
      await connection.end();
    }
    fixtureShape = await readSchemaShape(fixture.pool, fixture.name);
    referenceShape = await readSchemaShape(reference.pool, reference.name);
  });

  after(async () => {
    await fixture?.drop();
    await reference?.drop();
  });

  it('holds every reference table, and names the tables the reference does not declare', () => {
    const missing = [...referenceShape.keys()].filter((table) => !fixtureShape.has(table));
    const beyondReference = [...fixtureShape.keys()].filter((table) => !referenceShape.has(table)).sort();
    // Tables added from Magento's db_schema.xml files the reference leaves out (e.g. the ACL tables).
    if (beyondReference.length > 0) console.log(`      not in the reference DDL, not compared: ${beyondReference.join(', ')}`);
    expect(missing).to.deep.equal([]);
  });

  for (const table of fixtureTables) {
    it(`${table}: same columns, types, nullability, defaults, keys and foreign keys`, function () {
      if (!referenceShape.has(table)) this.skip();
      expect(fixtureShape.get(table), table).to.deep.equal(referenceShape.get(table));
    });
  }
});
