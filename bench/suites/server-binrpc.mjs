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
const ECHO = path.join(HERE, '..', 'lib', 'binrpc-echo-server.mjs');
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

/** The zero-work Node server (bench/lib/binrpc-echo-server.mjs): the floor for any Node server here. */
function startEchoServer(dir) {
  const socket = path.join(dir, 'echo.sock');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ECHO, socket], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => resolve({ child, target: `unix:${socket}` }));
    child.on('exit', (code) => reject(new Error(`echo server exited ${code}`)));
  });
}

async function stop(child) {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

export async function run(lab, { runs = 5 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kamkit-bench-server-'));
  const ours = await startOurServer(dir);
  const echo = await startEchoServer(dir);
  try {
    const times = { kamailio: [], ours: [], echo: [] };
    const targets = { kamailio: lab.env.ctlSocket, ours: ours.target, echo: echo.target };
    for (const target of Object.values(targets)) await timeProcess(process.execPath, [LOOP, target, '200']);
    for (let i = 0; i < runs; i++) {
      for (const [who, target] of Object.entries(targets)) {
        times[who].push(JSON.parse((await timeProcess(process.execPath, [LOOP, target, String(CALLS), '--spin', '1000'])).stdout).totalMs);
      }
    }
    const row = { kamailioMs: round(median(times.kamailio)), oursMs: round(median(times.ours)), nodeFloorMs: round(median(times.echo)) };
    row.ratio = round(row.kamailioMs / row.oursMs, 2);
    row.nodeFloorRatio = round(row.kamailioMs / row.nodeFloorMs, 2);
    printTable(
      `${CALLS} sequential core.uptime over one unix connection, same client (@kamkit/rpc, spinMicros 1000), median of ${runs} (ratio = Kamailio ms / ours ms, goal >= 1.0)`,
      ['server', 'ms', 'calls/s'],
      [
        ['kamailio 5.6.3', row.kamailioMs, Math.round((CALLS / row.kamailioMs) * 1000)],
        ['kamkit-server', row.oursMs, Math.round((CALLS / row.oursMs) * 1000)],
        ['Node floor (echo, no work)', row.nodeFloorMs, Math.round((CALLS / row.nodeFloorMs) * 1000)],
        ['ratio (kamailio / ours)', row.ratio, ''],
        ['ratio (kamailio / floor)', row.nodeFloorRatio, ''],
      ],
    );
    return row;
  } finally {
    await Promise.all([stop(ours.child), stop(echo.child)]);
    rmSync(dir, { recursive: true, force: true });
  }
}
