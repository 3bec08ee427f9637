import { openStreamLink } from '../links/stream-link.js';
import { openUdpLink } from '../links/udp-link.js';
import { openUnixDatagramLink } from '../links/unix-datagram-link.js';
import { parseTarget, type Target } from '../target/parse-target.js';
import { BinrpcClient } from './binrpc-client.js';
import { JsonRpcDatagramClient } from './jsonrpc-datagram-client.js';
import { JsonRpcFifoClient } from './jsonrpc-fifo-client.js';
import { JsonRpcHttpClient } from './jsonrpc-http-client.js';
import type { ClientOptions, RpcClient } from './rpc-client.js';
import { XmlRpcHttpClient } from './xmlrpc-http-client.js';

/**
 * Makes the client for a target URI: `unix:`/`unixs:`, `unixd:`, `tcp:`, `udp:` (BINRPC),
 * `http(s)://` , `fifo:`, `jsonrpc+unixd:` (JSON-RPC), `xmlrpc+http(s)://` (XML-RPC).
 * Nothing is opened until the first call.
 */
export function createClient(uri: string, options: ClientOptions = {}): RpcClient {
  return createClientFor(parseTarget(uri), uri, options);
}

export function createClientFor(target: Target, uri: string, options: ClientOptions = {}): RpcClient {
  const binrpcOptions = { timeoutMs: options.timeoutMs, maxReplySize: options.maxReplySize };
  if (target.protocol === 'binrpc') {
    switch (target.transport) {
      case 'unix':
        return new BinrpcClient(uri, (handlers) => openStreamLink({ path: target.path }, uri, handlers), binrpcOptions);
      case 'tcp':
        return new BinrpcClient(uri, (handlers) => openStreamLink({ host: target.host, port: target.port }, uri, handlers), binrpcOptions);
      case 'udp':
        return new BinrpcClient(uri, (handlers) => openUdpLink(target.host, target.port, uri, handlers), binrpcOptions);
      case 'unixd':
        return new BinrpcClient(uri, (handlers) => openUnixDatagramLink(target.path, uri, options, handlers), binrpcOptions);
    }
  }
  if (target.protocol === 'jsonrpc') {
    switch (target.transport) {
      case 'http':
        return new JsonRpcHttpClient(uri, target.url, options);
      case 'fifo':
        return new JsonRpcFifoClient(uri, target.path, options);
      case 'unixd':
        return new JsonRpcDatagramClient(uri, target.path, options);
    }
  }
  return new XmlRpcHttpClient(uri, target.url, options);
}
