import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { mainModuleUrl } from '../src/bin/load-main.js';

const FALLBACK = new URL('../src/cli/main.js', import.meta.url).href;

describe('start-up bundle or compiled modules', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kamcmd-bundle-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A bundle directory whose stamp lists one compiled input, as scripts/bundle.mjs writes it. */
  function fakeBundle(name: string) {
    const bundle = path.join(dir, name, 'bundle');
    mkdirSync(bundle, { recursive: true });
    const input = path.join(dir, name, 'input.js');
    writeFileSync(input, 'export {};\n');
    const { size, mtimeMs } = statSync(input);
    const stamp = path.join(bundle, 'stamp.json');
    writeFileSync(stamp, JSON.stringify({ main: 'main.mjs', inputs: [['../input.js', size, mtimeMs]] }));
    return { stamp: pathToFileURL(stamp), input, main: pathToFileURL(path.join(bundle, 'main.mjs')).href };
  }

  test('the bundle while every file it was made from is unchanged', () => {
    const { stamp, main } = fakeBundle('fresh');
    assert.equal(mainModuleUrl(stamp), main);
  });

  test('the compiled modules once an input was rebuilt, changed in size or removed', () => {
    const touched = fakeBundle('touched');
    utimesSync(touched.input, new Date(), new Date(Date.now() + 5000));
    assert.equal(mainModuleUrl(touched.stamp), FALLBACK);

    const grown = fakeBundle('grown');
    const { mtime } = statSync(grown.input);
    writeFileSync(grown.input, 'export const x = 1;\n');
    utimesSync(grown.input, mtime, mtime);
    assert.equal(mainModuleUrl(grown.stamp), FALLBACK);

    const removed = fakeBundle('removed');
    rmSync(removed.input);
    assert.equal(mainModuleUrl(removed.stamp), FALLBACK);
  });

  test('the compiled modules when there is no bundle, or its stamp is unreadable', () => {
    assert.equal(mainModuleUrl(pathToFileURL(path.join(dir, 'none', 'stamp.json'))), FALLBACK);
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"main":');
    assert.equal(mainModuleUrl(pathToFileURL(broken)), FALLBACK);
  });
});
