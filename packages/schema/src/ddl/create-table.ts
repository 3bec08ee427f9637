/**
 * The dialect-independent part of Kamailio's `sql.xsl`: table skeleton, column
 * lines, constraints, CREATE INDEX statements and the `version` row.
 * Every separator and blank line here is significant: the output has to match
 * the shipped `<group>-create.sql` files byte for byte.
 */
import { defaultSql, resolveTable, type ResolvedColumn, type ResolvedIndex } from '../model/resolve.js';
import type { Group, Table } from '../model/types.js';
import type { DialectRules } from './dialect.js';

export function createGroupSql(group: Group, rules: DialectRules): string {
  return group.tables.map((t) => createTableSql(t, rules)).join('');
}

export function createTableSql(table: Table, rules: DialectRules): string {
  const t = resolveTable(table, rules.db);
  const q = rules.quote;
  let sql = `CREATE TABLE ${q}${t.name}${q} (\n`;
  sql += t.columns.map((c) => columnSql(c, t.name, rules)).join(',\n');

  // Unique constraints, then table-level primary keys, each list opened by ",\n".
  for (const list of [t.indexes.filter((i) => i.unique), t.indexes.filter((i) => i.primary)]) {
    list.forEach((ix, n) => {
      const last = n === list.length - 1;
      if (n === 0) sql += ',\n';
      sql += '    ';
      if (ix.name !== '') sql += `CONSTRAINT ${rules.indexName(t.name, ix.name)}`;
      if (ix.unique) sql += ` UNIQUE (${columnList(ix, q)})${last ? '' : ',\n'}`;
      if (ix.primary) sql += ` PRIMARY KEY  (${columnList(ix, q)})${last ? '' : ',\n'}`;
    });
  }
  sql += '\n' + rules.tableClose(table);

  const plain = t.indexes.filter((i) => !i.unique);
  plain.forEach((ix, n) => {
    if (ix.primary) return;
    const name = ix.name !== '' ? rules.indexName(t.name, ix.name) : '';
    sql += `CREATE INDEX ${name} ON ${t.name} (${columnList(ix, q)});\n`;
    if (n === plain.length - 1) sql += '\n';
  });

  for (const version of t.versions) {
    sql += `INSERT INTO version (table_name, table_version) values ('${t.name}','${version}');\n`;
  }
  return sql + '\n';
}

export function columnSql(c: ResolvedColumn, tableName: string, rules: DialectRules): string {
  const q = rules.quote;
  let line = `    ${q}${c.name}${q} ${rules.columnType(c, tableName)}`;
  const def = defaultSql(c.default);
  if (def !== undefined) line += ` DEFAULT ${def}`;
  if (!c.nullable) line += ' NOT NULL';
  return line;
}

function columnList(ix: ResolvedIndex, q: string): string {
  return ix.columns.map((c) => `${q}${c}${q}`).join(', ');
}
