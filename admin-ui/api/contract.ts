// The server's own types, so the browser and the API cannot drift apart (type-only: nothing of
// the server is bundled).
import type { CartGridRow } from '../../sidecar/magento/grids/cart-grid.js';
import type { CustomerGridRow } from '../../sidecar/magento/grids/customer-grid.js';
import type { GridPage } from '../../sidecar/magento/grids/grid-page.js';
import type { OrderGridRow } from '../../sidecar/magento/grids/order-grid.js';
import type { SyncJobProgress } from '../../sidecar/sync/manual-sync-jobs.js';
import type { SyncHistoryEvent } from '../../sidecar/sync/sync-history.js';
import type { SyncState } from '../../sidecar/sync/sync-states.js';

// The shapes the sidecar's HTTP API (/api) sends and accepts.

export type Area = 'carts' | 'orders' | 'customers';

export type SyncStatus = SyncState['status'];

export type RecordSync = SyncState;

export interface AdminUser {
  username: string;
  firstName: string;
  lastName: string;
}

export interface Session {
  user: AdminUser;
  csrfToken: string;
}

export interface Store {
  id: number;
  name: string;
}

export interface Website extends Store {
  stores: Store[];
}

export interface Option {
  value: string;
  label: string;
}

export type ScopeType = 'default' | 'websites' | 'stores';

export interface ConfigValue {
  value: string | null;
  /** True when the value comes from a parent scope (nothing stored at this scope). */
  inherited: boolean;
  default: string | null;
}

export interface ConfigSnapshot {
  scope: ScopeType;
  scopeId: number;
  values: Record<string, ConfigValue>;
  statuses: { code: string; label: string }[];
}

/** Grid rows as the API sends them: the row the grid reads, and its sync state. */
export type CartRow = CartGridRow & { sync: RecordSync };

export type OrderRow = OrderGridRow & { sync: RecordSync };

export type CustomerRow = CustomerGridRow & { sync: RecordSync };

export interface GridRowByArea {
  carts: CartRow;
  orders: OrderRow;
  customers: CustomerRow;
}

export type { GridPage };

export type SyncJob = SyncJobProgress;

export type HistoryEvent = SyncHistoryEvent;
