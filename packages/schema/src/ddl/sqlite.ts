/** SQLite DDL (Kamailio's `db_sqlite` backend), as `db_sqlite.xsl` writes it. */
import type { Group } from '../model/types.js';
import { createGroupSql } from './create-table.js';
import { postgresFamilyRules } from './postgres-family.js';

/** `id INTEGER PRIMARY KEY` makes the column an alias of SQLite's rowid, which numbers itself. */
export const sqliteRules = postgresFamilyRules({ db: 'db_sqlite', binaryType: 'BLOB', autoincrementWord: 'INTEGER' });

/** The SQLite `<group>-create.sql` for one group. */
export function sqliteDdl(group: Group): string {
  return createGroupSql(group, sqliteRules);
}
