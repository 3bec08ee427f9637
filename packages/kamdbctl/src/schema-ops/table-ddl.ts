/** The statements of each table, generated from the XML model: CREATE TABLE, CREATE INDEX..., INSERT INTO version. */
import { createTableSql, DIALECT_RULES, resolveName, splitStatements, type Dialect, type Group } from '@kamkit/schema';

export interface TableDdl {
  readonly group: string;
  readonly table: string;
  readonly statements: readonly string[];
  /** The group's last table: the group is complete once this one is. */
  readonly lastOfGroup: boolean;
}

function groupDdl(g: Group, dialect: Dialect): TableDdl[] {
  const rules = DIALECT_RULES[dialect];
  return g.tables.map((t, i) => ({
    group: g.id,
    table: resolveName(t, dialect),
    statements: splitStatements(createTableSql(t, rules)),
    lastOfGroup: i === g.tables.length - 1,
  }));
}

export function tableDdl(groups: readonly Group[], dialect: Dialect): TableDdl[] {
  return groups.flatMap((g) => groupDdl(g, dialect));
}

/**
 * The same, reading each group's XML only when its first table is wanted: `applyTables` asks for
 * the next table while the server still works on the previous one, so parsing costs no time.
 */
export function* lazyTableDdl(ids: readonly string[], load: (id: string) => Group, dialect: Dialect): Generator<TableDdl> {
  for (const id of ids) yield* groupDdl(load(id), dialect);
}
