import { BufferWriter, minimalByteCount } from '../buffer/buffer-writer.js';
import { PacketTooLargeError, ProtocolError } from '../errors.js';

/** Magic 0xA in the high nibble, protocol version 1 in the low nibble. */
export const BINRPC_MAGIC_VERSION = 0xa1;

export const PacketType = {
  Request: 0,
  Reply: 1,
  Fault: 3,
} as const;
export type PacketTypeCode = (typeof PacketType)[keyof typeof PacketType];

export interface PacketHeader {
  type: PacketTypeCode;
  /** Body length in bytes (the header is not included). */
  bodyLength: number;
  /** Opaque 32-bit correlation value chosen by the client and echoed by the server. */
  cookie: number;
  /** Size of the header itself, 4 to 10 bytes. */
  headerLength: number;
}

/** The smallest header (magic, flags, 1-byte length, 1-byte cookie). */
export const MIN_HEADER_LENGTH = 4;

/** Default largest body accepted by the decoders: generous, but bounded. */
export const DEFAULT_MAX_PACKET_SIZE = 64 * 1024 * 1024;

/** Encodes a header with minimal length and cookie fields, as kamcmd and Kamailio write them. */
export function encodeHeader(type: PacketTypeCode, bodyLength: number, cookie: number): Buffer {
  const writer = new BufferWriter(MAX_HEADER_LENGTH);
  writeHeader(writer, type, bodyLength, cookie);
  return writer.toBuffer();
}

/** The largest header (4-byte length and cookie). */
export const MAX_HEADER_LENGTH = 10;

/** Size of the header encodeHeader writes for these fields. */
export function headerLength(bodyLength: number, cookie: number): number {
  checkBodyLength(bodyLength);
  return 2 + Math.max(1, minimalByteCount(bodyLength)) + Math.max(1, minimalByteCount(cookie >>> 0));
}

/** Appends the header encodeHeader returns to `writer`. */
export function writeHeader(writer: BufferWriter, type: PacketTypeCode, bodyLength: number, cookie: number): void {
  checkBodyLength(bodyLength);
  const cookieValue = cookie >>> 0;
  const lengthBytes = Math.max(1, minimalByteCount(bodyLength));
  const cookieBytes = Math.max(1, minimalByteCount(cookieValue));
  writer
    .byte(BINRPC_MAGIC_VERSION)
    .byte((type << 4) | ((lengthBytes - 1) << 2) | (cookieBytes - 1))
    .uintBE(bodyLength, lengthBytes)
    .uintBE(cookieValue, cookieBytes);
}

function checkBodyLength(bodyLength: number): void {
  if (!Number.isInteger(bodyLength) || bodyLength < 0 || bodyLength > 0xffffffff) {
    throw new RangeError(`body length ${bodyLength} does not fit a BINRPC header`);
  }
}

/**
 * Decodes a header from the start of `data`. Returns null while fewer bytes than the header needs
 * are available; throws ProtocolError on bad magic or packet type and PacketTooLargeError past the limit.
 */
export function decodeHeader(data: Uint8Array, maxBodySize = DEFAULT_MAX_PACKET_SIZE): PacketHeader | null {
  if (data.length >= 1 && data[0] !== BINRPC_MAGIC_VERSION) {
    throw new ProtocolError(`bad magic/version byte 0x${data[0]!.toString(16).padStart(2, '0')} (expected 0xa1)`);
  }
  if (data.length < 2) return null;
  const flags = data[1]!;
  const type = flags >> 4;
  if (type !== PacketType.Request && type !== PacketType.Reply && type !== PacketType.Fault) {
    throw new ProtocolError(`unknown packet type ${type}`);
  }
  const lengthBytes = ((flags >> 2) & 3) + 1;
  const cookieBytes = (flags & 3) + 1;
  const headerLength = 2 + lengthBytes + cookieBytes;
  if (data.length < headerLength) return null;
  let bodyLength = 0;
  for (let i = 0; i < lengthBytes; i++) bodyLength = bodyLength * 256 + data[2 + i]!;
  let cookie = 0;
  for (let i = 0; i < cookieBytes; i++) cookie = cookie * 256 + data[2 + lengthBytes + i]!;
  if (bodyLength > maxBodySize) throw new PacketTooLargeError(bodyLength, maxBodySize);
  return { type: type as PacketTypeCode, bodyLength, cookie, headerLength };
}
