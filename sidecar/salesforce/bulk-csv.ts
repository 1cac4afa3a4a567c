// The CSV one Bulk API 2.0 job uploads, written a row at a time as a round stages its records and
// kept as UTF-8 bytes, then streamed to the upload. Written here rather than by jsforce, which
// takes its header from the first record only and would drop later columns. A column first seen
// part way is added to the header; the rows written before it get an empty cell there (an empty
// cell leaves the field unchanged; null is sent as #N/A).
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { EXTERNAL_ID_FIELD } from '../mapping/keys.js';
import type { SalesforcePayload } from '../mapping/people.js';
import { PackedText } from '../packed-text.js';

/** Bulk API 2.0 sets a field to null with this value; an empty cell leaves it unchanged. */
const NULL_CELL = '#N/A';
/** The upload is streamed in pieces of about this size. */
const PIECE_BYTES = 64 * 1024;
const COMMA = 0x2c;
const LINE_FEED = 0x0a;

export class BulkCsv {
  private readonly header: string[] = [];
  private readonly columnIndex = new Map<string, number>();
  private readonly rows = new PackedText();
  /** How many header columns each stored row has cells for. */
  private readonly widths: number[] = [];
  /** The row of each Magento_Key__c: a cart and its order share a record, and a job may name a key only once. */
  private readonly rowOfKey = new Map<string, number>();

  /** Adds a payload's row; a later row with the same key takes the earlier one's place. */
  add(payload: SalesforcePayload): void {
    const key = payload[EXTERNAL_ID_FIELD];
    if (typeof key !== 'string') throw new Error(`A payload without ${EXTERNAL_ID_FIELD} cannot be upserted`);
    const cells: string[] = [];
    for (const [field, value] of Object.entries(payload)) {
      if (value !== null && typeof value === 'object') {
        for (const [inner, innerValue] of Object.entries(value)) cells[this.columnOf(`${field}.${inner}`)] = cellOf(innerValue);
      } else {
        cells[this.columnOf(field)] = cellOf(value);
      }
    }
    const row = this.rows.add(stringify([Array.from(cells, (cell) => cell ?? '')], { record_delimiter: '' }));
    this.widths[row] = cells.length;
    this.rowOfKey.set(key, row);
  }

  get rowCount(): number {
    return this.rowOfKey.size;
  }

  /** Bytes held for the rows so far. */
  get byteLength(): number {
    return this.rows.byteLength;
  }

  keys(): IterableIterator<string> {
    return this.rowOfKey.keys();
  }

  /** The file to upload, as a stream: the header, then every row padded to the header's width. */
  stream(): Readable {
    return Readable.from(this.pieces(), { objectMode: false });
  }

  private *pieces(): Generator<Buffer> {
    yield Buffer.from(stringify([this.header], { record_delimiter: '\n' }));
    let piece = Buffer.allocUnsafe(PIECE_BYTES);
    let used = 0;
    for (const row of this.rowOfKey.values()) {
      const bytes = this.rows.bytesOf(row);
      const padding = this.header.length - this.widths[row]!;
      const length = bytes.length + padding + 1;
      if (used + length > piece.length) {
        if (used > 0) yield piece.subarray(0, used);
        piece = Buffer.allocUnsafe(Math.max(PIECE_BYTES, length));
        used = 0;
      }
      used += bytes.copy(piece, used);
      piece.fill(COMMA, used, used + padding);
      used += padding;
      piece[used++] = LINE_FEED;
    }
    if (used > 0) yield piece.subarray(0, used);
  }

  private columnOf(column: string): number {
    let index = this.columnIndex.get(column);
    if (index === undefined) {
      index = this.header.push(column) - 1;
      this.columnIndex.set(column, index);
    }
    return index;
  }
}

function cellOf(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || value === '') return NULL_CELL;
  return String(value);
}
