// Price book entries and opportunity products: a custom price book needs the product's standard
// price first, a product is priced once per book, and line items roll up into the opportunity.
import type { FieldValue, SalesforceRecord } from '../../contracts.js';
import type { RecordRules, RuleContext } from '../record-rules.js';
import { SalesforceError } from '../salesforce-error.js';

function liveRecords(context: RuleContext, objectName: string): SalesforceRecord[] {
  const live: SalesforceRecord[] = [];
  for (const record of context.store.recordsOf(objectName)) if (record.values.IsDeleted !== true) live.push(record.values);
  return live;
}

function valuesOf(context: RuleContext, id: FieldValue | undefined): SalesforceRecord | undefined {
  return typeof id === 'string' ? context.store.get(id)?.values : undefined;
}

function isStandardBook(context: RuleContext, pricebookId: FieldValue | undefined): boolean {
  return valuesOf(context, pricebookId)?.IsStandard === true;
}

function standardEntryFor(context: RuleContext, productId: FieldValue | undefined): SalesforceRecord | undefined {
  return liveRecords(context, 'PricebookEntry').find((entry) => entry.Product2Id === productId && isStandardBook(context, entry.Pricebook2Id));
}

function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

export const pricebookEntryRules: RecordRules = {
  derive(context, next, previous) {
    if (previous) return;
    const product = valuesOf(context, next.Product2Id);
    next.Name = product?.Name ?? null;
    next.ProductCode = product?.ProductCode ?? null;
    const duplicate = liveRecords(context, 'PricebookEntry').some((entry) => entry.Product2Id === next.Product2Id && entry.Pricebook2Id === next.Pricebook2Id);
    if (duplicate) throw new SalesforceError('DUPLICATE_VALUE', 'This price definition already exists in this price book', []);
    if (isStandardBook(context, next.Pricebook2Id)) return;
    const standardEntry = standardEntryFor(context, next.Product2Id);
    if (!standardEntry) throw new SalesforceError('STANDARD_PRICE_NOT_DEFINED', 'No standard price defined for this product', []);
    if (next.UseStandardPrice === true) next.UnitPrice = standardEntry.UnitPrice ?? null;
  },
};

function entryForProduct(context: RuleContext, opportunity: SalesforceRecord | undefined, productId: FieldValue | undefined): SalesforceRecord | undefined {
  const wantedBook = opportunity?.Pricebook2Id;
  return liveRecords(context, 'PricebookEntry').find(
    (entry) => entry.Product2Id === productId && (wantedBook ? entry.Pricebook2Id === wantedBook : isStandardBook(context, entry.Pricebook2Id)),
  );
}

function linkToEntry(context: RuleContext, next: Record<string, FieldValue>): void {
  const opportunity = valuesOf(context, next.OpportunityId);
  const entry = next.PricebookEntryId ? valuesOf(context, next.PricebookEntryId) : entryForProduct(context, opportunity, next.Product2Id);
  if (!entry) throw new SalesforceError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [PricebookEntryId]', ['PricebookEntryId']);
  if (opportunity?.Pricebook2Id && opportunity.Pricebook2Id !== entry.Pricebook2Id) {
    throw new SalesforceError(
      'FIELD_INTEGRITY_EXCEPTION',
      'field integrity exception: PricebookEntryId (pricebook entry is in a different pricebook than the one assigned to the opportunity)',
      ['PricebookEntryId'],
    );
  }
  const product = valuesOf(context, entry.Product2Id);
  next.PricebookEntryId = entry.Id ?? null;
  next.Product2Id = entry.Product2Id ?? null;
  next.ProductCode = product?.ProductCode ?? null;
  next.ListPrice = entry.UnitPrice ?? null;
  next.Name = `${String(opportunity?.Name ?? '')} ${String(product?.Name ?? '')}`.trim();
}

function price(next: Record<string, FieldValue>, written: ReadonlySet<string>): void {
  const quantity = typeof next.Quantity === 'number' ? next.Quantity : 0;
  const givesTotal = written.has('TotalPrice') && next.TotalPrice !== null;
  const givesUnit = written.has('UnitPrice') && next.UnitPrice !== null;
  if (givesTotal && givesUnit) {
    throw new SalesforceError('FIELD_INTEGRITY_EXCEPTION', 'field integrity exception: TotalPrice (cannot specify both unit price and total price)', ['TotalPrice']);
  }
  if (givesTotal) next.UnitPrice = quantity === 0 ? 0 : roundCents((next.TotalPrice as number) / quantity);
  else if (typeof next.UnitPrice === 'number') next.TotalPrice = roundCents(next.UnitPrice * quantity);
  else throw new SalesforceError('FIELD_INTEGRITY_EXCEPTION', 'field integrity exception: unknown (must specify either unit price or total price)', ['UnitPrice']);
}

function rollUpIntoOpportunity(context: RuleContext, opportunityId: FieldValue | undefined): void {
  const opportunity = valuesOf(context, opportunityId);
  if (!opportunity || opportunity.IsDeleted === true) return;
  const items = liveRecords(context, 'OpportunityLineItem').filter((item) => item.OpportunityId === opportunityId);
  const amount = roundCents(items.reduce((sum, item) => sum + (typeof item.TotalPrice === 'number' ? item.TotalPrice : 0), 0));
  const pricebookId = opportunity.Pricebook2Id ?? valuesOf(context, items[0]?.PricebookEntryId)?.Pricebook2Id ?? null;
  context.systemUpdate(opportunityId as string, { Amount: items.length > 0 ? amount : opportunity.Amount ?? null, HasOpportunityLineItem: items.length > 0, Pricebook2Id: pricebookId });
}

export const opportunityLineItemRules: RecordRules = {
  derive(context, next, previous, written) {
    if (!previous) linkToEntry(context, next);
    price(next, written);
  },
  afterWrite(context, next, previous) {
    rollUpIntoOpportunity(context, (next ?? previous)?.OpportunityId);
  },
};
