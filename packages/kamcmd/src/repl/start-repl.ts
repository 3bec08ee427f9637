import type { CliIo } from '../io/cli-io.js';
import type { KamcmdOptions } from '../options/kamcmd-options.js';
export async function startRepl(_options: KamcmdOptions, _io: CliIo): Promise<number> { return 0; }
