import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { freshBundle, requireBundle } from '../src/load-bundle.cjs';

const BUILD = new URL('../../scripts/build-bundle.mjs', import.meta.url).href;
const LOADER = fileURLToPath(new URL('../src/load-bundle.cjs', import.meta.url));

/** Runs build-bundle.mjs in a child (it is plain JS, outside tsc's program). */
function build(entry: string, outDir: string, options = '{}'): void {
  const program = `const { buildBundle, lazyModules } = await import(${JSON.stringify(BUILD)});
const options = ${options};
if (options.lazy) options.plugins = [lazyModules(options.lazy)];
await buildBundle({ entry: ${JSON.stringify(entry)}, outDir: ${JSON.stringify(outDir)}, ...options });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', program]);
}

/** Loads a bundle in a fresh process (what a command gets) and prints what `expression` gives. */
function runBundle(outDir: string, expression: string): string {
  const program = `const { freshBundle, requireBundle } = require(${JSON.stringify(LOADER)});
const bundle = requireBundle(freshBundle(${JSON.stringify(outDir)}));
const value = (${expression})(bundle.exports);
bundle.saveCodeCache();
process.stdout.write(JSON.stringify(value));`;
  return execFileSync(process.execPath, ['-e', program], { encoding: 'utf8' });
}

describe('start-up bundles', () => {
  let dir: string;
  let src: string;
  before(() => {
    // Inside the package (dist/), so that a bundle finds node_modules (iconv-lite) from where it is.
    const work = fileURLToPath(new URL('../work/', import.meta.url));
    mkdirSync(work, { recursive: true });
    dir = mkdtempSync(join(work, 'startup-bundle-test-'));
    src = join(dir, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'entry.mjs'), "import { word } from './word.mjs';\nexport const greet = (name) => `${word} ${name}`;\n");
    writeFileSync(join(src, 'word.mjs'), "export const word = 'hello';\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a bundle runs as a module, gets a code cache on first use that V8 then accepts', () => {
    const out = join(dir, 'out');
    build(join(src, 'entry.mjs'), out);
    assert.equal(runBundle(out, "(m) => m.greet('kamailio')"), '"hello kamailio"');
    const caches = readdirSync(out).filter((f) => f.endsWith('.v8cache'));
    assert.deepEqual(caches, [`main.cjs.${process.version}.v8cache`]);
    // In this process the cache exists already: it must be accepted, so nothing is written again.
    const fresh = freshBundle(out);
    assert.ok(fresh);
    assert.equal(fresh.encoding, 'latin1', 'an all-ASCII bundle is read without UTF-8 decoding');
    const loaded = requireBundle(fresh) as { exports: { greet(n: string): string } };
    assert.equal(loaded.exports.greet('again'), 'hello again');
  });

  test('the stamp: a changed input makes the bundle stale, a rebuild makes it current again', () => {
    const out = join(dir, 'stale');
    build(join(src, 'entry.mjs'), out);
    assert.ok(freshBundle(out));
    writeFileSync(join(src, 'word.mjs'), "export const word = 'hi';\n");
    utimesSync(join(src, 'word.mjs'), new Date(), new Date(Date.now() + 5000));
    assert.equal(freshBundle(out), undefined);
    build(join(src, 'entry.mjs'), out);
    assert.equal(runBundle(out, "(m) => m.greet('there')"), '"hi there"');
    assert.equal(freshBundle(join(dir, 'no-such-dir')), undefined);
  });

  test('a current bundle is kept as it is, code cache included', () => {
    const out = join(dir, 'kept');
    build(join(src, 'entry.mjs'), out);
    runBundle(out, "(m) => m.greet('x')");
    const before = readdirSync(out).sort();
    build(join(src, 'entry.mjs'), out);
    assert.deepEqual(readdirSync(out).sort(), before);
    assert.ok(before.some((f) => f.endsWith('.v8cache')));
  });

  test('lazy modules: a lazy file and a lazy package run only when first used', () => {
    const lazySrc = join(dir, 'lazy');
    mkdirSync(lazySrc);
    writeFileSync(join(lazySrc, 'table.cjs'), "globalThis.tableLoaded = true;\nexports.NAME_1045 = 'ER_ACCESS_DENIED';\n");
    writeFileSync(
      join(lazySrc, 'entry.cjs'),
      "const table = require('./table.cjs');\nconst zlib = require('node:zlib');\n" +
        "exports.before = () => globalThis.tableLoaded === true;\nexports.lookup = () => table.NAME_1045;\nexports.gzipKnown = () => typeof zlib.gzipSync;\n",
    );
    const out = join(dir, 'lazy-out');
    build(join(lazySrc, 'entry.cjs'), out, `{ lazy: { files: [/table\\.cjs$/], packages: ['node:zlib'] } }`);
    assert.equal(runBundle(out, '(m) => [m.before(), m.lookup(), m.before(), m.gzipKnown()]'), '[false,"ER_ACCESS_DENIED",true,"function"]');
    assert.equal(existsSync(join(out, 'load-bundle.cjs')), false, 'the loader is copied only when asked for');
    build(join(lazySrc, 'entry.cjs'), join(dir, 'with-loader'), '{ withLoader: true }');
    assert.equal(existsSync(join(dir, 'with-loader', 'load-bundle.cjs')), true);
  });

  test('the iconv-lite shim: CESU-8 without surrogate pairs is UTF-8; anything else goes to iconv-lite', () => {
    const shimSrc = join(dir, 'shim');
    mkdirSync(shimSrc);
    writeFileSync(
      join(shimSrc, 'entry.cjs'),
      "const iconv = require('iconv-lite');\n" +
        "// As mysql2 uses a decoder (iconv-lite's CESU-8 end() answers 0 when there is no trail).\n" +
        "exports.decode = (hex, enc) => { const d = iconv.getDecoder(enc); const res = d.write(Buffer.from(hex, 'hex')); const trail = d.end(); return trail ? res + trail : res; };\n",
    );
    const out = join(dir, 'shim-out');
    build(join(shimSrc, 'entry.cjs'), out, `{ lazy: { packages: ['iconv-lite'], shims: { 'iconv-lite': 'iconv-lite.cjs' } } }`);
    // "10.11.6-MariaDB", "é", U+1F600 written as a CESU-8 surrogate pair, and latin1 0xE9.
    const value = runBundle(
      out,
      "(m) => [m.decode('31302e31312e362d4d617269614442', 'cesu8'), m.decode('c3a9', 'cesu8'), m.decode('eda0bdedb880', 'cesu8'), m.decode('e9', 'latin1')]",
    );
    assert.deepEqual(JSON.parse(value), ['10.11.6-MariaDB', 'é', '😀', 'é']);
  });
});
