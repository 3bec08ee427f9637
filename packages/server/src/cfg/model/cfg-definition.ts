/** A value in the cfg framework: an int, a string, or the NULL string of `str` variables without one. */
export type CfgValue = number | string | null;

/**
 * Storage types: `int`, `string` (zero-terminated) and `str` (pointer + length). They behave the same
 * here except that `cfg.reset` refuses `str` variables of module groups, as Kamailio 5.6.3 does.
 */
export type CfgStorageType = 'int' | 'string' | 'str';

/** What setters must supply; `core.log_facility` is stored as an int but set with a name. */
export type CfgInputType = 'int' | 'string';

/** Reads another variable of the block being changed (for fix-ups that depend on one). */
export type CfgReader = (group: string, name: string) => CfgValue;

/** An on-change fix-up: returns the value to store, or `{ veto }` to refuse the change (with why). */
export type CfgFixup = (value: number | string, read: CfgReader) => number | string | { veto: string };

export interface CfgVarDefinition {
  readonly name: string;
  readonly type: CfgStorageType;
  /** Defaults to `int` for int variables, `string` otherwise. */
  readonly input?: CfgInputType;
  /** An int range; none when both are 0 or absent (every script variable). */
  readonly min?: number;
  readonly max?: number;
  /** CFG_ATOMIC: set_now writes into the current block in place. */
  readonly atomic?: boolean;
  /** CFG_READONLY: every setter fails. */
  readonly readonly?: boolean;
  /** Has a per-child callback, run in each worker at its next snapshot refresh. */
  readonly perChild?: boolean;
  /** CFG_CB_ONLY_ONCE: the per-child callback runs in one worker only. */
  readonly onlyOnce?: boolean;
  /** A fix-up; variables with one cannot be read back over RPC. */
  readonly fixup?: CfgFixup;
  readonly description?: string;
  readonly default: CfgValue;
  /** The global parameter (core, tcp) or module parameter that sets the default, when its name differs. */
  readonly param?: string;
}

export interface CfgGroupDefinition {
  readonly name: string;
  readonly vars: readonly CfgVarDefinition[];
  /** Declared by the script (`group.var = value`): reset goes back to the declared values. */
  readonly script?: boolean;
}

/** Shorthands for catalogs. */
export const cfgInt = (name: string, value: number, extra: Partial<CfgVarDefinition> = {}): CfgVarDefinition => ({ name, type: 'int', default: value, ...extra });
export const cfgString = (name: string, value: string | null, extra: Partial<CfgVarDefinition> = {}): CfgVarDefinition => ({ name, type: 'string', default: value, ...extra });
export const cfgStr = (name: string, value: string | null, extra: Partial<CfgVarDefinition> = {}): CfgVarDefinition => ({ name, type: 'str', default: value, ...extra });
