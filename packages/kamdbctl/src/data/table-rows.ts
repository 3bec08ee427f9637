/** Reading a table in chunks and writing rows in chunks, through knex, on any engine. */
import type { Knex } from 'knex';

const READ_CHUNK = 2000;
/** Bound values per INSERT: below SQLite's 32766 and PostgreSQL's/MySQL's 65535. */
const MAX_BINDINGS = 30_000;

/**
 * Yields the rows of `table` as arrays in `columns` order. With an integer key column (the `id`
 * of every Kamailio table) it pages by key; otherwise by offset, ordered by the first column.
 */
export async function* readRows(db: Knex, table: string, columns: readonly string[], key: string | undefined): AsyncGenerator<unknown[]> {
  let last: unknown = undefined;
  for (let offset = 0; ; offset += READ_CHUNK) {
    let query = db(table).select(columns as string[]).limit(READ_CHUNK);
    if (key) {
      query = query.orderBy(key);
      if (last !== undefined) query = query.where(key, '>', last as Knex.Value);
    } else {
      query = query.orderBy(columns[0]!).offset(offset);
    }
    const rows: Record<string, unknown>[] = await query;
    for (const row of rows) yield columns.map((c) => row[c]);
    if (rows.length < READ_CHUNK) return;
    if (key) last = rows[rows.length - 1]![key];
  }
}

/** Collects rows and inserts them in chunks that stay below every engine's limit of bound values. */
export class RowInserter {
  private rows: Record<string, unknown>[] = [];
  private readonly chunk: number;
  inserted = 0;

  constructor(
    private readonly db: Knex,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.chunk = Math.max(1, Math.min(500, Math.floor(MAX_BINDINGS / Math.max(1, columns.length))));
  }

  async add(values: readonly unknown[]): Promise<void> {
    const row: Record<string, unknown> = {};
    this.columns.forEach((c, i) => (row[c] = values[i]));
    this.rows.push(row);
    if (this.rows.length >= this.chunk) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    await this.db(this.table).insert(rows);
    this.inserted += rows.length;
  }
}
