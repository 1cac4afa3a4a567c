// A record's sync history: each sync's time, result, the Salesforce record, the stage before and
// after, and what was sent.
import ko from 'knockout-es5';
import { messageOf, type ApiClient } from '../../api/client.js';
import type { Area, HistoryEvent } from '../../api/contract.js';
import { formatDateTime } from '../sync-status/sync-status.js';
import { modelFromParams } from '../model-params.js';
import template from './history-panel.html';

export interface HistoryLine {
  when: string;
  result: string;
  failed: boolean;
  error: string;
  salesforceRecord: string;
  stageChange: string;
  sentJson: string;
}

export class HistoryPanel {
  lines: HistoryLine[] = [];
  loading = true;
  errorMessage = '';

  constructor(
    private readonly api: ApiClient,
    private readonly area: Area,
    private readonly recordId: number,
  ) {
    ko.track(this, ['lines', 'loading', 'errorMessage']);
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      const { events } = await this.api.get<{ events: HistoryEvent[] }>(`/history/${this.area}/${this.recordId}`);
      this.lines = events.map(toLine);
      this.errorMessage = '';
    } catch (error) {
      this.errorMessage = messageOf(error);
    } finally {
      this.loading = false;
    }
  }
}

function toLine(event: HistoryEvent): HistoryLine {
  const stageChange = event.stageBefore === event.stageAfter ? (event.stageAfter ?? '') : `${event.stageBefore ?? '(new)'} → ${event.stageAfter ?? '—'}`;
  return {
    when: formatDateTime(event.occurredAt),
    result: event.result,
    failed: event.error !== null,
    error: event.error ?? '',
    salesforceRecord: [event.salesforceObject, event.salesforceId].filter(Boolean).join(' '),
    stageChange,
    sentJson: event.sent === null || event.sent === undefined ? '' : JSON.stringify(event.sent, null, 2),
  };
}

/** Loads when shown. */
export const historyPanelComponent = { name: 'forcebridge-history', viewModel: modelFromParams<HistoryPanel>((panel) => panel.load()), template };
