/**
 * What the arguments of some commands name, for completion (the same commands kamcmd completes,
 * plus the cfg.set* spellings 5.6 added): each entry lists the kind of its 1st, 2nd... argument.
 */
export type ArgumentKind = 'command' | 'cfgGroup' | 'cfgVar' | 'counterGroup' | 'counterName';

const CFG_GROUP_VAR: ArgumentKind[] = ['cfgGroup', 'cfgVar'];
const COUNTER_GROUP_NAME: ArgumentKind[] = ['counterGroup', 'counterName'];

export const ARGUMENT_KINDS: ReadonlyMap<string, readonly ArgumentKind[]> = new Map<string, ArgumentKind[]>([
  ['?', ['command']],
  ['help', ['command']],
  ['system.methodHelp', ['command']],
  ['system.methodSignature', ['command']],
  ['cfg.get', CFG_GROUP_VAR],
  ['cfg.help', CFG_GROUP_VAR],
  ['cfg.set', CFG_GROUP_VAR],
  ['cfg.seti', CFG_GROUP_VAR],
  ['cfg.sets', CFG_GROUP_VAR],
  ['cfg.set_now_int', CFG_GROUP_VAR],
  ['cfg.set_now_string', CFG_GROUP_VAR],
  ['cfg.set_delayed', CFG_GROUP_VAR],
  ['cfg.set_delayed_int', CFG_GROUP_VAR],
  ['cfg.set_delayed_string', CFG_GROUP_VAR],
  ['cnt.get', COUNTER_GROUP_NAME],
  ['cnt.get_raw', COUNTER_GROUP_NAME],
  ['cnt.reset', COUNTER_GROUP_NAME],
  ['cnt.help', COUNTER_GROUP_NAME],
  ['cnt.grp_get_all', ['counterGroup']],
  ['cnt.var_list', ['counterGroup']],
]);
