#!/usr/bin/env node
// The kamcmd and sercmd commands. Kept tiny: start-up time matters for one-shot use.
import path from 'node:path';
import { loadMain } from './load-main.js';

const program = path.basename(process.argv[1] ?? 'kamcmd').replace(/\.js$/, '');
const main = await loadMain();
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  program: program === 'sercmd' ? 'sercmd' : 'kamcmd',
});
