import { cfgInt, cfgStr, cfgString, type CfgGroupSpec } from './cfg-spec.js';

/** Kamailio runs a fix-up (so cfg.get cannot read the variable) that takes every valid value. */
const passThrough = { fixup: 'pass-through' } as const;
const A = { atomic: true } as const;
const bool = { min: 0, max: 1 } as const;

const TM: CfgGroupSpec = {
  name: 'tm',
  vars: [
    cfgString('auto_inv_100_reason', 'trying -- your call is important to us', { description: 'reason phrase of the automatic 100 for INVITE' }),
    cfgString('default_reason', 'Server Internal Error', { description: 'reason phrase of replies with default_code' }),
    cfgStr('ac_extra_hdrs', null, { description: 'header name prefix copied into local ACK and CANCEL' }),
    cfgInt('ruri_matching', 1, { ...A, ...bool, description: 'match the R-URI of requests to transactions' }),
    cfgInt('via1_matching', 1, { ...A, ...bool, description: 'match the first Via of requests to transactions' }),
    cfgInt('callid_matching', 0, { ...A, description: 'match the Call-ID of requests to transactions' }),
    cfgInt('callid_cseq_matching', 0, { ...A, description: 'match Call-ID and CSeq of requests to transactions' }),
    cfgInt('fr_timer', 30000, { ...A, ...passThrough, description: 'ms to wait for a final reply' }),
    cfgInt('fr_inv_timer', 120000, { ...A, ...passThrough, description: 'ms to wait for a final reply to an INVITE after a provisional one' }),
    cfgInt('fr_inv_timer_next', 30000, { description: 'fr_inv_timer of serial forking branches after the first' }),
    cfgInt('wt_timer', 5000, { ...A, ...passThrough, description: 'ms a finished transaction is kept' }),
    cfgInt('retr_timer1', 500, { ...A, ...passThrough, description: 'first retransmission interval (ms)' }),
    cfgInt('retr_timer2', 4000, { ...A, ...passThrough, description: 'longest retransmission interval (ms)' }),
    cfgInt('max_inv_lifetime', 180000, { ...A, ...passThrough, description: 'longest life of an INVITE transaction (ms)' }),
    cfgInt('max_noninv_lifetime', 32000, { ...A, ...passThrough, description: 'longest life of a non-INVITE transaction (ms)' }),
    cfgInt('noisy_ctimer', 1, { ...bool, description: 'send CANCEL on INVITE timeouts' }),
    cfgInt('auto_inv_100', 1, { ...A, ...bool, description: 'answer INVITE with 100 automatically' }),
    cfgInt('unix_tx_timeout', 500, { description: 'unix socket send timeout (ms)' }),
    cfgInt('restart_fr_on_each_reply', 1, { ...A, ...bool, description: 'restart fr_inv_timer on each provisional reply' }),
    cfgInt('pass_provisional_replies', 0, { ...A, ...bool, description: 'pass provisional replies to the FIFO/unix socket' }),
    cfgInt('aggregate_challenges', 1, { ...bool, description: 'aggregate 401/407 challenges of forked branches' }),
    cfgInt('unmatched_cancel', 0, { min: 0, max: 2, description: 'what to do with a CANCEL matching no transaction' }),
    cfgInt('default_code', 500, { ...A, min: 400, max: 699, description: 'code of the default negative reply' }),
    cfgInt('reparse_invite', 1, { ...bool, description: 'build CANCEL and ACK from the INVITE as sent' }),
    cfgInt('blst_503', 0, { ...A, ...bool, description: 'blocklist destinations answering 503' }),
    cfgInt('blst_503_def_timeout', 0, { ...A, description: 'blocklist time of a 503 without Retry-After (s)' }),
    cfgInt('blst_503_min_timeout', 0, { ...A, description: 'shortest 503 blocklist time (s)' }),
    cfgInt('blst_503_max_timeout', 3600, { ...A, description: 'longest 503 blocklist time (s)' }),
    cfgInt('blst_methods_add', 1, { ...A, description: 'methods whose failures blocklist (bit mask)' }),
    cfgInt('blst_methods_lookup', -9, { ...A, description: 'methods that check the blocklist (bit mask)' }),
    cfgInt('cancel_b_method', 1, { min: 0, max: 2, ...passThrough, description: 'how to cancel branches without a reply' }),
    cfgInt('reparse_on_dns_failover', 1, { ...A, ...bool, ...passThrough, description: 'parse the message again on DNS failover' }),
    cfgInt('disable_6xx_block', 0, { ...A, ...bool, description: 'treat 6xx like other negative replies' }),
    cfgInt('local_ack_mode', 0, { ...A, min: 0, max: 2, description: 'where local ACKs for 2xx go' }),
    cfgInt('local_cancel_reason', 1, { ...A, ...bool, description: 'add Reason to local CANCELs' }),
    cfgInt('e2e_cancel_reason', 1, { ...A, ...bool, description: 'copy Reason into forwarded CANCELs' }),
    cfgInt('relay_100', 0, { ...A, ...bool, description: 'relay 100 replies' }),
    cfgInt('enable_uac_fr', 0, { ...A, ...bool, description: 'failure routes for locally generated requests' }),
  ],
};

const ONCE = { perChild: true, onlyOnce: true } as const;

const REGISTRAR: CfgGroupSpec = {
  name: 'registrar',
  vars: [
    cfgStr('realm_pref', null, { param: 'realm_prefix', description: 'realm prefix removed from the AoR domain' }),
    cfgInt('default_expires', 3600, { ...ONCE, description: 'expires used when the REGISTER gives none' }),
    cfgInt('default_expires_range', 0, { ...ONCE, min: 0, max: 100, description: 'percent of randomness added to default_expires' }),
    cfgInt('expires_range', 0, { ...ONCE, min: 0, max: 100, description: 'percent of randomness added to requested expires' }),
    cfgInt('min_expires', 60, { onlyOnce: true, description: 'lowest accepted expires (0: none)' }),
    cfgInt('max_expires', 0, { ...ONCE, description: 'highest accepted expires (0: none)' }),
    cfgInt('max_contacts', 0, { ...A, description: 'most contacts per AoR (0: no limit)' }),
    cfgInt('retry_after', 0, { ...A, description: 'Retry-After of 5xx replies (0: none)' }),
    cfgInt('case_sensitive', 0, { ...A, description: 'compare AoRs case-sensitively' }),
    cfgInt('default_q', -1, { ...A, min: -1, max: 1000, description: 'q of contacts without one (-1: unspecified)' }),
    cfgInt('append_branches', 1, { description: 'lookup() adds every contact as a branch' }),
    cfgInt('use_expired_contacts', 0, { description: 'treat expired contacts as valid' }),
  ],
};

const DISPATCHER: CfgGroupSpec = {
  name: 'dispatcher',
  vars: [
    cfgInt('probing_threshold', 1, { ...A, param: 'ds_probing_threshold', description: 'failed requests before probing a destination (no effect at runtime in 5.6.3)' }),
    cfgInt('inactive_threshold', 1, { ...A, param: 'ds_inactive_threshold', description: 'replies before a probed destination is active again (no effect at runtime in 5.6.3)' }),
    cfgStr('ping_reply_codes', '', { ...ONCE, param: 'ds_ping_reply_codes', description: 'reply codes that count as a successful ping (class=N;code=N)' }),
  ],
};

const DBG: CfgGroupSpec = {
  name: 'dbg',
  vars: [
    cfgInt('mod_level_mode', 0, { ...A, ...bool, fixup: 'needs-dbg-mod-hash-size', description: 'per-module log levels on' }),
    cfgInt('mod_facility_mode', 0, { ...A, ...bool, fixup: 'needs-dbg-mod-hash-size', description: 'per-module log facilities on' }),
    cfgInt('mod_hash_size', 0, { readonly: true, description: 'size exponent of the per-module table (set at start-up)' }),
  ],
};

/** The cfg groups of the modules in the catalogue, by module name (debugger's group is `dbg`). */
export const MODULE_GROUPS: ReadonlyMap<string, CfgGroupSpec> = new Map([
  ['tm', TM],
  ['registrar', REGISTRAR],
  ['dispatcher', DISPATCHER],
  ['debugger', DBG],
  ['maxfwd', { name: 'maxfwd', vars: [cfgInt('max_limit', 70, { min: 0, max: 255, description: 'highest Max-Forwards value let through' })] }],
  ['xlog', { name: 'xlog', vars: [cfgInt('methods_filter', -1, { ...A, description: 'methods not logged by xlog (bit mask)' })] }],
  ['siputils', { name: 'siputils', vars: [cfgInt('ring_timeout', 0, { ...A, ...passThrough, description: 'seconds a 183 is turned into 180' })] }],
]);
