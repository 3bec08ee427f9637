import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseFastCommandLine } from '../src/fast/fast-command-line.js';

test('add and passwd lines with the flags oclif takes for them are run by the start-up path', () => {
  assert.deepEqual(parseFastCommandLine(['add', 'alice', 's3cret']), {
    command: 'add',
    user: 'alice',
    password: 's3cret',
    json: false,
    passwordStdin: false,
    config: undefined,
    rpc: undefined,
    realm: undefined,
  });
  assert.deepEqual(parseFastCommandLine(['passwd', '--json', 'bob@example.org', '--config=/etc/kamctlrc', '--realm', 'r.example', '--password-stdin', '--rpc', 'unix:/x']), {
    command: 'passwd',
    user: 'bob@example.org',
    password: undefined,
    json: true,
    passwordStdin: true,
    config: '/etc/kamctlrc',
    rpc: 'unix:/x',
    realm: 'r.example',
  });
  // A lone "-" is an argument, as it is for oclif.
  assert.equal(parseFastCommandLine(['add', 'alice', '-'])?.password, '-');
});

test('everything else is left to oclif, so its messages and exit codes stay the same', () => {
  for (const argv of [
    [],
    ['show', 'alice'],
    ['add'],
    ['add', 'a', 'b', 'c'],
    ['add', '--help'],
    ['add', 'alice', '-h'],
    ['add', 'alice', '--bogus'],
    ['add', 'alice', '--json', '--json'],
    ['add', 'alice', '--config'],
    ['add', 'alice', '--config', '--json'],
    ['add', 'alice', '--json=yes'],
    ['add', 'alice', '--', 'x'],
    ['--json', 'add', 'alice', 'pw'],
  ]) {
    assert.equal(parseFastCommandLine(argv), undefined, JSON.stringify(argv));
  }
});
