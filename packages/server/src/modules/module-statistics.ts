import type { CounterRegistry } from '../counters/counter-registry.js';

const SL_STATS = [
  '1xx_replies', '200_replies', '202_replies', '2xx_replies', '300_replies', '301_replies', '302_replies', '3xx_replies',
  '400_replies', '401_replies', '403_replies', '404_replies', '407_replies', '408_replies', '483_replies', '4xx_replies',
  '500_replies', '5xx_replies', '6xx_replies', 'failures', 'received_ACKs', 'sent_err_replies', 'sent_replies', 'xxx_replies',
];
const TMX_STATS = [
  '2xx_transactions', '3xx_transactions', '4xx_transactions', '5xx_transactions', '6xx_transactions', 'UAC_transactions',
  'UAS_transactions', 'active_transactions', 'inuse_transactions', 'rpl_absorbed', 'rpl_generated', 'rpl_received',
  'rpl_relayed', 'rpl_sent',
];

export interface ModuleStatisticsInput {
  /** Names of the loaded modules. */
  modules: ReadonlySet<string>;
  /** A module parameter's last value, or the default. */
  param(module: string, name: string, fallback: number): number;
  /** Every value of a repeatable string parameter. */
  params(module: string, name: string): string[];
}

/** `name[ description]` of counters' script_counter (a `:` after the name is allowed). */
function splitCounterSpec(spec: string): { name: string; description?: string } {
  const match = /^\s*([^\s:]+)\s*:?\s*(.*)$/s.exec(spec);
  const name = match?.[1] ?? spec.trim();
  const description = match?.[2]?.trim();
  return description ? { name, description } : { name };
}

/**
 * Declares the statistics groups the loaded modules register in Kamailio 5.6.3. Values stay 0 until
 * the SIP side counts into them; registrar's parameter statistics report the configured values.
 */
export function defineModuleStatistics(counters: CounterRegistry, input: ModuleStatisticsInput): void {
  const { modules } = input;
  // sl and tmx statistics are computed from their modules' own tallies: not reset by stats.reset_statistics.
  if (modules.has('sl')) for (const name of SL_STATS) counters.define({ group: 'sl', name, noReset: true });
  if (modules.has('tmx')) for (const name of TMX_STATS) counters.define({ group: 'tmx', name, noReset: true });
  if (modules.has('usrloc')) {
    counters.define({ group: 'usrloc', name: 'registered_users', noReset: true });
    for (const name of ['location_contacts', 'location_expires', 'location_users']) counters.define({ group: 'usrloc', name, noReset: true });
  }
  if (modules.has('registrar')) {
    counters.define({ group: 'registrar', name: 'accepted_regs' });
    counters.define({ group: 'registrar', name: 'rejected_regs' });
    const fixed: [string, string, number][] = [
      ['default_expire', 'default_expires', 3600],
      ['default_expires_range', 'default_expires_range', 0],
      ['expires_range', 'expires_range', 0],
      ['max_contacts', 'max_contacts', 0],
      ['max_expires', 'max_expires', 0],
    ];
    for (const [stat, param, fallback] of fixed) {
      const value = input.param('registrar', param, fallback);
      counters.define({ group: 'registrar', name: stat, read: () => value });
    }
  }
  if (modules.has('db_mysql')) counters.define({ group: 'mysql', name: 'driver_errors' });
  if (modules.has('counters') || modules.has('statistics')) {
    const group = modules.has('counters') ? String(input.params('counters', 'script_cnt_grp_name').at(-1) ?? 'script') : 'script';
    for (const spec of input.params('counters', 'script_counter')) counters.define({ group, ...splitCounterSpec(spec) });
    // statistics' `variable` is `[group:]name[/no_reset]`.
    for (const spec of input.params('statistics', 'variable')) {
      const match = /^(?:([^:]+):)?([^/]+)(\/no_reset)?$/.exec(spec.trim());
      if (match) counters.define({ group: match[1] ?? 'script', name: match[2]!, noReset: match[3] !== undefined });
    }
  }
}
