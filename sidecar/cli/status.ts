// `forcebridge status`: the queue, the records in error, the last runs and the API usage.
import type { RowDataPacket } from 'mysql2';
import type { DatabasePool } from '../db/pool.js';
import { queueStatistics } from '../queue/queue.js';

export async function statusReport(pool: DatabasePool, apiUsage?: { used: number; limit: number }): Promise<string[]> {
  const lines: string[] = [];
  const queue = await queueStatistics(pool);
  lines.push(`Queue: ${JSON.stringify(queue)}`);
  const [links] = await pool.query<RowDataPacket[]>('SELECT entity_type, status, COUNT(*) AS n FROM forcebridge_link GROUP BY entity_type, status ORDER BY entity_type, status');
  lines.push(`Records: ${links.map((row) => `${String(row.entity_type)} ${String(row.status)} ${String(row.n)}`).join(', ') || 'none yet'}`);
  const [errors] = await pool.query<RowDataPacket[]>(
    "SELECT entity_type, entity_id, error_message FROM forcebridge_link WHERE status = 'error' ORDER BY last_attempt_at DESC LIMIT 5",
  );
  for (const row of errors) lines.push(`  error ${String(row.entity_type)} ${String(row.entity_id)}: ${String(row.error_message)}`);
  const [runs] = await pool.query<RowDataPacket[]>(
    'SELECT run_id, area, run_trigger, started_at, finished_at, records, succeeded, failed, api_calls, note FROM forcebridge_run ORDER BY run_id DESC LIMIT 5',
  );
  lines.push('Last runs:');
  for (const run of runs) {
    lines.push(
      `  #${String(run.run_id)} ${String(run.area)}/${String(run.run_trigger)} ${String(run.started_at)} → ${run.finished_at ? String(run.finished_at) : 'running'}: ` +
        `${String(run.records)} records, ${String(run.succeeded)} synced, ${String(run.failed)} failed, ${String(run.api_calls)} API calls${run.note ? ` (${String(run.note)})` : ''}`,
    );
  }
  if (apiUsage) lines.push(`Salesforce API usage: ${apiUsage.used} of ${apiUsage.limit} daily requests`);
  return lines;
}
