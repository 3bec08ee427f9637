/** PostgreSQL DDL, as Kamailio's `postgres.xsl` writes it. */
import type { Group } from '../model/types.js';
import { createGroupSql } from './create-table.js';
import { postgresFamilyRules } from './postgres-family.js';

export const postgresRules = postgresFamilyRules({ db: 'postgres', binaryType: 'BYTEA', autoincrementWord: 'SERIAL' });

/** The PostgreSQL `<group>-create.sql` for one group. */
export function postgresDdl(group: Group): string {
  return createGroupSql(group, postgresRules);
}
