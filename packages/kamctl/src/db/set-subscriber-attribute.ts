import type { Knex } from 'knex';

import { KamctlError, UsageError } from '../cli/exit-codes.js';
import { formatAccount, type Account } from '../validate/aor.js';
import { SubscriberRepository } from './subscriber-repository.js';

// Changing these would detach the row from its identity; use add/rm/passwd.
const PROTECTED = new Set(['id', 'username', 'domain']);

/** sets/setn: one subscriber column, named by the caller but checked against the table's columns first. */
export async function setSubscriberAttribute(
  trx: Knex.Transaction,
  table: string,
  account: Account,
  column: string,
  value: string | number,
): Promise<void> {
  if (PROTECTED.has(column)) throw new UsageError(`column ${column} cannot be set this way`);
  const subscribers = new SubscriberRepository(trx, table);
  const columns = await subscribers.columnNames();
  if (!columns.includes(column)) throw new UsageError(`${table} has no column ${JSON.stringify(column)} (columns: ${columns.join(', ')})`);
  if ((await subscribers.set(account, { [column]: value })) === 0) {
    throw new KamctlError(`non-existent user '${formatAccount(account)}'`);
  }
}
