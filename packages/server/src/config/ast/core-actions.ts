import type { Expression } from './expression.js';

/** A core action: its 5.6.3 action type number and the name the debugger prints for it. */
export interface CoreActionInfo {
  readonly type: number;
  readonly traceName: string;
}

const info = (type: number, traceName: string): CoreActionInfo => ({ type, traceName });

/** Core actions by every spelling the language accepts. */
export const CORE_ACTIONS: ReadonlyMap<string, CoreActionInfo> = new Map([
  ['forward', info(1, 'forward')],
  ['log', info(3, 'log')],
  ['error', info(4, 'error')],
  ['route', info(5, 'route')],
  ['exec', info(6, 'exec')],
  ['sethost', info(7, 'sethost')],
  ['seth', info(7, 'sethost')],
  ['rewritehost', info(7, 'sethost')],
  ['sethostport', info(8, 'sethostport')],
  ['sethp', info(8, 'sethostport')],
  ['rewritehostport', info(8, 'sethostport')],
  ['setuser', info(9, 'setuser')],
  ['setu', info(9, 'setuser')],
  ['rewriteuser', info(9, 'setuser')],
  ['setuserpass', info(10, 'setuserpass')],
  ['setup', info(10, 'setuserpass')],
  ['rewriteuserpass', info(10, 'setuserpass')],
  ['setport', info(11, 'setport')],
  ['setp', info(11, 'setport')],
  ['rewriteport', info(11, 'setport')],
  ['seturi', info(12, 'seturi')],
  ['rewriteuri', info(12, 'seturi')],
  ['sethostporttrans', info(13, 'sethostporttrans')],
  ['sethpt', info(13, 'sethostporttrans')],
  ['rewritehostporttrans', info(13, 'sethostporttrans')],
  ['sethostall', info(14, 'sethostall')],
  ['setuserphone', info(15, 'setuserphone')],
  ['setflag', info(39, 'setflag')],
  ['resetflag', info(40, 'resetflag')],
  ['isflagset', info(41, 'isflagset')],
  ['setavpflag', info(42, 'avpflag')],
  ['resetavpflag', info(42, 'avpflag')],
  ['isavpflagset', info(42, 'avpflag')],
  ['prefix', info(44, 'prefix')],
  ['strip', info(45, 'strip')],
  ['strip_tail', info(46, 'striptail')],
  ['append_branch', info(47, 'append_branch')],
  ['remove_branch', info(48, 'unknown')],
  ['clear_branches', info(49, 'unknown')],
  ['revert_uri', info(50, 'reverturi')],
  ['forward_tcp', info(51, 'forward_tcp')],
  ['forward_udp', info(52, 'forward_udp')],
  ['forward_tls', info(53, 'forward_tls')],
  ['forward_sctp', info(54, 'forward_sctp')],
  ['force_rport', info(55, 'force_rport')],
  ['add_rport', info(55, 'force_rport')],
  ['add_local_rport', info(56, 'add_local_rport')],
  ['set_advertised_address', info(57, 'set_adv_addr')],
  ['set_advertised_port', info(58, 'set_adv_port')],
  ['force_tcp_alias', info(59, 'force_tcp_alias')],
  ['add_tcp_alias', info(59, 'force_tcp_alias')],
  ['force_send_socket', info(62, 'force_send_socket')],
  ['udp_mtu_try_proto', info(65, 'udp_mtu_try_proto')],
  ['set_forward_no_connect', info(66, 'set_fwd_no_connect')],
  ['set_reply_no_connect', info(67, 'set_rpl_no_connect')],
  ['set_forward_close', info(68, 'set_fwd_close')],
  ['set_reply_close', info(69, 'set_rpl_close')],
  ['cfg_select', info(70, 'unknown')],
  ['cfg_reset', info(71, 'unknown')],
]);

/** Action types of the non-call statements. */
export const ACTION_TYPE = { exit: 2, if: 16, switch: 17, block: 18, while: 23, assign: 63 } as const;

/** Integer switch after Kamailio's optimisation (a condition list), and switch on strings. */
export const SWITCH_ACTION_TYPE = { int: 21, string: 22 } as const;

/**
 * A module function's action type: 24 + the number of arguments when all are constants (a string
 * holding `$pv` still counts), 31 for more than six; with a PV or expression argument, 31 + count
 * (32–37), 38 for more than six.
 */
export function moduleFunctionActionType(args: readonly Expression[]): number {
  const literal = args.every((a) => a.kind === 'int' || a.kind === 'string' || a.kind === 'ident');
  if (literal) return args.length <= 6 ? 24 + args.length : 31;
  return args.length <= 6 ? 31 + args.length : 38;
}
