// The strategy most connectors use, for comparison only: one REST upsert call per Salesforce
// record (conn.sobject(X).upsert(record, 'Magento_Key__c')). It plugs into the sidecar's own
// pipeline (lease, plan, record the outcome) in place of the Collections or Bulk writer, so the
// only difference measured is how records reach Salesforce.
import type { Connection } from 'jsforce';
import type { DatabasePool } from '../sidecar/db/pool.js';
import type { MagentoConfig } from '../sidecar/magento/config.js';
import { EXTERNAL_ID_FIELD } from '../sidecar/mapping/keys.js';
import { lease, newLeaseOwner } from '../sidecar/queue/queue.js';
import { OrgProfile } from '../sidecar/salesforce/org-profile.js';
import { COLLECTION_LIMIT, WRITE_ORDER, type RowResult, type UpsertBatch } from '../sidecar/salesforce/upsert-writer.js';
import { planBatch } from '../sidecar/sync/batch-planner.js';
import { syncBatch, type RecordWriter } from '../sidecar/sync/batch-sync.js';

class RecordByRecordWriter implements RecordWriter {
  constructor(private readonly connection: Connection) {}

  async upsert(batch: UpsertBatch): Promise<RowResult[]> {
    const results: RowResult[] = [];
    for (const object of WRITE_ORDER) {
      for (const payload of batch[object] ?? []) {
        const key = String(payload[EXTERNAL_ID_FIELD]);
        try {
          const result = await this.connection.sobject(object).upsert({ ...payload }, EXTERNAL_ID_FIELD);
          results.push({ object, key, id: result.success ? result.id : null, created: result.success && result.created, error: null });
        } catch (error) {
          const failure = error as { errorCode?: string; message: string };
          results.push({ object, key, id: null, created: false, error: { code: failure.errorCode ?? 'UNKNOWN_ERROR', message: failure.message, fields: [] } });
        }
      }
    }
    return results;
  }
}

/** Works the whole queue with one REST call per record; returns the queue entries handled. */
export async function syncRecordByRecord(parts: { pool: DatabasePool; config: MagentoConfig; connection: Connection; instance: string }): Promise<number> {
  const { pool, config, connection, instance } = parts;
  const org = await OrgProfile.load(connection);
  const writer = new RecordByRecordWriter(connection);
  const leaseOwner = newLeaseOwner();
  let handled = 0;
  for (;;) {
    const entries = await lease(pool, { owner: leaseOwner, limit: COLLECTION_LIMIT, leaseSeconds: 3600 });
    if (entries.length === 0) return handled;
    const units = await planBatch({ pool, config, org, instance }, entries);
    await syncBatch({ pool, connection, instance, org, leaseOwner, runId: null }, writer, units);
    handled += entries.length;
  }
}
