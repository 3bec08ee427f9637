/**
 * What creates each table, generated from the XML model. PostgreSQL and SQLite run exactly the
 * statements of `<group>-create.sql` (CREATE TABLE, CREATE INDEX..., INSERT INTO version).
 * MySQL gets the same tables with less work for the server: the plain indexes go inside
 * CREATE TABLE (each CREATE INDEX is one more DDL, with its own commit; this halves the time on
 * MariaDB), and the version rows are written together once the tables exist.
 */
import { createTableSql, DIALECT_RULES, resolveName, resolveTable, splitStatements, type Dialect, type Group, type Table } from '@kamkit/schema';

export interface VersionRow {
  readonly table_name: string;
  readonly table_version: number;
}

export interface TableDdl {
  readonly group: string;
  readonly table: string;
  readonly statements: readonly string[];
  /** Rows for the version table still to be written (MySQL); empty when the statements write them. */
  readonly versionRows: readonly VersionRow[];
  /** The group's last table: the group is complete once this one is. */
  readonly lastOfGroup: boolean;
}

function mysqlStatements(t: Table): { statements: string[]; versionRows: VersionRow[] } {
  const rules = DIALECT_RULES.mysql;
  const resolved = resolveTable(t, 'mysql');
  const create = splitStatements(createTableSql(t, rules))[0]!;
  const indexes = resolved.indexes
    .filter((i) => !i.unique && !i.primary)
    .map((i) => `    INDEX ${rules.indexName(resolved.name, i.name)} (${i.columns.map((c) => `${rules.quote}${c}${rules.quote}`).join(', ')})`);
  // CREATE TABLE ends with "\n)" (and a table type, if any): the indexes go before it.
  const end = create.lastIndexOf('\n)');
  const withIndexes = indexes.length === 0 ? create : `${create.slice(0, end)},\n${indexes.join(',\n')}${create.slice(end)}`;
  return {
    statements: [withIndexes],
    versionRows: resolved.versions.map((v) => ({ table_name: resolved.name, table_version: Number(v.trim()) })),
  };
}

function groupDdl(g: Group, dialect: Dialect): TableDdl[] {
  return g.tables.map((t, i) => ({
    group: g.id,
    table: resolveName(t, dialect),
    ...(dialect === 'mysql'
      ? mysqlStatements(t)
      : { statements: splitStatements(createTableSql(t, DIALECT_RULES[dialect])), versionRows: [] }),
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
