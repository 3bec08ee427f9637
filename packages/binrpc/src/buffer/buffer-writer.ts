/** A growable byte buffer with the few big-endian writes BINRPC needs. */
export class BufferWriter {
  private buffer: Buffer;
  private offset = 0;

  constructor(initialSize = 256) {
    this.buffer = Buffer.allocUnsafe(initialSize);
  }

  private ensure(extra: number): void {
    const needed = this.offset + extra;
    if (needed <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < needed) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buffer.copy(next, 0, 0, this.offset);
    this.buffer = next;
  }

  byte(value: number): this {
    this.ensure(1);
    this.buffer[this.offset++] = value & 0xff;
    return this;
  }

  /** Writes the low `count` bytes of an unsigned value, most significant first. */
  uintBE(value: number | bigint, count: number): this {
    this.ensure(count);
    if (typeof value === 'number') {
      // Numbers cover lengths, cookies and 32-bit ints without BigInt's cost on the hot path.
      for (let i = count - 1; i >= 0; i--) {
        this.buffer[this.offset++] = Math.floor(value / 2 ** (i * 8)) & 0xff;
      }
      return this;
    }
    for (let i = count - 1; i >= 0; i--) {
      this.buffer[this.offset++] = Number((value >> BigInt(i * 8)) & 0xffn);
    }
    return this;
  }

  bytes(data: Uint8Array): this {
    this.ensure(data.length);
    this.buffer.set(data, this.offset);
    this.offset += data.length;
    return this;
  }

  /** Writes text as UTF-8 (no terminator). */
  utf8(text: string): this {
    const length = Buffer.byteLength(text, 'utf8');
    this.ensure(length);
    this.offset += this.buffer.write(text, this.offset, length, 'utf8');
    return this;
  }

  get length(): number {
    return this.offset;
  }

  /** A copy of what has been written. */
  toBuffer(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.offset));
  }
}

/** How many bytes the minimal big-endian form of an unsigned value takes (0 takes none). */
export function minimalByteCount(value: number | bigint): number {
  let count = 0;
  if (typeof value === 'number') {
    for (; value >= 1; value = Math.floor(value / 256)) count++;
    return count;
  }
  for (; value > 0n; value >>= 8n) count++;
  return count;
}
