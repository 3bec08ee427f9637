/**
 * Where the XML table definitions (and the knex migrations generated from them) are read from:
 * `--schema-dir` / KAMDBCTL_SCHEMA_DIR, else the `schemas/` directory of the kamkit checkout this
 * package belongs to. The schema is parsed at run time, only the groups a command needs.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { readGroupFile, readSchemaDir, SchemaError, type Group, type Schema } from '@kamkit/schema';

import { KamdbctlError, usageError } from '../cli/exit-codes.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The nearest `<dir>/<name>` above this module that contains `marker`. */
function findUp(name: string, marker: string): string | undefined {
  for (let dir = HERE; ; dir = dirname(dir)) {
    const candidate = join(dir, name);
    if (existsSync(join(candidate, marker))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function schemaDir(given: string | undefined): string {
  if (given) {
    const dir = resolve(given);
    if (!existsSync(join(dir, 'kamailio-standard.xml'))) throw usageError(`${dir} holds no Kamailio schema (kamailio-standard.xml)`);
    return dir;
  }
  const found = findUp('schemas', 'kamailio-standard.xml');
  if (!found) throw usageError('Kamailio schema definitions not found: pass --schema-dir (or set KAMDBCTL_SCHEMA_DIR)');
  return found;
}

export function migrationsDir(given: string | undefined, schemas: string): string {
  const dir = given ? resolve(given) : join(dirname(schemas), 'migrations');
  if (!existsSync(dir)) throw usageError(`knex migrations not found in ${dir}: pass --migrations-dir (or set KAMDBCTL_MIGRATIONS_DIR)`);
  return dir;
}

/** Reads the groups (all of them when `groups` is undefined); schema errors name file and line. */
export function loadSchema(dir: string, groups?: readonly string[]): Schema {
  try {
    return readSchemaDir(dir, groups ? { groups } : {});
  } catch (error) {
    if (error instanceof SchemaError) throw new KamdbctlError('failed', `schema: ${error.message}`, { cause: error });
    throw error;
  }
}

/** Reads one group at a time, when it is needed (`kamailio-<id>.xml`; ids checked beforehand). */
export function groupLoader(dir: string): (id: string) => Group {
  return (id) => {
    try {
      return readGroupFile(join(dir, `kamailio-${id}.xml`));
    } catch (error) {
      if (error instanceof SchemaError) throw new KamdbctlError('failed', `schema: ${error.message}`, { cause: error });
      throw error;
    }
  };
}
