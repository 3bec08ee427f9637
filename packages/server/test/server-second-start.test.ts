// Starting kamkit-server where one already runs (npm start in a second terminal): it must refuse,
// naming the socket, and leave the running one reachable; a leftover of a killed server is no
// obstacle; a closed terminal (SIGHUP) stops it as cleanly as Ctrl-C.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@kamkit/rpc';

const BIN = fileURLToPath(new URL('../src/bin/kamkit-server.js', import.meta.url));

interface Started {
  child: ChildProcess;
  banner: string;
  exit: Promise<number | null>;
}

/** Starts the embedded default with its files under `dir` and waits for its banner. */
async function start(dir: string, http = '127.0.0.1:0'): Promise<Started> {
  const args = [BIN, '-Y', path.join(dir, 'run'), '--data-dir', path.join(dir, 'data'), '--http', http];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let banner = '';
  child.stdout!.on('data', (d: Buffer) => (banner += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => banner.includes('Ctrl-C') && resolve());
    void exit.then((code) => reject(new Error(`exited ${code} before its banner: ${banner}`)));
  });
  return { child, banner, exit };
}

/** Runs the embedded default to its end (a start that is refused). */
function startRefused(dir: string, http: string) {
  const args = [BIN, '-Y', path.join(dir, 'run'), '--data-dir', path.join(dir, 'data'), '--http', http];
  return spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 30_000 });
}

async function coreVersion(socket: string): Promise<unknown> {
  const client = createClient(`unix:${socket}`, { timeoutMs: 5000 });
  try {
    return (await client.call('core.version')).result;
  } finally {
    await client.close();
  }
}

test('a second start on the same run directory is refused and the first keeps its sockets', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kamkit-second-start-'));
  const socket = path.join(dir, 'run', 'kamailio_ctl');
  const first = await start(dir);
  try {
    const second = startRefused(dir, '127.0.0.1:0');
    assert.equal(second.status, 1, second.stderr);
    assert.equal(second.stdout, '');
    assert.equal(
      second.stderr,
      `kamkit-server: another server is answering on ${socket}; stop it first, or give this one its own run directory (-Y DIR) and HTTP port (--http HOST:PORT)\n`,
    );
    assert.match(String(await coreVersion(socket)), /^kamailio 5\.6\.3 /);

    // Its own run directory, but the first one's HTTP port: the port is named, with the way out.
    const port = /JSON-RPC HTTP\s+http:\/\/127\.0\.0\.1:(\d+)\//.exec(first.banner)![1]!;
    const other = mkdtempSync(path.join(tmpdir(), 'kamkit-second-start-'));
    const third = startRefused(other, `127.0.0.1:${port}`);
    assert.equal(third.status, 1, third.stderr);
    assert.equal(
      third.stderr,
      `kamkit-server: cannot start: 127.0.0.1:${port} is already in use (another kamkit-server or a Kamailio?); --http HOST:PORT picks another (port 0: any free one)\n`,
    );
    assert.deepEqual(readdirSync(path.join(other, 'run')), [], 'the refused one removed what it had made');
    rmSync(other, { recursive: true });
    assert.match(String(await coreVersion(socket)), /^kamailio 5\.6\.3 /);
  } finally {
    first.child.kill('SIGHUP');
  }
  assert.equal(await first.exit, 0, 'SIGHUP stops it cleanly');
  assert.deepEqual(readdirSync(path.join(dir, 'run')), []);
  rmSync(dir, { recursive: true });
});

test('the socket file of a killed server does not stop the next start', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kamkit-second-start-'));
  const socket = path.join(dir, 'run', 'kamailio_ctl');
  const killed = await start(dir);
  killed.child.kill('SIGKILL');
  await killed.exit;
  assert.ok(existsSync(socket), 'SIGKILL leaves the socket file behind');
  const next = await start(dir);
  assert.match(String(await coreVersion(socket)), /^kamailio 5\.6\.3 /);
  next.child.kill('SIGTERM');
  assert.equal(await next.exit, 0);
  assert.deepEqual(readdirSync(path.join(dir, 'run')), []);
  rmSync(dir, { recursive: true });
});
