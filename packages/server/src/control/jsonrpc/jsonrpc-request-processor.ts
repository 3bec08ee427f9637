import type { RpcOrigin, RpcOutcome } from '../../rpc/rpc-context.js';
import { RET_ARRAY, type RpcRegistry } from '../../rpc/rpc-registry.js';
import { NO_PARAMS } from '../../rpc/param-source.js';
import { runRpc } from '../run-rpc.js';
import { JsonParams } from './json-params.js';
import { jsonMember, parseFirstJsonValue, type JsonNode } from './json-tree.js';
import { JsonRpcDriver } from './jsonrpc-driver.js';
import { buildJsonRpcResponse, type JsonRpcId, type JsonRpcResponse } from './jsonrpc-reply.js';

/** Where a JSON-RPC request came from: HTTP may make delayed replies, FIFO needs a reply_name. */
export type JsonRpcChannel = 'http' | 'fifo' | 'datagram';

export interface JsonRpcAnswer extends JsonRpcResponse {
  /** FIFO only: the bare reply FIFO name the client asked for (not validated here). */
  replyName?: string;
}

/** String ids longer than this cannot be kept for a delayed reply. */
const DELAYED_ID_MAX = 63;

function echoId(node: JsonNode): JsonRpcId {
  if (node.type === 'string') return { type: 'string', value: node.value };
  if (node.type === 'number') return { type: 'number', value: node.value };
  return { type: 'number', value: node.type === 'true' ? 1 : 0 };
}

/**
 * Runs JSON-RPC requests as jsonrpcs does (§4.2–4.3): text in, response text out, whatever carries
 * it. Resolves to null when Kamailio would send nothing (unparsable JSON, FIFO without reply_name).
 */
export class JsonRpcRequestProcessor {
  constructor(
    private readonly registry: RpcRegistry,
    private readonly pretty = true,
  ) {}

  async process(text: string, channel: JsonRpcChannel, origin: RpcOrigin = { channel }): Promise<JsonRpcAnswer | null> {
    const root = parseFirstJsonValue(text);
    if (!root) return null;
    const empty = (retArray: boolean, id?: JsonRpcId) =>
      buildJsonRpcResponse({ kind: 'result', values: [] }, retArray, id, this.pretty);
    if (root.type !== 'object') return channel === 'fifo' ? null : empty(false);

    const idNode = jsonMember(root, 'id');
    const id = idNode ? echoId(idNode) : undefined;
    let replyName: string | undefined;
    if (channel === 'fifo') {
      const name = jsonMember(root, 'reply_name');
      if (name?.type !== 'string') return null;
      replyName = name.value;
    }
    const answer = (response: JsonRpcResponse): JsonRpcAnswer => (replyName === undefined ? response : { ...response, replyName });

    const version = jsonMember(root, 'jsonrpc');
    if (version?.type !== 'string' || version.value !== '2.0') return answer(empty(false, id));
    const methodNode = jsonMember(root, 'method');
    if (methodNode?.type !== 'string') return answer(empty(false, id));
    const exported = this.registry.get(methodNode.value);
    if (!exported) {
      return answer(buildJsonRpcResponse({ kind: 'fault', code: 500, message: 'Method Not Found', values: [] }, false, id, this.pretty));
    }
    const retArray = ((exported.flags ?? 0) & RET_ARRAY) !== 0;
    const paramsNode = jsonMember(root, 'params');
    let params = NO_PARAMS;
    if (paramsNode?.type === 'array') params = new JsonParams(paramsNode.items);
    else if (paramsNode?.type === 'object') params = new JsonParams(paramsNode.members.map(([, value]) => value));
    else if (paramsNode) return answer(empty(retArray, id));

    // A delayed reply keeps the id as a C long (fractions dropped) or a string of at most 63 bytes.
    const delayable =
      channel === 'http' &&
      id !== undefined &&
      (id.type === 'number' || Buffer.byteLength(id.value) <= DELAYED_ID_MAX);
    const outcome = await new Promise<{ outcome: RpcOutcome; delayed: boolean }>((resolve) => {
      let ran = false;
      const driver = new JsonRpcDriver(delayable, (result) => resolve({ outcome: result, delayed: ran }));
      void runRpc(exported, driver, params, origin).then(() => {
        ran = true;
      });
    });
    const replyId = outcome.delayed && id?.type === 'number' ? { type: 'number' as const, value: Math.trunc(id.value) } : id;
    return answer(buildJsonRpcResponse(outcome.outcome, retArray, replyId, this.pretty));
  }
}
