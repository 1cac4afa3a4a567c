// JSON answers with the exact content type Salesforce sends.
import type { Response } from 'express';

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.status(status).set(headers);
  if (body === undefined) {
    res.end();
    return;
  }
  // res.end rather than res.send: express would rewrite the charset to lower case.
  res.set('Content-Type', JSON_CONTENT_TYPE).end(JSON.stringify(body));
}

export function sendRestError(res: Response, status: number, errorCode: string, message: string): void {
  sendJson(res, status, [{ message, errorCode }]);
}
