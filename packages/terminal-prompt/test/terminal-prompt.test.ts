// The prompts on a real terminal: a pseudo-terminal made by util-linux `script`, keys typed only
// once the question is on the screen (the terminal is in raw mode by then, so nothing typed is
// echoed by the line discipline before the prompt hides it).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/ask.mjs', import.meta.url));

interface Session {
  code: number | null;
  /** Everything the terminal showed (script's copy of it). */
  screen: string;
}

/** Runs the fixture on a terminal and types `keys` once `question` shows. */
function onTerminal(mode: 'secret' | 'yesno', question: string, keys: string): Promise<Session> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', `'${process.execPath}' '${FIXTURE}' ${mode}`, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let screen = '';
    let typed = false;
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      if (!typed && screen.includes(question)) {
        typed = true;
        child.stdin.write(keys);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, screen }));
  });
}

/** The fixture's `RESULT` line, parsed. */
function result(session: Session): unknown {
  const line = /RESULT (.*?)\r?$/m.exec(session.screen);
  assert.ok(line, session.screen);
  return JSON.parse(line[1]!);
}

describe('promptSecret', () => {
  test('reads a line without echoing it; Backspace erases; the terminal leaves raw mode', async () => {
    const session = await onTerminal('secret', 'Password: ', 's3cX\u007fret\r');
    assert.equal(session.code, 0, session.screen);
    assert.equal(result(session), 's3cret');
    // Until the fixture prints its result, the screen shows the question and the line end only.
    assert.equal(session.screen.slice(0, session.screen.indexOf('RESULT')), 'Password: \r\n');
    assert.match(session.screen, /^RAW false\r?$/m);
  });

  test('multi-byte characters, ^H as Backspace, Ctrl-D as the end of the line', async () => {
    const session = await onTerminal('secret', 'Password: ', 'pässwörd€\bx\u0004');
    assert.equal(result(session), 'pässwördx');
  });

  test('Ctrl-C throws PromptInterrupted and still restores the terminal', async () => {
    const session = await onTerminal('secret', 'Password: ', 'ab\u0003');
    assert.equal(session.code, 130, session.screen);
    assert.match(session.screen, /^INTERRUPTED\r?$/m);
    assert.match(session.screen, /^RAW false\r?$/m);
  });

  test('refuses an input that is not a terminal', async () => {
    const child = spawn(process.execPath, [FIXTURE, 'secret'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end('secret\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /promptSecret needs a terminal on its input/);
  });
});

describe('askYesNo', () => {
  for (const [keys, expected] of [['yes\r', true], [' Y \r', true], ['maybe\r', false], ['\r', false], ['\u0004', false]] as const) {
    test(`${JSON.stringify(keys)} → ${expected}`, async () => {
      const session = await onTerminal('yesno', 'Drop it? [y/N] ', keys);
      assert.equal(session.code, 0, session.screen);
      assert.equal(result(session), expected);
    });
  }

  test('Ctrl-C throws PromptInterrupted instead of leaving the question hanging', async () => {
    const session = await onTerminal('yesno', 'Drop it? [y/N] ', 'y\u0003');
    assert.equal(session.code, 130, session.screen);
    assert.match(session.screen, /y\r?\nINTERRUPTED\r?$/m);
  });
});
