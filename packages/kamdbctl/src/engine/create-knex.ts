/** One place where knex instances are made, with the settings every engine needs. */
import { loadKnex } from '@kamkit/db';
import type { Knex } from 'knex';

/** knex logs pool errors itself, with stacks; kamdbctl reports each failure once, as a KamdbctlError. */
const SILENT_LOG = { warn() {}, error() {}, deprecate() {}, debug() {} };

export async function createKnex(config: Knex.Config): Promise<Knex> {
  // Loaded on first use (bundled, from a code cache): `kamdbctl version` or `config` never pay for it.
  const knex = await loadKnex();
  return knex({
    // Error messages then hold the statement with placeholders, never the bound values (passwords).
    compileSqlOnError: false,
    acquireConnectionTimeout: 15_000,
    log: SILENT_LOG,
    ...config,
  });
}
