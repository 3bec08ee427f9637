import { KamctlError } from '../cli/exit-codes.js';
import { placeholders, quoteIdentifier, type SqlSession } from '../sql/sql-session.js';
import { formatAccount, type Account } from '../validate/aor.js';

export interface NewSubscriber {
  account: Account;
  /** ha1, ha1b, password and the configured SHA-256 columns (credentialColumns). */
  credentials: Record<string, string>;
  subscriberTable: string;
  /** The dbaliases table when ALIASES_TYPE=DB: an alias of that name blocks the user. */
  aliasTable?: string | undefined;
}

/**
 * Adds a subscriber unless it (or, with DB aliases, an alias of the same name) exists, in ONE
 * statement: the check and the insert cannot be split by another writer, and a provisioning loop
 * pays one round trip per user. Only when nothing was inserted is the reason looked up.
 */
export async function addSubscriber(session: SqlSession, subscriber: NewSubscriber): Promise<void> {
  const q = (name: string) => quoteIdentifier(session.engine, name);
  const { account, credentials, subscriberTable, aliasTable } = subscriber;
  const columns = ['username', 'domain', ...Object.keys(credentials)];
  const values = [account.username, account.domain, ...Object.values(credentials)];
  const existing = `SELECT 1 FROM ${q(subscriberTable)} WHERE ${q('username')} = ? AND ${q('domain')} = ?`;
  const alias = aliasTable && `SELECT 1 FROM ${q(aliasTable)} WHERE ${q('alias_username')} = ? AND ${q('alias_domain')} = ?`;
  // MySQL wants a FROM before WHERE; DUAL is its no-table table.
  const from = session.engine === 'mysql' ? ' FROM DUAL' : '';
  const inserted = await session.run(
    `INSERT INTO ${q(subscriberTable)} (${columns.map(q).join(', ')}) SELECT ${placeholders(values.length)}${from} ` +
      `WHERE NOT EXISTS (${existing})${alias ? ` AND NOT EXISTS (${alias})` : ''}`,
    [...values, account.username, account.domain, ...(alias ? [account.username, account.domain] : [])],
  );
  if (inserted > 0) return;
  if ((await session.select(existing, [account.username, account.domain])).length > 0) {
    throw new KamctlError(`user '${formatAccount(account)}' already exists`);
  }
  throw new KamctlError(`user '${formatAccount(account)}' already exists as alias`);
}

/** Sets new credentials; false when there is no such subscriber. */
export async function changeCredentials(
  session: SqlSession,
  subscriberTable: string,
  account: Account,
  credentials: Record<string, string>,
): Promise<boolean> {
  const q = (name: string) => quoteIdentifier(session.engine, name);
  const assignments = Object.keys(credentials).map((column) => `${q(column)} = ?`);
  const changed = await session.run(`UPDATE ${q(subscriberTable)} SET ${assignments.join(', ')} WHERE ${q('username')} = ? AND ${q('domain')} = ?`, [
    ...Object.values(credentials),
    account.username,
    account.domain,
  ]);
  return changed > 0;
}
