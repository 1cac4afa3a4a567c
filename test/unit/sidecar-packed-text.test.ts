import { expect } from 'chai';
import { PackedText } from '../../sidecar/packed-text.js';

describe('sidecar packed text', () => {
  it('gives back every entry as it was stored, whatever its script', () => {
    const packed = new PackedText();
    const texts = ['plain', 'Order 1 – Zoë 🎉', 'שלום مرحبا', ''];
    const indexes = texts.map((text) => packed.add(text));
    expect(indexes).to.deep.equal([0, 1, 2, 3]);
    expect(indexes.map((index) => packed.bytesOf(index).toString('utf8'))).to.deep.equal(texts);
    expect(packed.byteLength).to.equal(texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0));
  });

  it('keeps entries whole across blocks and stores one larger than a block on its own', () => {
    const packed = new PackedText();
    const row = 'x'.repeat(1000) + '…';
    const rows = Array.from({ length: 3000 }, (_, i) => packed.add(`${i}:${row}`));
    const huge = packed.add('é'.repeat(1_500_000));
    expect(packed.bytesOf(rows[2999]!).toString('utf8')).to.equal(`2999:${row}`);
    expect(rows.every((index, i) => packed.bytesOf(index).toString('utf8') === `${i}:${row}`)).to.equal(true);
    expect(packed.bytesOf(huge).length).to.equal(3_000_000);
  });

  it('refuses an index it never gave', () => {
    const packed = new PackedText();
    packed.add('only');
    expect(() => packed.bytesOf(1)).to.throw(RangeError);
    expect(() => packed.bytesOf(-1)).to.throw(RangeError);
  });
});
