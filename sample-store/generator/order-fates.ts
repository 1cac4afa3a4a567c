// What happens to an order after it is placed, for every state and status a fresh install defines
// (sales_order_status_state): what the payment did at placement, whether it was invoiced, shipped,
// refunded, canceled or put on hold, and the state/status Magento's State::check() leaves it in.
import { Random, Stream, randomFor } from './random.js';

export interface StateStatus {
  state: string;
  status: string;
}

export type Refund = 'none' | 'partial' | 'full';

export interface OrderFate {
  name: string;
  /** Status right after placement (Payment::place()). */
  placed: StateStatus;
  /** Paid through a gateway at placement (online capture) rather than invoiced later by an admin. */
  capturedAtPlacement: boolean;
  /** A gateway method, even when nothing was captured (pending payment, payment review). */
  gateway: boolean;
  invoiced: boolean;
  shipped: boolean;
  refund: Refund;
  canceled: boolean;
  held: boolean;
  final: StateStatus;
}

const NEW: StateStatus = { state: 'new', status: 'pending' };
const PROCESSING: StateStatus = { state: 'processing', status: 'processing' };
const COMPLETE: StateStatus = { state: 'complete', status: 'complete' };
const CLOSED: StateStatus = { state: 'closed', status: 'closed' };

function fate(name: string, details: Partial<OrderFate> & Pick<OrderFate, 'final'>): OrderFate {
  return {
    name, placed: NEW, capturedAtPlacement: false, gateway: false, invoiced: false, shipped: false,
    refund: 'none', canceled: false, held: false, ...details,
  };
}

const FATES = {
  pending: fate('pending', { final: NEW }),
  pendingPayment: fate('pending_payment', {
    placed: { state: 'pending_payment', status: 'pending_payment' }, gateway: true,
    final: { state: 'pending_payment', status: 'pending_payment' },
  }),
  paymentReview: fate('payment_review', {
    placed: { state: 'payment_review', status: 'payment_review' }, gateway: true,
    final: { state: 'payment_review', status: 'payment_review' },
  }),
  suspectedFraudInReview: fate('fraud (payment_review)', {
    placed: { state: 'payment_review', status: 'fraud' }, gateway: true,
    final: { state: 'payment_review', status: 'fraud' },
  }),
  processing: fate('processing', { invoiced: true, final: PROCESSING }),
  capturedOnline: fate('processing (captured online)', {
    placed: PROCESSING, gateway: true, capturedAtPlacement: true, invoiced: true, final: PROCESSING,
  }),
  suspectedFraudCaptured: fate('fraud (processing)', {
    placed: { state: 'processing', status: 'fraud' }, gateway: true, capturedAtPlacement: true, invoiced: true,
    final: { state: 'processing', status: 'fraud' },
  }),
  complete: fate('complete', { invoiced: true, shipped: true, final: COMPLETE }),
  partiallyRefunded: fate('complete, partly refunded', { invoiced: true, shipped: true, refund: 'partial', final: COMPLETE }),
  closed: fate('closed', { invoiced: true, shipped: true, refund: 'full', final: CLOSED }),
  refundedBeforeShipping: fate('closed before shipping', { invoiced: true, refund: 'full', final: CLOSED }),
  canceled: fate('canceled', { canceled: true, final: { state: 'canceled', status: 'canceled' } }),
  heldNew: fate('holded (was new)', { held: true, final: { state: 'holded', status: 'holded' } }),
  heldProcessing: fate('holded (was processing)', { invoiced: true, held: true, final: { state: 'holded', status: 'holded' } }),
} as const;

/** How often each fate happens among past orders: one shuffled round of this deck per block of orders,
 * so even the smallest store has every fate. */
const HISTORY_DECK: readonly (readonly [OrderFate, number])[] = [
  [FATES.complete, 12], [FATES.partiallyRefunded, 2], [FATES.closed, 3], [FATES.refundedBeforeShipping, 1],
  [FATES.processing, 4], [FATES.capturedOnline, 2], [FATES.suspectedFraudCaptured, 1],
  [FATES.pending, 4], [FATES.pendingPayment, 2], [FATES.paymentReview, 1], [FATES.suspectedFraudInReview, 1],
  [FATES.canceled, 3], [FATES.heldNew, 1], [FATES.heldProcessing, 1],
];

const DECK_CARDS: readonly OrderFate[] = HISTORY_DECK.flatMap(([orderFate, count]) => Array<OrderFate>(count).fill(orderFate));

/** Orders placed in the last two hours have not gone far yet. */
const LIVE_FATES: readonly OrderFate[] = [FATES.pending, FATES.capturedOnline, FATES.pendingPayment, FATES.paymentReview];

export class FateDealer {
  private round: readonly OrderFate[] = [];
  private roundNumber = -1;

  constructor(private readonly seed: number) {}

  /** The fate of the `index`-th (0-based) past order. */
  historyFate(index: number): OrderFate {
    const roundNumber = Math.floor(index / DECK_CARDS.length);
    if (roundNumber !== this.roundNumber) {
      this.round = randomFor(this.seed, Stream.fateDeck, roundNumber).shuffle(DECK_CARDS);
      this.roundNumber = roundNumber;
    }
    const card = this.round[index % DECK_CARDS.length];
    if (!card) throw new Error('Fate deck is empty.');
    return card;
  }

  liveFate(index: number): OrderFate {
    return LIVE_FATES[index % LIVE_FATES.length] as OrderFate;
  }
}

const OFFLINE_METHODS = [['checkmo', 5], ['banktransfer', 3], ['cashondelivery', 2]] as const;
const GATEWAY_METHOD = 'paypal_express';

export const METHOD_TITLES: Readonly<Record<string, string>> = {
  checkmo: 'Check / Money order',
  banktransfer: 'Bank Transfer Payment',
  cashondelivery: 'Cash On Delivery',
  paypal_express: 'PayPal Express Checkout',
};

export function paymentMethodFor(orderFate: OrderFate, random: Random): string {
  return orderFate.gateway ? GATEWAY_METHOD : random.weighted(OFFLINE_METHODS);
}
