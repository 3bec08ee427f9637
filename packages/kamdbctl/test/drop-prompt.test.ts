// The drop confirmation on a real terminal (a pseudo-terminal made by util-linux `script`): the
// real kamdbctl drops the database on any answer but "no"; ours drops on "y"/"yes" only.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';

import { BIN, cleanEnv, kamdbctl, sqliteConfig, type CliResult } from './helpers.js';

/** Runs kamdbctl with a terminal on stdin/stdout and types `answer` at its prompt. */
function onTerminal(args: readonly string[], answer: string): Promise<CliResult> {
  const command = [process.execPath, BIN, ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    // -q quiet, -e the command's exit status, -c the command; the typescript goes nowhere.
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.write(`${answer}\n`);
  });
}

describe('drop asks on a terminal', () => {
  it('"maybe" is not a yes: nothing is dropped (exit 6); "yes" drops', async () => {
    const { rc, db } = sqliteConfig();
    const created = await kamdbctl(['create', '-c', rc, '--yes']);
    assert.equal(created.code, 0, created.stderr);
    assert.ok(existsSync(db));

    const maybe = await onTerminal(['drop', '-c', rc], 'maybe');
    assert.equal(maybe.code, 6, maybe.stdout + maybe.stderr);
    assert.match(maybe.stdout, /not confirmed, nothing changed/);
    assert.ok(existsSync(db), 'the database is still there');

    const yes = await onTerminal(['drop', '-c', rc], 'yes');
    assert.equal(yes.code, 0, yes.stdout + yes.stderr);
    assert.equal(existsSync(db), false);
  });
});
