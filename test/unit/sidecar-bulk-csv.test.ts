import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { toCsv } from '../../sidecar/salesforce/bulk-writer.js';

describe('sidecar Bulk API 2.0 CSV', () => {
  it('takes every column any row has, blanks what a row lacks and writes #N/A for null', () => {
    const csv = toCsv([
      { Magento_Key__c: 'a', Name: 'Plain' },
      { Magento_Key__c: 'b', Name: null, Phone: '+1 555', Account: { Magento_Key__c: 'acct' } },
    ]);
    expect(parse(csv)).to.deep.equal([
      ['Magento_Key__c', 'Name', 'Phone', 'Account.Magento_Key__c'],
      ['a', 'Plain', '', ''],
      ['b', '#N/A', '+1 555', 'acct'],
    ]);
  });

  it('quotes commas, quotes, line breaks and keeps every script intact', () => {
    const name = 'Ünïcødé, "quoted"\nשלום مرحبا 🚀';
    expect(parse(toCsv([{ Magento_Key__c: 'k', Name: name }]))[1]).to.deep.equal(['k', name]);
  });

  it('writes one header for thousands of rows, in order', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ Magento_Key__c: `k${i}` }));
    const parsed = parse(toCsv(rows)) as string[][];
    expect(parsed).to.have.length(2501);
    expect(parsed.filter((row) => row[0] === 'Magento_Key__c')).to.have.length(1);
    expect(parsed[2500]).to.deep.equal(['k2499']);
  });
});
