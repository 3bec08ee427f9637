// The start-up bundle gives oclif its commands from src/cli/commands.ts: it must list every command file.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

import { COMMANDS } from '../src/cli/commands.js';

describe('COMMANDS', () => {
  it('holds exactly the commands oclif finds in dist/src/commands', () => {
    const files = readdirSync(new URL('../src/commands/', import.meta.url))
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.slice(0, -'.js'.length))
      .sort();
    assert.deepEqual(Object.keys(COMMANDS).sort(), files);
  });
});
