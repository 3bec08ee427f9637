// Issue 2: 1000 sequential core.uptime calls over one connection, through @kamkit/rpc and through
// the real kamcmd fed the same 1000 lines on stdin (its interactive mode: one process, one
// connection, plus its own ~13 start-up RPCs). Goal: ours / kamcmd <= 1.0.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, printTable, round, timeProcess } from '../lib/measure.mjs';

const LOOP = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'lib', 'binrpc-loop.mjs');
const CALLS = 1000;

export const name = 'binrpc-roundtrips';

export async function run(lab, { runs = 5 } = {}) {
  const input = 'core.uptime\n'.repeat(CALLS);
  const results = [];
  for (const [label, target] of [
    ['unix', lab.env.ctlSocket],
    ['tcp', lab.env.binrpcTcp],
  ]) {
    const ours = [];
    const oursInProcess = [];
    const pipelined = [];
    const spinning = [];
    const kamcmd = [];
    // Warm up both (page cache, the ctl process), then interleave the runs so noise hits both alike.
    await timeProcess(process.execPath, [LOOP, target, '200']);
    await timeProcess(lab.env.bin.kamcmd, ['-s', target], { input: 'core.uptime\n'.repeat(200) });
    for (let i = 0; i < runs; i++) {
      const mine = await timeProcess(process.execPath, [LOOP, target, String(CALLS)]);
      ours.push(mine.ms);
      oursInProcess.push(JSON.parse(mine.stdout).totalMs);
      spinning.push(JSON.parse((await timeProcess(process.execPath, [LOOP, target, String(CALLS), '--spin', '1000'])).stdout).totalMs);
      pipelined.push(JSON.parse((await timeProcess(process.execPath, [LOOP, target, String(CALLS), '--window', '16'])).stdout).totalMs);
      kamcmd.push((await timeProcess(lab.env.bin.kamcmd, ['-s', target], { input })).ms);
    }
    const row = {
      transport: label,
      kamcmdMs: round(median(kamcmd)),
      oursProcessMs: round(median(ours)),
      oursInProcessMs: round(median(oursInProcess)),
      oursPipelinedMs: round(median(pipelined)),
      oursSpinMs: round(median(spinning)),
    };
    row.ratioProcess = round(row.oursProcessMs / row.kamcmdMs, 2);
    row.ratioInProcess = round(row.oursInProcessMs / row.kamcmdMs, 2);
    row.ratioSpin = round(row.oursSpinMs / row.kamcmdMs, 2);
    results.push(row);
  }
  printTable(
    `${CALLS} sequential core.uptime over one connection, median of ${runs} runs (ratio = ours / kamcmd, goal <= 1.0)`,
    ['transport', 'kamcmd ms', 'ours ms (process)', 'ratio', 'ours ms (calls only)', 'ratio', 'ours ms (spinMicros 1000)', 'ratio', 'ours ms (16 in flight)'],
    results.map((r) => [r.transport, r.kamcmdMs, r.oursProcessMs, r.ratioProcess, r.oursInProcessMs, r.ratioInProcess, r.oursSpinMs, r.ratioSpin, r.oursPipelinedMs]),
  );
  return results;
}
