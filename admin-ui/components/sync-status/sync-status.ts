// The "Salesforce Sync" cell: a green tick when the record is in Salesforce, a red exclamation when
// its last sync failed (the reason on hover and for screen readers), grey while it waits or was never
// sent, and a mark when the record changed in Magento after it was last sent.
import type { RecordSync } from '../../api/contract.js';
import template from './sync-status.html';

type Tone = 'synced' | 'failed' | 'waiting';

/** What the cell shows: the console passes the API's RecordSync, Magento's grids a row's forcebridge_* fields. */
export interface SyncMark {
  status: RecordSync['status'];
  error: string | null;
  lastSyncedAt?: string | null;
  /** The record changed in Magento since it was last sent (only Magento's grids know it). */
  changed?: boolean;
}

export class SyncStatusCell {
  readonly tone: Tone;
  readonly symbol: string;
  readonly changed: boolean;
  /** What the icon means, in words: the tooltip and the screen-reader text. */
  readonly description: string;

  constructor(params: { sync: SyncMark }) {
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
    this.changed = sync.changed === true && sync.status !== 'never';
    if (this.changed) this.description += ' — changed in Magento since it was last sent';
  }
}

export function formatDateTime(isoText: string | null): string {
  if (!isoText) return '';
  const date = new Date(isoText);
  return Number.isNaN(date.getTime()) ? isoText : date.toLocaleString();
}

export const syncStatusComponent = { name: 'forcebridge-sync-status', viewModel: SyncStatusCell, template };
