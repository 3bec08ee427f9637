// Issue 4: our kamcmd against `node -e 0` and the real kamcmd, on the lab's BINRPC sockets.
//  - one-shot `kamcmd core.uptime`: wall time of the whole process (goal: ours / node -e 0 <= 1.5);
//  - 1000 `core.uptime` lines on stdin, one process (goal: ours / kamcmd <= 1.0). kamcmd runs them
//    through its interactive mode; ours pipelines them on its one connection.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, printTable, round, timeProcess } from '../lib/measure.mjs';

const PACKAGE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'kamcmd');
const BIN = path.join(PACKAGE, 'dist', 'src', 'bin', 'kamcmd.js');
const LINES = 1000;

export const name = 'kamcmd';

/**
 * Wall time of one run. Without input stdin is closed: a one-shot command exits before it would
 * read it (writing even nothing to its stdin then fails with EPIPE).
 */
async function timeOnce(command, args, input) {
  if (input !== undefined) return (await timeProcess(command, args, { input })).ms;
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median wall time of `runs` runs of each command, interleaved so that noise hits all alike. */
async function medians(commands, runs, input) {
  const times = commands.map(() => []);
  for (const [command, args] of commands) await timeOnce(command, args, input); // warm-up
  for (let i = 0; i < runs; i++) {
    for (const [j, [command, args]] of commands.entries()) times[j].push(await timeOnce(command, args, input));
  }
  return times.map((t) => round(median(t)));
}

export async function run(lab, { runs = 5 } = {}) {
  const { env } = lab;
  // Measure what `npm install` gives: the start-up bundle its prepare step makes from this build.
  execFileSync(process.execPath, [path.join(PACKAGE, 'scripts', 'bundle.mjs')], { stdio: 'inherit' });
  const oneShot = [];
  for (const [label, target] of [
    ['unix', env.ctlSocket],
    ['tcp', env.binrpcTcp],
  ]) {
    // Start-up dominates and is noisy: more samples than the other suites take.
    const [nodeMs, oursMs, kamcmdMs] = await medians(
      [
        [process.execPath, ['-e', '0']],
        [process.execPath, [BIN, '-s', target, 'core.uptime']],
        [env.bin.kamcmd, ['-s', target, 'core.uptime']],
      ],
      runs * 4,
    );
    oneShot.push({ transport: label, nodeMs, oursMs, kamcmdMs, ratioToNode: round(oursMs / nodeMs, 2), ratioToKamcmd: round(oursMs / kamcmdMs, 1) });
  }
  printTable(
    `one-shot core.uptime, whole process, median of ${runs * 4} runs (goal: ours / node -e 0 <= 1.5)`,
    ['transport', 'node -e 0 ms', 'ours ms', 'kamcmd ms', 'ours / node', 'ours / kamcmd'],
    oneShot.map((r) => [r.transport, r.nodeMs, r.oursMs, r.kamcmdMs, r.ratioToNode, r.ratioToKamcmd]),
  );

  const input = 'core.uptime\n'.repeat(LINES);
  const piped = [];
  for (const [label, target] of [
    ['unix', env.ctlSocket],
    ['tcp', env.binrpcTcp],
  ]) {
    const [oursMs, kamcmdMs] = await medians(
      [
        [process.execPath, [BIN, '-s', target]],
        [env.bin.kamcmd, ['-s', target]],
      ],
      runs,
      input,
    );
    piped.push({ transport: label, oursMs, kamcmdMs, ratio: round(oursMs / kamcmdMs, 2) });
  }
  printTable(
    `${LINES} core.uptime lines on stdin, one process, median of ${runs} runs (goal: ours / kamcmd <= 1.0)`,
    ['transport', 'ours ms', 'kamcmd ms', 'ours / kamcmd'],
    piped.map((r) => [r.transport, r.oursMs, r.kamcmdMs, r.ratio]),
  );
  return { oneShot, piped };
}
