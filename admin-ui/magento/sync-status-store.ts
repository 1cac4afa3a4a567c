// The Salesforce state of the rows a Magento grid shows, fetched once per set of rows and shared by
// the "Salesforce Sync" and "Salesforce ID" columns (both read it; only one request goes out).
import type { Observable } from 'knockout';
import ko from 'knockout-es5';
import { ApiClient, messageOf } from '../api/client.js';
import type { Area, RecordSync } from '../api/contract.js';
import { sidecarUrlOfPage } from './sidecar-url.js';

/** Magento's listings with Forcebridge columns, by namespace. */
const AREA_OF_LISTING: Record<string, Area> = {
  forcebridge_abandoned_cart_listing: 'carts',
  sales_order_grid: 'orders',
  customer_listing: 'customers',
};

export class SyncStatusStore {
  /** Why the states could not be read, shown in the cells instead. */
  problem = '';
  private readonly states = new Map<number, Observable<RecordSync | null>>();
  private lastRequestedIds = '';

  constructor(
    private readonly api: ApiClient,
    private readonly area: Area,
  ) {
    ko.track(this, ['problem']);
  }

  syncOf(id: number): RecordSync | null {
    return this.stateOf(id)();
  }

  async load(ids: number[]): Promise<void> {
    const idList = ids.join(',');
    if (idList === '' || idList === this.lastRequestedIds) return;
    this.lastRequestedIds = idList;
    try {
      const states = await this.api.get<Record<string, RecordSync>>(`/sync-status/${this.area}`, { ids: idList });
      for (const id of ids) this.stateOf(id)(states[String(id)] ?? null);
      this.problem = '';
    } catch (error) {
      this.problem = `Salesforce state unavailable: ${messageOf(error)}`;
    }
  }

  private stateOf(id: number): Observable<RecordSync | null> {
    let state = this.states.get(id);
    if (!state) {
      state = ko.observable<RecordSync | null>(null);
      this.states.set(id, state);
    }
    return state;
  }
}

const stores = new Map<string, SyncStatusStore>();

/** The one store of a listing on this page. */
export function storeForListing(listingNamespace: string): SyncStatusStore {
  const area = AREA_OF_LISTING[listingNamespace];
  if (!area) throw new Error(`Forcebridge columns do not know the listing "${listingNamespace}".`);
  let store = stores.get(area);
  if (!store) {
    store = new SyncStatusStore(new ApiClient(sidecarUrlOfPage()), area);
    stores.set(area, store);
  }
  return store;
}
