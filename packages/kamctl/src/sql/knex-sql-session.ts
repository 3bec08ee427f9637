import type { Knex } from 'knex';

import type { DbEngine } from '../settings/kamctl-settings.js';
import type { SqlSession } from './sql-session.js';

/** What knex.raw resolves to, per driver. */
type RawResult = unknown[] | [unknown, unknown] | { rows?: unknown[]; rowCount?: number | null } | { changes?: number };

/** A SqlSession on a knex connection or transaction (the statements then share its transaction). */
export function knexSqlSession(db: Knex | Knex.Transaction, engine: DbEngine): SqlSession {
  const raw = async (sql: string, values: readonly unknown[]) => (await db.raw(sql, values as Knex.RawBinding[])) as RawResult;
  return {
    engine,
    async select<T>(sql: string, values: readonly unknown[]) {
      const result = await raw(sql, values);
      if (engine === 'mysql') return (result as [T[], unknown])[0];
      if (engine === 'pgsql') return ((result as { rows: T[] }).rows ?? []) as T[];
      return result as T[];
    },
    async run(sql: string, values: readonly unknown[]) {
      const result = await raw(sql, values);
      if (engine === 'mysql') return Number((result as [{ affectedRows?: number }, unknown])[0].affectedRows ?? 0);
      if (engine === 'pgsql') return Number((result as { rowCount?: number | null }).rowCount ?? 0);
      return Number((result as { changes?: number }).changes ?? 0);
    },
  };
}
