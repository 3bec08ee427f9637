import type { CfgGroupSpec, CfgInputType, CfgVarSpec } from './cfg-spec.js';
import { CORE_GROUP } from './core-group.js';
import { MODULE_GROUPS } from './module-groups.js';
import { TCP_GROUP } from './tcp-group.js';

/** Every group of the catalogue by its group name: core, tcp and the module groups. */
export const CFG_GROUPS: ReadonlyMap<string, CfgGroupSpec> = new Map([CORE_GROUP, TCP_GROUP, ...MODULE_GROUPS.values()].map((g) => [g.name, g]));

/**
 * A variable of the catalogue; `group` may name an instance (`tm[2]`). Undefined when the catalogue
 * does not know it: script groups, modules it has no entry for.
 */
export function findCfgVariable(group: string, name: string): CfgVarSpec | undefined {
  return CFG_GROUPS.get(group.replace(/\[\d+\]$/, ''))?.vars.find((v) => v.name === name);
}

/** What setters must supply. */
export function cfgInputType(spec: CfgVarSpec): CfgInputType {
  return spec.input ?? (spec.type === 'int' ? 'int' : 'string');
}

/** The range the setters check (int input only), or undefined when there is none (min = max = 0). */
export function cfgRange(spec: CfgVarSpec): { min: number; max: number } | undefined {
  const min = spec.min ?? 0;
  const max = spec.max ?? 0;
  return cfgInputType(spec) === 'int' && (min !== 0 || max !== 0) ? { min, max } : undefined;
}
