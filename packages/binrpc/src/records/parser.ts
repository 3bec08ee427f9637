import { BufferReader } from '../buffer/buffer-reader.js';
import { ProtocolError } from '../errors.js';
import { RecordType, type BinrpcValue } from './record-type.js';

export interface DecodeOptions {
  /** Deepest struct/array nesting accepted; deeper input is a ProtocolError (protects the stack). */
  maxDepth?: number;
}

type Container = Extract<BinrpcValue, { type: 'struct' | 'array' }>;

interface Frame {
  value: Container;
  /** Set when the struct's last record was a member name still waiting for its value. */
  pendingName?: string;
}

/**
 * Decodes a sequence of records (a packet body). Iterative, so hostile nesting cannot overflow the
 * stack; every malformed input becomes a ProtocolError. One flat loop without intermediate record
 * objects: short-lived CLIs decode thousands of replies before the JIT warms up, so allocations per
 * record matter here.
 */
export function decodeRecords(body: Uint8Array, options: DecodeOptions = {}): BinrpcValue[] {
  const maxDepth = options.maxDepth ?? 256;
  const reader = new BufferReader(body);
  const top: BinrpcValue[] = [];
  const stack: Frame[] = [];

  while (reader.remaining > 0) {
    const at = reader.offset;
    const header = reader.byte('record header');
    const type = header & 0x0f;
    const nibble = header >> 4;
    const frame = stack[stack.length - 1];
    let value: BinrpcValue;

    if (type === RecordType.Double) {
      // 5.6 doubles use the whole nibble as the byte count; the S bit means nothing here.
      if (nibble > 8) throw new ProtocolError(`double record of ${nibble} bytes at offset ${at} (at most 8)`);
      value = { type: 'double', value: Number(BigInt.asIntN(64, reader.bigUintBE(nibble, 'double value'))) / 1000 };
      place(top, frame, value);
      continue;
    }

    const external = (nibble & 8) !== 0;
    let length = nibble;
    if (external) {
      const lengthBytes = nibble & 7;
      if (lengthBytes > 4) throw new ProtocolError(`record length field of ${lengthBytes} bytes at offset ${at}`);
      length = reader.uintBE(lengthBytes, 'record length');
    }

    switch (type) {
      case RecordType.Int:
        // Only the low 32 bits survive, read as a signed int, whatever the payload length.
        value = { type: 'int', value: reader.int32BE(length, 'int value') };
        break;
      case RecordType.Str:
        // The wire length counts the terminating NUL; the reader drops the last byte, as Kamailio does.
        value = { type: 'str', value: reader.utf8(length, 1, 'string value') };
        break;
      case RecordType.Bytes:
        value = { type: 'bytes', value: reader.bytes(length, 'bytes value') };
        break;
      case RecordType.Avp: {
        const name = reader.utf8(length, 1, 'avp name');
        if (frame?.value.type !== 'struct') {
          value = { type: 'avp', value: name };
          break;
        }
        if (frame.pendingName !== undefined) throw new ProtocolError(`bad record at offset ${at}: member name follows member name`);
        frame.pendingName = name;
        continue;
      }
      case RecordType.Struct:
      case RecordType.Array: {
        const container = type === RecordType.Struct ? 'struct' : 'array';
        if (external) {
          // An end marker (Kamailio writes S=1 with a zero-length field; the length is ignored).
          if (!frame || frame.value.type !== container) throw new ProtocolError(`unexpected end of ${container} at offset ${at}`);
          if (frame.pendingName !== undefined) throw new ProtocolError(`member "${frame.pendingName}" has no value (offset ${at})`);
          stack.pop();
          continue;
        }
        reader.skip(length, 'container padding');
        if (frame?.pendingName !== undefined && container === 'array') {
          throw new ProtocolError(`bad record at offset ${at}: a struct member cannot be an array`);
        }
        if (stack.length >= maxDepth) throw new ProtocolError(`nesting deeper than ${maxDepth} at offset ${at}`);
        const opened: Container = container === 'struct' ? { type: 'struct', members: [] } : { type: 'array', items: [] };
        place(top, frame, opened);
        stack.push({ value: opened });
        continue;
      }
      default:
        throw new ProtocolError(`unknown record type ${type} at offset ${at}`);
    }
    place(top, frame, value);
  }
  if (stack.length > 0) throw new ProtocolError(`body ends inside an unterminated ${stack[stack.length - 1]!.value.type}`);
  return top;
}

/** Appends a decoded value where it belongs: top level, struct member (named or not) or array item. */
function place(top: BinrpcValue[], frame: Frame | undefined, value: BinrpcValue): void {
  if (!frame) {
    top.push(value);
  } else if (frame.value.type === 'struct') {
    if (frame.pendingName === undefined) frame.value.members.push({ value });
    else {
      frame.value.members.push({ name: frame.pendingName, value });
      frame.pendingName = undefined;
    }
  } else {
    frame.value.items.push(value);
  }
}
