export { BufferReader } from './buffer/buffer-reader.js';
export { BufferWriter, minimalByteCount } from './buffer/buffer-writer.js';
export { PacketTooLargeError, ProtocolError } from './errors.js';
export {
  BINRPC_MAGIC_VERSION,
  DEFAULT_MAX_PACKET_SIZE,
  MIN_HEADER_LENGTH,
  PacketType,
  decodeHeader,
  encodeHeader,
  type PacketHeader,
  type PacketTypeCode,
} from './packet/header.js';
export {
  decodePacket,
  decodeReply,
  decodeRequest,
  encodeFault,
  encodePacket,
  encodeReply,
  encodeRequest,
  type Packet,
  type RpcReplyPacket,
  type RpcRequest,
} from './packet/packet.js';
export { decodeRecords, type DecodeOptions } from './records/parser.js';
export {
  RecordType,
  array,
  avp,
  bytes,
  double,
  int,
  str,
  struct,
  type BinrpcValue,
  type RecordTypeCode,
  type StructMember,
} from './records/record-type.js';
export { doubleToFixedPoint, encodeRecord, encodeRecords, recordSize, writeRecord } from './records/serializer.js';
export { FrameParser, type FrameParserOptions } from './stream/frame-parser.js';
