import type { CfgValue } from './cfg-definition.js';

/** One group's values in a block: the default group, and the explicitly set values of each instance. */
export interface CfgGroupValues {
  readonly values: CfgValue[];
  /** Instance id → variable index → value; variables not set follow the default group. */
  readonly instances: Map<number, Map<number, CfgValue>>;
}

/**
 * A version of every group's values (Kamailio's global config block). Non-atomic changes copy the
 * whole block and install the copy; atomic ones write into the current block, which only the workers
 * holding this very block can see. Workers keep a reference to the block they adopted last.
 */
export class CfgBlock {
  constructor(
    readonly version: number,
    readonly groups: Map<string, CfgGroupValues>,
  ) {}

  /** A deep copy: nothing written into it is visible through this block. */
  copy(version: number): CfgBlock {
    const groups = new Map<string, CfgGroupValues>();
    for (const [name, group] of this.groups) {
      const instances = new Map<number, Map<number, CfgValue>>();
      for (const [id, values] of group.instances) instances.set(id, new Map(values));
      groups.set(name, { values: [...group.values], instances });
    }
    return new CfgBlock(version, groups);
  }

  hasInstance(group: string, instance: number): boolean {
    return this.groups.get(group)?.instances.has(instance) ?? false;
  }

  /** A variable's value; in an instance, its own value if set, else the default group's. */
  value(group: string, index: number, instance?: number): CfgValue {
    const values = this.groups.get(group)!;
    if (instance !== undefined) {
      const own = values.instances.get(instance);
      if (own?.has(index)) return own.get(index)!;
    }
    return values.values[index]!;
  }

  /** Whether an instance set the variable itself. */
  isSetInInstance(group: string, index: number, instance: number): boolean {
    return this.groups.get(group)?.instances.get(instance)?.has(index) ?? false;
  }
}
