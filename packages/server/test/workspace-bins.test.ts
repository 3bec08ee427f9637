// `npm install` links every kamkit command into the root node_modules/.bin (issue: the monorepo).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const BIN_DIR = fileURLToPath(new URL('../../../../node_modules/.bin/', import.meta.url));

test('kamcmd, sercmd, kamctl, kamdbctl and kamkit-server are linked at the root', () => {
  for (const name of ['kamcmd', 'sercmd', 'kamctl', 'kamdbctl', 'kamkit-server']) {
    assert.ok(existsSync(`${BIN_DIR}${name}`), `${name} in node_modules/.bin`);
  }
  assert.match(execFileSync(`${BIN_DIR}kamkit-server`, ['-V'], { encoding: 'utf8' }), /^kamkit-server \d+\.\d+\.\d+ /);
});
