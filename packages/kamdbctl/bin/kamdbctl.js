#!/usr/bin/env node
// kamdbctl entry point: the start-up bundle when it is current, else the compiled modules.
// oclif's own Node version check loads ~50 semver modules per run; package.json's engines already says node >= 20.
process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1';
const { cliEntry } = await import('../dist/src/cli/choose-entry.js');
const { runKamdbctl } = await import(cliEntry(new URL('..', import.meta.url).pathname));

await runKamdbctl(process.argv.slice(2));
