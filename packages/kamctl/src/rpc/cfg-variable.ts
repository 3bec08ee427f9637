import { cfgInputType, cfgRange, findCfgVariable, syslogFacilityNumber, type CfgVarSpec } from '@kamkit/cfg-catalog';
import type { RpcClient } from '@kamkit/rpc';

import { UsageError } from '../cli/exit-codes.js';
import { INT32_MAX, INT32_MIN } from '../validate/numbers.js';
import { callRpc } from './rpc-session.js';

export interface CfgVariable {
  group: string;
  name: string;
  type: 'integer' | 'string';
  /** From the catalogue, or from cfg.help (JSON-RPC transports return only the type line: maybe empty). */
  description: string;
  /** The int range the server checks, when the catalogue gives one. */
  range?: { min: number; max: number };
  /**
   * `catalogue`: a Kamailio 5.6.3 core or module variable of @kamkit/cfg-catalog, checked without asking
   * the server; `server`: described by cfg.list and cfg.help (script groups, other modules).
   */
  source: 'catalogue' | 'server';
  /** The catalogue's entry, for what it says beyond type and range (read-only, syslog facility names). */
  spec?: CfgVarSpec;
}

const GROUP = /^[A-Za-z_][\w]*(\[\d+\])?$/;
const NAME = /^[A-Za-z_][\w]*$/;

/** Group (`group` or `group[id]`) and variable name syntax, checked before anything is sent. */
export function checkCfgNames(group: string, name?: string): void {
  if (!GROUP.test(group)) throw new UsageError(`invalid cfg group ${JSON.stringify(group)}`);
  if (name !== undefined && !NAME.test(name)) throw new UsageError(`invalid cfg variable ${JSON.stringify(name)}`);
}

/** The variable as the catalogue describes it, or undefined when the catalogue does not know it. */
export function catalogueCfgVariable(group: string, name: string): CfgVariable | undefined {
  const spec = findCfgVariable(group, name);
  if (!spec) return undefined;
  const range = cfgRange(spec);
  return {
    group,
    name,
    type: cfgInputType(spec) === 'int' ? 'integer' : 'string',
    description: spec.description ?? '',
    ...(range ? { range } : {}),
    source: 'catalogue',
    spec,
  };
}

/** What the server says about one cfg variable (cfg.list, cfg.help); unknown ones are usage errors. */
export async function serverCfgVariable(client: RpcClient, group: string, name: string): Promise<CfgVariable> {
  checkCfgNames(group, name);
  const baseGroup = group.replace(/\[\d+\]$/, '');
  const listed = (await callRpc(client, 'cfg.list', [baseGroup])) as unknown;
  const names = (Array.isArray(listed) ? listed : []).map(String).filter((l) => l.startsWith(`${baseGroup}: `)).map((l) => l.slice(baseGroup.length + 2));
  if (names.length === 0) throw new UsageError(`no cfg group ${JSON.stringify(baseGroup)} on the server`);
  if (!names.includes(name)) throw new UsageError(`cfg group ${baseGroup} has no variable ${name} (it has: ${names.join(', ')})`);
  const help = (await callRpc(client, 'cfg.help', [baseGroup, name])) as unknown;
  const texts = (Array.isArray(help) ? help : [help]).filter((t): t is string => typeof t === 'string');
  const typeLine = texts.find((t) => /parameter type is/.test(t)) ?? '';
  return {
    group,
    name,
    type: /integer/.test(typeLine) ? 'integer' : 'string',
    description: texts.filter((t) => t !== typeLine).join(' ').trim(),
    source: 'server',
  };
}

/** "core.udp_mtu (integer, 0..65535: UDP messages above ...)": type, range and description, for messages. */
export function formatCfgVariable(variable: CfgVariable): string {
  return `${variable.group}.${variable.name} (${typeAndRange(variable)}${variable.description ? `: ${variable.description}` : ''})`;
}

function typeAndRange(variable: CfgVariable): string {
  if (variable.type === 'string') return variable.spec?.fixup === 'syslog-facility' ? 'string, a syslog facility name' : 'string';
  if (variable.range) return `integer, ${variable.range.min}..${variable.range.max}`;
  // Kamailio checks no range for this variable; the server may still refuse what its fix-up does not take.
  if (variable.source === 'catalogue') return `integer, ${INT32_MIN}..${INT32_MAX}`;
  return `integer, ${INT32_MIN}..${INT32_MAX}; the server may enforce a narrower range`;
}

/** The value as the variable needs it, or a usage error naming type, range and description; nothing is sent. */
export function cfgValue(variable: CfgVariable, text: string): number | string {
  const refuse = (why: string) => new UsageError(`${formatCfgVariable(variable)}: ${JSON.stringify(text)} ${why}; nothing was sent`);
  if (variable.spec?.readonly) throw refuse('cannot be set: the variable is read-only');
  if (variable.type === 'string') {
    if (variable.spec?.fixup === 'syslog-facility' && syslogFacilityNumber(text) === undefined) {
      throw refuse('is not a syslog facility (LOG_DAEMON, LOG_LOCAL0 ... LOG_LOCAL7, LOG_USER, ...)');
    }
    return text;
  }
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < INT32_MIN || n > INT32_MAX) throw refuse('is not an integer of that range');
  if (variable.range && (n < variable.range.min || n > variable.range.max)) throw refuse('is out of range');
  return n;
}
