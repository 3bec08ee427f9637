// Our kamcmd REPL in a real terminal (tmux) against the real Kamailio lab: type part of a method
// name, Tab completes it, Enter runs it; after a restart the command is found in the history.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readLabEnv } from '../harness/index.mjs';
import { requireTmux, tmuxSession } from '../harness/tmux-session.mjs';

const env = readLabEnv();
const BIN = fileURLToPath(new URL('../../../packages/kamcmd/dist/src/bin/kamcmd.js', import.meta.url));
const term = tmuxSession('kamcmd');

describe('kamcmd REPL in a real terminal (tmux)', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'kamcmd-tmux-'));
  const historyFile = path.join(home, '.kamcmd_history');

  before(requireTmux);
  after(async () => {
    await term.kill();
    rmSync(home, { recursive: true, force: true });
  });

  /** Starts the REPL on the lab in a fresh 120x40 terminal, HOME pointing at the test's directory. */
  async function startRepl(): Promise<void> {
    const command = `HOME=${home} exec ${process.execPath} ${BIN} -s ${env.ctlSocket}`;
    await term.start(command, { width: 120, height: 40 });
    await term.waitForScreen(/^kamcmd>/m);
  }

  test('Tab completes a method name, Enter runs it, quit leaves; the history keeps it for the next run', async () => {
    await startRepl();
    await term.type('core.upt');
    await term.keys('Tab');
    await term.waitForScreen(/^kamcmd> core\.uptime\s*$/m);
    await term.keys('Enter');
    // tmux shows kamcmd's tabs as blanks.
    const afterRun = await term.waitForScreen(/^ +uptime: \d+$/m);
    assert.match(afterRun, /^kamcmd> core\.uptime\n\{\n +now: .+\n +up_since: .+\n +uptime: \d+\n\}$/m);

    // A double Tab lists what an ambiguous word could become.
    await term.type('core.ps');
    await term.keys('Tab');
    await term.keys('Tab');
    await term.waitForScreen(/^core\.ps +core\.psa +core\.psx$/m);
    await term.keys('C-u');
    await term.type('quit');
    await term.keys('Enter');
    await term.waitForExit();
    assert.equal(readFileSync(historyFile, 'utf8'), 'core.uptime\nquit\n');

    await startRepl();
    await term.keys('Up');
    await term.keys('Up');
    await term.waitForScreen(/^kamcmd> core\.uptime\s*$/m);
    await term.keys('C-u');
    await term.keys('C-r');
    await term.type('upt');
    await term.waitForScreen(/^\(reverse-i-search\)`upt': core\.uptime\s*$/m);
    await term.keys('Enter');
    await term.waitForScreen(/^kamcmd> core\.uptime\n\{\n +now: /m);
    await term.keys('C-d');
    await term.waitForExit();
    assert.equal(readFileSync(historyFile, 'utf8'), 'quit\ncore.uptime\n', 'running it again moved it to the end');
  });
});
