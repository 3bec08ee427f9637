import { ProtocolError } from '../errors.js';
import { decodeRecords, type DecodeOptions } from '../records/parser.js';
import type { BinrpcValue } from '../records/record-type.js';
import { writeRecord } from '../records/serializer.js';
import { BufferWriter } from '../buffer/buffer-writer.js';
import { decodeHeader, DEFAULT_MAX_PACKET_SIZE, headerLength, MAX_HEADER_LENGTH, PacketType, writeHeader, type PacketTypeCode } from './header.js';

/** A whole packet: header fields and the undecoded body. */
export interface Packet {
  type: PacketTypeCode;
  cookie: number;
  body: Uint8Array;
}

export interface RpcRequest {
  method: string;
  params: BinrpcValue[];
}

export type RpcReplyPacket =
  | { kind: 'reply'; cookie: number; values: BinrpcValue[] }
  | { kind: 'fault'; cookie: number; code: number; message: string };

export function encodePacket(type: PacketTypeCode, cookie: number, body: Uint8Array): Buffer {
  const writer = takeWriter();
  writeHeader(writer, type, body.length, cookie);
  writer.bytes(body);
  const packet = writer.toBuffer();
  releaseWriter(writer);
  return packet;
}

/** One writer reused by the encoders below (taken while in use, so a throw just loses it). */
let spareWriter: BufferWriter | undefined;
/** A writer grown past this is not kept: a rare huge packet does not pin its buffer. */
const SPARE_WRITER_MAX = 64 * 1024;

function takeWriter(): BufferWriter {
  const writer = spareWriter ?? new BufferWriter(1024);
  spareWriter = undefined;
  return writer.seek(0);
}

function releaseWriter(writer: BufferWriter): void {
  if (writer.capacity <= SPARE_WRITER_MAX) spareWriter = writer;
}

/**
 * A packet whose body is `first` (when given) and then `values`, written in one buffer: the body
 * goes after room for the largest header, and the header is then written right before it.
 */
function encodeRecordsPacket(type: PacketTypeCode, cookie: number, first: BinrpcValue | undefined, values: readonly BinrpcValue[]): Buffer {
  const writer = takeWriter().seek(MAX_HEADER_LENGTH);
  if (first) writeRecord(writer, first);
  for (const value of values) writeRecord(writer, value);
  const end = writer.length;
  const bodyLength = end - MAX_HEADER_LENGTH;
  const start = MAX_HEADER_LENGTH - headerLength(bodyLength, cookie);
  writeHeader(writer.seek(start), type, bodyLength, cookie);
  const packet = writer.copy(start, end);
  releaseWriter(writer);
  return packet;
}

/** A request: the method name as a STR record, then the parameters in order. */
export function encodeRequest(method: string, params: readonly BinrpcValue[], cookie: number): Buffer {
  return encodeRecordsPacket(PacketType.Request, cookie, { type: 'str', value: method }, params);
}

export function encodeReply(values: readonly BinrpcValue[], cookie: number): Buffer {
  return encodeRecordsPacket(PacketType.Reply, cookie, undefined, values);
}

/** A fault body is an INT code followed by a STR message. */
export function encodeFault(code: number, message: string, cookie: number): Buffer {
  return encodeRecordsPacket(PacketType.Fault, cookie, { type: 'int', value: code }, [{ type: 'str', value: message }]);
}

/** Decodes exactly one packet, e.g. one datagram. Trailing bytes are an error. */
export function decodePacket(data: Uint8Array, maxBodySize = DEFAULT_MAX_PACKET_SIZE): Packet {
  const header = decodeHeader(data, maxBodySize);
  if (!header) throw new ProtocolError(`truncated header: ${data.length} bytes`);
  const total = header.headerLength + header.bodyLength;
  if (data.length < total) throw new ProtocolError(`truncated packet: ${data.length} of ${total} bytes`);
  if (data.length > total) throw new ProtocolError(`${data.length - total} bytes after the end of the packet`);
  return { type: header.type, cookie: header.cookie, body: data.subarray(header.headerLength, total) };
}

export function decodeRequest(packet: Packet, options?: DecodeOptions): RpcRequest {
  if (packet.type !== PacketType.Request) throw new ProtocolError(`expected a request, got packet type ${packet.type}`);
  const [method, ...params] = decodeRecords(packet.body, options);
  if (!method || method.type !== 'str') throw new ProtocolError('request does not start with a method name string');
  return { method: method.value, params };
}

export function decodeReply(packet: Packet, options?: DecodeOptions): RpcReplyPacket {
  const values = decodeRecords(packet.body, options);
  if (packet.type === PacketType.Reply) return { kind: 'reply', cookie: packet.cookie, values };
  if (packet.type === PacketType.Fault) {
    const [code, message] = values;
    if (code?.type !== 'int') throw new ProtocolError('fault without an integer code');
    return {
      kind: 'fault',
      cookie: packet.cookie,
      code: code.value,
      message: message?.type === 'str' ? message.value : '',
    };
  }
  throw new ProtocolError(`expected a reply, got packet type ${packet.type}`);
}
