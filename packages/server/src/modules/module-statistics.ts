import type { LoadedConfig } from '../config/load/loaded-config.js';
import type { CounterRegistry } from '../counters/counter-registry.js';
import { modparamValue, moduleParams } from './module-catalogue.js';

/** The modules and module parameters of a loaded config, as far as statistics need them. */
export type StatisticsConfig = Pick<LoadedConfig, 'modules' | 'modparams'>;

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
/** registrar's statistics that report a module parameter: [statistic, parameter, default]. */
const REGISTRAR_PARAM_STATS: [string, string, number][] = [
  ['default_expire', 'default_expires', 3600],
  ['default_expires_range', 'default_expires_range', 0],
  ['expires_range', 'expires_range', 0],
  ['max_contacts', 'max_contacts', 0],
  ['max_expires', 'max_expires', 0],
];
/** cnt.help of a script counter declared without a description. */
const SCRIPT_COUNTER_DESCRIPTION = 'custom script counter.';

/** `name[ description]` of counters' script_counter (a `:` after the name is allowed). */
function splitCounterSpec(spec: string): { name: string; description: string } {
  const match = /^\s*([^\s:]+)\s*:?\s*(.*)$/s.exec(spec);
  const name = match?.[1] ?? spec.trim();
  const description = match?.[2]?.trim();
  return { name, description: description || SCRIPT_COUNTER_DESCRIPTION };
}

/**
 * The counters module's script counters. Kamailio declares them while it reads the config, before
 * any other statistic, each in the group `script_cnt_grp_name` names at that point of the file.
 */
export function defineScriptCounters(counters: CounterRegistry, config: StatisticsConfig): void {
  if (!config.modules.some((m) => m.name === 'counters')) return;
  let group = 'script';
  for (const param of moduleParams(config, 'counters')) {
    if (param.param === 'script_cnt_grp_name') group = String(param.value);
    else if (param.param === 'script_counter') counters.define({ group, ...splitCounterSpec(String(param.value)) });
  }
}

/** Each module's statistics, as its mod_init registers them in Kamailio 5.6.3. */
const MODULE_STATISTICS = new Map<string, (counters: CounterRegistry, config: StatisticsConfig) => void>(Object.entries({
  // sl, tmx and usrloc compute theirs from the modules' own tallies: stats.reset_statistics leaves them.
  sl: (counters) => SL_STATS.forEach((name) => counters.define({ group: 'sl', name, noReset: true })),
  tmx: (counters) => TMX_STATS.forEach((name) => counters.define({ group: 'tmx', name, noReset: true })),
  usrloc: (counters) => {
    for (const name of ['registered_users', 'location_contacts', 'location_expires', 'location_users']) {
      counters.define({ group: 'usrloc', name, noReset: true });
    }
  },
  registrar: (counters, config) => {
    counters.define({ group: 'registrar', name: 'accepted_regs' });
    counters.define({ group: 'registrar', name: 'rejected_regs' });
    for (const [name, param, fallback] of REGISTRAR_PARAM_STATS) {
      const value = Number(modparamValue(config, 'registrar', param, fallback));
      counters.define({ group: 'registrar', name, read: () => value });
    }
  },
  db_mysql: (counters) => {
    counters.define({ group: 'mysql', name: 'driver_errors' });
  },
  // `variable` is `name[/no_reset]`; 5.6.3 puts every one in group "script", whatever the name holds
  // (`g1:x` is a statistic named "g1:x") and whatever counters' script_cnt_grp_name says.
  statistics: (counters, config) => {
    for (const spec of moduleParams(config, 'statistics').filter((p) => p.param === 'variable')) {
      const match = /^(.*?)(\/no_reset)?$/s.exec(String(spec.value))!;
      counters.define({ group: 'script', name: match[1]!, noReset: match[2] !== undefined });
    }
  },
}));

/**
 * Declares the statistics of the loaded modules in load order (the order Kamailio initialises them,
 * which decides which one a bare name finds when two groups share it). Values stay 0 until the SIP
 * side counts into them; registrar's parameter statistics report the configured values.
 */
export function defineModuleStatistics(counters: CounterRegistry, config: StatisticsConfig): void {
  for (const module of config.modules) MODULE_STATISTICS.get(module.name)?.(counters, config);
}
