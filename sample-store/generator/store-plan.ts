// How one size parameter (the number of orders) becomes the store's proportions and its timeline.
// Carts come in two stretches: history (the past months, denser towards today, as a growing store's
// traffic is) and a "live" last two hours, where checkouts are still in progress.
import { DAY, HOUR, MINUTE } from './values.js';

export const MIN_ORDERS = 100;

export interface StorePlan {
  orders: number;
  customers: number;
  products: number;
  guestSubscribers: number;
  historyCarts: number;
  historyOrders: number;
  liveCarts: number;
  liveOrders: number;
  now: number;
}

const HISTORY_SPAN = 180 * DAY;
const HISTORY_END = 3 * HOUR;
const LIVE_SPAN = 2 * HOUR;
const LIVE_END = 5 * MINUTE;
/** Customers register a while before their first carts. */
const CUSTOMER_LEAD = 14 * DAY;

export function planStore(orders: number, now: number): StorePlan {
  if (!Number.isInteger(orders) || orders < MIN_ORDERS) {
    throw new Error(`The number of orders must be a whole number of at least ${MIN_ORDERS}.`);
  }
  const carts = orders + Math.ceil(orders * 0.6);
  const liveCarts = Math.max(6, Math.round(carts * 0.02));
  const liveOrders = Math.floor(liveCarts / 3);
  return {
    orders,
    customers: Math.ceil(orders * 0.5),
    products: Math.max(20, Math.ceil(orders / 20)),
    guestSubscribers: Math.ceil(orders * 0.05),
    historyCarts: carts - liveCarts,
    historyOrders: orders - liveOrders,
    liveCarts,
    liveOrders,
    now,
  };
}

/** When the history cart at `fraction` (0 = oldest, 1 = newest) was created. */
export function historyTime(plan: StorePlan, fraction: number): number {
  const age = HISTORY_END + HISTORY_SPAN * (1 - fraction) ** 2;
  return plan.now - age;
}

export function liveTime(plan: StorePlan, fraction: number): number {
  return plan.now - LIVE_END - LIVE_SPAN * (1 - fraction);
}

export function customerCreatedAt(plan: StorePlan, customerId: number): number {
  return historyTime(plan, (customerId - 1) / plan.customers) - CUSTOMER_LEAD;
}

/** How many customers had registered at `at` (customers 1..that number; at least the first). */
export function customersRegisteredBy(plan: StorePlan, at: number): number {
  // Inverts customerCreatedAt(): customer c registered at historyTime((c - 1) / customers) - lead.
  const age = Math.max(0, plan.now - HISTORY_END - (at + CUSTOMER_LEAD));
  const fraction = 1 - Math.sqrt(Math.min(1, age / HISTORY_SPAN));
  return Math.min(plan.customers, Math.floor(fraction * plan.customers) + 1);
}

/** A moment after `from`, at most `maxDelay` later and never after a minute before `now`. */
export function later(plan: StorePlan, from: number, maxDelay: number, share: number): number {
  const room = Math.max(0, Math.min(maxDelay, plan.now - MINUTE - from));
  return from + Math.floor(room * share);
}

/** Spreads `orders` evenly over `carts` carts: whether cart `index` is one that became an order. */
export function holdsOrder(index: number, orders: number, carts: number): boolean {
  return Math.floor(((index + 1) * orders) / carts) > Math.floor((index * orders) / carts);
}
