import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { readSchemaDir, sqliteDdl, type Schema } from '@kamkit/schema';
import Database from 'better-sqlite3';

/** The repository's schemas/ (Kamailio 5.6.3 table definitions), seen from dist/test/support. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../../../../schemas', import.meta.url));

/** The groups kamctl provisions. */
export const KAMCTL_GROUPS = ['standard', 'auth_db', 'group', 'alias_db', 'speeddial', 'avpops', 'domain', 'permissions', 'dispatcher'];

let schema: Schema | undefined;
export function kamailioSchema(): Schema {
  schema ??= readSchemaDir(SCHEMA_DIR);
  return schema;
}

/** A throw-away SQLite file holding the kamctl tables, made from @kamkit/schema's DDL. */
export function createSqliteDatabase(): { path: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kamctl-test-'));
  const path = join(dir, 'kamailio.db');
  const db = new Database(path);
  for (const id of KAMCTL_GROUPS) {
    const group = kamailioSchema().groups.find((g) => g.id === id);
    if (!group) throw new Error(`no schema group ${id}`);
    db.exec(sqliteDdl(group));
  }
  db.close();
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Reads rows straight from the file, bypassing kamctl. */
export function queryRows(path: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

export function execSql(path: string, sql: string): void {
  const db = new Database(path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}
