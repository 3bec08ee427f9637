import type { CfgFramework } from './cfg-framework.js';
import type { CfgBlock } from './model/cfg-block.js';
import type { CfgValue } from './model/cfg-definition.js';

/**
 * One virtual worker's view of the cfg framework (a Kamailio process's local config pointer). It
 * adopts the global block only in beginUnit(), called before each unit of work (a SIP message, an
 * RPC call, a timer tick), so a unit sees one snapshot from start to end — except atomic set_now
 * changes, which land in the block it holds if that block is still the global one.
 */
export class CfgWorker {
  private block: CfgBlock;
  private readonly selected = new Map<string, number>();

  constructor(
    private readonly framework: CfgFramework,
    readonly name: string,
    private perChildCursor: number,
  ) {
    this.block = framework.current;
  }

  /** The block this worker reads. */
  get snapshot(): CfgBlock {
    return this.block;
  }

  /** The refresh point: adopt the global block, run queued per-child callbacks, forget cfg_select choices. */
  beginUnit(): void {
    this.block = this.framework.current;
    this.perChildCursor = this.framework.runPerChildSince(this, this.perChildCursor);
    this.selected.clear();
  }

  /** `$sel(cfg_get.group.var)`: from the snapshot, in the instance chosen with select() if any. */
  get(group: string, name: string): CfgValue {
    const { index } = this.framework.lookup({ group, name });
    return this.block.value(group, index, this.selected.get(group));
  }

  /** `cfg_select("group", id)`: for the rest of this unit; false when the instance does not exist. */
  select(group: string, id: number): boolean {
    if (!this.block.hasInstance(group, id)) return false;
    this.selected.set(group, id);
    return true;
  }

  /** `cfg_reset("group")`: back to the default group. */
  resetSelection(group: string): void {
    this.selected.delete(group);
  }
}
