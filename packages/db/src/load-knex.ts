/**
 * knex, as cheaply as a one-shot command can load it. knex is ~340 small CommonJS modules (one
 * lodash function each); parsing and compiling them is most of what a DB command spends before
 * its first query. scripts/bundle-knex.mjs makes one start-up bundle of knex + mysql2
 * (@kamkit/startup-bundle), loaded here through its V8 code cache while it matches the installed
 * versions; otherwise knex comes from node_modules as usual.
 */
import { fileURLToPath } from 'node:url';

import { requireFreshBundle } from '@kamkit/startup-bundle';
import type { knex as knexFactory } from 'knex';

export type KnexFactory = typeof knexFactory;

const BUNDLE_DIR = fileURLToPath(new URL('../bundle/', import.meta.url));

function loadBundle(): KnexFactory | undefined {
  // No import() works inside the bundle: knex migrations need a migrationSource (see migration-source.ts).
  const bundle = requireFreshBundle(BUNDLE_DIR);
  if (bundle === undefined) return undefined;
  bundle.saveCodeCache();
  const exported = bundle.exports as KnexFactory & { knex?: KnexFactory };
  return exported.knex ?? exported;
}

let loaded: KnexFactory | undefined;

export async function loadKnex(): Promise<KnexFactory> {
  if (!loaded) {
    try {
      loaded = loadBundle();
    } catch {
      loaded = undefined;
    }
    loaded ??= ((await import('knex')) as unknown as { default: KnexFactory }).default;
  }
  return loaded;
}
