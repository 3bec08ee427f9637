/** Which table groups a command installs, in kamdbctl's order, with their tables for one dialect. */
import { groupIdFromFile, listGroupFiles, resolveName, resolveTable, type Dialect, type Group, type Schema } from '@kamkit/schema';

import { usageError } from '../cli/exit-codes.js';
import type { KamdbctlSettings, SetName } from '../settings/kamdbctl-settings.js';

export interface PlannedTable {
  readonly group: string;
  readonly name: string;
  readonly version: number;
}

/** The group ids of the schema directory, for "unknown group" messages and validation. */
export function availableGroups(dir: string): string[] {
  return listGroupFiles(dir).map(groupIdFromFile);
}

/** Refuses unknown group ids before anything is done, naming the ones that exist. */
export function checkGroupIds(ids: readonly string[], dir: string): void {
  const known = new Set(availableGroups(dir));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw usageError(`unknown table group${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${[...known].sort().join(' ')})`);
  }
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw usageError(`table group ${id} is listed twice`);
    seen.add(id);
  }
}

/** The groups of the named sets, in the sets' order; group ids as the settings list them. */
export function groupIdsOfSets(settings: KamdbctlSettings, sets: readonly SetName[]): string[] {
  return sets.flatMap((s) => settings.sets[s]);
}

/** `standard` (the version table every other table writes to) moved to the front. */
export function standardFirst(ids: readonly string[]): string[] {
  return [...ids.filter((id) => id === 'standard'), ...ids.filter((id) => id !== 'standard')];
}

/** Groups of `schema` in the order of `ids`. */
export function orderedGroups(schema: Schema, ids: readonly string[]): Group[] {
  const byId = new Map(schema.groups.map((g) => [g.id, g]));
  return ids.map((id) => {
    const g = byId.get(id);
    if (!g) throw usageError(`unknown table group ${id}`);
    return g;
  });
}

export function plannedTables(groups: readonly Group[], dialect: Dialect): PlannedTable[] {
  return groups.flatMap((g) =>
    g.tables.map((t) => ({ group: g.id, name: resolveName(t, dialect), version: Number(t.versions[0]?.text.trim() ?? 0) })),
  );
}

/** Which set a group belongs to under these settings (`other` for add-tables-only groups like matrix). */
export function setOfGroup(settings: KamdbctlSettings, id: string): SetName | 'other' {
  for (const s of ['standard', 'presence', 'extra', 'dbuid'] as const) if (settings.sets[s].includes(id)) return s;
  return 'other';
}

/** Table → its auto-increment key column (`id`, `gwid`, `ruleid`): what rows are paged and ordered by. */
export function keyColumns(groups: readonly Group[], dialect: Dialect): Map<string, string> {
  const keys = new Map<string, string>();
  for (const g of groups) {
    for (const t of g.tables) {
      const r = resolveTable(t, dialect);
      const key = r.columns.find((c) => c.autoincrement || c.primary);
      if (key) keys.set(r.name, key.name);
    }
  }
  return keys;
}
