// Issue 6: provisioning 200 subscribers on the lab's MariaDB (made by the real kamdbctl):
// the real kamctl in a loop (one process per user), our kamctl in a loop, and our bulk import of
// the same 200 users as one CSV file (one process, one transaction). Then the goal: 10,000
// subscribers (passwords hashed on import) from one CSV file, against the real add loop extrapolated
// per row (its median per add x 10,000), and the same 10,000 again (nothing to do).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { kamctlEnv, mysqlRoot } from '../../test/harness/lab-tools.mjs';
import { median, printTable, round, timeProcess } from '../lib/measure.mjs';

const OUR_KAMCTL = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'kamctl', 'bin', 'kamctl.cjs');
const USERS = 200;
const BULK_USERS = 10_000;
/** The goal: the 10,000-row import at least this many times faster than the extrapolated loop. */
const BULK_GOAL = 200;

export const name = 'kamctl';

export async function run(lab, { runs = 5 } = {}) {
  const { env } = lab;
  // Our kamctl reads the lab's ~/.kamctlrc, as the real one does; RPC over the BINRPC socket.
  const ourEnv = { PATH: process.env.PATH, HOME: env.kamctlHome, KAMCTL_RPC: env.ctlSocket };
  const user = (prefix, i) => `${prefix}${String(i).padStart(4, '0')}`;
  const clear = async (prefix) => {
    const r = await mysqlRoot(`DELETE FROM subscriber WHERE username LIKE '${prefix}%'`, { database: env.dbName });
    if (r.code !== 0) throw new Error(r.stderr);
  };
  const count = async (prefix) => Number((await mysqlRoot(`SELECT count(*) FROM subscriber WHERE username LIKE '${prefix}%'`, { database: env.dbName })).stdout.trim());
  const loop = async (command, args) => {
    const perAdd = [];
    const start = process.hrtime.bigint();
    for (let i = 0; i < USERS; i++) perAdd.push((await timeProcess(command, args(i), { env: command === OUR_KAMCTL ? undefined : kamctlEnv(env) })).ms);
    return { totalMs: Number(process.hrtime.bigint() - start) / 1e6, perAdd };
  };

  // One warm-up each (page cache, manifest), then one loop of 200 per tool: each loop is already
  // 200 separate processes, so the per-add median is the stable figure.
  const realArgs = (prefix) => (i) => ['add', user(prefix, i), `pw${i}`];
  await timeProcess(env.bin.kamctl, realArgs('bwr')(0), { env: kamctlEnv(env) });
  await timeProcess(process.execPath, [OUR_KAMCTL, ...realArgs('bwo')(0)], { env: ourEnv });
  await clear('bw');

  const real = await loop(env.bin.kamctl, realArgs('br'));
  if ((await count('br')) !== USERS) throw new Error('the real kamctl did not add every user');
  const ours = { perAdd: [], totalMs: 0 };
  {
    const start = process.hrtime.bigint();
    for (let i = 0; i < USERS; i++) {
      ours.perAdd.push((await timeProcess(process.execPath, [OUR_KAMCTL, 'add', user('bo', i), `pw${i}`], { env: ourEnv })).ms);
    }
    ours.totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  }
  if ((await count('bo')) !== USERS) throw new Error('our kamctl did not add every user');

  const dir = mkdtempSync(path.join(tmpdir(), 'kamctl-bench-'));
  const csv = path.join(dir, 'users.csv');
  writeFileSync(csv, `username,domain,password\n${Array.from({ length: USERS }, (_, i) => `${user('bi', i)},${env.domain},pw${i}`).join('\n')}\n`);
  const bulk = [];
  const again = [];
  for (let r = 0; r < runs; r++) {
    await clear('bi');
    bulk.push((await timeProcess(process.execPath, [OUR_KAMCTL, 'import', 'subscribers', csv, '--json'], { env: ourEnv })).ms);
    if ((await count('bi')) !== USERS) throw new Error('the import did not add every user');
    // The same file again: idempotent, nothing to write.
    again.push((await timeProcess(process.execPath, [OUR_KAMCTL, 'import', 'subscribers', csv, '--json'], { env: ourEnv })).ms);
  }

  // 10,000 subscribers with passwords: each row gets ha1 and ha1b computed by the import.
  const bulkUser = (i) => `bt${String(i).padStart(5, '0')}`;
  const bigCsv = path.join(dir, 'users-10k.csv');
  writeFileSync(bigCsv, `username,domain,password\n${Array.from({ length: BULK_USERS }, (_, i) => `${bulkUser(i)},${env.domain},pw${i}`).join('\n')}\n`);
  const big = [];
  const bigAgain = [];
  for (let r = 0; r < runs; r++) {
    await clear('bt');
    const first = await timeProcess(process.execPath, [OUR_KAMCTL, 'import', 'subscribers', bigCsv, '--json'], { env: ourEnv });
    if (JSON.parse(first.stdout).added !== BULK_USERS || (await count('bt')) !== BULK_USERS) throw new Error('the 10,000-row import did not add every user');
    big.push(first.ms);
    const second = await timeProcess(process.execPath, [OUR_KAMCTL, 'import', 'subscribers', bigCsv, '--json'], { env: ourEnv });
    if (JSON.parse(second.stdout).unchanged !== BULK_USERS) throw new Error(`the same 10,000 again was not a no-op: ${second.stdout}`);
    bigAgain.push(second.ms);
  }
  // The hashes are kamctl's: MD5(user:realm:password), realm = the domain.
  const probe = bulkUser(4242);
  const stored = (await mysqlRoot(`SELECT ha1 FROM subscriber WHERE username = '${probe}'`, { database: env.dbName })).stdout.trim();
  if (stored !== createHash('md5').update(`${probe}:${env.domain}:pw4242`).digest('hex')) throw new Error(`unexpected ha1 for ${probe}: ${stored}`);
  await clear('b');
  rmSync(dir, { recursive: true, force: true });

  const extrapolatedMs = median(real.perAdd) * BULK_USERS;
  const result = {
    users: USERS,
    realLoopMs: round(real.totalMs),
    realPerAddMs: round(median(real.perAdd)),
    oursLoopMs: round(ours.totalMs),
    oursPerAddMs: round(median(ours.perAdd)),
    ratioLoop: round(ours.totalMs / real.totalMs, 2),
    oursImportMs: round(median(bulk)),
    ratioImportVsRealLoop: round(median(bulk) / real.totalMs, 3),
    oursImportAgainMs: round(median(again)),
    bulkUsers: BULK_USERS,
    realLoopExtrapolatedMs: round(extrapolatedMs),
    oursBulkImportMs: round(median(big)),
    oursBulkImportAgainMs: round(median(bigAgain)),
    bulkSpeedup: round(extrapolatedMs / median(big)),
    bulkGoal: BULK_GOAL,
    bulkGoalMet: extrapolatedMs / median(big) >= BULK_GOAL,
  };
  printTable(
    `${USERS} subscribers on MariaDB: kamctl add in a loop (one process per user) vs our import of the same ${USERS} (median of ${runs} imports)`,
    ['tool', 'total ms', 'per add ms (median)', 'ratio ours / real'],
    [
      ['real kamctl add loop', result.realLoopMs, result.realPerAddMs, ''],
      ['our kamctl add loop', result.oursLoopMs, result.oursPerAddMs, result.ratioLoop],
      ['our kamctl import (one transaction)', result.oursImportMs, '', result.ratioImportVsRealLoop],
      ['our import, same file again (no-op)', result.oursImportAgainMs, '', ''],
    ],
  );
  printTable(
    `${BULK_USERS} subscribers with passwords hashed, one CSV file (median of ${runs} imports) vs the real kamctl add loop extrapolated (${result.realPerAddMs} ms per add x ${BULK_USERS})`,
    ['tool', 'total ms', 'times faster than the real loop', `goal >= ${BULK_GOAL}`],
    [
      ['real kamctl add loop (extrapolated)', result.realLoopExtrapolatedMs, '', ''],
      ['our kamctl import (one transaction)', result.oursBulkImportMs, result.bulkSpeedup, result.bulkGoalMet ? 'met' : 'NOT met'],
      ['our import, same file again (no-op)', result.oursBulkImportAgainMs, round(extrapolatedMs / median(bigAgain)), ''],
    ],
  );
  return result;
}
