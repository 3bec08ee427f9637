import { ProtocolError, TransportError } from '../errors.js';
import type { Link } from '../links/link.js';
import { openUnixDatagramLink, type UnixDatagramOptions } from '../links/unix-datagram-link.js';
import type { RpcParam } from '../params/typed-param.js';
import { buildJsonRpcRequest, interpretJsonRpcResponse, parseJsonReply } from '../jsonrpc/envelope.js';
import { PendingCalls } from './pending-calls.js';
import { DEFAULT_TIMEOUT_MS, type RpcClient, type RpcReply } from './rpc-client.js';

/** JSON-RPC over the jsonrpcs unix datagram socket: one document per datagram, replies matched by id. */
export class JsonRpcDatagramClient implements RpcClient {
  private link?: Promise<Link>;
  private readonly pending: PendingCalls<number>;
  private nextId = 1;

  constructor(
    readonly target: string,
    private readonly socketPath: string,
    private readonly options: UnixDatagramOptions & { timeoutMs?: number } = {},
  ) {
    this.pending = new PendingCalls(target, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  private connect(): Promise<Link> {
    if (!this.link) {
      const link = openUnixDatagramLink(this.socketPath, this.target, this.options, {
        onData: (datagram) => this.receive(datagram),
        onClose: (error) => this.pending.failAll(error ?? new TransportError('socket closed', this.target)),
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
      return this.pending.failAll(error as Error);
    }
    const { call, late } = typeof id === 'number' ? this.pending.take(id) : { call: undefined, late: false };
    if (!call) {
      // Datagrams carry no stream state: a stray reply only matters when it can only be ours.
      if (!late && this.pending.size === 1) this.pending.failAll(new ProtocolError(`reply id ${JSON.stringify(id)} matches no request`));
      return;
    }
    try {
      call.resolve({ result: interpretJsonRpcResponse(document, this.target) });
    } catch (error) {
      call.reject(error as Error);
    }
  }

  async call(method: string, ...params: RpcParam[]): Promise<RpcReply> {
    const link = await this.connect();
    const id = this.nextId++;
    const reply = this.pending.add(id, method);
    try {
      await link.send(Buffer.from(JSON.stringify(buildJsonRpcRequest(method, params, id))));
    } catch (error) {
      this.pending.drop(id);
      throw error;
    }
    return reply;
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    this.pending.failAll(new TransportError('client closed', this.target, 'ECLOSED'));
    if (link) (await link.catch(() => undefined))?.close();
  }
}
