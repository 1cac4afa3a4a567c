// "Sync with Salesforce" as a button with its progress and outcome underneath: the customer's
// Shopping Cart tab in the console, and wherever Magento's pages mount Forcebridge_Connector/js/sync-button.
import type { RecordSync } from '../../api/contract.js';
import { modelFromParams } from '../model-params.js';
import type { SyncRun } from './sync-run.js';
import template from './sync-button.html';

export class SyncButton {
  /**
   * @param ids the records the button sends, read at each click (a list on the page may change)
   * @param onResults receives each record's new state as the job reports it
   */
  constructor(
    readonly run: SyncRun,
    private readonly ids: () => number[],
    private readonly onResults?: (results: Record<string, RecordSync>) => void,
  ) {}

  get disabled(): boolean {
    return this.run.running || this.ids().length === 0;
  }

  sync(): Promise<void> {
    return this.run.start(this.ids(), this.onResults);
  }
}

export const syncButtonComponent = { name: 'forcebridge-sync-button', viewModel: modelFromParams<SyncButton>(), template };
