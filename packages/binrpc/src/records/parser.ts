import { BufferReader } from '../buffer/buffer-reader.js';
import { ProtocolError } from '../errors.js';
import { RecordType, type BinrpcValue, type StructMember } from './record-type.js';

const utf8 = new TextDecoder('utf-8');

export interface DecodeOptions {
  /** Deepest struct/array nesting accepted; deeper input is a ProtocolError (protects the stack). */
  maxDepth?: number;
}

type RawRecord =
  | { kind: 'value'; value: BinrpcValue }
  | { kind: 'open'; container: 'struct' | 'array' }
  | { kind: 'close'; container: 'struct' | 'array' }
  | { kind: 'name'; name: string };

function textOf(payload: Uint8Array): string {
  // The wire length counts the terminating NUL; the reader drops the last byte, as Kamailio does.
  return utf8.decode(payload.subarray(0, Math.max(0, payload.length - 1)));
}

function signedFromUnsigned64(unsigned: bigint): number {
  return Number(BigInt.asIntN(64, unsigned)) / 1000;
}

/** Reads one record header and payload. Containers come back as open/close markers. */
function readRawRecord(reader: BufferReader): RawRecord {
  const at = reader.offset;
  const header = reader.byte();
  const type = header & 0x0f;
  const nibble = header >> 4;

  if (type === RecordType.Double) {
    // 5.6 doubles use the whole nibble as the byte count; the S bit means nothing here.
    if (nibble > 8) throw new ProtocolError(`double record of ${nibble} bytes at offset ${at} (at most 8)`);
    const raw = reader.uintBE(nibble, 'double value');
    return { kind: 'value', value: { type: 'double', value: signedFromUnsigned64(raw) } };
  }

  const external = (nibble & 8) !== 0;
  let length = nibble;
  if (external) {
    const lengthBytes = nibble & 7;
    if (lengthBytes > 4) throw new ProtocolError(`record length field of ${lengthBytes} bytes at offset ${at}`);
    length = reader.smallUintBE(lengthBytes, 'record length');
  }

  switch (type) {
    case RecordType.Int: {
      // Only the low 32 bits survive, read as a signed int, whatever the payload length.
      if (length <= 4) return { kind: 'value', value: { type: 'int', value: reader.smallUintBE(length, 'int value') | 0 } };
      const raw = reader.uintBE(length, 'int value');
      return { kind: 'value', value: { type: 'int', value: Number(BigInt.asIntN(32, raw)) } };
    }
    case RecordType.Str:
      return { kind: 'value', value: { type: 'str', value: textOf(reader.slice(length, 'string value')) } };
    case RecordType.Avp:
      return { kind: 'name', name: textOf(reader.slice(length, 'avp name')) };
    case RecordType.Bytes:
      return { kind: 'value', value: { type: 'bytes', value: Uint8Array.from(reader.slice(length, 'bytes value')) } };
    case RecordType.Struct:
    case RecordType.Array: {
      const container = type === RecordType.Struct ? 'struct' : 'array';
      // Kamailio writes end markers as S=1 with a zero-length field; the length itself is ignored.
      if (!external) reader.slice(length, 'container padding');
      return external ? { kind: 'close', container } : { kind: 'open', container };
    }
    default:
      throw new ProtocolError(`unknown record type ${type} at offset ${at}`);
  }
}

interface Frame {
  value: Extract<BinrpcValue, { type: 'struct' | 'array' }>;
  /** Set when the struct's last record was a member name still waiting for its value. */
  pendingName?: string;
}

/**
 * Decodes a sequence of records (a packet body). Iterative, so hostile nesting cannot overflow the
 * stack; every malformed input becomes a ProtocolError.
 */
export function decodeRecords(body: Uint8Array, options: DecodeOptions = {}): BinrpcValue[] {
  const maxDepth = options.maxDepth ?? 256;
  const reader = new BufferReader(body);
  const top: BinrpcValue[] = [];
  const stack: Frame[] = [];

  const place = (value: BinrpcValue): void => {
    const frame = stack[stack.length - 1];
    if (!frame) {
      top.push(value);
    } else if (frame.value.type === 'struct') {
      const member: StructMember = frame.pendingName === undefined ? { value } : { name: frame.pendingName, value };
      frame.pendingName = undefined;
      frame.value.members.push(member);
    } else {
      frame.value.items.push(value);
    }
  };

  while (reader.remaining > 0) {
    const at = reader.offset;
    const record = readRawRecord(reader);
    const frame = stack[stack.length - 1];
    const afterName = frame?.pendingName !== undefined;

    switch (record.kind) {
      case 'value':
        place(record.value);
        break;
      case 'name':
        if (frame?.value.type === 'struct') {
          if (afterName) throw new ProtocolError(`bad record at offset ${at}: member name follows member name`);
          frame.pendingName = record.name;
        } else {
          place({ type: 'avp', value: record.name });
        }
        break;
      case 'open': {
        if (afterName && record.container === 'array') {
          throw new ProtocolError(`bad record at offset ${at}: a struct member cannot be an array`);
        }
        if (stack.length >= maxDepth) throw new ProtocolError(`nesting deeper than ${maxDepth} at offset ${at}`);
        const value: Frame['value'] =
          record.container === 'struct' ? { type: 'struct', members: [] } : { type: 'array', items: [] };
        place(value);
        stack.push({ value });
        break;
      }
      case 'close':
        if (!frame || frame.value.type !== record.container) {
          throw new ProtocolError(`unexpected end of ${record.container} at offset ${at}`);
        }
        if (afterName) throw new ProtocolError(`member "${frame.pendingName}" has no value (offset ${at})`);
        stack.pop();
        break;
    }
  }
  if (stack.length > 0) throw new ProtocolError(`body ends inside an unterminated ${stack[stack.length - 1]!.value.type}`);
  return top;
}
