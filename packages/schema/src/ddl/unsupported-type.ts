import { SchemaError } from '../errors.js';
import type { ResolvedColumn } from '../model/resolve.js';
import { normalizeSpace } from '../xml/nodes.js';

/** The error Kamailio's stylesheets stop with, located at the column. */
export function unsupportedType(column: ResolvedColumn, tableName: string): never {
  const written = normalizeSpace(column.column.types[0]?.text ?? '');
  throw new SchemaError(column.column.at, 'column', `ERROR: Table: ${tableName}, column: ${column.name} - unsupported column type: ${written}.`);
}
