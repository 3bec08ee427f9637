import type { CfgInputType, CfgStorageType, CfgValue, CfgVarSpec } from '@kamkit/cfg-catalog';

// Values and types are the catalogue's (@kamkit/cfg-catalog); the server adds the fix-ups' code.
export type { CfgInputType, CfgStorageType, CfgValue };

/** Reads another variable of the block being changed (for fix-ups that depend on one). */
export type CfgReader = (group: string, name: string) => CfgValue;

/** An on-change fix-up: returns the value to store, or `{ veto }` to refuse the change (with why). */
export type CfgFixup = (value: number | string, read: CfgReader) => number | string | { veto: string };

/** A catalogue variable as the framework runs it: its fix-up is code. */
export interface CfgVarDefinition extends Omit<CfgVarSpec, 'fixup'> {
  /** A fix-up; variables with one cannot be read back over RPC. */
  readonly fixup?: CfgFixup;
}

export interface CfgGroupDefinition {
  readonly name: string;
  readonly vars: readonly CfgVarDefinition[];
  /** Declared by the script (`group.var = value`): reset goes back to the declared values. */
  readonly script?: boolean;
}
