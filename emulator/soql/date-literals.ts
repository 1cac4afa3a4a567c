// SOQL's relative date literals (TODAY, LAST_N_DAYS:n, ...) as half-open ranges of UTC days.
// The emulated org's time zone is UTC, so "today" starts at 00:00Z.
const DAY_MS = 86_400_000;

/** [start, end) as epoch milliseconds at UTC midnight. */
export interface DayRange {
  start: number;
  end: number;
}

type RangeOf = (today: number, amount: number) => DayRange;

function days(from: number, to: number): DayRange {
  return { start: from, end: to };
}

/** Weeks start on Sunday, as in an org with the default (US) locale. */
function weekStart(today: number): number {
  return today - new Date(today).getUTCDay() * DAY_MS;
}

function monthStart(today: number, monthsAhead: number): number {
  const date = new Date(today);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsAhead, 1);
}

function yearStart(today: number, yearsAhead: number): number {
  return Date.UTC(new Date(today).getUTCFullYear() + yearsAhead, 0, 1);
}

const FIXED: Readonly<Record<string, RangeOf>> = {
  TODAY: (t) => days(t, t + DAY_MS),
  YESTERDAY: (t) => days(t - DAY_MS, t),
  TOMORROW: (t) => days(t + DAY_MS, t + 2 * DAY_MS),
  LAST_WEEK: (t) => days(weekStart(t) - 7 * DAY_MS, weekStart(t)),
  THIS_WEEK: (t) => days(weekStart(t), weekStart(t) + 7 * DAY_MS),
  NEXT_WEEK: (t) => days(weekStart(t) + 7 * DAY_MS, weekStart(t) + 14 * DAY_MS),
  LAST_MONTH: (t) => days(monthStart(t, -1), monthStart(t, 0)),
  THIS_MONTH: (t) => days(monthStart(t, 0), monthStart(t, 1)),
  NEXT_MONTH: (t) => days(monthStart(t, 1), monthStart(t, 2)),
  LAST_YEAR: (t) => days(yearStart(t, -1), yearStart(t, 0)),
  THIS_YEAR: (t) => days(yearStart(t, 0), yearStart(t, 1)),
  NEXT_YEAR: (t) => days(yearStart(t, 1), yearStart(t, 2)),
  // Salesforce counts today into the last n days; the next n days start tomorrow.
  LAST_90_DAYS: (t) => days(t - 90 * DAY_MS, t + DAY_MS),
  NEXT_90_DAYS: (t) => days(t + DAY_MS, t + 91 * DAY_MS),
};

const WITH_AMOUNT: Readonly<Record<string, RangeOf>> = {
  LAST_N_DAYS: (t, n) => days(t - n * DAY_MS, t + DAY_MS),
  NEXT_N_DAYS: (t, n) => days(t + DAY_MS, t + (n + 1) * DAY_MS),
  N_DAYS_AGO: (t, n) => days(t - n * DAY_MS, t - (n - 1) * DAY_MS),
  LAST_N_WEEKS: (t, n) => days(weekStart(t) - 7 * n * DAY_MS, weekStart(t)),
  NEXT_N_WEEKS: (t, n) => days(weekStart(t) + 7 * DAY_MS, weekStart(t) + 7 * (n + 1) * DAY_MS),
  LAST_N_MONTHS: (t, n) => days(monthStart(t, -n), monthStart(t, 0)),
  NEXT_N_MONTHS: (t, n) => days(monthStart(t, 1), monthStart(t, n + 1)),
};

export function isRelativeDateName(name: string): boolean {
  const upper = name.toUpperCase();
  return upper in FIXED || upper in WITH_AMOUNT;
}

export function takesAmount(name: string): boolean {
  return name.toUpperCase() in WITH_AMOUNT;
}

export function relativeDateRange(name: string, amount: number | undefined, now: Date): DayRange {
  const upper = name.toUpperCase();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const rangeOf = FIXED[upper] ?? WITH_AMOUNT[upper];
  if (!rangeOf) throw new Error(`Not a relative date literal: ${name}`);
  return rangeOf(today, amount ?? 0);
}
