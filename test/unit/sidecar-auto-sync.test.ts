// The automatic-sync loop's pacing: ticks never overlap, they are spaced out near the org's daily
// API limit, and they pause once the limit is spent; the cart expiry pass runs every ten minutes.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import sinon from 'sinon';
import type { DatabasePool } from '../../sidecar/db/pool.js';
import { createLogger } from '../../sidecar/logger.js';
import type { MagentoConfig } from '../../sidecar/magento/config.js';
import { CartExpiry } from '../../sidecar/queue/cart-expiry.js';
import { ChangeDetector } from '../../sidecar/queue/change-detector.js';
import { AutoSync } from '../../sidecar/service/auto-sync.js';
import type { PassSummary, SyncEngine } from '../../sidecar/sync/sync-engine.js';

const pass = (overrides: Partial<PassSummary> = {}): PassSummary => ({
  runId: 1, records: 0, synced: 0, failed: 0, skipped: 0, unchanged: 0, apiCalls: 0, pausedForLimit: false, ...overrides,
});

describe('automatic sync pacing', () => {
  let clock = 0;
  let runPass: sinon.SinonStub;
  let expireCarts: sinon.SinonStub;
  let limitInfo: { apiUsage?: { used: number; limit: number } };
  let autoSync: AutoSync;

  beforeEach(() => {
    clock = 1_000_000;
    runPass = sinon.stub().resolves(pass());
    limitInfo = {};
    sinon.stub(ChangeDetector.prototype, 'detect').resolves({ scanned: 0, queued: { quote: 0, order: 0, customer: 0 } });
    expireCarts = sinon.stub(CartExpiry.prototype, 'enqueueExpired').resolves({ checked: 0, queued: 0 });
    // GET_LOCK always granted: the pool hands out a connection that answers "acquired".
    const connection = { query: sinon.stub().resolves([[{ acquired: 1 }]]), release: sinon.stub() };
    const pool = { getConnection: sinon.stub().resolves(connection) } as unknown as DatabasePool;
    autoSync = new AutoSync(
      { pool, config: {} as MagentoConfig, engine: { runPass } as unknown as SyncEngine, connection: { limitInfo } as unknown as Connection, logger: createLogger('silent') },
      { intervalSeconds: 60, now: () => clock },
    );
  });
  afterEach(() => sinon.restore());

  it('runs one pass per tick and never two at once', async () => {
    let finish: (summary: PassSummary) => void = () => {};
    runPass.returns(new Promise<PassSummary>((resolve) => (finish = resolve)));
    const first = autoSync.tick();
    const second = autoSync.tick();
    finish(pass());
    await Promise.all([first, second]);
    expect(runPass.callCount).to.equal(1);
    await autoSync.tick();
    expect(runPass.callCount).to.equal(2);
  });

  it('spaces ticks out above 90% of the daily API allocation', async () => {
    limitInfo.apiUsage = { used: 14_000, limit: 15_000 };
    await autoSync.tick();
    clock += 60_000;
    await autoSync.tick();
    expect(runPass.callCount, 'the next tick waits').to.equal(1);
    clock += 4 * 60_000;
    await autoSync.tick();
    expect(runPass.callCount).to.equal(2);
  });

  it('pauses for 15 minutes once the limit is spent, then resumes', async () => {
    runPass.resolves(pass({ pausedForLimit: true }));
    await autoSync.tick();
    clock += 14 * 60_000;
    await autoSync.tick();
    expect(runPass.callCount).to.equal(1);
    runPass.resolves(pass());
    clock += 2 * 60_000;
    await autoSync.tick();
    expect(runPass.callCount).to.equal(2);
  });

  it('runs the cart expiry pass at the first tick, then every ten minutes, not every tick', async () => {
    await autoSync.tick();
    expect(expireCarts.callCount).to.equal(1);
    for (let minute = 1; minute < 10; minute++) {
      clock += 60_000;
      await autoSync.tick();
    }
    expect(runPass.callCount).to.equal(10);
    expect(expireCarts.callCount).to.equal(1);
    clock += 60_000;
    await autoSync.tick();
    expect(expireCarts.callCount).to.equal(2);
  });

  it('goes on with the pass when the expiry pass fails, and tries it again ten minutes later', async () => {
    expireCarts.rejects(new Error('lost connection'));
    await autoSync.tick();
    expect(runPass.callCount).to.equal(1);
    clock += 60_000;
    await autoSync.tick();
    expect(expireCarts.callCount).to.equal(1);
    clock += 9 * 60_000;
    await autoSync.tick();
    expect(expireCarts.callCount).to.equal(2);
  });
});
