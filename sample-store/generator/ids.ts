// Row ids and Magento increment ids. Ids are assigned by the generator, not by AUTO_INCREMENT, so
// parents and children can be written in separate batches and the same seed gives the same ids.

export class IdSequence {
  private last = 0;

  next(): number {
    return ++this.last;
  }

  get current(): number {
    return this.last;
  }
}

export type SalesEntity = 'order' | 'invoice' | 'shipment' | 'creditmemo';

/** Magento's sequence_<entity>_<store> tables: one counter per entity and store view, formatted
 * as the store id prefix (none for the default store) and nine digits: 000000001, 2000000001. */
export class IncrementIds {
  private readonly counters = new Map<string, number>();

  next(entity: SalesEntity, storeId: number): string {
    const key = `${entity}:${storeId}`;
    const value = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, value);
    return `${storeId === 1 ? '' : storeId}${String(value).padStart(9, '0')}`;
  }
}
