import { expect } from 'chai';
import { isRelativeDateName, relativeDateRange, takesAmount } from '../../emulator/soql/date-literals.js';

const NOW = new Date('2026-03-18T15:30:00Z'); // Wednesday

function days(name: string, amount?: number): [string, string] {
  const range = relativeDateRange(name, amount, NOW);
  return [new Date(range.start).toISOString().slice(0, 10), new Date(range.end).toISOString().slice(0, 10)];
}

describe('emulator SOQL relative date literals', () => {
  it('knows its names in any casing and which take an amount', () => {
    expect([isRelativeDateName('today'), isRelativeDateName('LAST_N_DAYS'), isRelativeDateName('FORTNIGHT')]).to.deep.equal([true, true, false]);
    expect([takesAmount('last_n_days'), takesAmount('TODAY')]).to.deep.equal([true, false]);
  });

  it('gives half-open UTC day ranges', () => {
    expect(days('TODAY')).to.deep.equal(['2026-03-18', '2026-03-19']);
    expect(days('YESTERDAY')).to.deep.equal(['2026-03-17', '2026-03-18']);
    expect(days('TOMORROW')).to.deep.equal(['2026-03-19', '2026-03-20']);
  });

  it('starts weeks on Sunday and months and years on their first day', () => {
    expect(days('THIS_WEEK')).to.deep.equal(['2026-03-15', '2026-03-22']);
    expect(days('LAST_WEEK')).to.deep.equal(['2026-03-08', '2026-03-15']);
    expect(days('NEXT_WEEK')).to.deep.equal(['2026-03-22', '2026-03-29']);
    expect(days('LAST_MONTH')).to.deep.equal(['2026-02-01', '2026-03-01']);
    expect(days('THIS_MONTH')).to.deep.equal(['2026-03-01', '2026-04-01']);
    expect(days('NEXT_YEAR')).to.deep.equal(['2027-01-01', '2028-01-01']);
  });

  it('counts today into LAST_N_DAYS and starts NEXT_N_DAYS tomorrow', () => {
    expect(days('LAST_N_DAYS', 7)).to.deep.equal(['2026-03-11', '2026-03-19']);
    expect(days('NEXT_N_DAYS', 2)).to.deep.equal(['2026-03-19', '2026-03-21']);
    expect(days('N_DAYS_AGO', 3)).to.deep.equal(['2026-03-15', '2026-03-16']);
    expect(days('LAST_N_MONTHS', 2)).to.deep.equal(['2026-01-01', '2026-03-01']);
    expect(days('NEXT_N_WEEKS', 1)).to.deep.equal(['2026-03-22', '2026-03-29']);
    expect(days('LAST_90_DAYS')).to.deep.equal(['2025-12-18', '2026-03-19']);
  });
});
