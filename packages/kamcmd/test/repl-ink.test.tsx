import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { render } from 'ink-testing-library';
import { KamcmdSession } from '../src/commands/kamcmd-session.js';
import { runCommand } from '../src/commands/run-command.js';
import { CompletionLists } from '../src/completion/completion-lists.js';
import { HistoryStore } from '../src/history/history-store.js';
import { parseOptions } from '../src/options/parse-options.js';
import { KamcmdRepl } from '../src/repl/components/kamcmd-repl.js';
import type { KnownLists, MissingList } from '../src/completion/complete-line.js';
import { startBinrpcPeer, type BinrpcPeer } from './support/binrpc-peer.js';
import { labLikeMethods } from './support/lab-like-methods.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const TAB = '\t';
const ENTER = '\r';
const UP = '\u001b[A';
const CTRL_R = '\u0012';
const CTRL_D = '\u0004';

/** Waits until `check` passes (Ink renders asynchronously), failing with its last error after 3 s. */
async function eventually(check: () => void): Promise<void> {
  const deadline = Date.now() + 3000;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

describe('REPL (Ink, through ink-testing-library)', () => {
  let peer: BinrpcPeer;
  let session: KamcmdSession;
  before(async () => {
    peer = await startBinrpcPeer(labLikeMethods());
    const parsed = parseOptions(['-s', peer.target]);
    assert.equal(parsed.action, 'run');
    session = new KamcmdSession(parsed.options);
  });
  after(async () => {
    await session.close();
    await peer.close();
  });

  /** A REPL on the peer; `typed` sends keys one chunk at a time, as a terminal does. */
  function startRepl(
    options: { history?: HistoryStore; completion?: KnownLists & { fetch(list: MissingList): Promise<void> }; onExit?: () => void } = {},
  ) {
    const history = options.history ?? new HistoryStore(undefined, 100);
    const app = render(
      <KamcmdRepl banner={'banner\n'} run={(words) => runCommand(session, words)} history={history} completion={options.completion ?? new CompletionLists(session)}
        {...(options.onExit ? { onExit: options.onExit } : {})}
      />,
    );
    const screen = () => (app.lastFrame() ?? '').replace(ANSI, '');
    /**
     * Whether `text` was printed above the prompt. ink-testing-library runs Ink in debug mode,
     * where each such write is one frame: the text, then the prompt area.
     */
    const printed = (text: string) => app.frames.some((frame) => frame.replace(ANSI, '').startsWith(text));
    const typed = async (...chunks: string[]) => {
      for (const chunk of chunks) {
        app.stdin.write(chunk);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    };
    return { app, screen, printed, typed, history };
  }

  test('Tab completes a method name once the list has arrived', async () => {
    const { app, screen, typed } = startRepl();
    await typed('core.up', TAB);
    await eventually(() => assert.match(screen(), /^kamcmd> core\.uptime$/m));
    app.unmount();
  });

  test('a second Tab lists the candidates; cfg groups and variables, counter groups and names complete', async () => {
    const { app, screen, typed } = startRepl();
    await typed('core.p', TAB);
    await eventually(() => assert.doesNotMatch(screen(), /fetching/));
    await typed(TAB);
    await eventually(() => assert.match(screen(), /core\.ps +core\.psx/));
    await typed('\u0015', 'cfg.get l', TAB);
    await eventually(() => assert.match(screen(), /kamcmd> cfg\.get lab$/m));
    await typed('gr', TAB);
    await eventually(() => assert.match(screen(), /kamcmd> cfg\.get lab greeting$/m));
    // Counter groups (cnt.grps_list), then the group's counters (cnt.var_list GROUP).
    await typed('\u0015', 'cnt.get sc', TAB);
    await eventually(() => assert.match(screen(), /kamcmd> cnt\.get script$/m));
    await typed('lab_req', TAB);
    await eventually(() => assert.match(screen(), /kamcmd> cnt\.get script lab_requests$/m));
    app.unmount();
  });

  test('typing goes on while a completion list is being fetched', async () => {
    let release = () => {};
    const slow = {
      counterNames: new Map<string, string[]>(),
      commands: undefined as string[] | undefined,
      fetch: () =>
        new Promise<void>((resolve) => {
          release = () => {
            slow.commands = ['core.uptime'];
            resolve();
          };
        }),
    };
    const { app, screen, typed } = startRepl({ completion: slow });
    await typed('core.u', TAB);
    await eventually(() => assert.match(screen(), /fetching completions/));
    await typed('p');
    await eventually(() => assert.match(screen(), /kamcmd> core\.up$/m));
    release();
    // The line changed meanwhile: nothing is completed behind the typist's back.
    await eventually(() => assert.doesNotMatch(screen(), /fetching/));
    assert.match(screen(), /kamcmd> core\.up$/m);
    await typed(TAB);
    await eventually(() => assert.match(screen(), /kamcmd> core\.uptime$/m));
    app.unmount();
  });

  test('Enter runs the command and prints the reply above the prompt; Up recalls it', async () => {
    const history = new HistoryStore(undefined, 100);
    history.add('core.version');
    const { app, screen, printed, typed } = startRepl({ history });
    await typed('core.echo hi', ENTER);
    await eventually(() => assert.ok(printed('kamcmd> core.echo hi\n') && printed('hi\n')));
    assert.deepEqual(history.entries, ['core.version', 'core.echo hi']);
    await typed(UP);
    await eventually(() => assert.match(screen(), /kamcmd> core\.echo hi$/m));
    await typed(UP);
    await eventually(() => assert.match(screen(), /kamcmd> core\.version$/m));
    await typed(ENTER);
    await eventually(() => assert.ok(printed('kamcmd> core.version\n') && printed('kamailio 5.6.3 (x86_64/linux) \n')));
    app.unmount();
  });

  test('Ctrl-R finds an older command; Enter runs it', async () => {
    const history = new HistoryStore(undefined, 100);
    for (const line of ['cfg.get core debug', 'core.uptime', 'ps']) history.add(line);
    const { app, screen, printed, typed } = startRepl({ history });
    await typed(CTRL_R, 'cfg');
    await eventually(() => assert.match(screen(), /\(reverse-i-search\)`cfg': cfg\.get core debug/));
    await typed('x');
    await eventually(() => assert.match(screen(), /\(failed reverse-i-search\)`cfgx': cfg\.get core debug/));
    await typed('\u007f', ENTER);
    await eventually(() => assert.ok(printed('kamcmd> cfg.get core debug\n') && printed('2\n')));
    app.unmount();
  });

  test('errors are shown in red, in their place', async () => {
    const { app, typed } = startRepl();
    await typed('no.such', ENTER);
    await eventually(() => assert.ok(app.frames.join('').includes('\u001b[31merror: 500 - command no.such not found\n\u001b[39m')));
    await typed('cfg.get nosuch x', ENTER);
    await eventually(() => assert.ok(app.frames.join('').includes('\u001b[31merror: 400 - Failed to get the variable\n\u001b[39m')));
    app.unmount();
  });

  test('quit, or Ctrl-D on an empty line, leaves the REPL', async () => {
    for (const keys of [['quit', ENTER], [CTRL_D]]) {
      let exited = false;
      const { typed } = startRepl({ onExit: () => (exited = true) });
      await typed(...keys);
      await eventually(() => assert.equal(exited, true));
    }
  });
});
