#!/usr/bin/env node
// kamctl entry point: oclif finds the commands in dist/src/commands (or its manifest).
import { runKamctl } from '../dist/src/cli/run.js';

await runKamctl(process.argv.slice(2), import.meta.url);
