import { CfgBlock } from './model/cfg-block.js';
import type { CfgGroupDefinition, CfgInputType, CfgReader, CfgStorageType, CfgValue, CfgVarDefinition } from './model/cfg-definition.js';
import { CfgError } from './model/cfg-error.js';
import { acceptCfgValue } from './model/cfg-input.js';
import { CfgWorker } from './cfg-worker.js';

/** A variable of a group, or of one of its instances (`group[N].var`). */
export interface CfgTarget {
  readonly group: string;
  readonly instance?: number;
  readonly name: string;
}

/** A change waiting for cfg.commit; `delete` reverts an instance's variable to the default group. */
export interface PendingCfgChange extends CfgTarget {
  readonly kind: 'set' | 'delete';
  readonly value: CfgValue;
}

/** One line of cfg.diff. */
export interface CfgDiffEntry extends CfgTarget {
  readonly oldValue: CfgValue;
  readonly newValue: CfgValue;
}

export interface CfgVarInfo {
  readonly group: string;
  readonly name: string;
  readonly type: CfgStorageType;
  readonly input: CfgInputType;
  readonly description?: string;
  /** False for variables with a fix-up: cfg.get cannot read them. */
  readonly readable: boolean;
}

/** Called in a worker at its snapshot refresh, for a change of a variable with a per-child callback. */
export type PerChildHandler = (worker: CfgWorker, value: CfgValue) => void;

export interface CfgFrameworkOptions {
  /** Kamailio's INFO lines (`g.v has been changed to …`). */
  log?: (message: string) => void;
}

interface RegisteredGroup {
  readonly def: CfgGroupDefinition;
  readonly index: ReadonlyMap<string, number>;
  /** Start-up values (defaults with global/module parameters, or the script's), for cfg.reset. */
  readonly startValues: readonly CfgValue[];
}

interface PerChildEvent {
  readonly group: string;
  readonly name: string;
  readonly value: CfgValue;
  readonly onlyOnce: boolean;
  ran: boolean;
}

/** The groups to register and their start-up state (see cfgFrameworkFromConfig). */
export interface CfgStartState {
  readonly groups: readonly CfgGroupDefinition[];
  /** Start values per group, by variable index; the definitions' defaults where absent. */
  readonly values?: ReadonlyMap<string, readonly CfgValue[]>;
  /** Instances declared at start-up: group → id → variable index → value. */
  readonly instances?: ReadonlyMap<string, ReadonlyMap<number, ReadonlyMap<number, CfgValue>>>;
}

/**
 * Kamailio's cfg framework: groups of typed variables frozen at start-up, one global block of values
 * replaced (or, for atomic variables, written in place) by changes, a per-worker snapshot adopted only
 * at the start of a unit of work (CfgWorker.beginUnit), one shared list of delayed changes, and group
 * instances. Errors are CfgErrors saying why; the RPC layer maps them to Kamailio's faults.
 */
export class CfgFramework {
  private readonly groups = new Map<string, RegisteredGroup>();
  /** Registration order; cfg.list shows the reverse, as Kamailio prepends each new group. */
  private readonly order: string[] = [];
  private global: CfgBlock;
  private version = 1;
  private readonly pending: PendingCfgChange[] = [];
  private readonly perChildEvents: PerChildEvent[] = [];
  private readonly perChildHandlers = new Map<string, PerChildHandler[]>();

  constructor(
    start: CfgStartState,
    private readonly options: CfgFrameworkOptions = {},
  ) {
    const values = new Map<string, { values: CfgValue[]; instances: Map<number, Map<number, CfgValue>> }>();
    for (const def of start.groups) {
      if (this.groups.has(def.name)) throw new CfgError('group-exists', `configuration group has been already declared: ${def.name}`);
      const startValues = [...(start.values?.get(def.name) ?? def.vars.map((v) => v.default))];
      this.groups.set(def.name, { def, index: new Map(def.vars.map((v, i) => [v.name, i])), startValues });
      this.order.push(def.name);
      const instances = new Map<number, Map<number, CfgValue>>();
      for (const [id, own] of start.instances?.get(def.name) ?? []) instances.set(id, new Map(own));
      values.set(def.name, { values: [...startValues], instances });
    }
    this.global = new CfgBlock(this.version, values);
  }

  /** The current global block (what a worker adopts at its next refresh). */
  get current(): CfgBlock {
    return this.global;
  }

  /** A virtual worker's view; call beginUnit() before each unit of work. */
  createWorker(name = 'worker'): CfgWorker {
    return new CfgWorker(this, name, this.perChildEvents.length);
  }

  hasGroup(group: string): boolean {
    return this.groups.has(group);
  }

  /** Every `[group, variable]`, groups in reverse registration order (cfg.list). */
  list(group?: string): [string, string][] {
    const names = group === undefined ? [...this.order].reverse() : this.groups.has(group) ? [group] : [];
    return names.flatMap((g) => this.groups.get(g)!.def.vars.map((v): [string, string] => [g, v.name]));
  }

  describe(group: string, name: string): CfgVarInfo {
    const { def } = this.lookup({ group, name });
    const info: CfgVarInfo = { group, name, type: def.type, input: def.input ?? (def.type === 'int' ? 'int' : 'string'), readable: !def.fixup };
    return def.description === undefined ? info : { ...info, description: def.description };
  }

  /** A variable's value in `block` (a worker's snapshot); unreadable variables are refused. */
  read(block: CfgBlock, target: CfgTarget): CfgValue {
    const { def, index } = this.lookup(target);
    if (target.instance !== undefined && !block.hasInstance(target.group, target.instance)) throw unknownInstance(target.group, target.instance);
    if (def.fixup) throw new CfgError('not-readable', `${target.group}.${target.name} has a fix-up, so its value cannot be read back`);
    return block.value(target.group, index, target.instance);
  }

  /** Every readable variable of a group in `block`; an unknown group has none (cfg.get answers `{}`). */
  readGroup(block: CfgBlock, group: string, instance?: number): [string, CfgValue][] {
    const registered = this.groups.get(group);
    if (!registered) return [];
    if (instance !== undefined && !block.hasInstance(group, instance)) throw unknownInstance(group, instance);
    return registered.def.vars.flatMap((v, i): [string, CfgValue][] => (v.fixup ? [] : [[v.name, block.value(group, i, instance)]]));
  }

  /** set_now: validated, then in place for atomic variables, else in a new block. */
  setNow(target: CfgTarget, value: number | string): void {
    const { def, index } = this.lookup(target);
    this.checkInstanceTarget(this.global, target, def);
    const accepted = acceptCfgValue(target.group, def, value, this.reader(this.global));
    const block = def.atomic ? this.global : this.global.copy(++this.version);
    write(block, target, index, accepted);
    this.global = block;
    this.queuePerChild(target, def, accepted);
    this.options.log?.(`${describeTarget(target)} has been changed to ${accepted}`);
  }

  /** set_delayed: validated now, applied by commit(). Several changes of one variable are all kept. */
  setDelayed(target: CfgTarget, value: number | string): void {
    const { def } = this.lookup(target);
    this.checkInstanceTarget(this.global, target, def);
    const accepted = acceptCfgValue(target.group, def, value, this.reader(this.global));
    this.pending.push({ ...target, kind: 'set', value: accepted });
    this.options.log?.(`${describeTarget(target)} is going to be changed to ${accepted}`);
  }

  /** cfg.del: an instance's variable follows the default group again. */
  deleteNow(target: CfgTarget & { instance: number }): void {
    const { index } = this.lookup(target);
    if (!this.global.hasInstance(target.group, target.instance)) throw unknownInstance(target.group, target.instance);
    const block = this.global.copy(++this.version);
    block.groups.get(target.group)!.instances.get(target.instance)!.delete(index);
    this.global = block;
  }

  deleteDelayed(target: CfgTarget & { instance: number }): void {
    this.lookup(target);
    if (!this.global.hasInstance(target.group, target.instance)) throw unknownInstance(target.group, target.instance);
    this.pending.push({ ...target, kind: 'delete', value: null });
  }

  /** The delayed changes, in order. */
  get pendingChanges(): readonly PendingCfgChange[] {
    return this.pending;
  }

  /** Applies every delayed change in one new block (atomic variables too), then clears the list. */
  commit(): void {
    if (this.pending.length === 0) return;
    const block = this.global.copy(this.version + 1);
    for (const change of this.pending) {
      const { index } = this.lookup(change);
      if (change.instance !== undefined && !block.hasInstance(change.group, change.instance)) throw unknownInstance(change.group, change.instance);
      if (change.kind === 'delete') block.groups.get(change.group)!.instances.get(change.instance!)!.delete(index);
      else write(block, change, index, change.value);
    }
    this.version++;
    this.global = block;
    for (const change of this.pending) {
      if (change.kind === 'set') this.queuePerChild(change, this.lookup(change).def, change.value);
    }
    this.pending.length = 0;
  }

  rollback(): void {
    this.pending.length = 0;
  }

  /** The delayed changes with their old value as `block` (the RPC worker's snapshot) has it. */
  diff(block: CfgBlock): CfgDiffEntry[] {
    return this.pending.map((change) => {
      const { index } = this.lookup(change);
      const instance = change.instance !== undefined && block.hasInstance(change.group, change.instance) ? change.instance : undefined;
      const oldValue = block.value(change.group, index, instance);
      const newValue = change.kind === 'delete' ? block.value(change.group, index) : change.value;
      const { kind: _kind, value: _value, ...target } = change;
      return { ...target, oldValue, newValue };
    });
  }

  /** cfg.add_group_inst: adding an existing instance succeeds without a change. */
  addInstance(group: string, id: number): void {
    if (!this.groups.has(group)) throw unknownGroup(group);
    if (this.global.hasInstance(group, id)) return;
    const block = this.global.copy(++this.version);
    block.groups.get(group)!.instances.set(id, new Map());
    this.global = block;
  }

  deleteInstance(group: string, id: number): void {
    if (!this.groups.has(group)) throw unknownGroup(group);
    if (!this.global.hasInstance(group, id)) throw unknownInstance(group, id);
    const block = this.global.copy(++this.version);
    block.groups.get(group)!.instances.delete(id);
    this.global = block;
  }

  /**
   * cfg.reset: readable, writable variables back to their start-up values. Module groups with a `str`
   * variable are refused before anything changes (5.6.3 behaviour); script groups reset to their
   * declared values.
   */
  reset(group: string): void {
    const registered = this.groups.get(group);
    if (!registered) throw unknownGroup(group);
    const resettable = registered.def.vars.map((v, i) => ({ v, i })).filter(({ v }) => !v.fixup && !v.readonly);
    const str = resettable.find(({ v }) => v.type === 'str' && !registered.def.script);
    if (str) throw new CfgError('unsupported-input-type', `${group}.${str.v.name} is a str variable, which cfg.reset does not handle in Kamailio 5.6.3`);
    const block = this.global.copy(++this.version);
    for (const { v, i } of resettable) {
      const value = registered.startValues[i]!;
      block.groups.get(group)!.values[i] = value;
      this.queuePerChild({ group, name: v.name }, v, value);
    }
    this.global = block;
  }

  /** Registers the per-child callback of a variable (e.g. registrar's statistics follow max_expires). */
  onPerChildChange(group: string, name: string, handler: PerChildHandler): void {
    const { def } = this.lookup({ group, name });
    if (!def.perChild) throw new CfgError('unknown-variable', `${group}.${name} has no per-child callback`);
    const key = `${group}.${name}`;
    this.perChildHandlers.set(key, [...(this.perChildHandlers.get(key) ?? []), handler]);
  }

  /** @internal Runs the per-child callbacks queued since `cursor` in `worker`; returns the new cursor. */
  runPerChildSince(worker: CfgWorker, cursor: number): number {
    for (const event of this.perChildEvents.slice(cursor)) {
      if (event.onlyOnce && event.ran) continue;
      event.ran = true;
      for (const handler of this.perChildHandlers.get(`${event.group}.${event.name}`) ?? []) handler(worker, event.value);
    }
    return this.perChildEvents.length;
  }

  /** @internal The definition and index of a variable; throws for unknown ones. */
  lookup(target: CfgTarget): { def: CfgVarDefinition; index: number } {
    const registered = this.groups.get(target.group);
    if (!registered) throw unknownGroup(target.group);
    const index = registered.index.get(target.name);
    if (index === undefined) {
      // Short: BINRPC faults are cut at 255 bytes, and cfg.list names the variables.
      throw new CfgError('unknown-variable', `unknown variable ${JSON.stringify(target.name)} in group ${target.group}`);
    }
    return { def: registered.def.vars[index]!, index };
  }

  private checkInstanceTarget(block: CfgBlock, target: CfgTarget, def: CfgVarDefinition): void {
    if (target.instance === undefined) return;
    if (!block.hasInstance(target.group, target.instance)) throw unknownInstance(target.group, target.instance);
    if (def.perChild && def.onlyOnce) {
      throw new CfgError('no-instance-values', `${target.group}.${target.name} does not support multiple values (group instances)`);
    }
  }

  private reader(block: CfgBlock): CfgReader {
    return (group, name) => {
      const registered = this.groups.get(group);
      const index = registered?.index.get(name);
      return index === undefined ? null : block.value(group, index);
    };
  }

  /** Per-child callbacks are not run for changes made only in a group instance. */
  private queuePerChild(target: CfgTarget, def: CfgVarDefinition, value: CfgValue): void {
    if (!def.perChild || target.instance !== undefined) return;
    this.perChildEvents.push({ group: target.group, name: target.name, value, onlyOnce: def.onlyOnce === true, ran: false });
  }
}

function write(block: CfgBlock, target: CfgTarget, index: number, value: CfgValue): void {
  const group = block.groups.get(target.group)!;
  if (target.instance === undefined) group.values[index] = value;
  else group.instances.get(target.instance)!.set(index, value);
}

function describeTarget(target: CfgTarget): string {
  return `${target.group}${target.instance === undefined ? '' : `[${target.instance}]`}.${target.name}`;
}

function unknownGroup(group: string): CfgError {
  return new CfgError('unknown-group', `unknown group ${JSON.stringify(group)}`);
}

function unknownInstance(group: string, id: number): CfgError {
  return new CfgError('unknown-instance', `group instance ${group}[${id}] does not exist`);
}
