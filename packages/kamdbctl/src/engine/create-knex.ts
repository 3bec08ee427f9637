/** One place where knex instances are made, with the settings every engine needs. */
import type { Knex } from 'knex';

export async function createKnex(config: Knex.Config): Promise<Knex> {
  // knex is loaded on first use: `kamdbctl version` or `config` never pay for it.
  const { default: knex } = await import('knex');
  return knex({
    // Error messages then hold the statement with placeholders, never the bound values (passwords).
    compileSqlOnError: false,
    acquireConnectionTimeout: 15_000,
    ...config,
  });
}
