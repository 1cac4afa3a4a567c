import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { migrate } from '../../sidecar/db/migrations.js';
import { createDatabasePool, type DatabasePool } from '../../sidecar/db/pool.js';
import { complete, enqueue, fail, lease, queueStatistics, release, retryDelaySeconds, type QueueKey } from '../../sidecar/queue/queue.js';
import { useTestDatabase } from '../support/test-database.js';

const quotes = (...ids: number[]): QueueKey[] => ids.map((entityId) => ({ entityType: 'quote', entityId }));

describe('sidecar queue', () => {
  const db = useTestDatabase();
  let pool: DatabasePool;
  let otherSidecarPool: DatabasePool;
  before(async () => {
    pool = createDatabasePool(db().url);
    otherSidecarPool = createDatabasePool(db().url);
    await migrate(pool);
  });
  after(async () => {
    await pool.end();
    await otherSidecarPool.end();
  });
  beforeEach(async () => {
    await pool.query('DELETE FROM forcebridge_queue');
  });

  async function queuedRows(): Promise<mysql.RowDataPacket[]> {
    const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT * FROM forcebridge_queue ORDER BY entity_type, entity_id');
    return rows;
  }

  it('queues an entity once however often it is enqueued', async () => {
    await enqueue(pool, quotes(1, 2), { manual: false });
    await enqueue(pool, quotes(2, 1, 3), { manual: false });
    const rows = await queuedRows();
    expect(rows.map((row) => Number(row.entity_id))).to.deep.equal([1, 2, 3]);
    expect(rows.map((row) => Number(row.version))).to.deep.equal([2, 2, 1]);
  });

  it('leases manual requests first, then the oldest', async () => {
    await enqueue(pool, quotes(1, 2), { manual: false });
    await enqueue(pool, [{ entityType: 'order', entityId: 9 }], { manual: true });
    const first = await lease(pool, { owner: 'a', limit: 2, leaseSeconds: 60 });
    expect(first.map((e) => [e.entityType, e.entityId, e.manual])).to.deep.equal([
      ['order', 9, true],
      ['quote', 1, false],
    ]);
    expect(first[0]?.attempts).to.equal(1);
    const second = await lease(pool, { owner: 'a', limit: 5, leaseSeconds: 60 });
    expect(second.map((e) => e.entityId)).to.deep.equal([2]);
    expect(await lease(pool, { owner: 'b', limit: 5, leaseSeconds: 60 })).to.deep.equal([]);
  });

  it('leases only the asked entity types', async () => {
    await enqueue(pool, [...quotes(1), { entityType: 'customer', entityId: 5 }], { manual: false });
    const leased = await lease(pool, { owner: 'a', limit: 5, leaseSeconds: 60, entityTypes: ['customer'] });
    expect(leased.map((e) => [e.entityType, e.entityId])).to.deep.equal([['customer', 5]]);
  });

  it('never gives two concurrent leasers the same entry, and together they get all', async () => {
    const ids = Array.from({ length: 300 }, (_, index) => index + 1);
    await enqueue(pool, quotes(...ids), { manual: false });
    // Both hold their first lease before either goes on, so they always work side by side.
    let firstLeases = 0;
    let bothLeased: () => void = () => {};
    const bothStarted = new Promise<void>((resolve) => (bothLeased = resolve));
    async function drain(leaserPool: DatabasePool, owner: string): Promise<number[]> {
      const got: number[] = [];
      for (let round = 0; ; round++) {
        const batch = await lease(leaserPool, { owner, limit: 7, leaseSeconds: 300 });
        if (round === 0) {
          if (++firstLeases === 2) bothLeased();
          await bothStarted;
        }
        if (batch.length === 0) return got;
        got.push(...batch.map((entry) => entry.entityId));
        // A sidecar works on its batch before leasing again; this lets the two interleave.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    const [a, b] = await Promise.all([drain(pool, 'sidecar-a'), drain(otherSidecarPool, 'sidecar-b')]);
    expect(a.filter((id) => b.includes(id))).to.deep.equal([]);
    expect([...a, ...b].sort((x, y) => x - y)).to.deep.equal(ids);
    expect(a.length).to.be.greaterThan(0);
    expect(b.length).to.be.greaterThan(0);
  });

  it('hands a crashed lease out again once it has expired', async () => {
    await enqueue(pool, quotes(1), { manual: false });
    const crashed = await lease(pool, { owner: 'crashed', limit: 1, leaseSeconds: 600 });
    expect(await lease(pool, { owner: 'alive', limit: 1, leaseSeconds: 60 })).to.deep.equal([]);
    await pool.query('UPDATE forcebridge_queue SET leased_until = UTC_TIMESTAMP() - INTERVAL 1 SECOND');
    const again = await lease(pool, { owner: 'alive', limit: 1, leaseSeconds: 60 });
    expect(again.map((e) => [e.queueId, e.attempts])).to.deep.equal([[crashed[0]?.queueId, 2]]);
    // the crashed owner's late completion no longer counts
    await complete(pool, 'crashed', crashed);
    expect(await queuedRows()).to.have.length(1);
    await complete(pool, 'alive', again);
    expect(await queuedRows()).to.have.length(0);
  });

  it('keeps an entry that changed while it was leased', async () => {
    await enqueue(pool, quotes(1, 2), { manual: false });
    const leased = await lease(pool, { owner: 'a', limit: 2, leaseSeconds: 60 });
    await enqueue(pool, quotes(2), { manual: false });
    await complete(pool, 'a', leased);
    const rows = await queuedRows();
    expect(rows.map((row) => [Number(row.entity_id), row.lease_owner, Number(row.attempts)])).to.deep.equal([[2, null, 0]]);
    expect((await lease(pool, { owner: 'a', limit: 5, leaseSeconds: 60 })).map((e) => e.entityId)).to.deep.equal([2]);
  });

  it('backs off retryable failures exponentially and drops the others', async () => {
    await enqueue(pool, quotes(1, 2), { manual: false });
    const [retryable, permanent] = await lease(pool, { owner: 'a', limit: 2, leaseSeconds: 60 });
    await fail(pool, 'a', [retryable!], 'Salesforce is unavailable', true);
    await fail(pool, 'a', [permanent!], 'Required field missing', false);
    const [row] = await queuedRows();
    expect(Number(row?.entity_id)).to.equal(1);
    expect(row?.last_error).to.equal('Salesforce is unavailable');
    const [delay] = await pool.query<mysql.RowDataPacket[]>(
      'SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), available_at) AS seconds FROM forcebridge_queue',
    );
    expect(Number(delay[0]?.seconds)).to.be.within(retryDelaySeconds(1) - 5, retryDelaySeconds(1));
    expect(await lease(pool, { owner: 'a', limit: 5, leaseSeconds: 60 })).to.deep.equal([]);
    const statistics = await queueStatistics(pool);
    expect(statistics).to.include({ total: 1, waitingToRetry: 1, ready: 0, failing: 1 });
    // asking by hand skips the backoff
    await enqueue(pool, quotes(1), { manual: true });
    const manual = await lease(pool, { owner: 'a', limit: 5, leaseSeconds: 60 });
    expect(manual.map((e) => [e.entityId, e.manual, e.attempts])).to.deep.equal([[1, true, 1]]);
  });

  it('computes the backoff: 30 s doubling up to an hour', () => {
    expect([1, 2, 3, 4, 20].map(retryDelaySeconds)).to.deep.equal([30, 60, 120, 240, 3600]);
  });

  it('gives released entries back at once without counting the attempt', async () => {
    await enqueue(pool, quotes(1), { manual: false });
    const leased = await lease(pool, { owner: 'a', limit: 1, leaseSeconds: 600 });
    await release(pool, 'a', leased);
    const again = await lease(pool, { owner: 'b', limit: 1, leaseSeconds: 600 });
    expect(again.map((e) => e.attempts)).to.deep.equal([1]);
  });

  it('reports depth per entity type', async () => {
    await enqueue(pool, quotes(1, 2, 3), { manual: false });
    await enqueue(pool, [{ entityType: 'order', entityId: 4 }], { manual: true });
    await lease(pool, { owner: 'a', limit: 1, leaseSeconds: 60 });
    const statistics = await queueStatistics(pool);
    expect(statistics).to.include({ total: 4, manual: 1, leased: 1, ready: 3, waitingToRetry: 0, failing: 0 });
    expect(statistics.byEntityType.quote).to.include({ total: 3, ready: 3, leased: 0 });
    expect(statistics.byEntityType.order).to.include({ total: 1, manual: 1, leased: 1 });
    expect(statistics.oldestEnqueuedAt).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('reports an empty queue as zeros', async () => {
    expect(await queueStatistics(pool)).to.deep.equal({
      total: 0, manual: 0, ready: 0, leased: 0, waitingToRetry: 0, failing: 0, oldestEnqueuedAt: null, byEntityType: {},
    });
  });

  it('leases through the queue index', async () => {
    await enqueue(pool, quotes(...Array.from({ length: 2000 }, (_, index) => index + 1)), { manual: false });
    await pool.query('ANALYZE TABLE forcebridge_queue');
    const [plan] = await pool.query<mysql.RowDataPacket[]>(
      `EXPLAIN SELECT queue_id FROM forcebridge_queue WHERE available_at <= UTC_TIMESTAMP()
        AND (leased_until IS NULL OR leased_until <= UTC_TIMESTAMP()) ORDER BY priority, enqueued_at, queue_id LIMIT 10
        FOR UPDATE SKIP LOCKED`,
    );
    expect(plan[0]?.key).to.equal('FORCEBRIDGE_QUEUE_PRIORITY_ENQUEUED_AT');
    expect(plan[0]?.type).to.equal('index');
  });
});
