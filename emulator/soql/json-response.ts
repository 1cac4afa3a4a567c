import type { Response } from 'express';

// Salesforce's exact header; express's res.json would rewrite it to "application/json; charset=utf-8".
export const SALESFORCE_JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

export function sendSalesforceJson(res: Response, status: number, body: unknown): void {
  res.status(status).set('Content-Type', SALESFORCE_JSON_CONTENT_TYPE).end(JSON.stringify(body));
}
