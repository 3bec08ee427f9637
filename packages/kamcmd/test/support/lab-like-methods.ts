import { int, str, struct, type BinrpcValue } from '@kamkit/binrpc';
import type { PeerMethods } from './binrpc-peer.js';

/** Strings as STR records. */
export const strings = (...values: string[]): BinrpcValue[] => values.map(str);

/** A few methods answered the way Kamailio 5.6 answers them, enough for every kamcmd mode. */
export function labLikeMethods(): PeerMethods {
  return {
    'system.listMethods': () => ({
      values: strings('cfg.get', 'cfg.help', 'cfg.list', 'cnt.get', 'cnt.grps_list', 'cnt.var_list', 'core.echo', 'core.ps', 'core.psx', 'core.uptime', 'core.version', 'system.listMethods', 'system.methodHelp'),
    }),
    'system.methodHelp': (params) =>
      params[0]?.type === 'str' && params[0].value === 'core.uptime'
        ? { values: strings('Returns uptime of SIP server.') }
        : { fault: { code: 500, message: 'command not found' } },
    'core.version': () => ({ values: strings('kamailio 5.6.3 (x86_64/linux) ') }),
    'core.uptime': () => ({
      values: [struct([{ name: 'now', value: str('Sun Nov 22 06:59:02 2026') }, { name: 'up_since', value: str('Sun Nov 22 06:58:56 2026') }, { name: 'uptime', value: int(6) }])],
    }),
    // BINRPC's echo turns every parameter into a string.
    'core.echo': (params) => ({ values: params.map((p) => str(p.type === 'str' ? p.value : String(p.type === 'int' || p.type === 'double' ? p.value : ''))) }),
    'core.ps': () => ({ values: [int(100), str('main process - attendant'), int(101), str('udp receiver child=0')] }),
    'cfg.list': () => ({ values: strings('core: debug', 'core: log_facility', 'core: memdbg', 'lab: enabled', 'lab: greeting', 'tm: fr_timer') }),
    'cfg.get': (params) =>
      params[0]?.type === 'str' && params[0].value === 'core' ? { values: [int(2)] } : { fault: { code: 400, message: 'Failed to get the variable' } },
    'cnt.grps_list': () => ({ values: strings('script', 'shmem', 'sl', 'tcp') }),
    'cnt.var_list': (params) => ({
      values: params[0]?.type === 'str' && params[0].value === 'script' ? strings('lab_requests', 'lab_register_ok') : strings(),
    }),
  };
}
