export { BinrpcClient, type BinrpcClientOptions } from './client/binrpc-client.js';
export { createClient, createClientFor } from './client/create-client.js';
// The JSON-RPC and XML-RPC client classes are reached through createClient, which loads them lazily.
export { DEFAULT_TIMEOUT_MS, type ClientOptions, type RpcClient, type RpcReply } from './client/rpc-client.js';
export { describeError, ProtocolError, RpcFault, TimeoutError, TransportError, type RpcError } from './errors.js';
export { buildJsonRpcRequest, interpretJsonRpcResponse, type JsonRpcRequest } from './jsonrpc/envelope.js';
export { findJsonDocumentEnd } from './jsonrpc/json-document-end.js';
export { parseCliToken, parseCliTokens } from './params/cli-token.js';
export { asDouble, asInt, asStr, paramToJson, paramToRecord, typeParam, type RpcParam, type TypedParam } from './params/typed-param.js';
export { DEFAULT_BINRPC_PORT, parseTarget, TargetSyntaxError, type Target } from './target/parse-target.js';
export { plainToRecord, plainToRecords } from './values/plain-to-records.js';
export { ARRAY_MEMBER_NAMES, BINRPC_NULL_STRING, recordToPlain, recordsToPlain } from './values/records-to-plain.js';
export { RET_ARRAY_METHODS } from './values/ret-array-methods.js';
export { buildMethodCall } from './xmlrpc/method-call.js';
export { parseMethodResponse } from './xmlrpc/method-response.js';
export * from './printers/index.js';
