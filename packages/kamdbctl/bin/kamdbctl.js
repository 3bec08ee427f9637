#!/usr/bin/env node
// kamdbctl entry point: oclif finds the commands in dist/src/commands.
import { runKamdbctl } from '../dist/src/cli/run.js';

await runKamdbctl(process.argv.slice(2), import.meta.url);
