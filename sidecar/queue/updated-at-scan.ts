// Walks the rows of a Magento table changed since the source's watermark, in (updated_at, entity_id)
// order through an updated_at index, one keyset page at a time (never OFFSET). Pages are read from
// the index alone; the other columns are fetched by primary key only for rows not handled yet.
// It starts a little before the watermark (the overlap window), so a row whose transaction
// committed after a later row was read is still found; such re-read rows are flagged `seenBefore` so callers can avoid
// enqueuing what they already have. Rows stamped in the current second wait for the next pass, so
// rows sharing a timestamp are never split between a pass that saw some and one that skips them.
// Before a pass scans, one statement asks every source's index at once whether anything lies past
// its watermark, so sources with nothing new cost no statement of their own.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../db/pool.js';
import { shiftSeconds } from './db-time.js';
import { saveWatermark, type Watermark } from './watermarks.js';

/** Tables with an updated_at index whose rows are scanned; never user input. */
export type ScannedTable = 'quote' | 'sales_order' | 'sales_invoice' | 'sales_shipment' | 'sales_creditmemo' | 'customer_entity';

export interface ScanSource {
  /** Watermark name. */
  name: string;
  table: ScannedTable;
  /** Extra columns read with each row. */
  columns: readonly string[];
  /** Equality on the leading column of the index (quote: store_id of QUOTE_STORE_ID_UPDATED_AT). */
  leading?: { column: 'store_id'; value: number };
}

export interface ScannedRow {
  id: number;
  updatedAt: string;
  /** At or before the watermark: re-read by the overlap window. */
  seenBefore: boolean;
  row: mysql.RowDataPacket;
}

/** One source's scan in a pass: where it stands and what is done with the rows it finds. */
export interface SourceScan {
  source: ScanSource;
  /** The source's position as the pass read it. */
  stored: Watermark | undefined;
  limits: ScanLimits;
  handle: (rows: ScannedRow[]) => Promise<void>;
}

export interface ScanLimits {
  /** Only rows stamped before this time (database time). */
  before: string;
  overlapSeconds: number;
  pageSize: number;
  /** Stop after this many rows; the rest waits for the next pass. */
  maxRows: number;
  /** Where a source without a watermark starts: at `before`, or with the oldest row. */
  initialPosition: 'now' | 'beginning';
}

export const MAX_ENTITY_ID = 4294967295;

/**
 * Row versions (id and updated_at) this process has handled recently, per source. The overlap
 * window reads them again on every pass; known ones are dropped before any further query, so a
 * busy store does not pay for re-checking its last two minutes on every poll. After a restart
 * the set is empty and the queue/link checks of the callers decide, as before.
 */
export class HandledVersions {
  private readonly bySource = new Map<string, Map<number, string>>();
  private readonly windowReadAt = new Map<string, number>();

  /**
   * @param windowEveryMs how often a source's whole overlap window is read again; in between, a
   *   pass reads only what lies after the watermark. A row that commits late is still found as long
   *   as it lands within the overlap less this period.
   */
  constructor(private readonly windowEveryMs = 0) {}

  /** Whether a pass should read the source's overlap window again. */
  windowDue(source: string): boolean {
    const last = this.windowReadAt.get(source);
    return last === undefined || Date.now() - last >= this.windowEveryMs;
  }

  windowRead(source: string): void {
    this.windowReadAt.set(source, Date.now());
  }

  has(source: string, row: { id: number; updatedAt: string }): boolean {
    return this.bySource.get(source)?.get(row.id) === row.updatedAt;
  }

  add(source: string, rows: readonly { id: number; updatedAt: string }[]): void {
    let versions = this.bySource.get(source);
    if (!versions) this.bySource.set(source, (versions = new Map()));
    for (const row of rows) versions.set(row.id, row.updatedAt);
  }

  /** Forgets versions older than the window a pass re-reads. */
  forgetBefore(source: string, time: string): void {
    const versions = this.bySource.get(source);
    if (!versions) return;
    for (const [id, updatedAt] of versions) if (updatedAt < time) versions.delete(id);
  }
}

/** The position after every row stamped before `before`. */
export function positionBefore(source: string, before: string): Watermark {
  return { source, lastUpdatedAt: shiftSeconds(before, -1), lastId: MAX_ENTITY_ID, cycleStartedAt: null };
}

function isAtOrBefore(updatedAt: string, id: number, watermark: Watermark): boolean {
  if (watermark.lastUpdatedAt === null) return false;
  return updatedAt < watermark.lastUpdatedAt || (updatedAt === watermark.lastUpdatedAt && id <= watermark.lastId);
}

type Position = { updatedAt: string; id: number };

/** The rows after `from` and stamped before `before`, in the source's updated_at index. */
function pastPosition(source: ScanSource, from: Position | null, before: string): { where: string; params: unknown[] } {
  const conditions = ['updated_at < ?'];
  const params: unknown[] = [before];
  if (source.leading) {
    conditions.unshift(`${source.leading.column} = ?`);
    params.unshift(source.leading.value);
  }
  if (from) {
    conditions.push('(updated_at > ? OR (updated_at = ? AND entity_id > ?))');
    params.push(from.updatedAt, from.updatedAt, from.id);
  }
  return { where: conditions.join(' AND '), params };
}

/** One page of positions (entity_id, updated_at): read from the updated_at index alone. */
async function readPositions(pool: DatabasePool, source: ScanSource, from: Position | null, before: string, limit: number) {
  const { where, params } = pastPosition(source, from, before);
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT entity_id, updated_at FROM ${source.table} WHERE ${where} ORDER BY updated_at, entity_id LIMIT ?`,
    [...params, limit],
  );
  return rows.map((row) => ({ id: Number(row.entity_id), updatedAt: String(row.updated_at) }));
}

/**
 * The scans that may find rows: in one statement, each source's index is asked whether a row lies
 * past the watermark. Sources without a watermark, or whose overlap window is due, are scanned anyway.
 */
export async function scansWithRows(pool: DatabasePool, scans: SourceScan[], handled?: HandledVersions): Promise<SourceScan[]> {
  const asked = scans.filter((scan) => scan.stored?.lastUpdatedAt != null && handled && !handled.windowDue(scan.source.name));
  if (asked.length === 0) return scans;
  const questions = asked.map((scan) => {
    const { lastUpdatedAt, lastId } = scan.stored!;
    return pastPosition(scan.source, { updatedAt: lastUpdatedAt!, id: lastId }, scan.limits.before);
  });
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT ${asked.map((scan, index) => `EXISTS (SELECT 1 FROM ${scan.source.table} WHERE ${questions[index]!.where}) AS source${index}`).join(', ')}`,
    questions.flatMap((question) => question.params),
  );
  const answers = rows[0]!;
  const quiet = new Set(asked.filter((_, index) => Number(answers[`source${index}`]) !== 1));
  return scans.filter((scan) => !quiet.has(scan));
}

/** The source's extra columns for rows about to be handled, by primary key; a row deleted meanwhile is left out. */
async function withColumns(pool: DatabasePool, source: ScanSource, rows: Omit<ScannedRow, 'row'>[]): Promise<ScannedRow[]> {
  const [found] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT ${['entity_id', ...source.columns].join(', ')} FROM ${source.table} WHERE entity_id IN (?)`,
    [rows.map((row) => row.id)],
  );
  const byId = new Map(found.map((row) => [Number(row.entity_id), row]));
  return rows.flatMap((row) => {
    const columns = byId.get(row.id);
    return columns ? [{ ...row, row: columns }] : [];
  });
}

/** Hands each page of changed rows to the scan's `handle`, then moves the watermark past it. Returns rows read. */
export async function scanChangedRows(pool: DatabasePool, { source, stored, limits, handle }: SourceScan, handled?: HandledVersions): Promise<number> {
  if (!stored && limits.initialPosition === 'now') {
    await saveWatermark(pool, positionBefore(source.name, limits.before));
    return 0;
  }
  let watermark: Watermark = stored ?? { source: source.name, lastUpdatedAt: null, lastId: 0, cycleStartedAt: null };
  const readWindow = handled?.windowDue(source.name) ?? true;
  if (readWindow) handled?.windowRead(source.name);
  let from =
    watermark.lastUpdatedAt === null
      ? null
      : readWindow
        ? { updatedAt: shiftSeconds(watermark.lastUpdatedAt, -limits.overlapSeconds), id: 0 }
        : { updatedAt: watermark.lastUpdatedAt, id: watermark.lastId };
  if (from && readWindow) handled?.forgetBefore(source.name, from.updatedAt);
  let read = 0;
  while (read < limits.maxRows) {
    const rows = await readPositions(pool, source, from, limits.before, Math.min(limits.pageSize, limits.maxRows - read));
    if (rows.length === 0) break;
    const scanned = rows.map((row) => ({ ...row, seenBefore: isAtOrBefore(row.updatedAt, row.id, watermark) }));
    const unhandled = handled ? scanned.filter((row) => !handled.has(source.name, row)) : scanned;
    if (unhandled.length > 0) await handle(await withColumns(pool, source, unhandled));
    handled?.add(source.name, unhandled);
    read += rows.length;
    const last = scanned[scanned.length - 1]!;
    from = { updatedAt: last.updatedAt, id: last.id };
    if (!last.seenBefore) {
      watermark = { ...watermark, lastUpdatedAt: last.updatedAt, lastId: last.id };
      await saveWatermark(pool, watermark);
    }
    if (rows.length < limits.pageSize) break;
  }
  return read;
}
