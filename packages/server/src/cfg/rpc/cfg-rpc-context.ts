import type { RpcContext } from '../../rpc/index.js';
import { rpcInt, rpcStr, type RpcValue } from '../../rpc/index.js';
import type { CfgFramework } from '../cfg-framework.js';
import type { CfgWorker } from '../cfg-worker.js';
import type { CfgValue } from '../model/cfg-definition.js';
import { CfgError } from '../model/cfg-error.js';
import { parseGroupRef, WRONG_GROUP_SYNTAX, WRONG_INSTANCE_SYNTAX, type GroupRef } from './group-syntax.js';

/** What every cfg.* handler works with: the framework and the RPC process's own snapshot. */
export interface CfgRpcState {
  readonly framework: CfgFramework;
  /** Refreshed at the start of each call, like Kamailio's ctl process on each request. */
  readonly view: CfgWorker;
}

/** A cfg value as a reply value: int, string, or the NULL string. */
export function cfgReplyValue(value: CfgValue): RpcValue {
  return typeof value === 'number' ? rpcInt(value) : rpcStr(value);
}

/**
 * Runs `action`; a CfgError becomes Kamailio's fault (its code and text), followed by why.
 * Returns false when it failed.
 */
export function withCfgFault(rpc: RpcContext, code: number, text: string, action: () => void): boolean {
  try {
    action();
    return true;
  } catch (error) {
    if (!(error instanceof CfgError)) throw error;
    rpc.fault(code, `${text}: ${error.message}`);
    return false;
  }
}

/** The group argument, or a fault (`group` or `group[id]`; with `needsInstance`, only the latter). */
export function groupArgument(rpc: RpcContext, text: string, needsInstance = false): GroupRef | undefined {
  const ref = parseGroupRef(text);
  if (ref === undefined) {
    rpc.fault(400, needsInstance ? WRONG_INSTANCE_SYNTAX : WRONG_GROUP_SYNTAX);
    return undefined;
  }
  if (needsInstance && ref.instance === undefined) {
    rpc.fault(400, WRONG_INSTANCE_SYNTAX);
    return undefined;
  }
  return ref;
}
