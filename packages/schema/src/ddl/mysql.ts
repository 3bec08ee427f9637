/** MySQL / MariaDB DDL, as Kamailio's `mysql.xsl` writes it. */
import type { ResolvedColumn } from '../model/resolve.js';
import type { Group, Table } from '../model/types.js';
import { normalizeSpace } from '../xml/nodes.js';
import { createGroupSql } from './create-table.js';
import type { DialectRules } from './dialect.js';
import { unsupportedType } from './unsupported-type.js';

const MYSQL_TYPES: Record<string, string> = {
  char: 'TINYINT',
  short: 'SMALLINT',
  int: 'INT',
  long: 'BIGINT',
  datetime: 'DATETIME',
  double: 'DOUBLE',
  float: 'FLOAT',
  string: 'VARCHAR',
  binary: 'BLOB',
  largebinary: 'MEDIUMBLOB',
  text: 'TEXT',
  largetext: 'MEDIUMTEXT',
};

export const mysqlRules: DialectRules = {
  db: 'mysql',
  quote: '`',

  columnType(c: ResolvedColumn, tableName: string): string {
    if (c.typeOverride !== undefined) return c.typeOverride;
    const keyword = MYSQL_TYPES[c.baseType];
    if (keyword === undefined) return unsupportedType(c, tableName);
    return (
      keyword +
      (c.size !== '' ? `(${c.size})` : '') +
      (c.unsigned ? ' UNSIGNED' : '') +
      (c.autoincrement ? ' AUTO_INCREMENT' : '') +
      (c.primary ? ' PRIMARY KEY' : '')
    );
  },

  tableClose(table: Table): string {
    const own = table.types.filter((t) => t.db === 'mysql');
    // mysql.xsl: ENGINE only if a mysql type exists and no db-specific type is empty.
    const engine = own[0] && !table.types.some((t) => t.db !== undefined && t.text === '') ? ` ENGINE=${normalizeSpace(own[0].text)}` : '';
    return `)${engine};\n\n`;
  },

  indexName: (_table: string, index: string): string => index,
};

/** The MySQL `<group>-create.sql` for one group. */
export function mysqlDdl(group: Group): string {
  return createGroupSql(group, mysqlRules);
}
