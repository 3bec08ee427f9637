/** Entry point of the start-up bundle (scripts/bundle.mjs): the CLI with every command in it. */
export { COMMANDS } from './commands.js';
export { runKamdbctl } from './run.js';
