import type { RpcContext, RpcExport } from '../../rpc/index.js';
import { RET_ARRAY, rpcStr } from '../../rpc/index.js';
import { CfgError } from '../model/cfg-error.js';
import { cfgReplyValue, groupArgument, withCfgFault, type CfgRpcState } from './cfg-rpc-context.js';

/** cfg.get, cfg.help, cfg.list. */
export function readCommands(state: CfgRpcState): RpcExport[] {
  const get = (rpc: RpcContext): void => {
    state.view.beginUnit();
    const group = rpc.scan('S');
    if (!group.ok) return rpc.fault(500, 'Failed to get the parameters');
    const ref = groupArgument(rpc, group.values[0]);
    if (!ref) return;
    const name = rpc.scan('*S').values[0];
    const block = state.view.snapshot;
    if (name === undefined) {
      withCfgFault(rpc, 400, 'Failed to get the variable', () => {
        const values = state.framework.readGroup(block, ref.group, ref.instance);
        const struct = rpc.addStruct();
        for (const [varName, value] of values) struct.structAdd(varName, cfgReplyValue(value));
      });
      return;
    }
    try {
      rpc.add(cfgReplyValue(state.framework.read(block, { ...ref, name })));
    } catch (error) {
      if (!(error instanceof CfgError)) throw error;
      const text = error.reason === 'not-readable' ? 'Variable exists, but it is not readable via RPC interface' : 'Failed to get the variable';
      rpc.fault(400, `${text}: ${error.message}`);
    }
  };
  const help = (rpc: RpcContext): void => {
    state.view.beginUnit();
    const scanned = rpc.scan('SS');
    if (!scanned.ok) return;
    const [group, name] = scanned.values;
    withCfgFault(rpc, 400, 'Failed to get the variable description', () => {
      const info = state.framework.describe(group, name);
      rpc.add(rpcStr(info.description ?? null), rpcStr(`(parameter type is ${info.input === 'int' ? 'integer' : 'string'})`));
    });
  };
  const list = (rpc: RpcContext): void => {
    state.view.beginUnit();
    const group = rpc.scan('*S').values[0];
    for (const [g, v] of state.framework.list(group)) rpc.add(rpcStr(`${g}: ${v}`));
  };
  return [
    { name: 'cfg.get', handler: get, help: 'Get the value of a configuration variable, or of every readable variable of a group' },
    { name: 'cfg.help', handler: help, help: 'Print the description of a configuration variable' },
    { name: 'cfg.list', handler: list, help: 'List the configuration variables', flags: RET_ARRAY },
  ];
}
