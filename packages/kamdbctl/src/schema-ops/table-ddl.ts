/** The statements of each table, generated from the XML model: CREATE TABLE, CREATE INDEX..., INSERT INTO version. */
import { createTableSql, DIALECT_RULES, resolveName, splitStatements, type Dialect, type Group } from '@kamkit/schema';

export interface TableDdl {
  readonly group: string;
  readonly table: string;
  readonly statements: readonly string[];
}

export function tableDdl(groups: readonly Group[], dialect: Dialect): TableDdl[] {
  const rules = DIALECT_RULES[dialect];
  return groups.flatMap((g) =>
    g.tables.map((t) => ({ group: g.id, table: resolveName(t, dialect), statements: splitStatements(createTableSql(t, rules)) })),
  );
}
