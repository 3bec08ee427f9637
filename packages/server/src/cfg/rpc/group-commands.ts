import type { RpcContext, RpcExport } from '../../rpc/index.js';
import { groupArgument, withCfgFault, type CfgRpcState } from './cfg-rpc-context.js';

/** cfg.add_group_inst, cfg.del_group_inst, cfg.reset. */
export function groupCommands(state: CfgRpcState): RpcExport[] {
  const instanceHandler = (action: 'add' | 'delete') => (rpc: RpcContext): void => {
    state.view.beginUnit();
    const scanned = rpc.scan('S');
    if (!scanned.ok) return;
    const ref = groupArgument(rpc, scanned.values[0], true);
    if (!ref || ref.instance === undefined) return;
    const id = ref.instance;
    if (action === 'add') withCfgFault(rpc, 400, 'Failed to add the group instance', () => state.framework.addInstance(ref.group, id));
    else withCfgFault(rpc, 400, 'Failed to delete the group instance', () => state.framework.deleteInstance(ref.group, id));
  };
  const reset = (rpc: RpcContext): void => {
    state.view.beginUnit();
    const scanned = rpc.scan('S');
    if (!scanned.ok) return;
    const group = scanned.values[0];
    if (!state.framework.hasGroup(group)) return rpc.fault(400, `Failed to get the variable description: unknown group ${JSON.stringify(group)}`);
    withCfgFault(rpc, 500, 'Unsupported input type', () => state.framework.reset(group));
  };
  return [
    { name: 'cfg.add_group_inst', handler: instanceHandler('add'), help: 'Add a new instance to an existing configuration group' },
    { name: 'cfg.del_group_inst', handler: instanceHandler('delete'), help: 'Delete an instance of a configuration group' },
    { name: 'cfg.reset', handler: reset, help: 'Reset the readable, writable variables of a group to their start-up values' },
  ];
}
