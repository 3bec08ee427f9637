import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSchemaDir, sqliteDdl, STANDARD_MODULES } from '@kamkit/schema';

const require = createRequire(import.meta.url);

/** The part of better-sqlite3 we use. */
export interface SqliteDatabase {
  exec(sql: string): unknown;
  prepare(sql: string): { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown; run(...params: unknown[]): unknown };
  close(): void;
}
type SqliteConstructor = new (file: string, options?: { readonly?: boolean; fileMustExist?: boolean }) => SqliteDatabase;

/** The repository's Kamailio 5.6.3 table definitions, seen from dist/src/db. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../../../../schemas', import.meta.url));

export interface EmbeddedDatabase {
  db: SqliteDatabase;
  path: string;
  /** True when this start created the file. */
  created: boolean;
}

/**
 * Opens the server's SQLite database, creating it first when missing with kamdbctl's standard set of
 * table groups (the same DDL `kamdbctl create` runs on SQLite, from @kamkit/schema). The file is
 * built under a temporary name and renamed, so an interrupted creation never leaves half a schema.
 */
export function openEmbeddedDatabase(file: string, groups: readonly string[] = STANDARD_MODULES, schemaDir = SCHEMA_DIR): EmbeddedDatabase {
  const Database = require('better-sqlite3') as SqliteConstructor;
  let created = false;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.creating`;
    rmSync(partial, { force: true });
    const schema = readSchemaDir(schemaDir);
    const db = new Database(partial);
    try {
      db.exec('BEGIN');
      for (const id of groups) {
        const group = schema.groups.find((g) => g.id === id);
        if (!group) throw new Error(`no table group "${id}" in ${schemaDir}`);
        db.exec(sqliteDdl(group));
      }
      db.exec('COMMIT');
    } finally {
      db.close();
    }
    renameSync(partial, file);
    created = true;
  }
  return { db: new Database(file, { fileMustExist: true }), path: file, created };
}
