// The org a running emulator serves, which a reset or a snapshot load replaces as a whole. The
// query and bulk engines are built once against this holder, so they always see the current org.
import type { BulkRowTarget, FieldInfo, IngestJobSpec, QuerySource, RowOutcome, SalesforceRecord } from '../contracts.js';
import type { Org } from './org.js';

export class OrgHolder implements QuerySource, BulkRowTarget {
  private readonly changeListeners: Array<() => void> = [];

  constructor(
    private current: Org,
    private readonly rowLockContention: () => boolean,
  ) {
    this.attach(current);
  }

  get org(): Org {
    return this.current;
  }

  replace(org: Org): void {
    this.current = org;
    this.attach(org);
    for (const listener of this.changeListeners) listener();
  }

  /** Called after every change of the current org and whenever the org is replaced. */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  objectName(name: string): string | undefined {
    return this.current.objectName(name);
  }

  fields(objectName: string): readonly FieldInfo[] {
    return this.current.fields(objectName);
  }

  records(objectName: string, includeDeleted: boolean): Iterable<SalesforceRecord> {
    return this.current.records(objectName, includeDeleted);
  }

  recordById(id: string): { objectName: string; record: SalesforceRecord } | undefined {
    return this.current.recordById(id);
  }

  applyRow(job: IngestJobSpec, fields: Readonly<Record<string, string | null>>): RowOutcome {
    return this.current.applyRow(job, fields);
  }

  private attach(org: Org): void {
    org.rowLockContention = this.rowLockContention;
    org.onChange(() => {
      if (org === this.current) for (const listener of this.changeListeners) listener();
    });
  }
}
