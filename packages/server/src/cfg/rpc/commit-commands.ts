import type { RpcContext, RpcExport } from '../../rpc/index.js';
import { rpcInt, rpcStr } from '../../rpc/index.js';
import { cfgReplyValue, withCfgFault, type CfgRpcState } from './cfg-rpc-context.js';

/** cfg.commit, cfg.rollback, cfg.diff: the one shared list of delayed changes. */
export function commitCommands(state: CfgRpcState): RpcExport[] {
  const commit = (rpc: RpcContext): void => {
    state.view.beginUnit();
    withCfgFault(rpc, 400, 'Failed to commit the changes', () => state.framework.commit());
  };
  const rollback = (): void => {
    state.view.beginUnit();
    state.framework.rollback();
  };
  const diff = (rpc: RpcContext): void => {
    state.view.beginUnit();
    for (const entry of state.framework.diff(state.view.snapshot)) {
      const change = rpc.addStruct();
      change.structAdd('group name', rpcStr(entry.group));
      if (entry.instance !== undefined) change.structAdd('group id', rpcInt(entry.instance));
      change.structAdd('variable name', rpcStr(entry.name));
      change.structAdd('old value', cfgReplyValue(entry.oldValue));
      change.structAdd('new value', cfgReplyValue(entry.newValue));
    }
  };
  return [
    { name: 'cfg.commit', handler: commit, help: 'Commit the previously prepared configuration changes' },
    { name: 'cfg.rollback', handler: rollback, help: 'Drop the prepared configuration changes' },
    { name: 'cfg.diff', handler: diff, help: 'List the pending configuration changes that are not yet committed' },
  ];
}
