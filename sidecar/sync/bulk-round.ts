// A backlog through Bulk API 2.0, in rounds: entries are planned and staged a chunk at a time into
// one CSV per object, each object goes to Salesforce as one job, then the round is finished a chunk
// at a time. Until then a round holds its staged records deflated and its CSV rows as UTF-8 bytes,
// never as objects, and it closes early once those bytes reach a budget: records with unusually
// long values cannot grow it past the sidecar's heap, nor a job past the upload limit.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { chunked } from '../chunked.js';
import type { LeasedEntry } from '../queue/queue.js';
import { BulkCsv } from '../salesforce/bulk-csv.js';
import type { BulkWriter } from '../salesforce/bulk-writer.js';
import { WRITE_ORDER, type UpsertedObject } from '../salesforce/upsert-writer.js';
import type { WorkUnit } from './batch-planner.js';
import { addSummary, emptyResultIndex, emptySummary, finishBatch, stageBatch, type BatchSummary, type BatchSyncContext, type ResultIndex, type StagedBatch, type StagedRecord } from './batch-sync.js';

/** Entries read from Magento, staged and recorded at a time. */
const BULK_CHUNK_SIZE = 2000;
/** Bytes of CSV and history a round holds at most (40,000 orders with long names take about 40
 * million); well under Bulk API 2.0's 150 MB per upload. */
const ROUND_BYTE_BUDGET = 64_000_000;

class Round {
  /** Each staged chunk's records as deflated JSON: a tenth of what the objects take. */
  private readonly recordChunks: Buffer[] = [];
  private recordBytes = 0;
  private readonly csvs = new Map<UpsertedObject, BulkCsv>(WRITE_ORDER.map((object) => [object, new BulkCsv()]));

  add(staged: StagedBatch): void {
    if (staged.toSend.length > 0) {
      const packed = deflateRawSync(JSON.stringify(staged.toSend), { level: 1 });
      this.recordChunks.push(packed);
      this.recordBytes += packed.length;
    }
    for (const object of WRITE_ORDER) for (const payload of staged.payloads[object] ?? []) this.csvs.get(object)!.add(payload);
  }

  get isEmpty(): boolean {
    return this.recordChunks.length === 0;
  }

  get byteLength(): number {
    let bytes = this.recordBytes;
    for (const csv of this.csvs.values()) bytes += csv.byteLength;
    return bytes;
  }

  /** One job per object, in dependency order; each CSV is let go once its job is done. */
  async send(writer: BulkWriter): Promise<ResultIndex> {
    const results = emptyResultIndex();
    for (const object of WRITE_ORDER) {
      const csv = this.csvs.get(object)!;
      this.csvs.delete(object);
      if (csv.rowCount > 0) results[object] = await writer.upsert(object, csv);
    }
    return results;
  }

  /** The staged records again, a staged chunk at a time. */
  *stagedChunks(): Generator<StagedRecord[]> {
    for (const packed of this.recordChunks) yield JSON.parse(inflateRawSync(packed).toString('utf8')) as StagedRecord[];
  }
}

export interface RoundLimits {
  chunkSize: number;
  byteBudget: number;
}

/** Syncs leased entries as one or more Bulk rounds. */
export async function syncBulk(
  context: BatchSyncContext,
  writer: BulkWriter,
  entries: LeasedEntry[],
  plan: (chunk: LeasedEntry[]) => Promise<WorkUnit[]>,
  limits: RoundLimits = { chunkSize: BULK_CHUNK_SIZE, byteBudget: ROUND_BYTE_BUDGET },
): Promise<BatchSummary> {
  const summary = emptySummary();
  const finish = async (round: Round) => {
    if (round.isEmpty) return;
    const results = await round.send(writer);
    for (const chunk of round.stagedChunks()) addSummary(summary, await finishBatch(context, chunk, results));
  };
  let round = new Round();
  for (const chunk of chunked(entries, limits.chunkSize)) {
    const staged = await stageBatch(context, await plan(chunk));
    addSummary(summary, staged.summary);
    round.add(staged);
    if (round.byteLength >= limits.byteBudget) {
      await finish(round);
      round = new Round();
    }
  }
  await finish(round);
  return summary;
}
