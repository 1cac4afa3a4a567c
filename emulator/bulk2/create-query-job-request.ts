// Checks the body of POST /jobs/query and the query itself, as Salesforce does before it accepts a
// job: a malformed query or an unknown field is refused with its SOQL error at once, and so is
// what Bulk API 2.0 cannot run (aggregates such as COUNT(), OFFSET).
import { z } from 'zod';
import type { QuerySource } from '../contracts.js';
import { prepareQuery } from '../soql/run-query.js';
import { BulkApiError } from './bulk-error.js';
import { parseJobBody } from './create-job-request.js';
import { COLUMN_DELIMITERS, LINE_ENDINGS, type CsvFormat } from './csv-format.js';
import type { QueryJobPlan, QueryOperation } from './query-job.js';

const createQueryJobBody = z.object({
  operation: z.enum(['query', 'queryAll']),
  query: z.string().min(1),
  contentType: z.literal('CSV').optional(),
  lineEnding: z.enum(LINE_ENDINGS).optional(),
  columnDelimiter: z.enum(COLUMN_DELIMITERS).optional(),
});

export interface CreateQueryJobRequest {
  operation: QueryOperation;
  plan: QueryJobPlan;
  format: CsvFormat;
}

function notInBulkQuery(what: string): BulkApiError {
  return new BulkApiError(400, 'FUNCTIONALITY_NOT_ENABLED', `${what} not supported in Bulk Query`);
}

export function parseCreateQueryJobRequest(body: unknown, source: QuerySource, now: Date): CreateQueryJobRequest {
  const request = parseJobBody(createQueryJobBody, body);
  const query = prepareQuery(source, request.query, now);
  if (query.plan.kind !== 'records') throw notInBulkQuery('Aggregate queries are');
  if (query.query.offset !== undefined) throw notInBulkQuery('OFFSET is');
  return {
    operation: request.operation,
    plan: { query, fields: query.plan.fields },
    format: { lineEnding: request.lineEnding ?? 'LF', columnDelimiter: request.columnDelimiter ?? 'COMMA' },
  };
}
