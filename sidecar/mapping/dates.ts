// Salesforce dates are calendar days; Magento stores UTC instants. A day is always taken in the
// store's timezone, so an invoice at 23:30 in Chicago closes on that Chicago day.

/**
 * One formatter per timezone: each Intl.DateTimeFormat holds ICU data outside the JavaScript heap,
 * freed only when collected, so making one per record grew a Bulk round's memory by hundreds of MB.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day (YYYY-MM-DD) of a UTC instant in an IANA timezone. */
export function dayInTimezone(instant: Date | string, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: ${String(instant)}`);
  const parts = dayFormat(timeZone).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
