import type { LoadedConfig } from '../config/load/loaded-config.js';

/** A config without a script: what the embedded default runs (core and tcp cfg groups only). */
export const EMPTY_CONFIG: LoadedConfig = { files: [], defines: new Map(), globals: [], modules: [], modparams: [], cfgVars: [], routes: [] };
