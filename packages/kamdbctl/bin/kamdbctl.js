#!/usr/bin/env node
// kamdbctl entry point: oclif finds the commands in dist/src/commands (through oclif.manifest.json).
// oclif's own Node version check loads ~50 semver modules per run; package.json's engines already says node >= 20.
process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1';
const { runKamdbctl } = await import('../dist/src/cli/run.js');

await runKamdbctl(process.argv.slice(2));
