/**
 * The RPC registry: Kamailio's rpc_t for TypeScript handlers.
 *
 *   registry.register({ name: 'core.echo', handler, help: '...', flags: RET_ARRAY })
 *
 *   handler(rpc: RpcContext):
 *     const r = rpc.scan('SS*d')           // r.ok, r.count, r.values: [string, string, number | undefined]
 *     rpc.add(rpcInt(1), rpcStr(null))     // top-level values: rpcInt d, rpcUint u, rpcBool b, rpcTime t,
 *                                          //   rpcDouble f, rpcLong l/j/L/J, rpcStr s (null = NULL string)
 *     const s = rpc.addStruct()            // '{' ; rpc.addArray() is '['
 *     s.structAdd('name', rpcStr('x'))     // struct_add (structAddAll for several); structAddStruct / structAddArray nest
 *     a.arrayAdd(rpcInt(2))                // array_add; arrayAddStruct / arrayAddArray nest
 *     rpc.printf(`text`)                   // rpl_printf (format it yourself)
 *     rpc.fault(404, 'not found')          // BINRPC: sent at once, first wins; JSON/XML: last wins, at send
 *     rpc.send()                           // reply now (core.kill), the rest is ignored
 *     const d = rpc.delayedReply()         // null unless the transport can (JSON HTTP with id, XML-RPC)
 *
 * Handlers may be async; the transport calls finish() when they return. Adds return false (and
 * container adds null) when the transport refuses them, which is Kamailio's -1.
 * Transports implement ReplyDriver (encoding, limits, fault timing) and ParamSource (typing).
 */
export { RET_ARRAY, RpcRegistry, DuplicateRpcError, type RpcExport, type RpcHandler } from './rpc-registry.js';
export {
  RpcContext,
  DelayedReply,
  RPC_DELAYED_REPLY,
  type ReplyDriver,
  type RpcOutcome,
  type RpcOrigin,
  type RpcTransportName,
} from './rpc-context.js';
export { RpcContainer, type RpcEntry, type ContainerGate } from './rpc-container.js';
export {
  rpcBool,
  rpcDouble,
  rpcInt,
  rpcLong,
  rpcStr,
  rpcTime,
  rpcUint,
  isContainer,
  type RpcScalar,
  type RpcScalarType,
  type RpcValue,
} from './rpc-value.js';
export { NO_PARAMS, type ParamRead, type ParamSource, type RpcFaultInfo } from './param-source.js';
export {
  parseScanFormat,
  type RpcStructParam,
  type ScanChar,
  type ScanCharValue,
  type ScanResult,
  type ScanStep,
  type ScanTuple,
} from './scan-format.js';
