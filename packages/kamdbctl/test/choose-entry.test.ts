// The bin runs the start-up bundle only while every compiled input recorded in its stamp is unchanged.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';

import { cliEntry } from '../src/cli/choose-entry.js';

function fakePackage(): { dir: string; bundled: string; compiled: string; input: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kamdbctl-entry-'));
  for (const d of ['dist/src/cli', 'dist/bundle/cli/cli']) mkdirSync(join(dir, d), { recursive: true });
  const input = join(dir, 'dist/src/cli/run.js');
  writeFileSync(input, 'export {};\n');
  const s = statSync(input);
  writeFileSync(join(dir, 'dist/bundle/stamp.json'), JSON.stringify({ oclif: '4.0.0', inputs: [['dist/src/cli/run.js', s.size, s.mtimeMs]] }));
  return {
    dir,
    input,
    bundled: pathToFileURL(join(dir, 'dist/bundle/cli/cli/run.js')).href,
    compiled: pathToFileURL(input).href,
  };
}

describe('cliEntry', () => {
  it('is the bundle while its inputs are unchanged', () => {
    const p = fakePackage();
    assert.equal(cliEntry(p.dir), p.bundled);
  });

  it('is the compiled modules once an input changed (a later tsc -b), or without a stamp', () => {
    const p = fakePackage();
    writeFileSync(p.input, 'export const changed = 1;\n');
    assert.equal(cliEntry(p.dir), p.compiled);
    const empty = mkdtempSync(join(tmpdir(), 'kamdbctl-entry-'));
    assert.equal(cliEntry(empty), pathToFileURL(join(empty, 'dist/src/cli/run.js')).href);
  });
});
