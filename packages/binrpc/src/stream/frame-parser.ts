import { decodeHeader, DEFAULT_MAX_PACKET_SIZE } from '../packet/header.js';
import type { Packet } from '../packet/packet.js';

export interface FrameParserOptions {
  /** Largest body accepted; a bigger announced length throws PacketTooLargeError. */
  maxPacketSize?: number;
}

/**
 * Cuts whole packets out of a byte stream: a packet may be split across chunks and a chunk may hold
 * several packets. Datagram transports whose replies span several datagrams use it too.
 */
export class FrameParser {
  private pending: Buffer = Buffer.alloc(0);
  private readonly maxPacketSize: number;

  constructor(options: FrameParserOptions = {}) {
    this.maxPacketSize = options.maxPacketSize ?? DEFAULT_MAX_PACKET_SIZE;
  }

  /** Feeds a chunk and calls `onPacket` for every packet it completes, in order. */
  parse(chunk: Uint8Array, onPacket: (packet: Packet) => void): void {
    this.pending = this.pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.pending, chunk]);
    let offset = 0;
    for (;;) {
      const view = this.pending.subarray(offset);
      const header = decodeHeader(view, this.maxPacketSize);
      if (!header) break;
      const total = header.headerLength + header.bodyLength;
      if (view.length < total) break;
      // `pending` is our own copy and never written to, so the body can be a view of it.
      onPacket({ type: header.type, cookie: header.cookie, body: view.subarray(header.headerLength, total) });
      offset += total;
    }
    this.pending = offset === 0 ? this.pending : this.pending.subarray(offset);
  }

  /** Bytes received that do not yet form a whole packet. */
  get bufferedBytes(): number {
    return this.pending.length;
  }

  /** How many bytes the packet in progress needs in all, when its header is complete. */
  expectedBytes(): number | undefined {
    const header = this.pending.length ? decodeHeader(this.pending, this.maxPacketSize) : null;
    return header ? header.headerLength + header.bodyLength : undefined;
  }
}
