// Our kamctl monitor in a real terminal (tmux) against the real Kamailio lab: the Ink dashboard
// shows the server's processes and, while REGISTERs arrive, a non-zero registrar rate; q quits.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { readLabEnv, registerUser } from '../harness/index.mjs';
import { requireTmux, tmuxSession } from '../harness/tmux-session.mjs';

const env = readLabEnv();
const OUR_KAMCTL = fileURLToPath(new URL('../../../packages/kamctl/bin/kamctl.cjs', import.meta.url));
const term = tmuxSession('kamctl');

describe('kamctl monitor in a real terminal (tmux)', () => {
  before(requireTmux);
  after(() => term.kill());

  test('processes, memory and a registrar rate that follows the REGISTERs; q quits', async () => {
    const command = `KAMCTL_RPC=${env.ctlSocket} exec ${process.execPath} ${OUR_KAMCTL} monitor --interval 1`;
    await term.start(command, { width: 120, height: 45 });
    const first = await term.waitForScreen(/processes \(\d+\)/, { timeoutMs: 15_000, pollMs: 100 });
    assert.match(first, /kamailio 5\.6\.3 .* — up \d+d \d+h \d+m \d+s — unix:/);
    assert.match(first, /main process - attendant/);
    assert.match(first, /shared: [\d.]+ MiB used of [\d.]+ MiB/);
    let n = 0;
    const busy = await term.waitForScreen(/accepted REGISTERs\s+[1-9][\d.]*\/s/, {
      timeoutMs: 15_000,
      pollMs: 100,
      whileWaiting: async () => {
        await registerUser(env, { user: `kt-mon${n++ % 3}`, password: 'pw', contacts: 1, addSubscriber: n <= 3 });
      },
    });
    assert.match(busy, /accepted REGISTERs\s+[\d.]+\/s [▁▂▃▄▅▆▇█]+/);
    await term.keys('q');
    await term.waitForExit();
  });
});
