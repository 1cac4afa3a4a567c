// A Bulk API batch records 20,000 outcomes and events at once: more than one INSERT may carry
// (max_allowed_packet, 16 MB by default), which once closed the connection mid-backfill.
import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { migrate } from '../../sidecar/db/migrations.js';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { recordEvents, recordOutcomes, type LinkOutcome, type SyncEvent } from '../../sidecar/sync/link-store.js';
import { useTestDatabase } from '../support/test-database.js';

const RECORDS = 12_000;
/** 12,000 events of about 2 KB: 24 MB, well above one packet. */
const PAYLOAD = { Description: 'x'.repeat(2000) };

describe('sync: recording a Bulk-sized batch', function () {
  this.timeout(60_000);
  const db = useTestDatabase();
  let pool: DatabasePool;

  before(async () => {
    pool = createDatabasePool(db().url);
    await migrate(pool);
  });
  after(async () => {
    await pool.end();
  });

  it('writes every outcome and event, whatever their total size', async () => {
    const ids = Array.from({ length: RECORDS }, (_, index) => String(index + 1));
    const outcomes: LinkOutcome[] = ids.map((entityId) => ({ entityType: 'order', entityId, storeId: 1, salesforceKey: `test:order:${entityId}`, status: 'error', errorMessage: PAYLOAD.Description }));
    const events: SyncEvent[] = ids.map((entityId) => ({
      runId: null, entityType: 'order', entityId, salesforceObject: 'Opportunity', salesforceId: null, sentPayload: JSON.stringify(PAYLOAD), result: 'success', errorMessage: null, stageBefore: null, stageAfter: null,
    }));
    await recordOutcomes(pool, outcomes);
    await recordEvents(pool, events);
    const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT (SELECT COUNT(*) FROM forcebridge_link) AS links, (SELECT COUNT(*) FROM forcebridge_sync_event) AS events');
    expect({ links: Number(rows[0]?.links), events: Number(rows[0]?.events) }).to.deep.equal({ links: RECORDS, events: RECORDS });
  });
});
