/** A value in the cfg framework: an int, a string, or the NULL string of `str` variables without one. */
export type CfgValue = number | string | null;

/**
 * Storage types: `int`, `string` (zero-terminated) and `str` (pointer + length). They behave the same
 * for setters; `cfg.reset` refuses `str` variables of module groups in Kamailio 5.6.3.
 */
export type CfgStorageType = 'int' | 'string' | 'str';

/** What setters must supply; `core.log_facility` is stored as an int but set with a name. */
export type CfgInputType = 'int' | 'string';

/**
 * The on-change fix-up a variable has in Kamailio, by what it does. Any fix-up makes the variable
 * unreadable over RPC (`cfg.get` refuses it). The code belongs to the server; clients only need to
 * know which values it takes.
 */
export type CfgFixupKind =
  /** Acts on a subsystem (timers, DNS, memory...) and takes every value the type and range allow. */
  | 'pass-through'
  /** A syslog facility name (LOG_DAEMON, LOG_LOCAL0...), stored as its number. */
  | 'syslog-facility'
  /** Refused while `dbg.mod_hash_size` was not set at start-up. */
  | 'needs-dbg-mod-hash-size';

export interface CfgVarSpec {
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
  readonly fixup?: CfgFixupKind;
  /** Ours, in our words (what `cfg.help` shows is the server's). */
  readonly description?: string;
  /** The compiled default, before any global or module parameter. */
  readonly default: CfgValue;
  /** The global parameter (core, tcp) or module parameter that sets the default, when its name differs. */
  readonly param?: string;
}

export interface CfgGroupSpec {
  readonly name: string;
  readonly vars: readonly CfgVarSpec[];
}

/** Shorthands for the catalogue. */
export const cfgInt = (name: string, value: number, extra: Partial<CfgVarSpec> = {}): CfgVarSpec => ({ name, type: 'int', default: value, ...extra });
export const cfgString = (name: string, value: string | null, extra: Partial<CfgVarSpec> = {}): CfgVarSpec => ({ name, type: 'string', default: value, ...extra });
export const cfgStr = (name: string, value: string | null, extra: Partial<CfgVarSpec> = {}): CfgVarSpec => ({ name, type: 'str', default: value, ...extra });
