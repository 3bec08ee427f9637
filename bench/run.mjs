#!/usr/bin/env node
// npm run bench: starts ONE real Kamailio 5.6.3 lab (test/harness) and runs every suite in
// bench/suites against it, so our tools and the real ones are measured in the same run.
//   node bench/run.mjs [suite-name ...] [--runs N]
// Results are printed and written to bench/results/latest.json.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabError, startKamailio } from '../test/harness/kamailio-lab.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const wanted = new Set(args);

const suites = [];
for (const file of readdirSync(path.join(HERE, 'suites')).sort()) {
  if (!file.endsWith('.mjs')) continue;
  const suite = await import(path.join(HERE, 'suites', file));
  if (wanted.size === 0 || wanted.has(suite.name)) suites.push(suite);
}
if (suites.length === 0) {
  process.stderr.write(`bench: no suite matches ${[...wanted].join(', ')}\n`);
  process.exit(2);
}

let lab;
try {
  lab = await startKamailio({ startMariadb: true, log: (msg) => process.stderr.write(`[bench] ${msg}\n`) });
} catch (error) {
  process.stderr.write(`bench: cannot start the reference Kamailio: ${error instanceof LabError ? error.message : error}\n`);
  process.exit(1);
}

const report = { date: new Date().toISOString(), kamailio: lab.env.kamailioVersion, runs, suites: {} };
let failed = false;
try {
  for (const suite of suites) {
    try {
      report.suites[suite.name] = await suite.run(lab, { runs });
    } catch (error) {
      failed = true;
      process.stderr.write(`bench: suite ${suite.name} failed: ${error instanceof Error ? error.message : error}\n`);
    }
  }
} finally {
  await lab.stop();
}
mkdirSync(path.join(HERE, 'results'), { recursive: true });
writeFileSync(path.join(HERE, 'results', 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`\nwritten to bench/results/latest.json\n`);
process.exit(failed ? 1 : 0);
