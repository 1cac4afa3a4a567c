// Turns an uploaded CSV into a header and rows of raw cells, or into the reason Salesforce would
// fail the job with (its errorMessage wording).
import { parse } from 'csv-parse/sync';
import { delimiterOf, type CsvFormat } from './csv-format.js';

export type UploadedData = { ok: true; header: string[]; rows: string[][] } | { ok: false; errorMessage: string };

/** Salesforce checks the declared line ending against the data; the header row's ending tells. */
function lineEndingProblem(csv: string, format: CsvFormat): string | undefined {
  const firstBreak = csv.indexOf('\n');
  if (firstBreak === -1) return undefined;
  const isCrLf = csv.charAt(firstBreak - 1) === '\r';
  if (isCrLf === (format.lineEnding === 'CRLF')) return undefined;
  return `ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is ${format.lineEnding}`;
}

export function readUploadedCsv(csv: string, format: CsvFormat): UploadedData {
  const problem = lineEndingProblem(csv, format);
  if (problem) return { ok: false, errorMessage: problem };
  let table: string[][];
  try {
    table = parse(csv, { delimiter: delimiterOf(format), bom: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    return { ok: false, errorMessage: `ClientInputError : ${(error as Error).message}` };
  }
  const [header, ...rows] = table;
  if (!header) return { ok: false, errorMessage: 'ClientInputError : The uploaded data has no header row' };
  return { ok: true, header: header.map((name) => name.trim()), rows };
}

/**
 * The cells of one row to hand to the org: empty cells leave the field unchanged (left out), `#N/A`
 * sets it to null. An empty Id cell, as jsforce sends on upserts, is therefore left out too.
 */
export function rowFields(header: readonly string[], cells: readonly string[]): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  header.forEach((column, index) => {
    const cell = cells[index] ?? '';
    if (cell === '') return;
    fields[column] = cell === '#N/A' ? null : cell;
  });
  return fields;
}
