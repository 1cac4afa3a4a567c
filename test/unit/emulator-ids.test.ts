import { expect } from 'chai';
import { IdGenerator, isWellFormedId, normalizeId, toEighteen } from '../../emulator/ids.js';

describe('emulator ids', () => {
  it('adds the published case-safe suffixes', () => {
    expect(toEighteen('001M000000qfPyS')).to.equal('001M000000qfPySIAU');
    expect(toEighteen('a0RE000000IJmcN')).to.equal('a0RE000000IJmcNMAT');
  });

  it('issues distinct 18-character ids with the key prefix and a valid checksum', () => {
    const ids = new IdGenerator();
    const issued = Array.from({ length: 5000 }, () => ids.next('006'));
    expect(new Set(issued).size).to.equal(5000);
    for (const id of issued) {
      expect(id).to.have.length(18);
      expect(id.startsWith('006')).to.equal(true);
      expect(isWellFormedId(id)).to.equal(true);
    }
  });

  it('continues after a restored counter without repeating', () => {
    const first = new IdGenerator();
    const a = first.next('001');
    const resumed = new IdGenerator(first.issued);
    expect(resumed.next('001')).to.not.equal(a);
  });

  it('rejects malformed ids and normalises 15 to 18 characters', () => {
    expect(isWellFormedId('001M000000qfPySAAA')).to.equal(false);
    expect(isWellFormedId('001-bad')).to.equal(false);
    expect(normalizeId('001M000000qfPyS')).to.equal('001M000000qfPySIAU');
  });
});
