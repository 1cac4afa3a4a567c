// Bulk API 2.0 failures: answered as `[{"errorCode","message"}]` with an HTTP status.
export class BulkApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'BulkApiError';
  }
}

export function jobNotFound(): BulkApiError {
  return new BulkApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
}

export function invalidJobState(message: string): BulkApiError {
  return new BulkApiError(400, 'INVALIDJOBSTATE', message);
}
