// An SQLite database's structure per table, for comparing two databases table by table (the
// SQLite counterpart of information_schema): the CREATE statement, the columns, the indexes.
import Database from 'better-sqlite3';

/**
 * Per table: its `CREATE TABLE` text (whitespace runs folded to one space), every column
 * (PRAGMA table_info: position, name, declared type, NOT NULL, default, primary-key position),
 * and every index, also SQLite's own for UNIQUE/PRIMARY KEY constraints (PRAGMA index_list and
 * index_info: name, unique, origin, partial, columns in order, and the `CREATE INDEX` text).
 * Opened read-only: a running Kamailio may hold the file.
 */
export function sqliteStructure(file: string): Map<string, string[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const fold = (sql: string | null) => (sql ?? '(none)').replace(/\s+/g, ' ').trim();
  try {
    const byTable = new Map<string, string[]>();
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as { name: string; sql: string }[];
    for (const t of tables) {
      const lines = [`table ${fold(t.sql)}`];
      for (const c of db.prepare('SELECT cid, name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid').all(t.name) as Record<string, unknown>[]) {
        lines.push(`column ${[c['cid'], c['name'], c['type'], c['notnull'], c['dflt_value'] ?? '(none)', c['pk']].join(' | ')}`);
      }
      const indexes = db.prepare('SELECT name, "unique", origin, partial FROM pragma_index_list(?) ORDER BY name').all(t.name) as { name: string; unique: number; origin: string; partial: number }[];
      for (const i of indexes) {
        const columns = (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(i.name) as { name: string }[]).map((c) => c.name);
        const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(i.name) as { sql: string | null } | undefined)?.sql ?? null;
        lines.push(`index ${[i.name, i.unique, i.origin, i.partial, columns.join(','), fold(sql)].join(' | ')}`);
      }
      byTable.set(t.name, lines);
    }
    return byTable;
  } finally {
    db.close();
  }
}

/** Rows of a query as arrays of strings (NULL as "(null)"), read-only. */
export function sqliteRows(file: string, sql: string, ...params: unknown[]): string[][] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).raw().all(...params) as unknown[][]).map((r) => r.map((v) => (v === null ? '(null)' : String(v))));
  } finally {
    db.close();
  }
}
