import { expect } from 'chai';
import { syncOfRow } from '../../admin-ui/magento/listing-row.js';

// Rows as Magento's grid data providers send them: database values as text, NULL as null.
const row = (fields: Record<string, unknown>) => ({ entity_id: '7', increment_id: '000000007', ...fields });
const UNSENT = { forcebridge_sync_status: null, forcebridge_sync_changed: '0', forcebridge_error: null, forcebridge_salesforce_id: null, forcebridge_salesforce_url: null };

describe('admin-ui: a Magento grid row read for the Salesforce columns', () => {
  it('reads a synced record with its Salesforce link', () => {
    const url = 'https://example.my.salesforce.com/006000000000001AAA';
    expect(syncOfRow(row({ ...UNSENT, forcebridge_sync_status: 'synced', forcebridge_salesforce_id: '006000000000001AAA', forcebridge_salesforce_url: url }))).to.deep.equal({
      status: 'synced',
      error: null,
      salesforceId: '006000000000001AAA',
      salesforceUrl: url,
      changed: false,
    });
  });

  it('reads a refusal with its reason, and a change made since the last sync', () => {
    const sync = syncOfRow(row({ ...UNSENT, forcebridge_sync_status: 'error', forcebridge_sync_changed: '1', forcebridge_error: 'Email: invalid email address' }));
    expect(sync).to.include({ status: 'error', error: 'Email: invalid email address', changed: true, salesforceId: null });
  });

  it('takes a null status, and one it does not know, as "never sent"', () => {
    expect(syncOfRow(row(UNSENT))).to.include({ status: 'never', changed: false });
    expect(syncOfRow(row({ ...UNSENT, forcebridge_sync_status: 'archived' }))).to.include({ status: 'never' });
  });

  it('gives nothing for a row the module\'s join did not reach, so the cell stays empty', () => {
    expect(syncOfRow(row({}))).to.equal(null);
  });

  it('treats empty text as absent, so an empty link is never rendered', () => {
    expect(syncOfRow(row({ ...UNSENT, forcebridge_sync_status: 'synced', forcebridge_salesforce_id: '', forcebridge_salesforce_url: '' }))).to.include({ salesforceId: null, salesforceUrl: null });
  });
});
