// The customer's "Shopping Cart" tab: the customer's carts with their Salesforce state, and a
// "Sync with Salesforce" button that sends them and shows progress and the outcome.
import ko from 'knockout-es5';
import { messageOf } from '../../api/client.js';
import type { CartRow, GridPage, RecordSync } from '../../api/contract.js';
import { formatDateTime } from '../sync-status/sync-status.js';
import { SyncButton } from '../sync-run/sync-button.js';
import { SyncRun, type SyncApi } from '../sync-run/sync-run.js';
import { modelFromParams } from '../model-params.js';
import template from './shopping-cart-tab.html';

/** A cart whose Salesforce state changes as the sync reports. */
export class CartLine {
  sync: RecordSync;

  constructor(readonly cart: CartRow) {
    this.sync = cart.sync;
    ko.track(this, ['sync']);
  }

  get total(): string {
    return formatMoney(this.cart.grandTotal, this.cart.currency);
  }

  get updated(): string {
    return formatDateTime(this.cart.updatedAt);
  }
}

export class ShoppingCartTab {
  carts: CartLine[] = [];
  loading = true;
  errorMessage = '';
  readonly syncButton: SyncButton;

  constructor(
    private readonly api: SyncApi,
    readonly customerId: number,
  ) {
    this.syncButton = new SyncButton(
      new SyncRun(api, 'carts'),
      () => this.carts.map((line) => line.cart.id),
      (results) => {
        for (const line of this.carts) line.sync = results[String(line.cart.id)] ?? line.sync;
      },
    );
    ko.track(this, ['carts', 'loading', 'errorMessage']);
  }

  /** The customer's own active carts, as Magento's Shopping Cart tab lists them. */
  async load(): Promise<void> {
    this.loading = true;
    try {
      const carts = await this.api.get<GridPage<CartRow>>('/grids/carts', { customerId: this.customerId, limit: 200 });
      this.carts = carts.rows.map((cart) => new CartLine(cart));
      this.errorMessage = '';
    } catch (error) {
      this.errorMessage = messageOf(error);
    } finally {
      this.loading = false;
    }
  }
}

export function formatMoney(amount: number, currency: string | null): string {
  if (!currency) return amount.toFixed(2);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** Loads when shown. */
export const shoppingCartTabComponent = { name: 'forcebridge-shopping-cart', viewModel: modelFromParams<ShoppingCartTab>((tab) => tab.load()), template };
