import { decodeReply, encodeRequest, FrameParser, ProtocolError, type Packet } from '@kamkit/binrpc';
import { RpcFault, TransportError } from '../errors.js';
import type { Link, LinkFactory } from '../links/link.js';
import { toTransportError } from '../links/system-error.js';
import { paramToRecord, type RpcParam } from '../params/typed-param.js';
import { recordsToPlain } from '../values/records-to-plain.js';
import { RET_ARRAY_METHODS } from '../values/ret-array-methods.js';
import { PendingCalls } from './pending-calls.js';
import { DEFAULT_TIMEOUT_MS, type RpcClient, type RpcReply } from './rpc-client.js';

export interface BinrpcClientOptions {
  timeoutMs?: number;
  maxReplySize?: number;
  spinMicros?: number;
}

/**
 * BINRPC over any link. One link is opened lazily and reused for every call; requests may be in
 * flight together and are matched to replies by cookie.
 */
export class BinrpcClient implements RpcClient {
  private link?: Promise<Link>;
  private parser: FrameParser;
  private readonly pending: PendingCalls<number>;
  /**
   * Cookies count up from a random start: unique per connection, cheap, and never 0 by chance.
   * Math.random is enough for that (cookies are not secrets) and spares one-shot CLIs loading
   * node:crypto, a few milliseconds of start-up.
   */
  private lastCookie = 1 + Math.floor(Math.random() * 0x7ffffffe);

  constructor(
    readonly target: string,
    private readonly openLink: LinkFactory,
    private readonly options: BinrpcClientOptions = {},
  ) {
    this.pending = new PendingCalls(target, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    this.parser = new FrameParser({ maxPacketSize: options.maxReplySize });
  }

  private connect(): Promise<Link> {
    if (!this.link) {
      this.parser = new FrameParser({ maxPacketSize: this.options.maxReplySize });
      const link = this.openLink({
        onData: (chunk) => this.receive(chunk),
        onClose: (error) => this.linkClosed(error),
      });
      this.link = link;
      link.catch(() => {
        if (this.link === link) this.link = undefined;
      });
    }
    return this.link;
  }

  private receive(chunk: Buffer): void {
    try {
      this.parser.parse(chunk, (packet) => this.settle(packet));
    } catch (error) {
      this.fail(error instanceof Error ? error : new ProtocolError(String(error)));
    }
  }

  private settle(packet: Packet): void {
    const { call, late } = this.pending.take(packet.cookie);
    if (!call) {
      if (late) return;
      throw new ProtocolError(`reply cookie 0x${packet.cookie.toString(16)} matches no request`);
    }
    try {
      const reply = decodeReply(packet);
      if (reply.kind === 'fault') call.reject(new RpcFault(reply.code, reply.message, this.target));
      else call.resolve({ result: recordsToPlain(reply.values, RET_ARRAY_METHODS.has(call.method)), records: reply.values });
    } catch (error) {
      call.reject(error as Error);
    }
  }

  /** Rejects every call in flight and drops the link, so the next call reconnects. */
  private fail(error: Error): void {
    this.pending.failAll(error);
    const link = this.link;
    this.link = undefined;
    link?.then((l) => l.close()).catch(() => undefined);
  }

  private linkClosed(error?: Error): void {
    if (this.pending.size === 0) {
      this.link = undefined;
      return;
    }
    const buffered = this.parser.bufferedBytes;
    if (buffered > 0) {
      const expected = this.parser.expectedBytes();
      this.fail(
        new ProtocolError(`connection closed mid-reply after ${buffered}${expected ? ` of ${expected}` : ''} bytes`),
      );
    } else {
      this.fail(error ?? new TransportError('connection closed by the server', this.target, 'ECLOSED'));
    }
  }

  private newCookie(): number {
    do this.lastCookie = this.lastCookie >= 0x7fffffff ? 1 : this.lastCookie + 1;
    while (this.pending.inUse(this.lastCookie));
    return this.lastCookie;
  }

  async call(method: string, ...params: RpcParam[]): Promise<RpcReply> {
    const link = await this.connect();
    const cookie = this.newCookie();
    const packet = encodeRequest(method, params.map(paramToRecord), cookie);
    const reply = this.pending.add(cookie, method);
    try {
      // Sequential use may take the polling fast path; pipelined calls always go through the event loop.
      const polled =
        this.options.spinMicros && this.pending.size === 1 && link.sendAndPoll
          ? link.sendAndPoll(packet, this.options.spinMicros, () => !this.pending.has(cookie))
          : false;
      if (!polled) await link.send(packet);
    } catch (error) {
      this.pending.drop(cookie);
      throw toTransportError(error, this.target, 'send');
    }
    return reply;
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    this.fail(new TransportError('client closed', this.target, 'ECLOSED'));
    this.pending.clearExpired();
    if (link) (await link.catch(() => undefined))?.close();
  }
}
