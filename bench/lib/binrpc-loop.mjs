#!/usr/bin/env node
// One process, one connection: N calls through @kamkit/rpc. By default each call is awaited before
// the next (what kamcmd does with N lines on stdin); --window W keeps up to W calls in flight;
// --spin US busy-polls for each reply up to US microseconds (the CLIs' low-latency mode).
// Prints one JSON line with the in-process time.
//   node bench/lib/binrpc-loop.mjs TARGET [N] [METHOD] [--window W] [--spin US]
import { createClient } from '@kamkit/rpc';

const args = process.argv.slice(2);
const windowAt = args.indexOf('--window');
const window = windowAt >= 0 ? Number(args.splice(windowAt, 2)[1]) : 1;
const spinAt = args.indexOf('--spin');
const spinMicros = spinAt >= 0 ? Number(args.splice(spinAt, 2)[1]) : 0;
const [target, count = '1000', method = 'core.uptime'] = args;
if (!target || !(window >= 1)) {
  process.stderr.write('usage: binrpc-loop.mjs TARGET [N] [METHOD] [--window W] [--spin US]\n');
  process.exit(2);
}
const client = createClient(target, { spinMicros });
const n = Number(count);
const start = process.hrtime.bigint();
let issued = 0;
async function worker() {
  while (issued < n) {
    issued++;
    await client.call(method);
  }
}
await Promise.all(Array.from({ length: window }, worker));
const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
await client.close();
process.stdout.write(`${JSON.stringify({ target, method, n, window, totalMs: Math.round(totalMs * 10) / 10 })}\n`);
