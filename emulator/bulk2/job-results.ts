// The three result downloads of a job as CSV: successful rows (sf__Id, sf__Created), failed rows
// (sf__Id, sf__Error as "CODE:message:fields --") and unprocessed rows, each followed by the
// row's cells exactly as uploaded.
import { stringify } from 'csv-stringify/sync';
import type { RowError } from '../contracts.js';
import type { IngestJob } from './ingest-job.js';

function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // Salesforce quotes every value of its result files, empty ones included.
  return stringify([header, ...rows], { quoted: true, quoted_empty: true, record_delimiter: 'unix' });
}

export function formatRowErrors(errors: readonly RowError[]): string {
  return errors.map((error) => `${error.statusCode}:${error.message}:${error.fields.join(',')} --`).join(' ');
}

export function successfulResultsCsv(job: IngestJob): string {
  const rows: string[][] = [];
  job.outcomes.forEach((outcome, index) => {
    if (outcome.success) rows.push([outcome.id, String(outcome.created), ...(job.rows[index] ?? [])]);
  });
  return toCsv(['sf__Id', 'sf__Created', ...job.header], rows);
}

export function failedResultsCsv(job: IngestJob): string {
  const rows: string[][] = [];
  job.outcomes.forEach((outcome, index) => {
    if (!outcome.success) rows.push([outcome.id ?? '', formatRowErrors(outcome.errors), ...(job.rows[index] ?? [])]);
  });
  return toCsv(['sf__Id', 'sf__Error', ...job.header], rows);
}

/** Rows never processed (aborted or failed job, or still waiting); empty when nothing was uploaded. */
export function unprocessedRecordsCsv(job: IngestJob): string {
  if (job.header.length === 0) return '';
  return toCsv(job.header, job.rows.slice(job.outcomes.length));
}
