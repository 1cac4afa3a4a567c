// Faults on demand through the admin endpoint, seen through jsforce: failing calls (500, 503,
// dropped connections), row locks, latency, and the same sequence again for the same seed.
import { expect } from 'chai';
import type { Connection } from 'jsforce';
import { rejectionOf, useEmulator } from '../support/emulator-harness.js';

interface RowResult {
  success: boolean;
  errors: Array<{ statusCode: string }>;
}

describe('emulator faults', () => {
  const harness = useEmulator();
  let conn: Connection;

  beforeEach(async () => {
    conn = await harness.connect();
  });

  async function setFaults(settings: Record<string, unknown>): Promise<void> {
    const response = await harness.admin('POST', '/faults', settings);
    expect(response.status).to.equal(200);
  }

  it('fails calls with 503 or 500 (jsforce does not retry a POST)', async () => {
    await setFaults({ failureRate: 1, failureKinds: ['503'] });
    expect((await rejectionOf(conn.sobject('Account').create({ Name: 'x' }))).errorCode).to.equal('SERVER_UNAVAILABLE');
    await setFaults({ failureKinds: ['500'] });
    expect((await rejectionOf(conn.sobject('Account').create({ Name: 'x' }))).errorCode).to.equal('UNKNOWN_EXCEPTION');
    await harness.admin('DELETE', '/faults');
    expect(harness.emulator.org.store.count('Account', false)).to.equal(0);
  });

  it('drops the connection', async () => {
    await setFaults({ failureRate: 1, failureKinds: ['drop'] });
    const error = await rejectionOf(conn.sobject('Account').create({ Name: 'x' }));
    expect(error.message).to.match(/socket hang up|ECONNRESET|terminated|other side closed/i);
  });

  it('loses the answer of a call it carried out: the record is saved, the caller sees a broken connection', async () => {
    await harness.admin('DELETE', '/faults');
    const before = harness.emulator.org.store.count('Account', false);
    await setFaults({ failureRate: 1, failureKinds: ['lost'] });
    const error = await rejectionOf(conn.sobject('Account').create({ Name: 'Saved but unanswered' }));
    expect(error.message).to.match(/socket hang up|ECONNRESET|terminated|other side closed/i);
    await harness.admin('DELETE', '/faults');
    expect(harness.emulator.org.store.count('Account', false)).to.equal(before + 1);
  });

  it('fails the same calls again for the same seed', async () => {
    const outcomes = async () => {
      await setFaults({ seed: 42, failureRate: 0.5, failureKinds: ['503'] });
      const pattern: boolean[] = [];
      for (let index = 0; index < 16; index++) {
        pattern.push(await conn.sobject('Account').create({ Name: `A${index}` }).then(() => true, () => false));
      }
      return pattern;
    };
    const first = await outcomes();
    const second = await outcomes();
    expect(second).to.deep.equal(first);
    expect(first).to.include(true).and.to.include(false);
  });

  it('locks rows: collections rows and single writes fail with UNABLE_TO_LOCK_ROW', async () => {
    const existing = await conn.sobject('Account').create({ Name: 'Locked' });
    await setFaults({ rowLockRate: 1 });
    const rows = (await conn.sobject('Account').create([{ Name: 'a' }, { Name: 'b' }])) as RowResult[];
    expect(rows.map((row) => row.errors[0]?.statusCode)).to.deep.equal(['UNABLE_TO_LOCK_ROW', 'UNABLE_TO_LOCK_ROW']);
    const error = await rejectionOf(conn.sobject('Account').update({ Id: existing.id as string, Name: 'changed' }));
    expect(error.errorCode).to.equal('UNABLE_TO_LOCK_ROW');
    expect(error.message).to.equal(`unable to obtain exclusive access to this record or 1 records: ${existing.id as string}`);

    await setFaults({ seed: 3, rowLockRate: 0.5 });
    const mixed = (await conn.sobject('Account').create(Array.from({ length: 40 }, (_, index) => ({ Name: `m${index}` })))) as RowResult[];
    const locked = mixed.filter((row) => !row.success).length;
    expect(locked).to.be.greaterThan(0).and.lessThan(40);
  });

  it('adds latency to calls and reports the settings; refuses invalid ones', async () => {
    await setFaults({ latencyMs: 20, latencyMaxMs: 40 });
    expect((await conn.sobject('Account').create({ Name: 'slow' })).success).to.equal(true);
    const settings = (await (await harness.admin('GET', '/faults')).json()) as Record<string, unknown>;
    expect(settings).to.include({ latencyMs: 20, latencyMaxMs: 40, failureRate: 0 });
    expect((await harness.admin('POST', '/faults', { failureRate: 2 })).status).to.equal(400);
    expect((await harness.admin('POST', '/faults', { nonsense: true })).status).to.equal(400);
  });
});
