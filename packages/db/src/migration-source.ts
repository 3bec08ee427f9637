/**
 * A knex migration source for a directory of ES module migrations (`migrations/*.js`), imported
 * from here rather than by knex: knex loaded from the bundle (load-knex.ts) runs inside node:vm,
 * where import() is not available.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Knex } from 'knex';

export function esModuleMigrationSource(directory: string, extensions: readonly string[] = ['.js', '.mjs']): Knex.MigrationSource<string> {
  return {
    getMigrations: async () => readdirSync(directory).filter((f) => extensions.some((e) => f.endsWith(e))).sort(),
    getMigrationName: (name) => name,
    getMigration: async (name) => (await import(pathToFileURL(join(directory, name)).href)) as Knex.Migration,
  };
}
