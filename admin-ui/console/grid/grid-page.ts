// A console grid (abandoned carts, orders or customers): one page of rows at a time (Next / Previous
// by the API's nextAfter cursor), a keyword search, row selection, and "Sync with Salesforce" as a
// mass action on the selected rows and as a link on each row.
import ko from 'knockout-es5';
import { messageOf, type ApiClient } from '../../api/client.js';
import type { Area, GridPage as GridPageData, GridRowByArea, RecordSync } from '../../api/contract.js';
import { SyncRun } from '../../components/sync-run/sync-run.js';
import { AREA_GRIDS, type AreaGrid, type GridColumn } from './grid-columns.js';

export const PAGE_SIZE = 20;

export class GridRow<Row extends { id: number; sync: RecordSync }> {
  sync: RecordSync;
  selected = false;

  constructor(readonly record: Row) {
    this.sync = record.sync;
    ko.track(this, ['sync', 'selected']);
  }
}

export class GridPage<A extends Area> {
  readonly grid: AreaGrid<A>;
  readonly syncRun: SyncRun;
  rows: GridRow<GridRowByArea[A]>[] = [];
  searchText = '';
  loading = false;
  errorMessage = '';
  actionsOpen = false;
  /** The `after` cursor of each page visited, so Previous can go back; undefined = the first page. */
  private cursors: (number | undefined)[] = [undefined];
  private nextAfter: number | null = null;
  private appliedQuery = '';

  constructor(
    private readonly api: ApiClient,
    readonly area: A,
  ) {
    this.grid = AREA_GRIDS[area];
    this.syncRun = new SyncRun(api, area);
    ko.track(this, ['rows', 'searchText', 'loading', 'errorMessage', 'actionsOpen', 'cursors', 'nextAfter']);
  }

  get columns(): GridColumn<GridRowByArea[A]>[] {
    return this.grid.columns;
  }

  get pageNumber(): number {
    return this.cursors.length;
  }

  get hasNext(): boolean {
    return this.nextAfter !== null;
  }

  get hasPrevious(): boolean {
    return this.cursors.length > 1;
  }

  get selectedRows(): GridRow<GridRowByArea[A]>[] {
    return this.rows.filter((row) => row.selected);
  }

  get allSelected(): boolean {
    return this.rows.length > 0 && this.rows.every((row) => row.selected);
  }

  set allSelected(selected: boolean) {
    for (const row of this.rows) row.selected = selected;
  }

  get selectionSummary(): string {
    const count = this.selectedRows.length;
    return count === 0 ? '' : `${count} ${this.grid.recordNoun}${count === 1 ? '' : 's'} selected`;
  }

  recordHref(row: GridRow<GridRowByArea[A]>): string {
    return `#/${this.area}/${row.record.id}`;
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      const after = this.cursors[this.cursors.length - 1];
      const page = await this.api.get<GridPageData<GridRowByArea[A]>>(`/grids/${this.area}`, { limit: PAGE_SIZE, after, q: this.appliedQuery });
      this.rows = page.rows.map((record) => new GridRow(record));
      this.nextAfter = page.nextAfter;
      this.errorMessage = '';
    } catch (error) {
      this.errorMessage = messageOf(error);
    } finally {
      this.loading = false;
    }
  }

  search(): Promise<void> {
    this.appliedQuery = this.searchText.trim();
    this.cursors = [undefined];
    return this.load();
  }

  nextPage(): Promise<void> {
    if (this.nextAfter === null) return Promise.resolve();
    this.cursors = [...this.cursors, this.nextAfter];
    return this.load();
  }

  previousPage(): Promise<void> {
    if (!this.hasPrevious) return Promise.resolve();
    this.cursors = this.cursors.slice(0, -1);
    return this.load();
  }

  toggleActions(): void {
    this.actionsOpen = !this.actionsOpen;
  }

  syncSelected(): Promise<void> {
    this.actionsOpen = false;
    return this.syncRows(this.selectedRows);
  }

  syncRow(row: GridRow<GridRowByArea[A]>): Promise<void> {
    return this.syncRows([row]);
  }

  private syncRows(rows: GridRow<GridRowByArea[A]>[]): Promise<void> {
    return this.syncRun.start(
      rows.map((row) => row.record.id),
      (results) => {
        for (const row of rows) row.sync = results[String(row.record.id)] ?? row.sync;
      },
    );
  }
}
