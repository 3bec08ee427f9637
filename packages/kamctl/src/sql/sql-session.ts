import type { DbEngine } from '../settings/kamctl-settings.js';

/**
 * The statements a command runs, on whatever connection it has: a knex transaction (knex-sql-session)
 * or a bare driver (driver-sql-session, for the one-shot start-up path). SQL uses `?` placeholders
 * and every value is bound, never spliced into the text.
 */
export interface SqlSession {
  readonly engine: DbEngine;
  /** The rows of a query. */
  select<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, values: readonly unknown[]): Promise<T[]>;
  /** How many rows an INSERT, UPDATE or DELETE touched. */
  run(sql: string, values: readonly unknown[]): Promise<number>;
}

/** A table or column name quoted for the engine (names come from kamctlrc, so never trusted). */
export function quoteIdentifier(engine: DbEngine, name: string): string {
  return engine === 'mysql' ? `\`${name.replaceAll('`', '``')}\`` : `"${name.replaceAll('"', '""')}"`;
}

/** `?, ?, ?` for n values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
