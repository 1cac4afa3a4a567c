// The "Salesforce Sync" cell: a green tick when the record is in Salesforce, a red exclamation when
// its last sync failed (the reason on hover and for screen readers), grey while it waits or was never sent.
import type { RecordSync } from '../../api/contract.js';
import template from './sync-status.html';

type Tone = 'synced' | 'failed' | 'waiting';

export class SyncStatusCell {
  readonly tone: Tone;
  readonly symbol: string;
  /** What the icon means, in words: the tooltip and the screen-reader text. */
  readonly description: string;

  constructor(params: { sync: RecordSync }) {
    const { sync } = params;
    switch (sync.status) {
      case 'synced':
        this.tone = 'synced';
        this.symbol = '✓';
        this.description = sync.lastSyncedAt ? `Synced with Salesforce on ${formatDateTime(sync.lastSyncedAt)}` : 'Synced with Salesforce';
        break;
      case 'error':
        this.tone = 'failed';
        this.symbol = '!';
        this.description = `Not synced: ${sync.error ?? 'Salesforce refused the record.'}`;
        break;
      case 'skipped':
        this.tone = 'waiting';
        this.symbol = '–';
        this.description = `Skipped: ${sync.error ?? 'nothing to send.'}`;
        break;
      case 'pending':
        this.tone = 'waiting';
        this.symbol = '…';
        this.description = 'Waiting to sync with Salesforce';
        break;
      case 'never':
        this.tone = 'waiting';
        this.symbol = '–';
        this.description = 'Not synced with Salesforce yet';
        break;
    }
  }
}

export function formatDateTime(isoText: string | null): string {
  if (!isoText) return '';
  const date = new Date(isoText);
  return Number.isNaN(date.getTime()) ? isoText : date.toLocaleString();
}

export const syncStatusComponent = { name: 'forcebridge-sync-status', viewModel: SyncStatusCell, template };
