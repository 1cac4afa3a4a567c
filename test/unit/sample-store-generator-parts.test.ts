import { expect } from 'chai';
import { IncrementIds } from '../../sample-store/generator/ids.js';
import { FateDealer } from '../../sample-store/generator/order-fates.js';
import { Random, Stream, randomFor } from '../../sample-store/generator/random.js';
import { MIN_ORDERS, holdsOrder, planStore } from '../../sample-store/generator/store-plan.js';
import { fit, joinParts, sqlTimestamp } from '../../sample-store/generator/values.js';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);

function draws(random: Random, count: number): number[] {
  return Array.from({ length: count }, () => random.next());
}

describe('sample-store generator parts', () => {
  describe('seeded random', () => {
    it('repeats the same draws for the same seed, stream and index', () => {
      expect(draws(randomFor(42, Stream.cart, 7), 20)).to.deep.equal(draws(randomFor(42, Stream.cart, 7), 20));
    });

    it('gives different draws for another seed, stream or index', () => {
      const reference = draws(randomFor(42, Stream.cart, 7), 5);
      expect(draws(randomFor(43, Stream.cart, 7), 5)).to.not.deep.equal(reference);
      expect(draws(randomFor(42, Stream.customer, 7), 5)).to.not.deep.equal(reference);
      expect(draws(randomFor(42, Stream.cart, 8), 5)).to.not.deep.equal(reference);
    });

    it('keeps int() inside its bounds and reaches both ends', () => {
      const random = new Random(1);
      const seen = new Set(Array.from({ length: 2000 }, () => random.int(3, 6)));
      expect([...seen].sort()).to.deep.equal([3, 4, 5, 6]);
    });

    it('shuffles into a permutation of the same items', () => {
      const items = Array.from({ length: 50 }, (_, i) => i);
      const shuffled = new Random(9).shuffle(items);
      expect(shuffled).to.not.deep.equal(items);
      expect([...shuffled].sort((a, b) => a - b)).to.deep.equal(items);
    });
  });

  describe('store plan', () => {
    it('scales customers, products and carts with the number of orders', () => {
      const small = planStore(1_000, NOW);
      const large = planStore(1_000_000, NOW);
      expect(large.customers / small.customers).to.equal(1000);
      expect(large.products / small.products).to.equal(1000);
      expect(large.historyCarts + large.liveCarts).to.be.closeTo((small.historyCarts + small.liveCarts) * 1000, 1000);
      expect(large.historyOrders + large.liveOrders).to.equal(1_000_000);
    });

    it(`refuses fewer than ${MIN_ORDERS} orders and fractions`, () => {
      expect(() => planStore(MIN_ORDERS - 1, NOW)).to.throw(/at least 100/);
      expect(() => planStore(150.5, NOW)).to.throw(/whole number/);
    });

    it('spreads exactly the planned orders over the carts', () => {
      const carts = Array.from({ length: 163 }, (_, index) => holdsOrder(index, 100, 163));
      expect(carts.filter(Boolean)).to.have.length(100);
      expect(carts.slice(0, 20).filter(Boolean).length).to.be.within(11, 13);
    });
  });

  describe('increment ids', () => {
    it('counts per store and entity, with the store id as prefix except for the default store', () => {
      const ids = new IncrementIds();
      expect([ids.next('order', 1), ids.next('order', 1), ids.next('order', 2), ids.next('invoice', 1)])
        .to.deep.equal(['000000001', '000000002', '2000000001', '000000001']);
    });
  });

  describe('order fates', () => {
    it('deals every state and status of the install within the first 38 past orders', () => {
      const dealer = new FateDealer(42);
      const pairs = new Set(Array.from({ length: 38 }, (_, i) => dealer.historyFate(i).final).map((s) => `${s.state}/${s.status}`));
      expect([...pairs].sort()).to.deep.equal([
        'canceled/canceled', 'closed/closed', 'complete/complete', 'holded/holded', 'new/pending',
        'payment_review/fraud', 'payment_review/payment_review', 'pending_payment/pending_payment',
        'processing/fraud', 'processing/processing',
      ]);
    });

    it('shuffles each round differently but the same way for the same seed', () => {
      const round = (dealer: FateDealer, from: number) => Array.from({ length: 38 }, (_, i) => dealer.historyFate(from + i).name);
      expect(round(new FateDealer(42), 0)).to.deep.equal(round(new FateDealer(42), 0));
      expect(round(new FateDealer(42), 0)).to.not.deep.equal(round(new FateDealer(42), 38));
    });
  });

  describe('column values', () => {
    it('cuts text by characters, counting an emoji as one', () => {
      expect(fit('ab🦄cd', 3)).to.equal('ab🦄');
      expect(fit('short', 10)).to.equal('short');
      expect(fit(null, 10)).to.equal(null);
    });

    it('joins name parts like CONCAT_WS, skipping NULLs', () => {
      expect(joinParts(' ', ['Cher', null])).to.equal('Cher');
      expect(joinParts(', ', [null, '1 Main St', 'Austin'])).to.equal('1 Main St, Austin');
    });

    it('writes timestamps in UTC, to the second', () => {
      expect(sqlTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).to.equal('2026-01-02 03:04:05');
    });
  });
});
