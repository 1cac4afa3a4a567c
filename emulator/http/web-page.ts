// A read-only window into the org for people: the objects with their record counts, the records
// of one object, and one record with links to the records it points at.
import express, { type Request, type Response, type Router } from 'express';
import type { FieldValue, SalesforceRecord } from '../contracts.js';
import type { Org } from '../org/org.js';

const MAX_ROWS = 500;
const MAX_COLUMNS = 12;
const AUDIT_FIELDS = new Set(['IsDeleted', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp']);
const BASE = '/__emulator';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Forcebridge org emulator</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1b1b1b}
table{border-collapse:collapse;margin-top:1rem}th,td{border:1px solid #d0d4d9;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}a{color:#0b5cab}nav{margin-bottom:1rem}.muted{color:#6b7280}
</style></head>
<body><nav><a href="${BASE}/">All objects</a></nav><h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

function recordLink(org: Org, value: FieldValue | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return org.recordById(text) ? `<a href="${BASE}/records/${encodeURIComponent(text)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function objectsPage(org: Org): string {
  const rows = org.metadata.objects
    .map((object) => {
      const count = org.store.count(object.name, false);
      return `<tr><td><a href="${BASE}/objects/${encodeURIComponent(object.name)}">${escapeHtml(object.name)}</a></td><td>${escapeHtml(object.label)}</td><td>${count}</td></tr>`;
    })
    .join('\n');
  return page('Objects', `<p class="muted">Org ${escapeHtml(org.orgId)}</p><table><thead><tr><th>Object</th><th>Label</th><th>Records</th></tr></thead><tbody>${rows}</tbody></table>`);
}

/** Id, the name field, then the fields that hold a value in any shown record, up to a readable width. */
function columnsFor(org: Org, objectName: string, records: readonly SalesforceRecord[]): string[] {
  const fields = org.describedObject(objectName).fields;
  const nameField = fields.find((definition) => definition.nameField)?.name;
  const filled = fields
    .map((definition) => definition.name)
    .filter((name) => name !== 'Id' && name !== nameField && !AUDIT_FIELDS.has(name))
    .filter((name) => records.some((record) => record[name] !== null && record[name] !== undefined));
  return ['Id', ...(nameField ? [nameField] : []), ...filled].slice(0, MAX_COLUMNS);
}

function recordsPage(org: Org, objectName: string): string {
  const all = [...org.records(objectName, false)];
  const shown = all.slice(0, MAX_ROWS);
  const columns = columnsFor(org, objectName, shown);
  const head = columns.map((name) => `<th>${escapeHtml(name)}</th>`).join('');
  const rows = shown.map((record) => `<tr>${columns.map((name) => `<td>${recordLink(org, record[name])}</td>`).join('')}</tr>`).join('\n');
  const note = all.length > shown.length ? `<p class="muted">Showing ${shown.length} of ${all.length} records.</p>` : `<p class="muted">${all.length} records.</p>`;
  return page(objectName, `${note}<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`);
}

function recordPage(org: Org, objectName: string, record: SalesforceRecord): string {
  const rows = org
    .describedObject(objectName)
    .fields.map((definition) => `<tr><th>${escapeHtml(definition.name)}</th><td>${recordLink(org, record[definition.name])}</td></tr>`)
    .join('\n');
  const title = `${objectName} ${String(record.Id)}`;
  return page(title, `<p><a href="${BASE}/objects/${encodeURIComponent(objectName)}">All ${escapeHtml(objectName)} records</a></p><table><tbody>${rows}</tbody></table>`);
}

function sendHtml(res: Response, status: number, html: string): void {
  res.status(status).type('text/html; charset=utf-8').send(html);
}

export function createWebPageRouter(org: () => Org): Router {
  const router = express.Router();
  router.get('/', (_req: Request, res: Response) => res.redirect(302, `${BASE}/`));
  router.get(`${BASE}/`, (_req: Request, res: Response) => sendHtml(res, 200, objectsPage(org())));
  router.get(`${BASE}/objects/:name`, (req: Request, res: Response) => {
    const objectName = org().objectName(String(req.params.name));
    if (!objectName) sendHtml(res, 404, page('Not found', `<p>No object named ${escapeHtml(String(req.params.name))}.</p>`));
    else sendHtml(res, 200, recordsPage(org(), objectName));
  });
  // Where links into a real org point (Lightning record pages); here they open the record page.
  router.get('/lightning/r/:object/:id/view', (req: Request, res: Response) => res.redirect(302, `${BASE}/records/${encodeURIComponent(String(req.params.id))}`));
  router.get(`${BASE}/records/:id`, (req: Request, res: Response) => {
    const found = org().recordById(String(req.params.id));
    if (!found) sendHtml(res, 404, page('Not found', `<p>No record with id ${escapeHtml(String(req.params.id))}.</p>`));
    else sendHtml(res, 200, recordPage(org(), found.objectName, found.record));
  });
  return router;
}
