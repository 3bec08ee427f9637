// Our kamcmd REPL in a real terminal (tmux) against the real Kamailio lab: type part of a method
// name, Tab completes it, Enter runs it; after a restart the command is found in the history.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readLabEnv, run } from '../harness/index.mjs';

const env = readLabEnv();
const BIN = fileURLToPath(new URL('../../../packages/kamcmd/dist/src/bin/kamcmd.js', import.meta.url));
/** Our own tmux server, so the test neither sees nor disturbs anyone else's sessions. */
const SERVER = `kamkit-kamcmd-${process.pid}`;
const SESSION = 'repl';

async function tmux(...args: string[]) {
  const result = await run('tmux', ['-L', SERVER, ...args], { timeoutMs: 10_000 });
  if (result.code !== 0 && args[0] !== 'kill-server' && args[0] !== 'has-session') {
    throw new Error(`tmux ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
  }
  return result;
}

const screen = async () => (await tmux('capture-pane', '-p', '-t', SESSION)).stdout;

/** Polls the terminal until `expected` shows, failing with the screen after 10 s. */
async function waitForScreen(expected: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await screen();
    if (expected.test(text)) return text;
    if (Date.now() > deadline) assert.fail(`${expected} never showed; the terminal shows:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitForExit(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await tmux('has-session', '-t', SESSION)).code === 0) {
    if (Date.now() > deadline) assert.fail(`the REPL did not exit; the terminal shows:\n${await screen()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('kamcmd REPL in a real terminal (tmux)', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'kamcmd-tmux-'));
  const historyFile = path.join(home, '.kamcmd_history');

  before(async () => {
    const version = await run('tmux', ['-V']).catch(() => undefined);
    assert.ok(version && version.code === 0, 'tmux is needed for this test: apt-get install tmux (.ci/run installs it)');
  });
  after(async () => {
    await tmux('kill-server');
    rmSync(home, { recursive: true, force: true });
  });

  /** Starts the REPL on the lab in a fresh 120x40 terminal, HOME pointing at the test's directory. */
  async function startRepl(): Promise<void> {
    const command = `HOME=${home} exec ${process.execPath} ${BIN} -s ${env.ctlSocket}`;
    await tmux('new-session', '-d', '-s', SESSION, '-x', '120', '-y', '40', command);
    await waitForScreen(/^kamcmd>/m);
  }

  test('Tab completes a method name, Enter runs it, quit leaves; the history keeps it for the next run', async () => {
    await startRepl();
    await tmux('send-keys', '-t', SESSION, '-l', 'core.upt');
    await tmux('send-keys', '-t', SESSION, 'Tab');
    await waitForScreen(/^kamcmd> core\.uptime\s*$/m);
    await tmux('send-keys', '-t', SESSION, 'Enter');
    // tmux shows kamcmd's tabs as blanks.
    const afterRun = await waitForScreen(/^ +uptime: \d+$/m);
    assert.match(afterRun, /^kamcmd> core\.uptime\n\{\n +now: .+\n +up_since: .+\n +uptime: \d+\n\}$/m);

    // A double Tab lists what an ambiguous word could become.
    await tmux('send-keys', '-t', SESSION, '-l', 'core.ps');
    await tmux('send-keys', '-t', SESSION, 'Tab');
    await tmux('send-keys', '-t', SESSION, 'Tab');
    await waitForScreen(/^core\.ps +core\.psa +core\.psx$/m);
    await tmux('send-keys', '-t', SESSION, 'C-u');
    await tmux('send-keys', '-t', SESSION, '-l', 'quit');
    await tmux('send-keys', '-t', SESSION, 'Enter');
    await waitForExit();
    assert.equal(readFileSync(historyFile, 'utf8'), 'core.uptime\nquit\n');

    await startRepl();
    await tmux('send-keys', '-t', SESSION, 'Up');
    await tmux('send-keys', '-t', SESSION, 'Up');
    await waitForScreen(/^kamcmd> core\.uptime\s*$/m);
    await tmux('send-keys', '-t', SESSION, 'C-u');
    await tmux('send-keys', '-t', SESSION, 'C-r');
    await tmux('send-keys', '-t', SESSION, '-l', 'upt');
    await waitForScreen(/^\(reverse-i-search\)`upt': core\.uptime\s*$/m);
    await tmux('send-keys', '-t', SESSION, 'Enter');
    await waitForScreen(/^kamcmd> core\.uptime\n\{\n +now: /m);
    await tmux('send-keys', '-t', SESSION, 'C-d');
    await waitForExit();
    assert.equal(readFileSync(historyFile, 'utf8'), 'quit\ncore.uptime\n', 'running it again moved it to the end');
  });
});
