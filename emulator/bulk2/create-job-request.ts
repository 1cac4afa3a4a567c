// Checks the body of POST /jobs/ingest; what it says wrong comes back as INVALIDJOB.
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

export function parseCreateJobRequest(body: unknown, canonicalObjectName: (name: string) => string | undefined): CreateJobRequest {
  const parsed = createJobBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidJob(`InvalidJob : ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid job request'}`);
  }
  const request = parsed.data;
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
