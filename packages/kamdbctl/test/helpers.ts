// Shared by the kamdbctl tests: paths, running the real bin, reading an SQLite schema.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const BIN = join(ROOT, 'packages/kamdbctl/bin/kamdbctl.js');
export const SCHEMAS = join(ROOT, 'schemas');
export const MIGRATIONS = join(ROOT, 'migrations');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment without anything a developer's shell could leak into the settings. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(DB|INSTALL_|CHARSET|KAMDBCTL_|STANDARD_|EXTRA_|PRESENCE_|UID_)/.test(k)) env[k] = v;
  return { ...env, HOME: mkdtempSync(join(tmpdir(), 'kamdbctl-home-')), ...extra };
}

/** Runs the kamdbctl bin with stdin closed (never a terminal). */
export function kamdbctl(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: options.env ?? cleanEnv(), cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A kamctlrc for an SQLite database in a fresh directory. */
export function sqliteConfig(lines: readonly string[] = []): { dir: string; rc: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kamdbctl-test-'));
  const db = join(dir, 'kamailio.sqlite');
  const rc = join(dir, 'kamctlrc');
  writeFileSync(rc, ['DBENGINE=SQLITE', `DB_PATH="${db}"`, 'INSTALL_PRESENCE_TABLES=no', 'INSTALL_EXTRA_TABLES=no', 'INSTALL_DBUID_TABLES=no', ...lines, ''].join('\n'));
  return { dir, rc, db };
}

export interface SqliteObject {
  readonly type: string;
  readonly name: string;
  readonly table: string;
  readonly sql: string | null;
  readonly columns?: unknown[];
  readonly indexColumns?: unknown[];
}

/** Every table and index: its SQL, and pragma table_info / index_info. Knex's bookkeeping is left out. */
export function sqliteSchema(file: string): SqliteObject[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare("SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name NOT LIKE 'knex_migrations%' ORDER BY type, name")
      .all() as { type: string; name: string; tbl: string; sql: string | null }[];
    return rows.map((r) => ({
      type: r.type,
      name: r.name,
      table: r.tbl,
      sql: r.sql,
      ...(r.type === 'table' ? { columns: db.prepare('SELECT * FROM pragma_table_info(?)').all(r.name) } : {}),
      ...(r.type === 'index' ? { indexColumns: db.prepare('SELECT * FROM pragma_index_info(?)').all(r.name) } : {}),
    }));
  } finally {
    db.close();
  }
}

export function sqliteRows(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

export function sqliteExec(file: string, sql: string, ...params: unknown[]): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (params.length > 0) db.prepare(sql).run(...params);
    else db.exec(sql);
  } finally {
    db.close();
  }
}
