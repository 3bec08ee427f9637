import { ProtocolError, TimeoutError, TransportError } from '../errors.js';
import type { Link } from '../links/link.js';
import { openUnixDatagramLink, type UnixDatagramOptions } from '../links/unix-datagram-link.js';
import type { RpcParam } from '../params/typed-param.js';
import { buildJsonRpcRequest, interpretJsonRpcResponse, parseJsonReply } from '../jsonrpc/envelope.js';
import { DEFAULT_TIMEOUT_MS, type RpcClient, type RpcReply } from './rpc-client.js';

interface PendingCall {
  resolve(reply: RpcReply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** JSON-RPC over the jsonrpcs unix datagram socket: one document per datagram, replies matched by id. */
export class JsonRpcDatagramClient implements RpcClient {
  private link?: Promise<Link>;
  private readonly pending = new Map<number, PendingCall>();
  private readonly timeoutMs: number;
  private nextId = 1;

  constructor(
    readonly target: string,
    private readonly socketPath: string,
    private readonly options: UnixDatagramOptions & { timeoutMs?: number } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private connect(): Promise<Link> {
    if (!this.link) {
      const link = openUnixDatagramLink(this.socketPath, this.target, this.options, {
        onData: (datagram) => this.receive(datagram),
        onClose: (error) => this.failAll(error ?? new TransportError('socket closed', this.target)),
      });
      this.link = link;
      link.catch(() => {
        if (this.link === link) this.link = undefined;
      });
    }
    return this.link;
  }

  private receive(datagram: Buffer): void {
    let id: unknown;
    let document: unknown;
    try {
      document = parseJsonReply(datagram.toString('utf8'));
      id = (document as { id?: unknown } | null)?.id;
    } catch (error) {
      return this.failAll(error as Error);
    }
    const call = typeof id === 'number' ? this.pending.get(id) : undefined;
    if (!call) {
      if (this.pending.size === 1) this.failAll(new ProtocolError(`reply id ${JSON.stringify(id)} matches no request`));
      return;
    }
    this.pending.delete(id as number);
    clearTimeout(call.timer);
    try {
      call.resolve({ result: interpretJsonRpcResponse(document, this.target) });
    } catch (error) {
      call.reject(error as Error);
    }
  }

  private failAll(error: Error): void {
    for (const [id, call] of this.pending) {
      clearTimeout(call.timer);
      call.reject(error);
      this.pending.delete(id);
    }
  }

  async call(method: string, ...params: RpcParam[]): Promise<RpcReply> {
    const link = await this.connect();
    const id = this.nextId++;
    const reply = new Promise<RpcReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new TimeoutError(this.target, this.timeoutMs));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
    });
    reply.catch(() => undefined);
    try {
      await link.send(Buffer.from(JSON.stringify(buildJsonRpcRequest(method, params, id))));
    } catch (error) {
      const call = this.pending.get(id);
      if (call) clearTimeout(call.timer);
      this.pending.delete(id);
      throw error;
    }
    return reply;
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    this.failAll(new TransportError('client closed', this.target, 'ECLOSED'));
    if (link) (await link.catch(() => undefined))?.close();
  }
}
