import { text } from 'node:stream/consumers';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import type { SalesforcePayload } from '../../sidecar/mapping/people.js';
import { BulkCsv } from '../../sidecar/salesforce/bulk-csv.js';

function csvOf(payloads: SalesforcePayload[]): BulkCsv {
  const csv = new BulkCsv();
  for (const payload of payloads) csv.add(payload);
  return csv;
}

async function uploaded(csv: BulkCsv): Promise<string[][]> {
  return parse(await text(csv.stream())) as string[][];
}

describe('sidecar Bulk API 2.0 CSV', () => {
  it('takes every column any row has, blanks what a row lacks and writes #N/A for null', async () => {
    const csv = csvOf([
      { Magento_Key__c: 'a', Name: 'Plain' },
      { Magento_Key__c: 'b', Name: null, Phone: '+1 555', Account: { Magento_Key__c: 'acct' } },
      { Magento_Key__c: 'c', Phone: '' },
    ]);
    expect(await uploaded(csv)).to.deep.equal([
      ['Magento_Key__c', 'Name', 'Phone', 'Account.Magento_Key__c'],
      ['a', 'Plain', '', ''],
      ['b', '#N/A', '+1 555', 'acct'],
      ['c', '', '#N/A', ''],
    ]);
  });

  it('quotes commas, quotes, line breaks and keeps every script intact', async () => {
    const name = 'Ünïcødé, "quoted"\nשלום مرحبا 🚀';
    const csv = csvOf([{ Magento_Key__c: 'k', Name: name }, { Magento_Key__c: 'late', Name: 'x', Phone: '1' }]);
    expect(await uploaded(csv)).to.deep.equal([
      ['Magento_Key__c', 'Name', 'Phone'],
      ['k', name, ''],
      ['late', 'x', '1'],
    ]);
  });

  it('keeps one row per key, the last one added, where the first was', async () => {
    const csv = csvOf([
      { Magento_Key__c: 'cart', Name: 'Cart' },
      { Magento_Key__c: 'other', Name: 'Other' },
      { Magento_Key__c: 'cart', Name: 'Order' },
    ]);
    expect(csv.rowCount).to.equal(2);
    expect([...csv.keys()]).to.deep.equal(['cart', 'other']);
    expect((await uploaded(csv)).slice(1)).to.deep.equal([['cart', 'Order'], ['other', 'Other']]);
    expect(csv.byteLength).to.equal(Buffer.byteLength('cart,Cartother,Othercart,Order'));
  });

  it('refuses a payload without Magento_Key__c', () => {
    expect(() => new BulkCsv().add({ Name: 'keyless' })).to.throw(/Magento_Key__c/);
  });

  it('writes one header for thousands of rows, in order, across the pieces it streams', async () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => ({ Magento_Key__c: `k${i}` }));
    const parsed = await uploaded(csvOf(rows));
    expect(parsed).to.have.length(25_001);
    expect(parsed.filter((row) => row[0] === 'Magento_Key__c')).to.have.length(1);
    expect(parsed[25_000]).to.deep.equal(['k24999']);
  });
});
