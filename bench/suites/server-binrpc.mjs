// Issue 3: our companion server's BINRPC answer rate against the real Kamailio's, with the same
// client in the same run: 1000 sequential core.uptime calls over one connection (unix socket).
// Ratio = Kamailio's time / ours (goal >= 1.0: we answer at least as fast).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, printTable, round, timeProcess } from '../lib/measure.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LOOP = path.join(HERE, '..', 'lib', 'binrpc-loop.mjs');
const SERVER = path.join(HERE, '..', '..', 'packages', 'server', 'dist', 'src', 'bin', 'kamkit-server.js');
const CALLS = 1000;

export const name = 'server-binrpc';

/** Starts the embedded default in a throw-away directory; resolves once it printed its listeners. */
function startOurServer(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, '-Y', path.join(dir, 'run'), '--data-dir', path.join(dir, 'data'), '--http', '127.0.0.1:0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const socket = /unix:(\S+kamailio_ctl)/.exec(output);
      if (socket) resolve({ child, target: `unix:${socket[1]}` });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`kamkit-server exited ${code}: ${output.trim()}`)));
  });
}

export async function run(lab, { runs = 5 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kamkit-bench-server-'));
  const ours = await startOurServer(dir);
  try {
    const times = { kamailio: [], ours: [] };
    const targets = { kamailio: lab.env.ctlSocket, ours: ours.target };
    for (const target of Object.values(targets)) await timeProcess(process.execPath, [LOOP, target, '200']);
    for (let i = 0; i < runs; i++) {
      for (const [who, target] of Object.entries(targets)) {
        times[who].push(JSON.parse((await timeProcess(process.execPath, [LOOP, target, String(CALLS), '--spin', '1000'])).stdout).totalMs);
      }
    }
    const row = { kamailioMs: round(median(times.kamailio)), oursMs: round(median(times.ours)) };
    row.ratio = round(row.kamailioMs / row.oursMs, 2);
    printTable(
      `${CALLS} sequential core.uptime over one unix connection, same client (@kamkit/rpc, spinMicros 1000), median of ${runs} (ratio = Kamailio ms / ours ms, goal >= 1.0)`,
      ['server', 'ms', 'calls/s'],
      [
        ['kamailio 5.6.3', row.kamailioMs, Math.round((CALLS / row.kamailioMs) * 1000)],
        ['kamkit-server', row.oursMs, Math.round((CALLS / row.oursMs) * 1000)],
        ['ratio', row.ratio, ''],
      ],
    );
    return row;
  } finally {
    ours.child.kill('SIGTERM');
    await new Promise((resolve) => ours.child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
