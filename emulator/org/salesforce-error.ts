// A refusal the way Salesforce words it: an error code, a message, the fields concerned and the
// HTTP status the REST API answers a single-record call with.
import type { RowError } from '../contracts.js';

export class SalesforceError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = [],
    readonly httpStatus = 400,
  ) {
    super(message);
    this.name = errorCode;
  }

  /** The shape rows carry in Collections, Composite collections and Bulk results. */
  toRowError(): RowError {
    return { statusCode: this.errorCode, message: this.message, fields: this.fields };
  }

  /** One entry of a REST error array. */
  toRestError(): { message: string; errorCode: string; fields?: string[] } {
    return this.fields.length > 0
      ? { message: this.message, errorCode: this.errorCode, fields: this.fields }
      : { message: this.message, errorCode: this.errorCode };
  }
}

export const NOT_FOUND_MESSAGE = 'The requested resource does not exist';

export function notFound(message = NOT_FOUND_MESSAGE): SalesforceError {
  return new SalesforceError('NOT_FOUND', message, [], 404);
}
