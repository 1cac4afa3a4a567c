// Many strings kept as UTF-8 bytes in a few large buffers. A Bulk round holds tens of thousands of
// CSV rows and history payloads; as JavaScript strings they cost two bytes a character as soon as
// one character is outside Latin-1 (an en dash in an opportunity's name), plus an object each.
const BLOCK_BYTES = 1 << 20;

export class PackedText {
  private readonly blocks: Buffer[] = [];
  /** Block, start and length of each entry, three numbers per entry. */
  private readonly places: number[] = [];
  private usedInBlock = 0;
  private bytes = 0;

  /** Stores `text` and returns its index. */
  add(text: string): number {
    const length = Buffer.byteLength(text);
    let block = this.blocks.at(-1);
    if (!block || this.usedInBlock + length > block.length) {
      block = Buffer.allocUnsafeSlow(Math.max(BLOCK_BYTES, length));
      this.blocks.push(block);
      this.usedInBlock = 0;
    }
    block.write(text, this.usedInBlock);
    this.places.push(this.blocks.length - 1, this.usedInBlock, length);
    this.usedInBlock += length;
    this.bytes += length;
    return this.places.length / 3 - 1;
  }

  /** The UTF-8 bytes of entry `index` (a view, not a copy). */
  bytesOf(index: number): Buffer {
    const at = index * 3;
    if (!Number.isInteger(index) || index < 0 || at >= this.places.length) throw new RangeError(`No text stored at ${index}`);
    const start = this.places[at + 1]!;
    return this.blocks[this.places[at]!]!.subarray(start, start + this.places[at + 2]!);
  }

  /** Bytes of every entry stored. */
  get byteLength(): number {
    return this.bytes;
  }
}
