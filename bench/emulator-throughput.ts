// Measures how fast the emulator takes upserts through sObject Collections (200 records a call,
// as the sidecar sends them) with fault injection off. Prints figures; asserts nothing.
import jsforce from 'jsforce';
import { startEmulator } from '../emulator/server.js';

const TOTAL_RECORDS = Number(process.env.BENCH_RECORDS ?? 50_000);
const BATCH_SIZE = 200;
const PARALLEL_CALLS = 4;
const API_VERSION = '62.0';

function opportunity(index: number): Record<string, unknown> {
  return {
    Magento_Key__c: `bench:quote:${index}`,
    Name: `Cart ${index}`,
    StageName: index % 10 === 0 ? 'Closed Won' : 'Prospecting',
    CloseDate: '2026-12-31',
    Amount: (index % 997) + 0.99,
  };
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ dailyApiLimit: 1_000_000 });
  try {
    const conn = new jsforce.Connection({
      oauth2: { clientId: 'forcebridge-emulator', clientSecret: 'forcebridge-emulator-secret', loginUrl: emulator.url },
      version: API_VERSION,
    });
    await conn.authorize({ grant_type: 'client_credentials' });
    await conn.tooling.sobject('CustomField').create({
      FullName: 'Opportunity.Magento_Key__c',
      Metadata: { type: 'Text', label: 'Magento Key', length: 80, externalId: true, unique: true },
    });

    const batches: Array<Record<string, unknown>[]> = [];
    for (let start = 0; start < TOTAL_RECORDS; start += BATCH_SIZE) {
      batches.push(Array.from({ length: Math.min(BATCH_SIZE, TOTAL_RECORDS - start) }, (_, offset) => opportunity(start + offset)));
    }
    console.log('Emulator throughput: Opportunity upserts through sObject Collections (client and server in one process)');
    console.log(`  ${TOTAL_RECORDS} records, ${BATCH_SIZE} a call, ${PARALLEL_CALLS} calls in flight, latency and faults off`);
    // The first pass creates every record, the second finds each by its external ID and updates it.
    for (const pass of ['create', 'update']) {
      const callsBefore = emulator.usage.used;
      let failedRows = 0;
      let peakRss = process.memoryUsage().rss;
      const started = process.hrtime.bigint();
      for (let next = 0; next < batches.length; next += PARALLEL_CALLS) {
        const results = await Promise.all(
          batches.slice(next, next + PARALLEL_CALLS).map((batch) => conn.sobject('Opportunity').upsert(batch as never[], 'Magento_Key__c')),
        );
        failedRows += results.flat().filter((row) => !row.success).length;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      console.log(
        `  ${pass.padEnd(7)} records/s ${String(Math.round(TOTAL_RECORDS / seconds)).padStart(7)}   calls ${emulator.usage.used - callsBefore}   ` +
          `failed rows ${failedRows}   elapsed ${seconds.toFixed(2)} s   peak RSS ${Math.round(peakRss / 1024 / 1024)} MB`,
      );
      batches.forEach((batch) => batch.forEach((record) => (record.Amount = Number(record.Amount) + 1)));
    }
    console.log(`  opportunity history rows written: ${emulator.org.store.count('OpportunityHistory', false)}`);
  } finally {
    await emulator.stop();
  }
}

await main();
