import type { RpcContext, RpcExport } from '../../rpc/index.js';
import { groupArgument, withCfgFault, type CfgRpcState } from './cfg-rpc-context.js';

const SET_FAILED = 'Failed to set the variable';
const DELETE_FAILED = 'Failed to delete the value';

type Timing = 'now' | 'delayed';

/** The value parameter: `d`, `s`, or (`any`) an int if it scans as one, else a string, as cfg_rpc does. */
function scanValue(rpc: RpcContext, valueType: 'int' | 'string' | 'any'): number | string | undefined {
  if (valueType !== 'string') {
    const asInt = rpc.scan('d');
    if (asInt.ok || valueType === 'int') return asInt.ok ? asInt.values[0] : undefined;
  }
  // Each scan clears the fault a failed one prepared (ctl), so a string after a failed int is clean.
  const asString = rpc.scan('s');
  return asString.ok ? asString.values[0] : undefined;
}

/** `SSd`, `SSs`, or `SS` + a value tried as int, then as string (cfg.set, cfg.set_delayed). */
function setHandler(state: CfgRpcState, timing: Timing, valueType: 'int' | 'string' | 'any') {
  return (rpc: RpcContext): void => {
    state.view.beginUnit();
    const names = rpc.scan('SS');
    if (!names.ok) return;
    // cfg.set checks the group before reading the value; the typed setters read all three first.
    const typed = valueType === 'any' ? undefined : scanValue(rpc, valueType);
    if (valueType !== 'any' && typed === undefined) return;
    const [groupText, name] = names.values;
    const ref = groupArgument(rpc, groupText);
    if (!ref) return;
    const value = typed ?? scanValue(rpc, valueType);
    if (value === undefined) return;
    const target = { ...ref, name };
    withCfgFault(rpc, 400, SET_FAILED, () => (timing === 'now' ? state.framework.setNow(target, value) : state.framework.setDelayed(target, value)));
  };
}

function deleteHandler(state: CfgRpcState, timing: Timing) {
  return (rpc: RpcContext): void => {
    state.view.beginUnit();
    const scanned = rpc.scan('SS');
    if (!scanned.ok) return;
    const [groupText, name] = scanned.values;
    const ref = groupArgument(rpc, groupText, true);
    if (!ref || ref.instance === undefined) return;
    const target = { group: ref.group, instance: ref.instance, name };
    withCfgFault(rpc, 400, DELETE_FAILED, () => (timing === 'now' ? state.framework.deleteNow(target) : state.framework.deleteDelayed(target)));
  };
}

/** cfg.set_now_* / cfg.set / cfg.seti / cfg.sets, their delayed forms, cfg.del and cfg.del_delayed. */
export function setCommands(state: CfgRpcState): RpcExport[] {
  const now = 'Set the value of a configuration variable and commit the change immediately';
  const later = 'Prepare the change of a configuration variable, applied by cfg.commit';
  return [
    { name: 'cfg.set_now_int', handler: setHandler(state, 'now', 'int'), help: `${now} (integer value)` },
    { name: 'cfg.seti', handler: setHandler(state, 'now', 'int'), help: `${now} (integer value)` },
    { name: 'cfg.set_now_string', handler: setHandler(state, 'now', 'string'), help: `${now} (string value)` },
    { name: 'cfg.sets', handler: setHandler(state, 'now', 'string'), help: `${now} (string value)` },
    { name: 'cfg.set', handler: setHandler(state, 'now', 'any'), help: `${now} (integer or string value)` },
    { name: 'cfg.set_delayed_int', handler: setHandler(state, 'delayed', 'int'), help: `${later} (integer value)` },
    { name: 'cfg.set_delayed_string', handler: setHandler(state, 'delayed', 'string'), help: `${later} (string value)` },
    { name: 'cfg.set_delayed', handler: setHandler(state, 'delayed', 'any'), help: `${later} (integer or string value)` },
    { name: 'cfg.del', handler: deleteHandler(state, 'now'), help: 'Delete the value of a variable in a group instance: it follows the default group again' },
    { name: 'cfg.del_delayed', handler: deleteHandler(state, 'delayed'), help: 'Prepare the deletion of a variable value in a group instance, applied by cfg.commit' },
  ];
}
