// Issue 5: a full `kamdbctl create` on MariaDB (standard + presence + extra = 63 tables, latin1,
// new rw/ro users), ours against the real kamdbctl, as in the lab's bench-kamdbctl.sh (c1).
// Each run gets a dropped database and dropped users first (outside the timed region); the two
// tools alternate so machine noise hits both alike. Goal: ours / real <= 1.0.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { mysqlRoot, withSbin } from '../../test/harness/lab-tools.mjs';
import { median, printTable, round, timeProcess } from '../lib/measure.mjs';

const OUR_KAMDBCTL = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'kamdbctl', 'bin', 'kamdbctl.js');
const DB = 'kamkit_bench_kamdbctl';
const RW = 'kamkit_bench_rw';
const RO = 'kamkit_bench_ro';

export const name = 'kamdbctl';

async function reset() {
  const r = await mysqlRoot(`DROP DATABASE IF EXISTS ${DB}; DROP USER IF EXISTS '${RW}'@'localhost'; DROP USER IF EXISTS '${RO}'@'localhost';`);
  if (r.code !== 0) throw new Error(`resetting the bench database: ${r.stderr}`);
}

async function countTables() {
  const r = await mysqlRoot(`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '${DB}'`);
  return Number(r.stdout.trim());
}

export async function run(lab, { runs = 5 } = {}) {
  const home = mkdtempSync(path.join(tmpdir(), 'kamkit-bench-kamdbctl-'));
  // One kamctlrc for both: the real one reads ~/.kamctlrc, ours is given it with --config.
  writeFileSync(
    path.join(home, '.kamctlrc'),
    [
      'DBENGINE=MYSQL',
      'DBHOST=localhost',
      `DBNAME=${DB}`,
      `DBRWUSER="${RW}"`,
      'DBRWPW="benchrw"',
      `DBROUSER="${RO}"`,
      'DBROPW="benchro"',
      'DBROOTUSER="root"',
      'DBROOTPW=""',
      'DBROOTPWSKIP=yes',
      'CHARSET="latin1"',
      'INSTALL_EXTRA_TABLES=yes',
      'INSTALL_PRESENCE_TABLES=yes',
      'INSTALL_DBUID_TABLES=no',
      '',
    ].join('\n'),
  );
  const env = { ...process.env, HOME: home, PATH: withSbin(process.env.PATH) };
  const tools = {
    real: () => timeProcess(lab.env.bin.kamdbctl, ['create'], { env }),
    ours: () => timeProcess(process.execPath, [OUR_KAMDBCTL, 'create', '--config', path.join(home, '.kamctlrc')], { env }),
  };
  const times = { real: [], ours: [] };
  try {
    // Warm-up (page cache, MariaDB's table cache), not counted.
    for (const tool of ['real', 'ours']) {
      await reset();
      await tools[tool]();
    }
    for (let i = 0; i < runs; i++) {
      for (const tool of i % 2 === 0 ? ['real', 'ours'] : ['ours', 'real']) {
        await reset();
        const { ms } = await tools[tool]();
        const tables = await countTables();
        if (tables !== 63) throw new Error(`${tool} kamdbctl create made ${tables} tables, not 63`);
        times[tool].push(ms);
      }
    }
  } finally {
    await reset();
    rmSync(home, { recursive: true, force: true });
  }
  const result = {
    realMs: round(median(times.real)),
    oursMs: round(median(times.ours)),
    realRunsMs: times.real.map((t) => round(t)),
    oursRunsMs: times.ours.map((t) => round(t)),
  };
  result.ratio = round(result.oursMs / result.realMs, 2);
  printTable(
    `kamdbctl create, MariaDB, standard + presence + extra (63 tables, latin1, new users), median of ${runs} runs (goal ours / real <= 1.0)`,
    ['real kamdbctl ms', 'ours ms', 'ratio', 'real runs', 'our runs'],
    [[result.realMs, result.oursMs, result.ratio, result.realRunsMs.join(' '), result.oursRunsMs.join(' ')]],
  );
  return result;
}
