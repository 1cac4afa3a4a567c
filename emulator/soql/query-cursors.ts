// Open query results that are read page by page through locators such as
// "01gD0000002HU6KIAW-2000" (cursor id, dash, position of the next record).
import { IdGenerator } from '../ids.js';
import type { JsonObject } from './projection.js';

const LOCATOR_KEY_PREFIX = '01g';

interface Cursor {
  records: readonly JsonObject[];
  batchSize: number;
}

export interface QueryPage {
  totalSize: number;
  done: boolean;
  /** Locator of the next page; absent on the last one. */
  nextLocator?: string;
  records: readonly JsonObject[];
}

export class QueryCursors {
  private readonly open = new Map<string, Cursor>();

  /** Salesforce keeps a limited number of cursors per user and drops the oldest one beyond it. */
  constructor(
    private readonly ids: IdGenerator,
    private readonly maxOpen: number,
  ) {}

  firstPage(records: readonly JsonObject[], batchSize: number): QueryPage {
    if (records.length <= batchSize) return { totalSize: records.length, done: true, records };
    const cursorId = this.ids.next(LOCATOR_KEY_PREFIX);
    const cursor = { records, batchSize };
    this.open.set(cursorId, cursor);
    if (this.open.size > this.maxOpen) {
      const oldest = this.open.keys().next().value;
      if (oldest !== undefined) this.open.delete(oldest);
    }
    return this.pageAt(cursorId, cursor, 0);
  }

  /** The page a locator points at, or undefined when the locator is unknown, spent or evicted. */
  pageFor(locator: string): QueryPage | undefined {
    const [, cursorId, position] = /^(01g[A-Za-z0-9]{15})-(\d+)$/.exec(locator) ?? [];
    const cursor = cursorId === undefined ? undefined : this.open.get(cursorId);
    if (cursorId === undefined || !cursor || Number(position) >= cursor.records.length) return undefined;
    return this.pageAt(cursorId, cursor, Number(position));
  }

  private pageAt(cursorId: string, cursor: Cursor, position: number): QueryPage {
    const end = position + cursor.batchSize;
    const records = cursor.records.slice(position, end);
    if (end >= cursor.records.length) {
      this.open.delete(cursorId);
      return { totalSize: cursor.records.length, done: true, records };
    }
    return { totalSize: cursor.records.length, done: false, nextLocator: `${cursorId}-${end}`, records };
  }
}
