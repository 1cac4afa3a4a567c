// Deliberately awkward rows every generated store contains, whatever its size, so the sidecar's
// handling of them is always exercised: names that fill their columns, a customer without a last
// name (customer_entity allows NULL; such a customer can have no address, whose lastname is NOT NULL),
// emoji and right-to-left names, a guest cart that reached checkout without an email, a zero-total cart.
import type { PersonName } from './people.js';

const LONG_NAME_LENGTH = 255;

function filling(word: string, length: number): string {
  return Array.from(word.repeat(Math.ceil(length / word.length))).slice(0, length).join('');
}

/** Customer ids 1..5 get these names instead of random ones. */
export const SPECIAL_CUSTOMER_NAMES: ReadonlyMap<number, PersonName> = new Map([
  [1, { firstname: filling('Maximiliana-', LONG_NAME_LENGTH), lastname: filling('Wolfeschlegelsteinhausenbergerdorff-', LONG_NAME_LENGTH) }],
  [2, { firstname: 'Cher', lastname: null }],
  [3, { firstname: 'Zoë 🦄', lastname: 'Łukasiewicz-Ñúñez 🎉' }],
  [4, { firstname: 'نور', lastname: 'الهاشمي' }],
  [5, { firstname: 'אביגיל', lastname: 'בן־דוד' }],
]);

export const LONG_NAME_CUSTOMER_ID = 1;
export const CUSTOMER_WITHOUT_LASTNAME_ID = 2;

/** Which special cart the n-th (0-based) non-converted history cart is, if any. */
export type SpecialCart = 'guest-without-email' | 'zero-total' | 'long-name-customer' | 'customer-without-lastname';
const SPECIAL_HISTORY_CARTS: readonly SpecialCart[] = [
  'guest-without-email',
  'zero-total',
  'long-name-customer',
  'customer-without-lastname',
];

export function specialHistoryCart(nonConvertedIndex: number): SpecialCart | undefined {
  return SPECIAL_HISTORY_CARTS[nonConvertedIndex];
}

/** The first history orders are placed by these customers: long, emoji and right-to-left names. */
const SPECIAL_ORDER_CUSTOMERS: readonly number[] = [1, 3, 4, 5];

export function specialOrderCustomer(orderIndex: number): number | undefined {
  return SPECIAL_ORDER_CUSTOMERS[orderIndex];
}
