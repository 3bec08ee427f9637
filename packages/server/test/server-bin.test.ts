// The kamkit-server command: -c like kamailio -c, the embedded default (what npm start runs), and
// a clean stop on Ctrl-C.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@kamkit/rpc';
import { openEmbeddedDatabase } from '../src/db/embedded-database.js';

const BIN = fileURLToPath(new URL('../src/bin/kamkit-server.js', import.meta.url));

function runBin(args: string[], cwd?: string) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, timeout: 30_000 });
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'kamkit-bin-test-'));
}

test('-c -f: a good config exits 0 with kamailio -c\'s closing line', () => {
  const dir = tempDir();
  const cfg = path.join(dir, 'ok.cfg');
  writeFileSync(cfg, 'listen=udp:127.0.0.1:5060\nloadmodule "ctl.so"\nmodparam("ctl", "binrpc", "unix:/tmp/x_ctl")\nrequest_route { drop; }\n');
  const result = runBin(['-c', '-f', cfg]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /config file ok, exiting\.\.\.\n$/);
  rmSync(dir, { recursive: true });
});

test('-c -f: an unknown modparam fails with exit 255 and a CRITICAL line naming file and line', () => {
  const dir = tempDir();
  const cfg = path.join(dir, 'bad.cfg');
  writeFileSync(cfg, 'loadmodule "sl.so"\nmodparam("sl", "nosuch", 1)\nrequest_route { drop; }\n');
  const result = runBin(['-c', '-f', cfg]);
  assert.equal(result.status, 255);
  assert.match(result.stderr, new RegExp(`CRITICAL: <core> parse error in config file ${cfg.replace(/[.]/g, '\\.')}, line 2, column \\d+: Can't set module parameter: parameter <nosuch> of type <2:int> not found in module <sl>`));
  assert.match(result.stderr, /ERROR: bad config file \(1 errors\)/);
  assert.equal(result.stdout, '');
  rmSync(dir, { recursive: true });
});

test('-c -f: a syntax error is the parser\'s error, exit 255', () => {
  const dir = tempDir();
  const cfg = path.join(dir, 'syntax.cfg');
  writeFileSync(cfg, 'request_route {\n');
  const result = runBin(['-c', '-f', cfg]);
  assert.equal(result.status, 255);
  assert.match(result.stderr, /parse error in config file .*syntax\.cfg, line \d+/);
  rmSync(dir, { recursive: true });
});

test('bad command lines: usage on stderr, exit 2', () => {
  for (const args of [['-c'], ['--nope'], ['-f'], ['--http', 'nohost']]) {
    const result = runBin(args);
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, /^kamkit-server: .+\nUsage: kamkit-server/);
  }
  const help = runBin(['-h']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: kamkit-server/);
});

test('-f with a config the server cannot run (unknown module) exits 255 naming file:line', () => {
  const dir = tempDir();
  const cfg = path.join(dir, 'run.cfg');
  writeFileSync(cfg, 'loadmodule "ctl.so"\nloadmodule "notamodule.so"\n');
  const result = runBin(['-f', cfg]);
  assert.equal(result.status, 255);
  assert.match(result.stderr, new RegExp(`^kamkit-server: ${cfg.replace(/[.]/g, '\\.')}:2:\\d+: failed to load module`));
  rmSync(dir, { recursive: true });
});

test('embedded default: creates the database, prints the listeners, serves, and Ctrl-C removes the sockets', async () => {
  const dir = tempDir();
  const child = spawn(process.execPath, [BIN, '--http', '127.0.0.1:0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner: ${stdout}`)), 20_000);
    child.stdout.on('data', () => {
      if (stdout.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const runDir = path.join(dir, '.kamkit', 'run');
  assert.match(stdout, new RegExp(`connect: kamcmd -s unix:${runDir}/kamailio_ctl`));
  assert.match(stdout, /database: SQLite .*\.kamkit\/data\/kamailio\.sqlite \(created with the Kamailio 5\.6\.3 tables\)/);
  const http = /JSON-RPC HTTP\s+(\S+)/.exec(stdout)![1]!;
  for (const target of [`unix:${runDir}/kamailio_ctl`, http, `fifo:${runDir}/kamailio_rpc.fifo`]) {
    const client = createClient(target, { timeoutMs: 5000 });
    assert.match((await client.call('core.version')).result as string, /^kamailio 5\.6\.3 /, target);
    await client.close();
  }
  assert.deepEqual(readdirSync(runDir).sort(), ['kamailio_ctl', 'kamailio_rpc.fifo', 'kamailio_rpc.sock']);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  assert.equal(await exit, 0);
  assert.deepEqual(readdirSync(runDir), []);

  // The database has kamdbctl's standard tables and is reused by the next start.
  const database = openEmbeddedDatabase(path.join(dir, '.kamkit', 'data', 'kamailio.sqlite'));
  assert.equal(database.created, false);
  const tables = (database.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  for (const table of ['version', 'subscriber', 'location', 'grp', 'address', 'dispatcher', 'acc']) assert.ok(tables.includes(table), table);
  const version = database.db.prepare("SELECT table_version FROM version WHERE table_name = 'subscriber'").get() as { table_version: number };
  assert.equal(version.table_version, 7);
  database.db.close();
  assert.ok(!existsSync(path.join(dir, '.kamkit', 'data', 'kamailio.sqlite.creating')));
  rmSync(dir, { recursive: true });
});
