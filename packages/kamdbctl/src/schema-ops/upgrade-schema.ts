/**
 * `upgrade` through the knex migrations in `migrations/` (one per group, generated from the same
 * XML): groups already complete in the database are recorded as run (batch 0) in knex's
 * `knex_migrations`, then the migration of each group to add is run with `migrate.up`, one by one,
 * so a failure stops at a group boundary. A group that fails is removed again (MySQL cannot roll
 * DDL back; PostgreSQL and SQLite roll back the migration's transaction themselves).
 */
import { readdirSync } from 'node:fs';

import { esModuleMigrationSource } from '@kamkit/db';
import type { Knex } from 'knex';

import { KamdbctlError } from '../cli/exit-codes.js';
import { databaseError } from '../engine/database-error.js';
import type { Engine } from '../engine/engine.js';
import type { SchemaStatus } from './inspect-schema.js';

const MIGRATION_FILE = /^\d{6}_\d{2}_(.+)\.js$/;
const TABLE_NAME = 'knex_migrations';

/** Group id → migration file name, from the directory. */
export function migrationFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of readdirSync(dir).sort()) {
    const m = MIGRATION_FILE.exec(f);
    if (m) files.set(m[1]!, f);
  }
  return files;
}

export interface UpgradeResult {
  /** Groups recorded in knex_migrations as already there. */
  readonly recorded: readonly string[];
  /** Groups whose migration ran. */
  readonly applied: readonly string[];
}

export async function upgradeSchema(
  engine: Engine,
  db: Knex,
  status: SchemaStatus,
  add: readonly string[],
  directory: string,
  onGroup?: (group: string) => void,
): Promise<UpgradeResult> {
  const files = migrationFiles(directory);
  const missing = [...add, ...status.groups.filter((g) => g.state === 'installed').map((g) => g.group)].filter((g) => !files.has(g));
  if (missing.length > 0) throw new KamdbctlError('failed', `no knex migration for group(s) ${missing.join(', ')} in ${directory}`);
  const config = { migrationSource: esModuleMigrationSource(directory, ['.js']), tableName: TABLE_NAME };

  // list() creates knex's tables when they do not exist yet.
  const [completed] = (await db.migrate.list(config)) as [{ name: string }[], unknown];
  const done = new Set(completed.map((c) => c.name));
  const recorded: string[] = [];
  for (const g of status.groups) {
    const name = files.get(g.group);
    if (g.state !== 'installed' || !name || done.has(name)) continue;
    await db(TABLE_NAME).insert({ name, batch: 0, migration_time: new Date() });
    recorded.push(g.group);
  }

  const applied: string[] = [];
  for (const group of add) {
    const before = new Set(await engine.listTables(db));
    try {
      await db.migrate.up({ ...config, name: files.get(group)! });
    } catch (error) {
      if (!engine.transactionalDdl) await removeNewTables(engine, db, status, group, before);
      throw databaseError(error, `migration ${files.get(group)} (group ${group})`);
    }
    applied.push(group);
    onGroup?.(group);
  }
  return { recorded, applied };
}

/** MySQL: drops the tables of `group` that the failed migration made, and their version rows. */
async function removeNewTables(engine: Engine, db: Knex, status: SchemaStatus, group: string, before: ReadonlySet<string>): Promise<void> {
  const tables = status.groups.find((g) => g.group === group)?.tables.map((t) => t.table) ?? [];
  const now = new Set(await engine.listTables(db));
  const made = tables.filter((t) => now.has(t) && !before.has(t));
  for (const t of made) await db.schema.dropTable(t);
  if (now.has('version')) await db('version').whereIn('table_name', tables).delete();
}
