// Our kamctl monitor in a real terminal (tmux) against the real Kamailio lab: the Ink dashboard
// shows the server's processes and, while REGISTERs arrive, a non-zero registrar rate; q quits.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { readLabEnv, registerUser, run } from '../harness/index.mjs';

const env = readLabEnv();
const OUR_KAMCTL = fileURLToPath(new URL('../../../packages/kamctl/bin/kamctl.js', import.meta.url));
/** Our own tmux server, so the test neither sees nor disturbs anyone else's sessions. */
const SERVER = `kamkit-kamctl-${process.pid}`;
const SESSION = 'monitor';

async function tmux(...args: string[]) {
  const result = await run('tmux', ['-L', SERVER, ...args], { timeoutMs: 10_000 });
  if (result.code !== 0 && args[0] !== 'kill-server' && args[0] !== 'has-session') {
    throw new Error(`tmux ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
  }
  return result;
}

const screen = async () => (await tmux('capture-pane', '-p', '-t', SESSION)).stdout;

async function waitForScreen(expected: RegExp, whileWaiting: () => Promise<void> = async () => {}): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const text = await screen();
    if (expected.test(text)) return text;
    if (Date.now() > deadline) assert.fail(`${expected} never showed; the terminal shows:\n${text}`);
    await whileWaiting();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('kamctl monitor in a real terminal (tmux)', () => {
  before(async () => {
    const version = await run('tmux', ['-V']).catch(() => undefined);
    assert.ok(version && version.code === 0, 'tmux is needed for this test: apt-get install tmux (.ci/run installs it)');
  });
  after(async () => {
    await tmux('kill-server');
  });

  test('processes, memory and a registrar rate that follows the REGISTERs; q quits', async () => {
    const command = `KAMCTL_RPC=${env.ctlSocket} exec ${process.execPath} ${OUR_KAMCTL} monitor --interval 1`;
    await tmux('new-session', '-d', '-s', SESSION, '-x', '120', '-y', '45', command);
    const first = await waitForScreen(/processes \(\d+\)/);
    assert.match(first, /kamailio 5\.6\.3 .* — up \d+d \d+h \d+m \d+s — unix:/);
    assert.match(first, /main process - attendant/);
    assert.match(first, /shared: [\d.]+ MiB used of [\d.]+ MiB/);
    let n = 0;
    const busy = await waitForScreen(/accepted REGISTERs\s+[1-9][\d.]*\/s/, async () => {
      await registerUser(env, { user: `kt-mon${n++ % 3}`, password: 'pw', contacts: 1, addSubscriber: n <= 3 });
    });
    assert.match(busy, /accepted REGISTERs\s+[\d.]+\/s [▁▂▃▄▅▆▇█]+/);
    await tmux('send-keys', '-t', SESSION, 'q');
    const deadline = Date.now() + 10_000;
    while ((await tmux('has-session', '-t', SESSION)).code === 0) {
      if (Date.now() > deadline) assert.fail(`monitor did not quit on q:\n${await screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});
