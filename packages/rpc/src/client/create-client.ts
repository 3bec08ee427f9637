import { openStreamLink } from '../links/stream-link.js';
import { openUdpLink } from '../links/udp-link.js';
import type { RpcParam } from '../params/typed-param.js';
import { parseTarget, type Target } from '../target/parse-target.js';
import { BinrpcClient } from './binrpc-client.js';
import type { ClientOptions, RpcClient, RpcReply } from './rpc-client.js';

/**
 * Makes the client for a target URI: `unix:`/`unixs:`, `unixd:`, `tcp:`, `udp:` (BINRPC),
 * `http(s)://` , `fifo:`, `jsonrpc+unixd:` (JSON-RPC), `xmlrpc+http(s)://` (XML-RPC).
 * Nothing is opened until the first call.
 */
export function createClient(uri: string, options: ClientOptions = {}): RpcClient {
  return createClientFor(parseTarget(uri), uri, options);
}

export function createClientFor(target: Target, uri: string, options: ClientOptions = {}): RpcClient {
  const binrpcOptions = { timeoutMs: options.timeoutMs, maxReplySize: options.maxReplySize, spinMicros: options.spinMicros };
  if (target.protocol === 'binrpc') {
    switch (target.transport) {
      case 'unix':
        return new BinrpcClient(uri, (handlers) => openStreamLink({ path: target.path }, uri, handlers), binrpcOptions);
      case 'tcp':
        return new BinrpcClient(uri, (handlers) => openStreamLink({ host: target.host, port: target.port }, uri, handlers), binrpcOptions);
      case 'udp':
        return new BinrpcClient(uri, (handlers) => openUdpLink(target.host, target.port, uri, handlers), binrpcOptions);
      case 'unixd':
        return new BinrpcClient(
          uri,
          async (handlers) => (await import('../links/unix-datagram-link.js')).openUnixDatagramLink(target.path, uri, options, handlers),
          binrpcOptions,
        );
    }
  }
  // The other transports load their modules (http, child_process, XML...) on first use: one-shot
  // CLIs pay start-up time only for the transport they talk over.
  if (target.protocol === 'jsonrpc') {
    switch (target.transport) {
      case 'http':
        return new DeferredClient(uri, async () => new (await import('./jsonrpc-http-client.js')).JsonRpcHttpClient(uri, target.url, options));
      case 'fifo':
        return new DeferredClient(uri, async () => new (await import('./jsonrpc-fifo-client.js')).JsonRpcFifoClient(uri, target.path, options));
      case 'unixd':
        return new DeferredClient(uri, async () => new (await import('./jsonrpc-datagram-client.js')).JsonRpcDatagramClient(uri, target.path, options));
    }
  }
  return new DeferredClient(uri, async () => new (await import('./xmlrpc-http-client.js')).XmlRpcHttpClient(uri, target.url, options));
}

/** Builds the real client on the first call. */
class DeferredClient implements RpcClient {
  private client?: Promise<RpcClient>;

  constructor(
    readonly target: string,
    private readonly build: () => Promise<RpcClient>,
  ) {}

  async call(method: string, ...params: RpcParam[]): Promise<RpcReply> {
    this.client ??= this.build();
    return (await this.client).call(method, ...params);
  }

  async close(): Promise<void> {
    if (this.client) await (await this.client).close();
  }
}
