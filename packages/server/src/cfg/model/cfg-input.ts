import type { CfgReader, CfgVarDefinition } from './cfg-definition.js';
import { CfgError } from './cfg-error.js';

/**
 * Validates a value for a variable as every setter does, and returns what to store: the input type's
 * conversion (a complete decimal string for ints; ints printed in decimal for strings), the range
 * check (ints only, unless min and max are both 0), then the fix-up. `startup` is for defaults from
 * global and module parameters, which Kamailio hands to the variables without the runtime checks.
 */
export function acceptCfgValue(group: string, def: CfgVarDefinition, value: number | string, read: CfgReader, startup = false): number | string {
  const where = `${group}.${def.name}`;
  if (def.readonly && !startup) throw new CfgError('read-only', `${where} is read-only`);
  const input = def.input ?? (def.type === 'int' ? 'int' : 'string');
  let converted: number | string;
  if (input === 'int') {
    if (typeof value === 'string') {
      if (!/^[-+]?\d+$/.test(value.trim())) {
        throw new CfgError('wrong-type', `cannot convert string ${JSON.stringify(value)} to integer for ${where}, expected a decimal integer`);
      }
      converted = Number(value.trim()) | 0;
    } else converted = value;
    const min = def.min ?? 0;
    const max = def.max ?? 0;
    if (!startup && (min !== 0 || max !== 0) && (converted < min || converted > max)) {
      throw new CfgError('out-of-range', `${converted} is out of range for ${where}, expected ${min} to ${max}`);
    }
  } else converted = typeof value === 'number' ? String(value) : value;
  // Start-up values (global and module parameters) go to the variable as they are, except names
  // that the fix-up turns into the stored int (log_facility=LOG_LOCAL0).
  if (!def.fixup || (startup && input === def.type)) return converted;
  const fixed = def.fixup(converted, read);
  if (typeof fixed === 'object') throw new CfgError('fixup-failed', `${where} refused ${JSON.stringify(converted)}: ${fixed.veto}`);
  return fixed;
}
