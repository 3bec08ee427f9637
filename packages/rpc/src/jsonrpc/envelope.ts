import { ProtocolError, RpcFault } from '../errors.js';
import { paramToJson, type RpcParam } from '../params/typed-param.js';

export interface JsonRpcRequest {
  jsonrpc: '2.0';
  method: string;
  params?: (number | string)[];
  id: number | string;
  reply_name?: string;
}

/** Builds a JSON-RPC 2.0 request; `params` is left out when there are none, as kamctl does. */
export function buildJsonRpcRequest(method: string, params: readonly RpcParam[], id: number | string): JsonRpcRequest {
  const request: JsonRpcRequest = { jsonrpc: '2.0', method, id };
  if (params.length > 0) request.params = params.map(paramToJson);
  return request;
}

/** The result of a JSON-RPC response document, or the RpcFault it carries. */
export function interpretJsonRpcResponse(document: unknown, target: string): unknown {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new ProtocolError('JSON-RPC reply is not an object');
  }
  const response = document as Record<string, unknown>;
  if ('error' in response && response.error !== undefined) {
    const error = response.error as { code?: unknown; message?: unknown } | null;
    const code = typeof error?.code === 'number' ? error.code : -32000;
    const message = typeof error?.message === 'string' ? error.message : 'Unexpected Error';
    throw new RpcFault(code, message, target);
  }
  if (!('result' in response)) throw new ProtocolError('JSON-RPC reply has neither result nor error');
  return response.result;
}

/** Parses reply text, turning bad JSON into a ProtocolError. */
export function parseJsonReply(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProtocolError(`malformed JSON reply: ${(error as Error).message}`);
  }
}
