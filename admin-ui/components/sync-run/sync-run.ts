// One "Sync with Salesforce" request (mass action, row link or the Shopping Cart button): starts the
// sidecar's sync job, polls it, and says how far it got ("Syncing 3 of 10…") and how it ended.
import ko from 'knockout-es5';
import { messageOf, type ApiClient } from '../../api/client.js';
import type { Area, RecordSync, SyncJob } from '../../api/contract.js';
import { modelFromParams } from '../model-params.js';
import template from './sync-run.html';

const POLL_INTERVAL_MS = 400;

/** The sidecar's POST /sync and GET /sync/<jobId>: the console calls them itself, Magento's pages through the module's controllers. */
export type SyncApi = Pick<ApiClient, 'get' | 'post'>;

type RunState = 'idle' | 'running' | 'finished' | 'failed';

export class SyncRun {
  state: RunState = 'idle';
  total = 0;
  done = 0;
  synced = 0;
  failed = 0;
  skipped = 0;
  errorMessage = '';

  constructor(
    private readonly api: SyncApi,
    private readonly area: Area,
  ) {
    ko.track(this, ['state', 'total', 'done', 'synced', 'failed', 'skipped', 'errorMessage']);
  }

  get running(): boolean {
    return this.state === 'running';
  }

  get message(): string {
    switch (this.state) {
      case 'idle':
        return '';
      case 'running':
        return `Syncing ${this.done} of ${this.total}…`;
      case 'failed':
        return this.errorMessage;
      case 'finished':
        return outcomeSentence(this);
    }
  }

  /** Magento's message types: success (green), error (red), notice while it runs. */
  get tone(): 'success' | 'error' | 'notice' {
    if (this.state === 'failed' || (this.state === 'finished' && this.failed > 0)) return 'error';
    return this.state === 'finished' ? 'success' : 'notice';
  }

  /** Syncs the records and hands each record's new state to `onResults` as the job reports it. */
  async start(ids: number[], onResults: (results: Record<string, RecordSync>) => void = () => undefined): Promise<void> {
    if (this.running || ids.length === 0) return;
    Object.assign(this, { state: 'running', total: ids.length, done: 0, synced: 0, failed: 0, skipped: 0, errorMessage: '' });
    try {
      const { jobId } = await this.api.post<{ jobId: string }>('/sync', { area: this.area, ids });
      let job: SyncJob;
      do {
        await delay(POLL_INTERVAL_MS);
        job = await this.api.get<SyncJob>(`/sync/${encodeURIComponent(jobId)}`);
        Object.assign(this, { total: job.total, done: job.done, synced: job.synced, failed: job.failed, skipped: job.skipped });
        onResults(job.results);
      } while (!job.finished);
      this.state = 'finished';
    } catch (error) {
      this.errorMessage = messageOf(error);
      this.state = 'failed';
    }
  }
}

function outcomeSentence(run: SyncRun): string {
  const parts = [`${run.synced} of ${run.total} synced with Salesforce`];
  if (run.failed > 0) parts.push(`${run.failed} failed (hover the red mark for the reason)`);
  if (run.skipped > 0) parts.push(`${run.skipped} skipped`);
  return `${parts.join(', ')}.`;
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Shows a SyncRun's progress and outcome. */
export const syncRunComponent = { name: 'forcebridge-sync-run', viewModel: modelFromParams<SyncRun>(), template };
