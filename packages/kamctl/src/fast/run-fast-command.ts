import { formatJson } from '@kamkit/rpc/json-printer';

import { ExitCode, KamctlError } from '../cli/exit-codes.js';
import { printPlainError } from '../cli/print-error.js';
import { credentialColumns } from '../credentials/digest-credentials.js';
import { resolveCredentialInput } from '../credentials/password-input.js';
import { toDbError } from '../db/database-errors.js';
import { readKamctlrc, reportKamctlrcWarnings, requireDbSettings, settingsFromKamctlrc } from '../settings/load-settings.js';
import { openDriverSqlSession } from '../sql/driver-sql-session.js';
import { addSubscriber, changeCredentials } from '../subscribers/subscriber-writes.js';
import { formatAccount, parseAccount } from '../validate/aor.js';
import { parseFastCommandLine, type FastCommandLine } from './fast-command-line.js';

/**
 * kamctl's start-up path (bin/kamctl.cjs loads it as one bundle): `add` and `passwd` run here on a
 * bare driver connection, without oclif and knex, whose loading would be most of the command's
 * time. Same settings, validation, statements (subscriber-writes), output and exit codes as the
 * oclif commands. Resolves to the exit code, or undefined when oclif must handle the command line.
 */
export async function runFastCommand(argv: readonly string[]): Promise<number | undefined> {
  const line = parseFastCommandLine(argv);
  if (!line) return undefined;
  try {
    process.stdout.write(await run(line));
    return ExitCode.ok;
  } catch (error) {
    // Nothing here talks RPC, so no error needs the RPC client to describe it.
    printPlainError(error as Error, line.json);
    return error instanceof KamctlError ? error.exitCode : ExitCode.error;
  }
}

async function run(line: FastCommandLine): Promise<string> {
  const rc = readKamctlrc(process.env, line.config);
  reportKamctlrcWarnings(rc);
  const settings = settingsFromKamctlrc(rc, { rpcTarget: line.rpc });
  const account = parseAccount(line.user, settings.sipDomain);
  const { password, credentials } = await resolveCredentialInput(line.password, { 'password-stdin': line.passwordStdin, realm: line.realm }, settings.credentials);
  const db = requireDbSettings(settings);
  const columns = credentialColumns(account.username, account.domain, password, credentials);
  const output = (json: unknown, human: string) => (line.json ? formatJson(json) : `${human}\n`);
  let session;
  try {
    session = await openDriverSqlSession(db, 'rw');
    if (line.command === 'add') {
      await addSubscriber(session, {
        account,
        credentials: columns,
        subscriberTable: settings.tables.subscriber,
        aliasTable: settings.aliasesType === 'DB' ? settings.tables.dbaliases : undefined,
      });
      return output({ added: account }, `new user '${formatAccount(account)}' added`);
    }
    if (!(await changeCredentials(session, settings.tables.subscriber, account, columns))) {
      throw new KamctlError(`non-existent user '${formatAccount(account)}'`);
    }
    return output({ changed: account }, 'password change succeeded');
  } catch (error) {
    throw error instanceof KamctlError ? error : toDbError(error, db);
  } finally {
    await session?.close().catch(() => undefined);
  }
}
