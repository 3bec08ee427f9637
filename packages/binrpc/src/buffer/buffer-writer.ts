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
  uintBE(value: bigint, count: number): this {
    this.ensure(count);
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

  get length(): number {
    return this.offset;
  }

  /** A copy of what has been written. */
  toBuffer(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.offset));
  }
}

/** How many bytes the minimal big-endian form of an unsigned value takes (0 takes none). */
export function minimalByteCount(value: bigint): number {
  let count = 0;
  while (value > 0n) {
    count++;
    value >>= 8n;
  }
  return count;
}
