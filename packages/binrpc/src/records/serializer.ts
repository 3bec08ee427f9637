import { BufferWriter, minimalByteCount } from '../buffer/buffer-writer.js';
import { RecordType, type BinrpcValue, type RecordTypeCode } from './record-type.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Writes a record header for a payload of `length` bytes: the length fits the size nibble when
 * below 8, otherwise the S bit is set and the length follows in its minimal big-endian form.
 */
function writeLengthHeader(writer: BufferWriter, type: RecordTypeCode, length: number): void {
  if (length < 8) {
    writer.byte((length << 4) | type);
    return;
  }
  const lengthBytes = minimalByteCount(length);
  writer.byte(0x80 | (lengthBytes << 4) | type);
  writer.uintBE(length, lengthBytes);
}

function writeText(writer: BufferWriter, type: RecordTypeCode, text: string): void {
  // Strings and AVP names carry a terminating NUL that counts in the length.
  const byteLength = Buffer.byteLength(text, 'utf8');
  writeLengthHeader(writer, type, byteLength + 1);
  writer.utf8(text, byteLength).byte(0);
}

/** Bytes of a record header plus its payload of `length` bytes (writeLengthHeader's rule). */
function lengthRecordSize(length: number): number {
  return (length < 8 ? 1 : 1 + minimalByteCount(length)) + length;
}

/** 32-bit two's complement, minimal bytes: 0 has no payload, negative numbers take 4 bytes. */
function writeInt(writer: BufferWriter, value: number): void {
  const unsigned = Math.trunc(value) >>> 0;
  const count = minimalByteCount(unsigned);
  writer.byte((count << 4) | RecordType.Int).uintBE(unsigned, count);
}

/** Converts a double to Kamailio 5.6's fixed-point form: trunc(value × 1000) as a signed 64-bit integer. */
export function doubleToFixedPoint(value: number): bigint {
  // C's conversion of an out-of-range or NaN double yields INT64_MIN on x86-64; mirror it.
  if (!Number.isFinite(value)) return INT64_MIN;
  const scaled = BigInt(Math.trunc(value * 1000));
  return scaled < INT64_MIN || scaled > INT64_MAX ? INT64_MIN : scaled;
}

/** 5.6 doubles: the whole high nibble is the byte count (up to 8), never an external length. */
function writeDouble(writer: BufferWriter, value: number): void {
  const unsigned = BigInt.asUintN(64, doubleToFixedPoint(value));
  const count = minimalByteCount(unsigned);
  writer.byte((count << 4) | RecordType.Double).uintBE(unsigned, count);
}

/** Appends one record (and, for containers, everything inside it) to `writer`. */
export function writeRecord(writer: BufferWriter, value: BinrpcValue): void {
  switch (value.type) {
    case 'int':
      return writeInt(writer, value.value);
    case 'str':
      return writeText(writer, RecordType.Str, value.value);
    case 'avp':
      return writeText(writer, RecordType.Avp, value.value);
    case 'double':
      return writeDouble(writer, value.value);
    case 'bytes':
      writeLengthHeader(writer, RecordType.Bytes, value.value.length);
      writer.bytes(value.value);
      return;
    case 'struct':
      writer.byte(RecordType.Struct);
      for (const member of value.members) {
        if (member.name !== undefined) writeText(writer, RecordType.Avp, member.name);
        writeRecord(writer, member.value);
      }
      writer.byte(0x80 | RecordType.Struct);
      return;
    case 'array':
      writer.byte(RecordType.Array);
      for (const item of value.items) writeRecord(writer, item);
      writer.byte(0x80 | RecordType.Array);
      return;
  }
}

/** How many bytes writeRecord writes for `value`, without writing them. */
export function recordSize(value: BinrpcValue): number {
  switch (value.type) {
    case 'int':
      return 1 + minimalByteCount(Math.trunc(value.value) >>> 0);
    case 'str':
    case 'avp':
      return lengthRecordSize(Buffer.byteLength(value.value, 'utf8') + 1);
    case 'double':
      return 1 + minimalByteCount(BigInt.asUintN(64, doubleToFixedPoint(value.value)));
    case 'bytes':
      return lengthRecordSize(value.value.length);
    case 'struct': {
      let size = 2;
      for (const member of value.members) {
        if (member.name !== undefined) size += lengthRecordSize(Buffer.byteLength(member.name, 'utf8') + 1);
        size += recordSize(member.value);
      }
      return size;
    }
    case 'array': {
      let size = 2;
      for (const item of value.items) size += recordSize(item);
      return size;
    }
  }
}

/** Encodes a sequence of records, e.g. a packet body. */
export function encodeRecords(values: readonly BinrpcValue[]): Buffer {
  const writer = new BufferWriter();
  for (const value of values) writeRecord(writer, value);
  return writer.toBuffer();
}

/** Encodes a single record. */
export function encodeRecord(value: BinrpcValue): Buffer {
  return encodeRecords([value]);
}
