#!/usr/bin/env node
// kamdbctl's entry point. CommonJS on purpose (bin/package.json): the start-up bundle starts
// without the ES module loader. dist/bundle/kamdbctl.cjs (scripts/bundle.mjs, @kamkit/startup-bundle)
// holds oclif, the CLI and every command, and runs through a V8 code cache while its stamp matches
// the compiled code and the installed packages; otherwise the compiled modules run, as before.
'use strict';
const path = require('node:path');

// oclif's own Node version check loads ~50 semver modules per run; package.json's engines already says node >= 20.
process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1';
const argv = process.argv.slice(2);

/** The bundle's exports while it is current; its loader is required by path (no package lookup). */
function startupBundle() {
  // The bundle requires @kamkit/db (an ES module) when a command first needs knex: Node >= 20.19.
  if (!process.features.require_module) return undefined;
  try {
    const dir = path.join(__dirname, '..', 'dist', 'bundle');
    const bundle = require(path.join(dir, 'load-bundle.cjs')).requireFreshBundle(dir);
    if (bundle === undefined) return undefined;
    // runKamdbctl ends in process.exit: the cache then holds what the command compiled too.
    process.once('exit', () => bundle.saveCodeCache());
    return bundle.exports;
  } catch {
    return undefined;
  }
}

const bundle = startupBundle();
if (bundle) void bundle.runKamdbctl(argv, bundle.COMMANDS);
else void import('../dist/src/cli/run.js').then(({ runKamdbctl }) => runKamdbctl(argv));
