// One record's Salesforce page: its current sync state, "Sync with Salesforce", and its sync history.
import ko from 'knockout-es5';
import { messageOf, type ApiClient } from '../../api/client.js';
import type { Area, RecordSync } from '../../api/contract.js';
import { HistoryPanel } from '../../components/history/history-panel.js';
import { SyncRun } from '../../components/sync-run/sync-run.js';

const RECORD_NAMES: Record<Area, string> = { carts: 'Abandoned Cart', orders: 'Order', customers: 'Customer' };

export class RecordPage {
  sync: RecordSync | null = null;
  errorMessage = '';
  readonly syncRun: SyncRun;
  readonly history: HistoryPanel;

  constructor(
    private readonly api: ApiClient,
    readonly area: Area,
    readonly id: number,
  ) {
    this.syncRun = new SyncRun(api, area);
    this.history = new HistoryPanel(api, area, id);
    ko.track(this, ['sync', 'errorMessage']);
  }

  get title(): string {
    return `${RECORD_NAMES[this.area]} #${this.id}`;
  }

  async load(): Promise<void> {
    try {
      const statuses = await this.api.get<Record<string, RecordSync>>(`/sync-status/${this.area}`, { ids: String(this.id) });
      this.sync = statuses[String(this.id)] ?? null;
      this.errorMessage = '';
    } catch (error) {
      this.errorMessage = messageOf(error);
    }
  }

  async syncNow(): Promise<void> {
    await this.syncRun.start([this.id], (results) => {
      this.sync = results[String(this.id)] ?? this.sync;
    });
    await this.history.load();
  }
}
