// A row of Magento's Orders, Customers or Abandoned Carts grid, read for the Salesforce columns: the
// module's grid collections join forcebridge_sync_status, forcebridge_sync_changed, forcebridge_error,
// forcebridge_salesforce_id and forcebridge_salesforce_url from forcebridge_link into every row.
import type { ListingRow } from 'Magento_Ui/js/grid/columns/column';
import type { RecordSync } from '../api/contract.js';
import type { SyncMark } from '../components/sync-status/sync-status.js';

/** What both cells need: the sync-status cell's mark and the salesforce-id cell's link. */
export type RowSync = SyncMark & Pick<RecordSync, 'salesforceId' | 'salesforceUrl'>;

const SENT_STATUSES = ['synced', 'error', 'skipped', 'pending'] as const satisfies readonly RecordSync['status'][];

/**
 * null for a row without the fields (a grid the module's join does not reach), so its cells stay
 * empty instead of claiming the record was never sent. A null status means never sent.
 */
export function syncOfRow(row: ListingRow): RowSync | null {
  if (!('forcebridge_sync_status' in row)) return null;
  return {
    status: SENT_STATUSES.find((status) => status === row.forcebridge_sync_status) ?? 'never',
    error: textOrNull(row.forcebridge_error),
    salesforceId: textOrNull(row.forcebridge_salesforce_id),
    salesforceUrl: textOrNull(row.forcebridge_salesforce_url),
    // Magento's data providers send database values as text: "1" or "0".
    changed: Number(row.forcebridge_sync_changed) === 1,
  };
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
