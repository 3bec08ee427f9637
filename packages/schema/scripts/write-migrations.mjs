#!/usr/bin/env node
// Writes one knex migration per schema group into ../../migrations (or out-dir),
// numbered in kamdbctl's creation order. The test write-migrations checks that
// the checked-in files are exactly what this produces.
//
// usage: npm run build && node packages/schema/scripts/write-migrations.mjs [schema-dir] [out-dir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KAMAILIO_SCHEMA_VERSION, knexMigrations, readSchemaDir } from '../dist/src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const [schemaDir = resolve(here, '../../../schemas'), out = resolve(here, '../../../migrations')] = process.argv.slice(2);
const files = knexMigrations(readSchemaDir(schemaDir).groups, KAMAILIO_SCHEMA_VERSION);
mkdirSync(out, { recursive: true });
for (const f of files) writeFileSync(join(out, f.name), f.text);
console.log(`wrote ${files.length} migrations to ${out}`);
