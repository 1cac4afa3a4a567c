// The part of Magento's UI component library the AMD build extends; Magento's RequireJS provides it.
declare module 'Magento_Ui/js/grid/columns/column' {
  /** A listing row as the grid's data provider gives it. */
  export type ListingRow = Record<string, unknown>;

  export interface ColumnInstance {
    _super(...args: unknown[]): unknown;
  }

  export interface ColumnClass {
    extend<Extension extends object>(extension: Extension & ThisType<ColumnInstance & Extension>): ColumnClass;
  }

  const Column: ColumnClass;
  export default Column;
}
