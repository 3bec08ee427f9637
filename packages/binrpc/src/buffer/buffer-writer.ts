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
      if (value >>> 0 === value) {
        // An unsigned 32-bit integer: shifts give the same bytes as the division below.
        for (let i = count - 1; i >= 0; i--) this.buffer[this.offset++] = i < 4 ? (value >>> (i * 8)) & 0xff : 0;
        return this;
      }
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

  /** Writes text as UTF-8 (no terminator); `byteLength` when the caller already measured it. */
  utf8(text: string, byteLength = Buffer.byteLength(text, 'utf8')): this {
    this.ensure(byteLength);
    if (byteLength === text.length && byteLength <= 64) {
      // As many bytes as UTF-16 units means plain ASCII: short text is cheaper copied here than
      // through a native call.
      const buffer = this.buffer;
      let at = this.offset;
      for (let i = 0; i < byteLength; i++) buffer[at++] = text.charCodeAt(i);
      this.offset = at;
      return this;
    }
    this.offset += this.buffer.write(text, this.offset, byteLength, 'utf8');
    return this;
  }

  get length(): number {
    return this.offset;
  }

  /**
   * Moves the write position to `offset`, growing the buffer when it lies beyond: lets a packet
   * body be written after room left for its header, and the header then written into that room.
   * Bytes past the position stay as they are.
   */
  seek(offset: number): this {
    if (offset > this.offset) this.ensure(offset - this.offset);
    this.offset = offset;
    return this;
  }

  /** A copy of what has been written. */
  toBuffer(): Buffer {
    return this.copy(0, this.offset);
  }

  /** A copy of bytes `start` to `end` of the buffer. */
  copy(start: number, end: number): Buffer {
    const out = Buffer.allocUnsafe(end - start);
    this.buffer.copy(out, 0, start, end);
    return out;
  }

  /** Size of the underlying buffer. */
  get capacity(): number {
    return this.buffer.length;
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
