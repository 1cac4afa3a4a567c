// Checks the body of POST /jobs/ingest; what it says wrong comes back as INVALIDJOB (query jobs
// read theirs the same way).
import { z } from 'zod';
import type { IngestJobSpec } from '../contracts.js';
import { BulkApiError } from './bulk-error.js';
import { COLUMN_DELIMITERS, LINE_ENDINGS, type CsvFormat } from './csv-format.js';

const createJobBody = z.object({
  object: z.string().min(1),
  operation: z.enum(['insert', 'update', 'upsert', 'delete', 'hardDelete']),
  externalIdFieldName: z.string().min(1).optional(),
  contentType: z.literal('CSV').optional(),
  lineEnding: z.enum(LINE_ENDINGS).optional(),
  columnDelimiter: z.enum(COLUMN_DELIMITERS).optional(),
  assignmentRuleId: z.string().optional(),
});

export interface CreateJobRequest {
  spec: IngestJobSpec;
  format: CsvFormat;
}

function invalidJob(message: string): BulkApiError {
  return new BulkApiError(400, 'INVALIDJOB', message);
}

/** The body of a job-creating request read by its schema; what is wrong with it comes back as INVALIDJOB. */
export function parseJobBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalidJob(`InvalidJob : ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid job request'}`);
}

export function parseCreateJobRequest(body: unknown, canonicalObjectName: (name: string) => string | undefined): CreateJobRequest {
  const request = parseJobBody(createJobBody, body);
  const object = canonicalObjectName(request.object);
  if (!object) throw invalidJob(`InvalidJob : Unable to find object: ${request.object}`);
  if (request.operation === 'upsert' && !request.externalIdFieldName) {
    throw invalidJob(`InvalidJob : External ID was blank for ${object}. An External ID must be specified for upsert.`);
  }
  return {
    spec: {
      object,
      operation: request.operation,
      ...(request.operation === 'upsert' ? { externalIdFieldName: request.externalIdFieldName } : {}),
    },
    format: { lineEnding: request.lineEnding ?? 'LF', columnDelimiter: request.columnDelimiter ?? 'COMMA' },
  };
}
