import type { Knex } from 'knex';

import type { Row } from '../db/table-repository.js';
import type { ImportKind } from './import-kinds.js';
import type { ImportPlan } from './import-plan.js';

const INSERT_CHUNK = 100;

/** Carries out a plan inside the caller's transaction; `progress` is told how many rows are done. */
export async function applyPlan(
  trx: Knex.Transaction,
  table: string,
  kind: ImportKind,
  plan: ImportPlan,
  now: string,
  progress: (done: number) => void = () => {},
): Promise<void> {
  let done = 0;
  const extra: Row = kind.insertOnly?.(now) ?? {};
  for (let i = 0; i < plan.add.length; i += INSERT_CHUNK) {
    const chunk = plan.add.slice(i, i + INSERT_CHUNK).map((row) => ({ ...row, ...extra }));
    await trx(table).insert(chunk);
    progress((done += chunk.length));
  }
  for (const change of plan.change) {
    const values = Object.fromEntries(Object.entries(change.columns).map(([column, [, to]]) => [column, to]));
    await trx(table).where({ id: change.id }).update(values);
    progress(++done);
  }
  const ids = plan.remove.map((row) => Number(row['id']));
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    const chunk = ids.slice(i, i + INSERT_CHUNK);
    await trx(table).whereIn('id', chunk).delete();
    progress((done += chunk.length));
  }
}
