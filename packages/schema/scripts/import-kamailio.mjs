#!/usr/bin/env node
// Re-creates ../../schemas (or another directory) from Kamailio's own table
// definitions (src/lib/srdb1/schema of a Kamailio checkout): all facts (tables,
// columns, types, sizes, defaults, NULL, indexes, versions, backend overrides,
// seed rows) come from Kamailio; every description comes from our own texts:
// first the target directory's existing descriptions, then descriptions.json.
// Kamailio's comments, descriptions and MySQL <verbatim> functions are not copied.
//
// usage: npm run build && node packages/schema/scripts/import-kamailio.mjs <kamailio-schema-dir> [out-dir]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSchemaDir, resolveName, writeSchemaDir } from '../dist/src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const [source, out = resolve(here, '../../../schemas')] = process.argv.slice(2);
if (!source) {
  console.error('usage: import-kamailio.mjs <kamailio-schema-dir> [out-dir]');
  process.exit(2);
}

const ours = JSON.parse(readFileSync(join(here, 'descriptions.json'), 'utf8'));
const existing = { tables: new Map(), columns: new Map() };
if (existsSync(join(out, 'entities.xml'))) {
  for (const g of readSchemaDir(out).groups) {
    for (const t of g.tables) {
      const tn = resolveName(t, undefined);
      if (t.description) existing.tables.set(tn, t.description);
      for (const c of t.columns) if (c.description) existing.columns.set(`${tn}.${resolveName(c, undefined)}`, c.description);
    }
  }
}

const missing = [];
const describe = {
  table(t) {
    const tn = resolveName(t, undefined);
    const d = existing.tables.get(tn) ?? ours.tables[tn];
    if (d === undefined) missing.push(`table ${tn}`);
    return d;
  },
  column(t, c) {
    const key = `${resolveName(t, undefined)}.${resolveName(c, undefined)}`;
    const d = existing.columns.get(key) ?? ours.overrides[key] ?? ours.columns[resolveName(c, undefined)];
    if (d === undefined) missing.push(`column ${key}`);
    return d;
  },
  index: () => undefined,
  group: () => undefined,
};

const schema = readSchemaDir(source);
const written = writeSchemaDir(schema, out, {
  describe,
  entitiesHeader: 'Sizes and default values shared by the table definitions.',
});
if (missing.length > 0) {
  console.error(`no description for:\n  ${[...new Set(missing)].join('\n  ')}`);
  process.exit(1);
}
console.log(`wrote ${written.length} files to ${out}`);
