import { ProtocolError } from '../errors.js';

/** Reads a byte buffer front to back; every read is bounds-checked and throws ProtocolError past the end. */
export class BufferReader {
  offset: number;

  constructor(
    private readonly buffer: Uint8Array,
    start = 0,
    private readonly end = buffer.length,
  ) {
    this.offset = start;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  private need(count: number, what: string): void {
    if (count > this.remaining) {
      throw new ProtocolError(`${what} needs ${count} bytes at offset ${this.offset}, only ${this.remaining} left`);
    }
  }

  byte(what = 'record header'): number {
    this.need(1, what);
    return this.buffer[this.offset++]!;
  }

  /** An unsigned big-endian integer of `count` bytes (any count, as a bigint). */
  uintBE(count: number, what: string): bigint {
    this.need(count, what);
    let value = 0n;
    for (let i = 0; i < count; i++) value = (value << 8n) | BigInt(this.buffer[this.offset++]!);
    return value;
  }

  /** An unsigned big-endian integer of at most 6 bytes, as a number. */
  smallUintBE(count: number, what: string): number {
    this.need(count, what);
    let value = 0;
    for (let i = 0; i < count; i++) value = value * 256 + this.buffer[this.offset++]!;
    return value;
  }

  slice(count: number, what: string): Uint8Array {
    this.need(count, what);
    const view = this.buffer.subarray(this.offset, this.offset + count);
    this.offset += count;
    return view;
  }
}
