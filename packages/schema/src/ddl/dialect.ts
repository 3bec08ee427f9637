/** What differs between the SQL dialects; everything else is shared (see `create-table.ts`). */
import type { ResolvedColumn } from '../model/resolve.js';
import type { Table } from '../model/types.js';

/** The `db` values Kamailio's Makefile passes to its SQL stylesheets. */
export const DIALECTS = ['mysql', 'postgres', 'db_sqlite'] as const;
export type Dialect = (typeof DIALECTS)[number];

export function isDialect(s: string): s is Dialect {
  return (DIALECTS as readonly string[]).includes(s);
}

export interface DialectRules {
  readonly db: Dialect;
  /** Identifier quote used inside CREATE TABLE and for column lists (not after ON or in INSERT). */
  readonly quote: string;
  /** SQL type of a column plus what follows it directly (UNSIGNED, AUTO_INCREMENT, SERIAL, PRIMARY KEY). */
  columnType(column: ResolvedColumn, tableName: string): string;
  /** From the closing parenthesis of CREATE TABLE up to and including the blank line after it. */
  tableClose(table: Table): string;
  /** Name used for CONSTRAINT and CREATE INDEX. */
  indexName(tableName: string, indexName: string): string;
}
