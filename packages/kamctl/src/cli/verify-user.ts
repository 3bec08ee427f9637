import type { Knex } from 'knex';

import { SubscriberRepository } from '../db/subscriber-repository.js';
import { formatAccount, type Account } from '../validate/aor.js';
import { KamctlError } from './exit-codes.js';
import { confirm } from './terminal-input.js';

/**
 * VERIFY_USER=1: the account must be a subscriber. kamctl then asks whether to go on; we ask only on
 * a terminal (`--force` answers yes), and refuse otherwise, so scripts never hang on a prompt.
 */
export async function verifyUser(db: Knex, table: string, account: Account, force: boolean): Promise<void> {
  if (force || (await new SubscriberRepository(db, table).exists(account))) return;
  const question = `Non-existent user '${formatAccount(account)}'. Still proceeding?`;
  if (await confirm(question)) return;
  throw new KamctlError(`non-existent user '${formatAccount(account)}' (VERIFY_USER=1; --force to proceed anyway)`);
}
