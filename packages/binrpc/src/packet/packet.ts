import { ProtocolError } from '../errors.js';
import { decodeRecords, type DecodeOptions } from '../records/parser.js';
import type { BinrpcValue } from '../records/record-type.js';
import { encodeRecords } from '../records/serializer.js';
import { decodeHeader, DEFAULT_MAX_PACKET_SIZE, encodeHeader, PacketType, type PacketTypeCode } from './header.js';

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
  return Buffer.concat([encodeHeader(type, body.length, cookie), body]);
}

/** A request: the method name as a STR record, then the parameters in order. */
export function encodeRequest(method: string, params: readonly BinrpcValue[], cookie: number): Buffer {
  return encodePacket(PacketType.Request, cookie, encodeRecords([{ type: 'str', value: method }, ...params]));
}

export function encodeReply(values: readonly BinrpcValue[], cookie: number): Buffer {
  return encodePacket(PacketType.Reply, cookie, encodeRecords(values));
}

/** A fault body is an INT code followed by a STR message. */
export function encodeFault(code: number, message: string, cookie: number): Buffer {
  return encodePacket(
    PacketType.Fault,
    cookie,
    encodeRecords([
      { type: 'int', value: code },
      { type: 'str', value: message },
    ]),
  );
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
