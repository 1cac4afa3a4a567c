// The store's carts in the order they were created (quote ids ascending with created_at): which
// became orders, at what stage the others were left, who owned them, and which are the awkward ones.
import { CUSTOMER_WITHOUT_LASTNAME_ID, LONG_NAME_CUSTOMER_ID, specialHistoryCart, specialOrderCustomer } from './awkward-rows.js';
import type { CartStage } from './carts.js';
import { FateDealer, type OrderFate } from './order-fates.js';
import { Random, Stream, randomFor } from './random.js';
import { customersRegisteredBy, historyTime, holdsOrder, later, liveTime, type StorePlan } from './store-plan.js';
import { HOUR } from './values.js';

export interface ScheduledCart {
  quoteId: number;
  random: Random;
  stage: CartStage;
  /** Undefined for a guest. */
  customerId: number | undefined;
  createdAt: number;
  updatedAt: number;
  fate: OrderFate | undefined;
  zeroTotal: boolean;
  withoutEmail: boolean;
}

/** Past carts not turned into orders: most reached checkout and were left there. */
const HISTORY_STAGES: readonly CartStage[] = ['abandoned', 'browsing', 'abandoned', 'browsing', 'abandoned'];
/** Carts of the last two hours still being shopped or checked out. */
const LIVE_STAGES: readonly CartStage[] = ['checkout-started', 'browsing'];
const REGISTERED_SHARE = 0.6;

export function* scheduleCarts(seed: number, plan: StorePlan): Generator<ScheduledCart> {
  const dealer = new FateDealer(seed);
  let quoteId = 0;
  let orders = 0;
  let others = 0;
  for (let index = 0; index < plan.historyCarts; index++) {
    const random = randomFor(seed, Stream.cart, ++quoteId);
    const fraction = (index + random.next()) / plan.historyCarts;
    const createdAt = historyTime(plan, fraction);
    const pickCustomer = () => random.chance(REGISTERED_SHARE) ? random.int(1, customersRegisteredBy(plan, createdAt)) : undefined;
    const base = { quoteId, random, createdAt, zeroTotal: false, withoutEmail: false };
    if (holdsOrder(index, plan.historyOrders, plan.historyCarts)) {
      const customerId = specialOrderCustomer(orders) ?? pickCustomer();
      yield { ...base, stage: 'converted', customerId, fate: dealer.historyFate(orders++), updatedAt: updated(plan, random, 'converted', createdAt) };
      continue;
    }
    const special = specialHistoryCart(others);
    const stage = special ? 'abandoned' : pick(HISTORY_STAGES, others);
    others++;
    yield {
      ...base,
      stage,
      customerId: special === 'long-name-customer' ? LONG_NAME_CUSTOMER_ID
        : special === 'customer-without-lastname' ? CUSTOMER_WITHOUT_LASTNAME_ID
        : special ? undefined : pickCustomer(),
      fate: undefined,
      updatedAt: updated(plan, random, stage, createdAt),
      zeroTotal: special === 'zero-total',
      withoutEmail: special === 'guest-without-email',
    };
  }
  let liveOrders = 0;
  for (let index = 0; index < plan.liveCarts; index++) {
    const random = randomFor(seed, Stream.cart, ++quoteId);
    const createdAt = liveTime(plan, (index + random.next()) / plan.liveCarts);
    const customerId = random.chance(REGISTERED_SHARE) ? random.int(1, plan.customers) : undefined;
    const converted = holdsOrder(index, plan.liveOrders, plan.liveCarts);
    const stage = converted ? 'converted' : pick(LIVE_STAGES, index - liveOrders);
    yield {
      quoteId, random, stage, customerId, createdAt,
      updatedAt: updated(plan, random, stage, createdAt),
      fate: converted ? dealer.liveFate(liveOrders++) : undefined,
      zeroTotal: false,
      withoutEmail: false,
    };
  }
}

function pick<T>(cycle: readonly T[], index: number): T {
  return cycle[index % cycle.length] as T;
}

/** When the cart last changed: items added while browsing, addresses saved at checkout. */
function updated(plan: StorePlan, random: Random, stage: CartStage, createdAt: number): number {
  const maxDelay = stage === 'browsing' ? 3 * HOUR : HOUR;
  return later(plan, createdAt, maxDelay, random.next());
}
