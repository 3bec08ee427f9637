import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfigWith, type LoadConfigOptions, type LoadedConfig, type Statement } from '../src/config/index.js';

/** `packages/server/test/fixtures/config/` (tests run from `packages/server/dist/test/`). */
export const CONFIG_FIXTURES = fileURLToPath(new URL('../../test/fixtures/config/', import.meta.url));
/** The interop lab's config at the repository root. */
export const HARNESS_CONFIG = fileURLToPath(new URL('../../../../test/harness/kamailio.cfg', import.meta.url));

/** Loads in-memory files; the first one is the main file. Paths are absolute (`/cfg/main.cfg`). */
export function loadFiles(files: Record<string, string>, options: LoadConfigOptions = {}): LoadedConfig {
  const main = Object.keys(files)[0]!;
  return loadConfigWith(main, { env: {}, ...options }, (path) => files[path]);
}

/** One main file `/cfg/main.cfg`. */
export function loadText(text: string, options: LoadConfigOptions = {}): LoadedConfig {
  return loadFiles({ '/cfg/main.cfg': text }, options);
}

/** The ConfigError a text raises (fails when it loads). */
export function configErrorOf(text: string, options: LoadConfigOptions = {}): ConfigError {
  try {
    loadText(text, options);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but the text loaded');
}

/** The global values by name (last one wins), for short assertions. */
export function globalsOf(config: LoadedConfig): Record<string, number | string> {
  return Object.fromEntries(config.globals.map((g) => [g.name, g.value]));
}

export { flattenStatements } from '../src/config/index.js';
