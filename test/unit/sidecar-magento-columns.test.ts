import { expect } from 'chai';
import type mysql from 'mysql2/promise';
import { amount, calendarDay, convertEach, utcIso } from '../../sidecar/magento/columns.js';

const rows = (...values: Record<string, unknown>[]) => values as mysql.RowDataPacket[];

describe('sidecar Magento column values', () => {
  it('turns UTC timestamps into ISO strings and refuses what is not a date', () => {
    expect(utcIso('2026-01-31 12:00:00', 'quote.created_at')).to.equal('2026-01-31T12:00:00Z');
    expect(() => utcIso('0000-00-00 00:00:00', 'quote.created_at')).to.throw('quote.created_at holds "0000-00-00 00:00:00", which is not a date.');
    expect(() => utcIso('2026-02-30 10:00:00', 'quote.updated_at')).to.throw('quote.updated_at holds "2026-02-30 10:00:00", which is not a date.');
    expect(() => utcIso('2026-01-31 24:00:00', 'quote.updated_at')).to.throw(/not a date/);
    expect(() => utcIso(null, 'sales_order.created_at')).to.throw('sales_order.created_at holds no value, which is not a date.');
  });

  it('reads birthdays as calendar days, the zero date as unknown', () => {
    expect(calendarDay('1980-05-04', 'customer_entity.dob')).to.equal('1980-05-04');
    expect(calendarDay('1980-05-04 00:00:00', 'quote.customer_dob')).to.equal('1980-05-04');
    expect(calendarDay('0000-00-00', 'customer_entity.dob')).to.equal(null);
    expect(calendarDay('0000-00-00 00:00:00', 'quote.customer_dob')).to.equal(null);
    expect(calendarDay(null, 'customer_entity.dob')).to.equal(null);
    expect(() => calendarDay('1980-00-10', 'customer_entity.dob')).to.throw('customer_entity.dob holds "1980-00-10", which is not a date.');
  });

  it('reads amounts, NULL as 0, and refuses what is not a number', () => {
    expect(amount('12.3400', 'sales_order.grand_total')).to.equal(12.34);
    expect(amount(null, 'sales_order.total_paid')).to.equal(0);
    expect(() => amount('12,34', 'sales_order.grand_total')).to.throw('sales_order.grand_total holds "12,34", which is not a number.');
    expect(() => amount('', 'quote_item.price')).to.throw('quote_item.price holds "", which is not a number.');
  });

  it('converts each row on its own, keeping the reason for each one that fails', () => {
    const result = convertEach('sales_order', 'entity_id', rows({ entity_id: 1, total: '5' }, { entity_id: 2, total: 'x' }, { entity_id: 3, total: '7' }, { entity_id: 4 }), (row) => {
      if (row.total === undefined) throw new TypeError('total is missing');
      return amount(row.total, 'sales_order.grand_total');
    });
    expect(result.records).to.deep.equal([5, 7]);
    expect([...result.unreadable]).to.deep.equal([
      [2, 'sales_order.grand_total holds "x", which is not a number.'],
      [4, 'The sales_order row could not be read: total is missing'],
    ]);
  });
});
