/**
 * PostgreSQL and SQLite share one type mapping in Kamailio's stylesheets
 * (`postgres.xsl`, `db_sqlite.xsl`); they differ only in the binary type and
 * in the word written for an auto-increment column.
 */
import type { ResolvedColumn } from '../model/resolve.js';
import type { Table } from '../model/types.js';
import { normalizeSpace } from '../xml/nodes.js';
import type { Dialect, DialectRules } from './dialect.js';
import { unsupportedType } from './unsupported-type.js';

interface FamilyOptions {
  readonly db: Dialect;
  readonly binaryType: string;
  readonly autoincrementWord: string;
}

const SIZED = new Set(['string', 'binary', 'largebinary', 'text', 'largetext']);

export function postgresFamilyRules(o: FamilyOptions): DialectRules {
  const types: Record<string, string> = {
    char: 'SMALLINT',
    short: 'SMALLINT',
    int: 'INTEGER',
    long: 'BIGINT',
    datetime: 'TIMESTAMP',
    double: 'DOUBLE PRECISION',
    float: 'REAL',
    string: 'VARCHAR',
    binary: o.binaryType,
    largebinary: o.binaryType,
    text: 'TEXT',
    largetext: 'TEXT',
  };
  return {
    db: o.db,
    quote: '',

    columnType(c: ResolvedColumn, tableName: string): string {
      if (c.typeOverride !== undefined) return c.typeOverride;
      const keyword = types[c.baseType];
      if (keyword === undefined) return unsupportedType(c, tableName);
      // The INTEGER keyword is left out for auto-increment columns; the trailing word replaces it.
      const head = c.baseType === 'int' && c.autoincrement ? '' : keyword;
      return (
        head +
        (SIZED.has(c.baseType) && c.size !== '' ? `(${c.size})` : '') +
        (c.baseType === 'datetime' ? ' WITHOUT TIME ZONE' : '') +
        (c.autoincrement ? o.autoincrementWord : '') +
        (c.primary ? ' PRIMARY KEY' : '')
      );
    },

    tableClose(table: Table): string {
      const own = table.types.find((t) => t.db === o.db);
      return `)${own ? ` Type=${normalizeSpace(own.text)}` : ''};\n\n`;
    },

    // Index names are schema-wide in PostgreSQL, so the table name is prefixed.
    indexName: (tableName: string, index: string): string => `${tableName}_${index}`,
  };
}
