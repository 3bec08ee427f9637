import { cfgInt, type CfgGroupSpec } from './cfg-spec.js';

/** Kamailio runs a fix-up (so cfg.get cannot read the variable) that takes every valid value. */
const passThrough = { fixup: 'pass-through' } as const;
const A = { atomic: true } as const;
const CB = { perChild: true } as const;

/**
 * The `core` group of Kamailio 5.6.3 (Debian build), in declaration order: types, flags, defaults and
 * ranges (companion-server.md §2.7). Global parameters of the same name set the defaults.
 */
export const CORE_GROUP: CfgGroupSpec = {
  name: 'core',
  vars: [
    cfgInt('debug', 0, { ...A, description: 'debug level' }),
    cfgInt('log_facility', 24, { input: 'string', fixup: 'syslog-facility', description: 'syslog facility, set by name (LOG_DAEMON, LOG_LOCAL0, ...)' }),
    cfgInt('memdbg', 4, { ...A, description: 'log level of memory debugging messages' }),
    cfgInt('use_dst_blocklist', 0, { min: 0, max: 1, ...passThrough, description: 'use the destination blocklist' }),
    cfgInt('dst_blocklist_expire', 60, { description: 'seconds a blocklist entry lives' }),
    cfgInt('dst_blocklist_mem', 250, { ...passThrough, description: 'shared memory for the blocklist, in KB' }),
    cfgInt('dst_blocklist_udp_imask', 0, { ...CB, description: 'blocklist events ignored for UDP' }),
    cfgInt('dst_blocklist_tcp_imask', 0, { ...CB, description: 'blocklist events ignored for TCP' }),
    cfgInt('dst_blocklist_tls_imask', 0, { ...CB, description: 'blocklist events ignored for TLS' }),
    cfgInt('dst_blocklist_sctp_imask', 0, { ...CB, description: 'blocklist events ignored for SCTP' }),
    cfgInt('dns_try_ipv6', 1, { min: 0, max: 1, ...passThrough, ...CB, description: 'look up AAAA records too' }),
    cfgInt('dns_try_naptr', 0, { min: 0, max: 1, ...CB, description: 'look up NAPTR records' }),
    cfgInt('dns_udp_pref', 30, { ...CB, description: 'NAPTR preference of UDP' }),
    cfgInt('dns_tcp_pref', 20, { ...CB, description: 'NAPTR preference of TCP' }),
    cfgInt('dns_tls_pref', 10, { ...CB, description: 'NAPTR preference of TLS' }),
    cfgInt('dns_sctp_pref', 20, { ...CB, description: 'NAPTR preference of SCTP' }),
    cfgInt('dns_retr_time', -1, { ...CB, description: 'resolver retry time in seconds (-1: system default)' }),
    cfgInt('dns_slow_query_ms', 0, { ...CB, description: 'DNS queries slower than this (ms) are logged' }),
    cfgInt('dns_retr_no', -1, { ...CB, description: 'resolver retries (-1: system default)' }),
    cfgInt('dns_servers_no', -1, { ...CB, description: 'how many name servers to use (-1: all)' }),
    cfgInt('dns_use_search_list', 1, { min: 0, max: 1, ...CB, description: 'use the search list of resolv.conf' }),
    cfgInt('dns_search_full_match', 1, { min: 0, max: 1, description: 'check answers against the search list' }),
    cfgInt('dns_reinit', 0, { min: 1, max: 1, ...passThrough, ...CB, description: 'set to 1 to initialise the resolver again' }),
    cfgInt('dns_naptr_ignore_rfc', 1, { ...CB, description: 'ignore the NAPTR order field' }),
    cfgInt('use_dns_cache', 1, { min: 0, max: 1, ...passThrough, description: 'use the DNS cache' }),
    cfgInt('dns_cache_flags', 0, { min: 0, max: 4, ...CB, description: 'DNS cache: 1 IPv4 only, 2 IPv6 only, 4 prefer IPv6' }),
    cfgInt('use_dns_failover', 0, { min: 0, max: 1, ...passThrough, description: 'try the next DNS destination on failure' }),
    cfgInt('dns_srv_lb', 0, { min: 0, max: 1, ...CB, description: 'load-balance SRV records by weight' }),
    cfgInt('dns_cache_negative_ttl', 60, { description: 'seconds a negative DNS answer is cached' }),
    cfgInt('dns_cache_min_ttl', 0, { description: 'lowest TTL of cached DNS entries' }),
    cfgInt('dns_cache_max_ttl', -1, { description: 'highest TTL of cached DNS entries (UINT_MAX shows -1)' }),
    cfgInt('dns_cache_mem', 500, { ...passThrough, description: 'shared memory for the DNS cache, in KB' }),
    cfgInt('dns_cache_del_nonexp', 0, { min: 0, max: 1, description: 'may drop unexpired entries when the cache is full' }),
    cfgInt('dns_cache_rec_pref', 0, { min: 0, max: 3, description: 'which duplicate DNS record to keep' }),
    cfgInt('mem_dump_pkg', 0, { ...CB, description: 'pid of a process whose private memory to dump' }),
    cfgInt('mem_dump_shm', 0, { ...passThrough, description: 'dump shared memory' }),
    cfgInt('max_while_loops', 100, { ...A, description: 'iterations after which a while loop is abandoned (0: no limit)' }),
    cfgInt('udp_mtu', 0, { ...A, min: 0, max: 65535, description: 'UDP messages above this size go over another transport (0: off)' }),
    cfgInt('udp_mtu_try_proto', 0, { min: 1, max: 4, ...CB, description: 'transport for messages above udp_mtu: 1 udp, 2 tcp, 3 tls, 4 sctp' }),
    cfgInt('udp4_raw', 0, { ...A, min: -1, max: 1, ...passThrough, description: 'send UDP over raw sockets (-1: auto)' }),
    cfgInt('udp4_raw_mtu', 1500, { ...A, min: 28, max: 65535, description: 'MTU for raw UDP sending' }),
    cfgInt('udp4_raw_ttl', -1, { ...A, min: -1, max: 255, ...passThrough, description: 'TTL for raw UDP sending (-1: auto)' }),
    cfgInt('force_rport', 0, { min: 0, max: 1, ...CB, description: 'handle every message as if it had rport' }),
    cfgInt('memlog', 4, { ...A, description: 'log level of memory status reports' }),
    cfgInt('mem_summary', 12, { ...A, min: 0, max: 31, description: 'what memory information to log at exit (bit mask)' }),
    cfgInt('mem_safety', 1, { ...A, description: 'memory allocator safety checks' }),
    cfgInt('mem_join', 1, { ...A, description: 'join freed memory fragments' }),
    cfgInt('mem_status_mode', 0, { ...A, description: 'what memory status reports include' }),
    cfgInt('sip_parser_log_oneline', 0, { ...A, description: 'log SIP parse errors on one line' }),
    cfgInt('sip_parser_log', -1, { ...A, description: 'log level of SIP parse errors' }),
    cfgInt('corelog', -1, { ...A, description: 'log level of non-critical core errors' }),
    cfgInt('latency_cfg_log', 3, { ...A, description: 'log level of script latency reports' }),
    cfgInt('latency_log', -1, { ...A, description: 'log level of latency reports' }),
    cfgInt('latency_limit_db', 0, { ...A, description: 'database latency worth reporting (ms)' }),
    cfgInt('latency_limit_action', 0, { ...A, description: 'script action latency worth reporting (us)' }),
    cfgInt('latency_limit_cfg', 0, { ...A, description: 'script run latency worth reporting (ms)' }),
    cfgInt('pv_cache_limit', 2048, { ...A, description: 'PV cache size that triggers pv_cache_action' }),
    cfgInt('pv_cache_action', 0, { ...A, description: 'what to do when the PV cache passes pv_cache_limit' }),
  ],
};
