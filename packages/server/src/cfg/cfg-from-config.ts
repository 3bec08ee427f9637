import { ConfigError } from '../config/errors/config-error.js';
import type { LoadedConfig } from '../config/load/loaded-config.js';
import { compilePosixRegex } from '../config/regex/posix-regex.js';
import type { SourceLocation } from '../config/source/source-location.js';
import { CORE_GROUP, MODULE_GROUPS, TCP_GROUP } from './catalog/catalog-groups.js';
import { CfgFramework, type CfgFrameworkOptions } from './cfg-framework.js';
import type { CfgGroupDefinition, CfgValue, CfgVarDefinition } from './model/cfg-definition.js';
import { CfgError } from './model/cfg-error.js';
import { acceptCfgValue } from './model/cfg-input.js';

export interface CfgFromConfigOptions extends CfgFrameworkOptions {
  /** Module name → its cfg group; defaults to the groups of the modules the companion knows. */
  moduleGroups?: ReadonlyMap<string, CfgGroupDefinition>;
}

/**
 * The cfg framework of a loaded script, registered in Kamailio's order: the script's groups (as the
 * parser meets them), core, tcp, then each loaded module's group in loadmodule order. Global
 * parameters set core/tcp defaults, module parameters set module defaults, and `group[N].var = value`
 * creates instance N. Problems are ConfigErrors at the line that caused them.
 */
export function cfgFrameworkFromConfig(config: LoadedConfig, options: CfgFromConfigOptions = {}): CfgFramework {
  const moduleGroups = options.moduleGroups ?? MODULE_GROUPS;
  const scriptGroups = scriptGroupsOf(config);
  const loaded = [...new Set(config.modules.map((m) => m.name))];
  const builtIn = [CORE_GROUP, TCP_GROUP, ...loaded.flatMap((m) => moduleGroups.get(m) ?? [])];
  for (const group of scriptGroups) {
    const clash = builtIn.find((g) => g.name === group.def.name);
    if (clash) throw new ConfigError(group.loc, `configuration group has been already declared: ${group.def.name}`, 'a group name no module or the core uses');
  }
  const values = new Map<string, CfgValue[]>();
  for (const group of [...scriptGroups.map((g) => g.def), ...builtIn]) values.set(group.name, group.vars.map((v) => v.default));

  const setStart = (group: CfgGroupDefinition, def: CfgVarDefinition, value: number | string, loc: SourceLocation): void => {
    try {
      values.get(group.name)![group.vars.indexOf(def)] = acceptCfgValue(group.name, def, value, () => null, true);
    } catch (error) {
      if (error instanceof CfgError) throw new ConfigError(loc, error.message, `a value for ${group.name}.${def.name}`);
      throw error;
    }
  };
  for (const global of config.globals) {
    for (const group of [CORE_GROUP, TCP_GROUP]) {
      const def = group.vars.find((v) => (v.param ?? v.name) === global.name);
      if (def) setStart(group, def, global.value, global.loc);
    }
  }
  for (const param of config.modparams) {
    const regex = compilePosixRegex(`^(${param.module})$`, 'i');
    for (const module of loaded) {
      const group = moduleGroups.get(module);
      const def = group?.vars.find((v) => (v.param ?? v.name) === param.param);
      if (group && def && !(regex instanceof Error) && regex.test(module)) setStart(group, def, param.value, param.loc);
    }
  }

  const groups = [...scriptGroups.map((g) => g.def), ...builtIn];
  const instances = new Map<string, Map<number, Map<number, CfgValue>>>();
  for (const declaration of config.cfgVars) {
    if (declaration.instance === undefined) continue;
    const group = groups.find((g) => g.name === declaration.group);
    const index = group?.vars.findIndex((v) => v.name === declaration.name) ?? -1;
    if (!group || index < 0) throw new ConfigError(declaration.loc, `unknown variable: ${declaration.group}.${declaration.name}`, 'an instance value for a declared variable');
    const def = group.vars[index]!;
    let value: number | string;
    try {
      value = acceptCfgValue(group.name, def, declaration.value, () => null, true);
    } catch (error) {
      if (error instanceof CfgError) throw new ConfigError(declaration.loc, error.message, `a value for ${group.name}.${def.name}`);
      throw error;
    }
    const byId = instances.get(group.name) ?? new Map<number, Map<number, CfgValue>>();
    instances.set(group.name, byId);
    const own = byId.get(declaration.instance) ?? new Map<number, CfgValue>();
    byId.set(declaration.instance, own);
    own.set(index, value);
  }
  return new CfgFramework({ groups, values, instances }, options);
}

/** `group.var = value [desc "…"]`: int literals make int variables, strings str ones; no range, no flags. */
function scriptGroupsOf(config: LoadedConfig): { def: CfgGroupDefinition; loc: SourceLocation }[] {
  const groups = new Map<string, { vars: CfgVarDefinition[]; loc: SourceLocation }>();
  for (const declaration of config.cfgVars) {
    if (declaration.instance !== undefined) continue;
    const group = groups.get(declaration.group) ?? { vars: [], loc: declaration.loc };
    groups.set(declaration.group, group);
    const base = { name: declaration.name, default: declaration.value, ...(declaration.description === undefined ? {} : { description: declaration.description }) };
    group.vars.push(typeof declaration.value === 'number' ? { ...base, type: 'int' } : { ...base, type: 'str', input: 'string' });
  }
  return [...groups].map(([name, { vars, loc }]) => ({ def: { name, vars, script: true }, loc }));
}
