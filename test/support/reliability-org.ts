// What an org holds after a sync, by Magento_Key__c, for the reliability suite: the records with
// the values that matter, and every duplicate (a key on two records, or a contact role given twice).
import { expect } from 'chai';
import type { Connection } from 'jsforce';

export interface OrgContents {
  /** key → the synced values of the record with that key. */
  records: Map<string, string>;
  /** Keys carried by more than one record, and "opportunity/contact" pairs with more than one role. */
  duplicates: string[];
  /** Records of the synced objects without a key: a sync that lost track of what it created. */
  withoutKey: number;
  contactRoles: number;
}

const SYNCED_FIELDS: Record<string, string[]> = {
  Account: ['Name'],
  Contact: ['LastName', 'Email', 'Account.Magento_Key__c'],
  Opportunity: ['StageName', 'Amount', 'CloseDate', 'Magento_Cart_Status__c', 'Account.Magento_Key__c'],
};

async function all(connection: Connection, soql: string): Promise<Record<string, unknown>[]> {
  return (await connection.query(soql, { autoFetch: true, maxFetch: 1_000_000 })).records as Record<string, unknown>[];
}

function valueAt(record: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | null)?.[part], record);
}

export async function readOrgContents(connection: Connection): Promise<OrgContents> {
  const records = new Map<string, string>();
  const duplicates: string[] = [];
  let withoutKey = 0;
  for (const [object, fields] of Object.entries(SYNCED_FIELDS)) {
    for (const record of await all(connection, `SELECT Magento_Key__c, ${fields.join(', ')} FROM ${object}`)) {
      const key = record.Magento_Key__c;
      if (typeof key !== 'string') {
        withoutKey++;
        continue;
      }
      const id = `${object} ${key}`;
      if (records.has(id)) duplicates.push(id);
      records.set(id, JSON.stringify(fields.map((field) => valueAt(record, field))));
    }
  }
  const roles = await all(connection, 'SELECT Opportunity.Magento_Key__c, Contact.Magento_Key__c, Role, IsPrimary FROM OpportunityContactRole');
  for (const role of roles) {
    const id = `OpportunityContactRole ${String(valueAt(role, 'Opportunity.Magento_Key__c'))}/${String(valueAt(role, 'Contact.Magento_Key__c'))}`;
    if (records.has(id)) duplicates.push(id);
    records.set(id, JSON.stringify([role.Role, role.IsPrimary]));
  }
  return { records, duplicates, withoutKey, contactRoles: roles.length };
}

/** The org after a troubled sync holds exactly what a clean sync of the same store produced. */
export function expectSameAsReference(actual: OrgContents, reference: OrgContents): void {
  expect(reference.records.size, 'the reference sync produced records').to.be.greaterThan(0);
  expect(actual.duplicates.slice(0, 10), `${actual.duplicates.length} duplicated keys or contact roles`).to.deep.equal([]);
  expect(actual.withoutKey, 'records created without a Magento key').to.equal(0);
  const missing = [...reference.records.keys()].filter((id) => !actual.records.has(id));
  const extra = [...actual.records.keys()].filter((id) => !reference.records.has(id));
  const different = [...reference.records].filter(([id, values]) => actual.records.has(id) && actual.records.get(id) !== values).map(([id]) => id);
  expect({ missing: missing.slice(0, 10), extra: extra.slice(0, 10), different: different.slice(0, 10) }).to.deep.equal({ missing: [], extra: [], different: [] });
}
