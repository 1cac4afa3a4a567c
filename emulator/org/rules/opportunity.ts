// An opportunity's stage decides its probability (unless one is given), forecast category and
// closed/won flags; every change of stage, amount, close date or probability adds a history row.
import type { FieldValue, SalesforceRecord } from '../../contracts.js';
import { FORECAST_CATEGORY_BY_NAME, type ForecastCategoryName } from '../../schema/opportunity-stages.js';
import type { RecordRules, RuleContext } from '../record-rules.js';

const TRACKED_FIELDS = ['StageName', 'Amount', 'CloseDate', 'Probability'] as const;

function expectedRevenue(amount: FieldValue | undefined, probability: FieldValue | undefined): number | null {
  if (typeof amount !== 'number' || typeof probability !== 'number') return null;
  return Math.round(amount * probability) / 100;
}

function deriveFromStage(context: RuleContext, next: Record<string, FieldValue>, written: ReadonlySet<string>): void {
  const stage = context.metadata.stage(String(next.StageName));
  next.IsClosed = stage?.closed ?? false;
  next.IsWon = stage?.won ?? false;
  if (!stage) return;
  if (!written.has('Probability')) next.Probability = stage.probability;
  if (!written.has('ForecastCategoryName')) next.ForecastCategoryName = stage.forecastCategoryName;
}

/** Calendar fiscal year: the org's default fiscal settings. */
function deriveFiscalPeriod(next: Record<string, FieldValue>): void {
  const closeDate = typeof next.CloseDate === 'string' ? next.CloseDate : undefined;
  if (!closeDate) return;
  const year = Number(closeDate.slice(0, 4));
  const quarter = Math.ceil(Number(closeDate.slice(5, 7)) / 3);
  next.FiscalYear = year;
  next.FiscalQuarter = quarter;
  next.Fiscal = `${year} ${quarter}`;
}

function trackedFieldChanged(next: SalesforceRecord, previous: SalesforceRecord | undefined): boolean {
  return previous === undefined || TRACKED_FIELDS.some((name) => next[name] !== previous[name]);
}

export const opportunityRules: RecordRules = {
  derive(context, next, previous, written) {
    if (previous === undefined || next.StageName !== previous.StageName) deriveFromStage(context, next, written);
    next.ForecastCategoryName ??= 'Pipeline';
    next.ForecastCategory = FORECAST_CATEGORY_BY_NAME[next.ForecastCategoryName as ForecastCategoryName] ?? 'Pipeline';
    next.ExpectedRevenue = expectedRevenue(next.Amount, next.Probability);
    deriveFiscalPeriod(next);
  },

  afterWrite(context, next, previous) {
    if (!next || next.IsDeleted === true || !trackedFieldChanged(next, previous)) return;
    context.insertSystemRecord('OpportunityHistory', {
      OpportunityId: next.Id ?? null,
      StageName: next.StageName ?? null,
      Amount: next.Amount ?? null,
      ExpectedRevenue: next.ExpectedRevenue ?? null,
      CloseDate: next.CloseDate ?? null,
      Probability: next.Probability ?? null,
      ForecastCategory: next.ForecastCategory ?? null,
      PrevAmount: previous?.Amount ?? null,
      PrevCloseDate: previous?.CloseDate ?? null,
    });
  },
};
