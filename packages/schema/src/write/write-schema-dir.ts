/** Writes a whole schema as a directory that `readSchemaDir` (and Kamailio's own tooling) can read. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Schema } from '../model/types.js';
import { entitiesXml, groupXml, modelDescriptions, tableFileName, tableXml, type Describer } from './schema-xml.js';

export interface WriteSchemaOptions {
  readonly describe?: Describer;
  /** Comment put at the top of `entities.xml`. */
  readonly entitiesHeader?: string;
}

/** Writes every file; returns the file names written, relative to `dir`. */
export function writeSchemaDir(schema: Schema, dir: string, options: WriteSchemaOptions = {}): string[] {
  const describe = options.describe ?? modelDescriptions;
  const files = new Map<string, string>();
  files.set('entities.xml', entitiesXml(schema.entities, options.entitiesHeader));
  for (const group of schema.groups) {
    files.set(`kamailio-${group.id}.xml`, groupXml(group, describe));
    for (const table of group.tables) {
      const name = tableFileName(group, table);
      const text = tableXml(table, describe, new Set(schema.entities.keys()));
      const earlier = files.get(name);
      if (earlier !== undefined && earlier !== text) throw new Error(`${name}: two different tables would be written to this file`);
      files.set(name, text);
    }
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return [...files.keys()].sort();
}
