// The shapes the sidecar's HTTP API (/api) sends and accepts.

export type Area = 'carts' | 'orders' | 'customers';

export type SyncStatus = 'synced' | 'error' | 'skipped' | 'pending' | 'never';

export interface RecordSync {
  status: SyncStatus;
  salesforceId: string | null;
  salesforceUrl: string | null;
  error: string | null;
  lastSyncedAt: string | null;
}

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

/** Grid rows: Magento allows many of these columns to be empty, so null is shown as blank. */
export interface CartRow {
  id: number;
  customer: string | null;
  email: string | null;
  store: string | null;
  items: number;
  grandTotal: number;
  currency: string | null;
  updatedAt: string | null;
  sync: RecordSync;
}

export interface OrderRow {
  id: number;
  incrementId: string;
  customer: string | null;
  email: string | null;
  status: string | null;
  grandTotal: number;
  currency: string | null;
  createdAt: string | null;
  sync: RecordSync;
}

export interface CustomerRow {
  id: number;
  name: string | null;
  email: string | null;
  website: string | null;
  createdAt: string | null;
  sync: RecordSync;
}

export interface GridRowByArea {
  carts: CartRow;
  orders: OrderRow;
  customers: CustomerRow;
}

export interface GridPage<Row> {
  rows: Row[];
  nextAfter: number | null;
}

export interface SyncJob {
  jobId: string;
  total: number;
  done: number;
  synced: number;
  failed: number;
  skipped: number;
  finished: boolean;
  results: Record<string, RecordSync>;
}

export interface HistoryEvent {
  occurredAt: string;
  result: string;
  salesforceObject: string | null;
  salesforceId: string | null;
  sent: unknown;
  error: string | null;
  stageBefore: string | null;
  stageAfter: string | null;
}
