/** Copies the rows of tables from one database to another (kamdbctl copy), chunk by chunk. */
import type { Knex } from 'knex';

import { RowInserter, readRows } from '../data/table-rows.js';
import type { Engine } from '../engine/engine.js';

export async function copyRows(
  engine: Engine,
  from: Knex,
  to: Knex,
  tables: readonly string[],
  keys: ReadonlyMap<string, string>,
): Promise<number> {
  let rows = 0;
  for (const table of tables) {
    const columns = await engine.listColumns(from, table);
    const inserter = new RowInserter(to, table, columns);
    for await (const values of readRows(from, table, columns, keys.get(table))) await inserter.add(values);
    await inserter.flush();
    rows += inserter.inserted;
  }
  await engine.resetSequences(to, tables);
  return rows;
}
