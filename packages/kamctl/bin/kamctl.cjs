#!/usr/bin/env node
// kamctl's entry point. CommonJS on purpose: `add` and `passwd`, which provisioning scripts run
// once per row, start here without the ES module loader, oclif or knex: one bundle
// (dist/fast, made by scripts/bundle-fast.mjs) through a V8 code cache. Everything else, and any
// command line the start-up path does not take, goes to oclif.
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const argv = process.argv.slice(2);

/**
 * The start-up bundle while it matches the compiled code; otherwise nothing (the modules are used).
 * Its loader (@kamkit/startup-bundle's, copied next to it) is required by path: no package lookup.
 */
function startupBundle() {
  try {
    const dir = path.join(__dirname, '..', 'dist', 'fast');
    return require(path.join(dir, 'load-bundle.cjs')).requireFreshBundle(dir);
  } catch {
    return undefined;
  }
}

async function main() {
  if (argv[0] === 'add' || argv[0] === 'passwd') {
    const bundle = startupBundle();
    const { runFastCommand } = bundle ? bundle.exports : await import('../dist/src/fast/run-fast-command.js');
    const code = await runFastCommand(argv);
    if (code !== undefined) {
      bundle?.saveCodeCache();
      process.exit(code);
    }
  }
  const { runKamctl } = await import('../dist/src/cli/run.js');
  await runKamctl(argv, pathToFileURL(__filename).href);
}

void main();
