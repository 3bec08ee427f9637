import { CORE_GROUP as CORE_SPEC, MODULE_GROUPS as MODULE_SPECS, TCP_GROUP as TCP_SPEC, type CfgGroupSpec } from '@kamkit/cfg-catalog';

import type { CfgGroupDefinition } from '../model/cfg-definition.js';
import { CFG_FIXUPS } from './cfg-fixups.js';

/** A catalogue group with the code of its fix-ups attached. */
function withFixups(group: CfgGroupSpec): CfgGroupDefinition {
  return { name: group.name, vars: group.vars.map(({ fixup, ...spec }) => (fixup ? { ...spec, fixup: CFG_FIXUPS[fixup] } : spec)) };
}

/**
 * The groups of @kamkit/cfg-catalog as the framework runs them. The companion acts on core's debug,
 * max_while_loops, log_facility and force_rport; the others are kept, typed and flagged, so that
 * cfg.* answers as Kamailio does.
 */
export const CORE_GROUP = withFixups(CORE_SPEC);
export const TCP_GROUP = withFixups(TCP_SPEC);
export const MODULE_GROUPS: ReadonlyMap<string, CfgGroupDefinition> = new Map([...MODULE_SPECS].map(([module, group]) => [module, withFixups(group)]));
