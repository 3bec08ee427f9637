import { decodeRecords, encodeFault, encodeReply, PacketType, type BinrpcValue, type Packet } from '@kamkit/binrpc';
import type { RpcOrigin, RpcOutcome } from '../../rpc/rpc-context.js';
import type { RpcRegistry } from '../../rpc/rpc-registry.js';
import { runRpc } from '../run-rpc.js';
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
    if (packet.type !== PacketType.Request) return this.corrupted(packet.cookie);
    const body = packet.body;
    const methodSize = methodRecordSize(body);
    let method: string | undefined;
    if (typeof methodSize === 'number' && methodSize <= body.length) {
      try {
        const [record] = decodeRecords(body.subarray(0, methodSize));
        if (record?.type === 'str') method = record.value.split('\0')[0]!;
      } catch {
        method = undefined;
      }
    }
    if (method === undefined) {
      const reason = typeof methodSize === 'string' ? methodSize : BINRPC_ERR.moreData;
      return { reply: binrpcFault(400, `bad request method: ${reason}`, packet.cookie), close: true };
    }
    const exported = this.registry.get(method);
    if (!exported) return { reply: binrpcFault(500, `command ${method} not found`, packet.cookie), close: false };

    let params: BinrpcValue[] = [];
    let broken: string | undefined;
    try {
      params = decodeRecords(body.subarray(methodSize as number));
    } catch (error) {
      broken = /needs \d+ bytes|ends inside/.test((error as Error).message) ? BINRPC_ERR.moreData : BINRPC_ERR.badRecord;
    }
    const outcome = await new Promise<RpcOutcome>((resolve) => {
      const driver = new BinrpcDriver(this.limits, resolve);
      void runRpc(exported, driver, new BinrpcParams(params, this.autoconversion, broken), origin);
    });
    return { reply: this.encode(outcome, packet.cookie), close: false };
  }

  private encode(outcome: RpcOutcome, cookie: number): Buffer {
    if (outcome.kind === 'fault') return binrpcFault(outcome.code, outcome.message, cookie);
    return encodeReply(BinrpcDriver.records(outcome.values), cookie);
  }
}

