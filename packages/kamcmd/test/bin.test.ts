import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startBinrpcPeer, type BinrpcPeer } from './support/binrpc-peer.js';
import { labLikeMethods } from './support/lab-like-methods.js';

const BIN = fileURLToPath(new URL('../src/bin/kamcmd.js', import.meta.url));
const RECORDER = fileURLToPath(new URL('./support/import-recorder.js', import.meta.url));
const BUNDLER = fileURLToPath(new URL('../../scripts/bundle.mjs', import.meta.url));
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

describe('the kamcmd and sercmd commands', () => {
  let peer: BinrpcPeer;
  let lockedPeer: BinrpcPeer;
  const logs = mkdtempSync(path.join(os.tmpdir(), 'kamcmd-imports-'));
  before(async () => {
    peer = await startBinrpcPeer(labLikeMethods());
    lockedPeer = await startBinrpcPeer(labLikeMethods(), { unreachable: true });
  });
  after(async () => {
    await peer.close();
    await lockedPeer.close();
    rmSync(logs, { recursive: true, force: true });
  });

  test('npm links both bins: npx kamcmd -V and npx sercmd -h work from the repository root', async () => {
    const version = await run('npx', ['--no-install', 'kamcmd', '-V'], { cwd: REPO });
    assert.equal(version.code, 0, version.stderr);
    assert.match(version.stdout, /^version: kamcmd \d+\.\d+\.\d+ \(kamkit; kamcmd 1\.5 compatible\)\n$/);
    const help = await run('npx', ['--no-install', 'sercmd', '-h'], { cwd: REPO });
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: sercmd \[options\] \[--\] \[method \[arg \.\.\.\]\]\n/);
    const usage = await run('npx', ['--no-install', 'sercmd', '-x'], { cwd: REPO });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^sercmd: unknown option -x \(sercmd -h shows the options\)$/m);
  });

  /** Runs the bin with every module it resolves recorded; returns the result and the module URLs. */
  async function recorded(name: string, args: readonly string[], input: string) {
    const log = path.join(logs, name);
    const result = await run(process.execPath, ['--import', RECORDER, BIN, ...args], { input, env: { ...process.env, KAMCMD_IMPORT_LOG: log } });
    return { result, loaded: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  }

  const loadsTheRepl = (url: string) => /\/node_modules\/(ink|react|react-reconciler|yoga-layout)\/|repl/.test(url);

  test('one-shot and piped runs load neither Ink nor React, from the modules or from the bundle', async () => {
    const phases = [
      // Compiled modules: no bundle (one made from an earlier build would not match this one).
      { name: 'modules', prepare: () => rmSync(path.join(BIN, '..', '..', '..', 'bundle'), { recursive: true, force: true }), ran: (mode: string) => `/dist/src/${mode}/run-${mode}.js` },
      // The start-up bundle, made from this build as npm install's prepare step makes it.
      { name: 'bundle', prepare: () => execFileSync(process.execPath, [BUNDLER]), ran: () => '/dist/bundle/main.mjs' },
    ];
    for (const phase of phases) {
      phase.prepare();
      for (const [mode, args, input] of [
        ['oneshot', ['-s', peer.target, 'core.version'], ''],
        ['batch', ['-s', peer.target], 'core.version\n'],
      ] as const) {
        const { result, loaded } = await recorded(`${phase.name}-${mode}`, args, input);
        assert.equal(result.stdout, 'kamailio 5.6.3 (x86_64/linux) \n', result.stderr);
        assert.ok(loaded.some((url) => url.endsWith(phase.ran(mode))), `${phase.name} ${mode}: ${phase.ran(mode)} ran`);
        assert.deepEqual(loaded.filter(loadsTheRepl), [], `${phase.name} ${mode}`);
      }
    }
  });

  test('permission denied on the socket: one line, exit status 3', async () => {
    const asNobody = process.getuid?.() === 0;
    const result = asNobody
      ? await run('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, BIN, '-s', lockedPeer.target, 'core.uptime'])
      : await run(process.execPath, [BIN, '-s', lockedPeer.target, 'core.uptime']);
    assert.equal(result.code, 3, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `${lockedPeer.target}: TransportError: connect: permission denied (EACCES)\n`);
  });

  test('exit statuses of the real process: usage 2, transport 3', async () => {
    assert.equal((await run(process.execPath, [BIN, '-t', 'x'])).code, 2);
    assert.equal((await run(process.execPath, [BIN, '-s', 'tcp:127.0.0.1:1', 'core.version'])).code, 3);
  });
});
