/**
 * Compares a database with the XML definitions: for every group, which of its tables exist and
 * which version the `version` table records for each, against the `<version>` of the XML.
 */
import { sortByInstallOrder, type Group } from '@kamkit/schema';
import type { Knex } from 'knex';

import type { Engine } from '../engine/engine.js';
import { plannedTables } from '../schema/install-plan.js';

export type TableState = 'ok' | 'missing' | 'no-version-row' | 'outdated' | 'newer';
export type GroupState = 'installed' | 'absent' | 'partial' | 'outdated' | 'newer' | 'mismatch';

export interface TableStatus {
  readonly table: string;
  readonly exists: boolean;
  /** What the `version` table says, if it has a row. */
  readonly version: number | undefined;
  /** The `<version>` of the XML. */
  readonly expected: number;
  readonly state: TableState;
}

export interface GroupStatus {
  readonly group: string;
  readonly state: GroupState;
  readonly tables: readonly TableStatus[];
}

export interface SchemaStatus {
  readonly versionTable: boolean;
  readonly groups: readonly GroupStatus[];
  /** Tables of the database that no group defines (custom tables; knex bookkeeping excluded). */
  readonly otherTables: readonly string[];
}

/** knex's migration bookkeeping: not part of Kamailio's schema. */
export const MIGRATION_TABLES = new Set(['knex_migrations', 'knex_migrations_lock']);

export async function readVersions(db: Knex): Promise<Map<string, number>> {
  const rows: { table_name: string; table_version: number | string }[] = await db('version').select('table_name', 'table_version');
  return new Map(rows.map((r) => [r.table_name, Number(r.table_version)]));
}

function tableState(exists: boolean, version: number | undefined, expected: number): TableState {
  if (!exists) return 'missing';
  if (version === undefined) return 'no-version-row';
  return version === expected ? 'ok' : version < expected ? 'outdated' : 'newer';
}

function groupState(tables: readonly TableStatus[]): GroupState {
  if (tables.every((t) => !t.exists && t.version === undefined)) return 'absent';
  if (tables.every((t) => t.state === 'ok')) return 'installed';
  if (tables.some((t) => t.state === 'missing' || t.state === 'no-version-row')) return 'partial';
  const outdated = tables.some((t) => t.state === 'outdated');
  const newer = tables.some((t) => t.state === 'newer');
  return outdated && newer ? 'mismatch' : outdated ? 'outdated' : 'newer';
}

export async function inspectSchema(engine: Engine, db: Knex, groups: readonly Group[]): Promise<SchemaStatus> {
  const tables = new Set(await engine.listTables(db));
  const versionTable = tables.has('version');
  const versions = versionTable ? await readVersions(db) : new Map<string, number>();
  const known = new Set<string>();
  // In kamdbctl's creation order (standard first), not alphabetically.
  const result: GroupStatus[] = sortByInstallOrder(groups, (g) => g.id).map((g) => {
    const states = plannedTables([g], engine.dialect).map((t): TableStatus => {
      known.add(t.name);
      const exists = tables.has(t.name);
      const version = versions.get(t.name);
      return { table: t.name, exists, version, expected: t.version, state: tableState(exists, version, t.version) };
    });
    return { group: g.id, state: groupState(states), tables: states };
  });
  return {
    versionTable,
    groups: result,
    otherTables: [...tables].filter((t) => !known.has(t) && !MIGRATION_TABLES.has(t)).sort(),
  };
}
