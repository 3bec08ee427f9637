import type { Group } from '../model/types.js';
import { createGroupSql } from './create-table.js';
import type { Dialect, DialectRules } from './dialect.js';
import { mysqlRules } from './mysql.js';
import { postgresRules } from './postgres.js';
import { sqliteRules } from './sqlite.js';

export const DIALECT_RULES: Readonly<Record<Dialect, DialectRules>> = {
  mysql: mysqlRules,
  postgres: postgresRules,
  db_sqlite: sqliteRules,
};

/** The `<group>-create.sql` text for one group in one dialect. */
export function generateDdl(group: Group, dialect: Dialect): string {
  return createGroupSql(group, DIALECT_RULES[dialect]);
}
