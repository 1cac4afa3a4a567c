// Every refusal is JSON {"error": "<one sentence>", "details"?: [{field, problem}]}. Unexpected
// failures are logged here and answered with a sentence that reveals nothing of the cause.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.js';

export interface FieldProblem {
  field: string;
  problem: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** body-parser's errors carry a `type` and the status to answer with. */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string' && typeof (error as BodyParserError).status === 'number';
}

function bodyParserSentence(error: BodyParserError, bodyLimit: string): string {
  switch (error.type) {
    case 'entity.too.large':
      return `The request body is larger than the ${bodyLimit} the API accepts.`;
    case 'entity.parse.failed':
      return 'The request body is not valid JSON.';
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return 'The request body must be UTF-8 JSON without content encoding.';
    default:
      return 'The request body could not be read.';
  }
}

export function notFound(): RequestHandler {
  return (req, res) => {
    res.status(404).json({ error: `There is no ${req.method} ${req.path} in this API.` });
  };
}

export function errorResponder(logger: Logger, bodyLimit: string): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof HttpError) {
      res.status(error.status).json(error.details ? { error: error.message, details: error.details } : { error: error.message });
    } else if (isBodyParserError(error) && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({ error: bodyParserSentence(error, bodyLimit) });
    } else {
      logger.error({ err: error, method: req.method, path: req.path }, 'HTTP API request failed');
      res.status(500).json({ error: 'The sidecar could not complete this request; its log says why.' });
    }
  };
}
