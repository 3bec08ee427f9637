/** Reads a whole schema directory: `entities.xml`, every `kamailio-<group>.xml` and the tables they include. */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Group, Schema } from '../model/types.js';
import { parseXml, type XmlParseOptions } from '../xml/parser.js';
import { groupIdFromFile, readGroupFile } from './read-group.js';

export const GROUP_FILE = /^kamailio-(.+)\.xml$/;

export interface ReadSchemaOptions extends XmlParseOptions {
  /** Read only these groups (ids such as `auth_db`). */
  readonly groups?: readonly string[];
}

export function listGroupFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => GROUP_FILE.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The general entities declared in a DTD fragment such as `entities.xml`, in declaration order. */
export function readEntityFile(file: string, options: XmlParseOptions = {}): Map<string, string> {
  const doc = parseXml('<!DOCTYPE entities [<!ENTITY % all SYSTEM "' + basename(file).replace(/"/g, '&quot;') + '"> %all;]><entities/>', file, options);
  return new Map([...doc.entities.values()].map((e) => [e.name, e.value]));
}

export function readSchemaDir(dir: string, options: ReadSchemaOptions = {}): Schema {
  const wanted = options.groups ? new Set(options.groups) : undefined;
  const groups: Group[] = listGroupFiles(dir)
    .filter((f) => !wanted || wanted.has(groupIdFromFile(f)))
    .map((f) => readGroupFile(f, options));
  const entitiesFile = join(dir, 'entities.xml');
  return {
    dir,
    groups,
    entities: existsSync(entitiesFile) ? readEntityFile(entitiesFile, options) : new Map(),
  };
}
