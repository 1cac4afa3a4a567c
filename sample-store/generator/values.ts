// How generated values become column values: UTC timestamps, money kept in whole cents, and text
// cut to a column's length in characters (MariaDB counts code points, so emoji count as one).

export type SqlValue = string | number | null;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** 'YYYY-MM-DD HH:MM:SS' in UTC: the generator's connections use time_zone '+00:00'. */
export function sqlTimestamp(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

export function sqlDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Whole cents as a decimal column value (12.34). */
export function money(cents: number): number {
  return cents / 100;
}

/** Cents in the display currency for an amount in base-currency cents. */
export function convertCents(baseCents: number, rate: number): number {
  return Math.round(baseCents * rate);
}

/** `text` cut to `length` characters, as a varchar(length) column can hold it. */
export function fit(text: string | null, length: number): string | null {
  if (text === null) return null;
  const characters = Array.from(text);
  return characters.length <= length ? text : characters.slice(0, length).join('');
}

/** TRIM(CONCAT_WS(...)) as Magento's grid refresh SQL builds names and addresses: NULLs are skipped. */
export function joinParts(separator: string, parts: readonly (string | null)[]): string {
  return parts.filter((part): part is string => part !== null).join(separator).trim();
}

/** "$12.34" / "€12.34", as Magento prints amounts in order comments. */
export function formatAmount(cents: number, currency: string): string {
  const symbol = currency === 'EUR' ? '€' : '$';
  return `${symbol}${(cents / 100).toFixed(2)}`;
}
