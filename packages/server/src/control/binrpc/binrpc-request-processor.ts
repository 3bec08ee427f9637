import { decodeRecords, encodeFault, encodeReply, PacketType, type BinrpcValue, type Packet } from '@kamkit/binrpc';
import type { RpcOrigin, RpcOutcome } from '../../rpc/rpc-context.js';
import type { RpcRegistry } from '../../rpc/rpc-registry.js';
import { runRpcNow } from '../run-rpc.js';
import { BINRPC_ERR, BinrpcParams } from './binrpc-params.js';
import { BinrpcDriver } from './binrpc-driver.js';
import { DEFAULT_BINRPC_LIMITS, type BinrpcLimits } from './binrpc-reply.js';

export interface BinrpcProcessorOptions {
  /** modparam("ctl", "autoconversion", 1). */
  autoconversion?: boolean;
  limits?: BinrpcLimits;
}

/** The reply to one request packet; a stream is closed after a malformed one (§2.9). */
export interface BinrpcAnswer {
  reply: Buffer;
  close: boolean;
}

/** ctl truncates fault messages to its 256-byte buffer. */
const FAULT_TEXT_MAX = 255;

export function binrpcFault(code: number, message: string, cookie: number): Buffer {
  return encodeFault(code, truncateUtf8(message, FAULT_TEXT_MAX), cookie);
}

function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= maxBytes ? text : bytes.subarray(0, maxBytes).toString('utf8');
}

/** Size of the leading STR record (the method name), or a fault text when it is not one. */
function methodRecordSize(body: Uint8Array): number | string {
  const header = body[0];
  if (header === undefined) return BINRPC_ERR.endOfPacket;
  if ((header & 0x0f) !== 1) return BINRPC_ERR.typeMismatch;
  const nibble = header >> 4;
  if ((nibble & 8) === 0) return 1 + nibble;
  const lengthBytes = nibble & 7;
  if (lengthBytes > 4 || body.length < 1 + lengthBytes) return BINRPC_ERR.moreData;
  let length = 0;
  for (let i = 1; i <= lengthBytes; i++) length = length * 256 + body[i]!;
  return 1 + lengthBytes + length;
}

/**
 * The text of the leading STR record up to its first NUL, given its size from methodRecordSize
 * (within the body): what decodeRecords would read for it, without decoding the rest.
 */
function methodName(body: Uint8Array, methodSize: number): string {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const header = bytes[0]!;
  const start = (header & 0x80) === 0 ? 1 : 1 + ((header >> 4) & 7);
  // The record's length counts the terminating NUL, which is left out (as the decoder does).
  const text = bytes.toString('utf8', start, Math.max(start, methodSize - 1));
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

/**
 * Runs BINRPC requests against the registry: pure bytes in, bytes out, whatever the socket. Kamailio
 * parses parameters lazily, so a broken record after the method only fails the scan that reaches it.
 */
export class BinrpcRequestProcessor {
  private readonly autoconversion: boolean;
  private readonly limits: BinrpcLimits;

  constructor(
    private readonly registry: RpcRegistry,
    options: BinrpcProcessorOptions = {},
  ) {
    this.autoconversion = options.autoconversion ?? false;
    this.limits = options.limits ?? DEFAULT_BINRPC_LIMITS;
  }

  /** The answer to bytes that are not a packet at all; the cookie is unknown then (0). */
  corrupted(cookie = 0): BinrpcAnswer {
    return { reply: binrpcFault(400, 'bad request: corrupted packet', cookie), close: true };
  }

  async handle(packet: Packet, origin: RpcOrigin): Promise<BinrpcAnswer> {
    return this.answer(packet, origin);
  }

  /**
   * handle() without the promise when it is not needed: a request whose handler replied before
   * returning (every synchronous handler, and an asynchronous one that faulted or sent first) is
   * answered synchronously; otherwise the answer comes when the driver sends.
   */
  answer(packet: Packet, origin: RpcOrigin): BinrpcAnswer | Promise<BinrpcAnswer> {
    if (packet.type !== PacketType.Request) return this.corrupted(packet.cookie);
    const body = packet.body;
    const methodSize = methodRecordSize(body);
    let method: string | undefined;
    if (typeof methodSize === 'number' && methodSize <= body.length) method = methodName(body, methodSize);
    if (method === undefined) {
      const reason = typeof methodSize === 'string' ? methodSize : BINRPC_ERR.moreData;
      return { reply: binrpcFault(400, `bad request method: ${reason}`, packet.cookie), close: true };
    }
    const exported = this.registry.get(method);
    if (!exported) return { reply: binrpcFault(500, `command ${method} not found`, packet.cookie), close: false };

    let params: BinrpcValue[] = [];
    let broken: string | undefined;
    try {
      if (methodSize !== body.length) params = decodeRecords(body.subarray(methodSize as number));
    } catch (error) {
      broken = /needs \d+ bytes|ends inside/.test((error as Error).message) ? BINRPC_ERR.moreData : BINRPC_ERR.badRecord;
    }
    // The driver sends exactly once; the first outcome counts either way.
    let outcome: RpcOutcome | undefined;
    let later: ((outcome: RpcOutcome) => void) | undefined;
    const driver = new BinrpcDriver(this.limits, (sent) => {
      if (later) later(sent);
      else outcome ??= sent;
    });
    void runRpcNow(exported, driver, new BinrpcParams(params, this.autoconversion, broken), origin);
    const cookie = packet.cookie;
    if (outcome) return { reply: this.encode(outcome, cookie), close: false };
    return new Promise<RpcOutcome>((resolve) => (later = resolve)).then((sent) => ({ reply: this.encode(sent, cookie), close: false }));
  }

  private encode(outcome: RpcOutcome, cookie: number): Buffer {
    if (outcome.kind === 'fault') return binrpcFault(outcome.code, outcome.message, cookie);
    return encodeReply(BinrpcDriver.records(outcome.values), cookie);
  }
}

