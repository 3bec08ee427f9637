import { ProtocolError } from '../errors.js';

/**
 * Reads a byte buffer front to back. Every read is bounds-checked and throws ProtocolError past
 * the end, so no input can make a decoder read outside its buffer.
 */
export class BufferReader {
  private readonly buffer: Buffer;
  offset = 0;

  constructor(data: Uint8Array) {
    this.buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }

  get remaining(): number {
    return this.buffer.length - this.offset;
  }

  private need(count: number, what: string): void {
    if (count > this.buffer.length - this.offset) {
      throw new ProtocolError(`${what} at offset ${this.offset} needs ${count} bytes, only ${this.remaining} left`);
    }
  }

  byte(what: string): number {
    this.need(1, what);
    return this.buffer[this.offset++]!;
  }

  /** An unsigned big-endian integer of at most 6 bytes. */
  uintBE(count: number, what: string): number {
    this.need(count, what);
    let value = 0;
    for (let i = 0; i < count; i++) value = value * 256 + this.buffer[this.offset++]!;
    return value;
  }

  /** An unsigned big-endian integer of any width. */
  bigUintBE(count: number, what: string): bigint {
    this.need(count, what);
    let value = 0n;
    for (let i = 0; i < count; i++) value = (value << 8n) | BigInt(this.buffer[this.offset++]!);
    return value;
  }

  /** The low 32 bits of a big-endian integer of any width, as a signed int. */
  int32BE(count: number, what: string): number {
    this.need(count, what);
    let low = 0;
    for (let i = Math.max(0, count - 4); i < count; i++) low = low * 256 + this.buffer[this.offset + i]!;
    this.offset += count;
    return low | 0;
  }

  /** `count` bytes as UTF-8 text, of which the last `drop` are left out (a terminating NUL). */
  utf8(count: number, drop: number, what: string): string {
    this.need(count, what);
    const start = this.offset;
    this.offset += count;
    return this.buffer.toString('utf8', start, Math.max(start, this.offset - drop));
  }

  /** A copy of the next `count` bytes. */
  bytes(count: number, what: string): Uint8Array {
    this.need(count, what);
    const copy = new Uint8Array(this.buffer.subarray(this.offset, this.offset + count));
    this.offset += count;
    return copy;
  }

  skip(count: number, what: string): void {
    this.need(count, what);
    this.offset += count;
  }
}
