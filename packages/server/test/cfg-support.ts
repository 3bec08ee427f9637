import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/index.js';
import { cfgFrameworkFromConfig, type CfgFramework } from '../src/cfg/index.js';
import { CONFIG_FIXTURES, loadText } from './config-support.js';

/** The repository's recordings of the real tools (`test/fixtures/observed/`). */
export const OBSERVED_DIR = fileURLToPath(new URL('../../../../test/fixtures/observed/', import.meta.url));

/** The cfg framework of the reference lab config (the instance kamcmd-cfg.txt was recorded against). */
export async function labFramework(): Promise<CfgFramework> {
  return cfgFrameworkFromConfig(await loadConfig(join(CONFIG_FIXTURES, 'kamailio-lab.cfg')));
}

/** The cfg framework of a script text. */
export function frameworkOf(text: string): CfgFramework {
  return cfgFrameworkFromConfig(loadText(text));
}
