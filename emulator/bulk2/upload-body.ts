// Reads a job's CSV upload from the request stream (jsforce sends it chunked, with no
// content-length) and enforces the upload size limit without holding more than the limit.
import type { Request } from 'express';

export type UploadBody = { ok: true; text: string } | { ok: false; receivedBytes: number };

export async function readUploadBody(req: Request, maxBytes: number): Promise<UploadBody> {
  const chunks: Buffer[] = [];
  let receivedBytes = 0;
  // Past the limit the rest is read and dropped, so the client can finish sending and read the answer.
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    receivedBytes += buffer.length;
    if (receivedBytes <= maxBytes) chunks.push(buffer);
  }
  if (receivedBytes > maxBytes) return { ok: false, receivedBytes };
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
