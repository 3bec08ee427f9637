/**
 * Picks, for one backend, the value of each fact out of its `db`-specific
 * candidates, following the rules of Kamailio's `common.xsl` / `sql.xsl`:
 *
 * - name, type, size: the single candidate with `db` = backend if there is
 *   exactly one, otherwise the first candidate whatever its `db`;
 * - type override: any `type` with `db` = backend replaces the generated type;
 * - nullable: exactly one `<null/>` for the backend, or exactly one `<null/>` at all;
 * - default: see `resolveDefault`.
 */
import { normalizeSpace } from '../xml/nodes.js';
import type { Column, DefaultVariant, Index, Table, Variant } from './types.js';

/** Anything that may appear in `db="..."`: `mysql`, `postgres`, `db_sqlite`, `dbtext`, `oracle`, ... */
export type Backend = string;

export type ColumnDefault =
  | { readonly kind: 'none' }
  | { readonly kind: 'null' }
  /** XPath-numeric text: emitted unquoted. */
  | { readonly kind: 'number'; readonly text: string }
  /** Any other text: emitted in single quotes, without escaping. */
  | { readonly kind: 'string'; readonly text: string }
  /** A backend-specific default: emitted exactly as written. */
  | { readonly kind: 'verbatim'; readonly text: string };

export interface ResolvedColumn {
  readonly name: string;
  /** Normalised, lower-cased type text, e.g. `unsigned int`. */
  readonly typeText: string;
  /** `typeText` without the `unsigned ` prefix, e.g. `int`. Not checked against the known types. */
  readonly baseType: string;
  readonly unsigned: boolean;
  /** Normalised text of the first `type` with `db` = backend, if any: used verbatim as the SQL type. */
  readonly typeOverride: string | undefined;
  /** Normalised size text; `''` when there is none. */
  readonly size: string;
  readonly default: ColumnDefault;
  readonly nullable: boolean;
  readonly primary: boolean;
  readonly autoincrement: boolean;
  readonly natural: boolean;
  readonly column: Column;
}

export interface ResolvedIndex {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
  readonly primary: boolean;
  readonly index: Index;
}

export interface ResolvedTable {
  readonly name: string;
  /** Raw text of each `<version>` (normally exactly one). */
  readonly versions: readonly string[];
  readonly columns: readonly ResolvedColumn[];
  readonly indexes: readonly ResolvedIndex[];
  readonly table: Table;
}

/** The candidate that applies to `db`: the only one for `db`, else the first one. */
export function pickVariant<V extends Variant>(variants: readonly V[], db: Backend | undefined): V | undefined {
  const own = variants.filter((v) => db !== undefined && v.db === db);
  return own.length === 1 ? own[0] : variants[0];
}

export function resolveName(owner: { readonly names: readonly Variant[] }, db: Backend | undefined): string {
  return normalizeSpace(pickVariant(owner.names, db)?.text ?? '');
}

/**
 * Whether `number(text)` is not NaN in libxml2's XPath engine, which Kamailio's
 * stylesheets run on (xsltproc). This is XPath 1.0's Number syntax with
 * surrounding white space and an optional leading `-`, plus two libxml2
 * extensions: an exponent (`1e3`, `2E-4`, even a bare `1e`) and a lone `-`.
 * No `+` sign, no hex, no `Infinity`.
 */
export function isXPathNumber(s: string): boolean {
  return /^[ \t\r\n]*(-([0-9]+(\.[0-9]*)?|\.[0-9]+)?|[0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]*)?[ \t\r\n]*$/.test(s);
}

export function resolveDefault(defaults: readonly DefaultVariant[], db: Backend | undefined): ColumnDefault {
  const own = defaults.filter((d) => db !== undefined && d.db === db);
  const first = own[0];
  if (first) {
    return own.some((d) => d.isNull) ? { kind: 'null' } : { kind: 'verbatim', text: first.text };
  }
  const generic = defaults[0];
  if (!generic) return { kind: 'none' };
  // sql.xsl tests `default/null` over all defaults, but takes the text of the first one.
  if (defaults.some((d) => d.isNull)) return { kind: 'null' };
  return isXPathNumber(generic.text) ? { kind: 'number', text: generic.text } : { kind: 'string', text: generic.text };
}

/** The SQL text after ` DEFAULT `, or `undefined` when the column has no default. */
export function defaultSql(d: ColumnDefault): string | undefined {
  switch (d.kind) {
    case 'none':
      return undefined;
    case 'null':
      return 'NULL';
    case 'string':
      return `'${d.text}'`;
    case 'number':
    case 'verbatim':
      return d.text;
  }
}

export function resolveColumn(column: Column, db: Backend | undefined): ResolvedColumn {
  const typeText = normalizeSpace(pickVariant(column.types, db)?.text ?? '').replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const unsigned = typeText.startsWith('unsigned ');
  const override = column.types.find((t) => db !== undefined && t.db === db);
  const ownNulls = column.nulls.filter((n) => db !== undefined && n.db === db).length;
  return {
    name: resolveName(column, db),
    typeText,
    baseType: unsigned ? typeText.slice('unsigned '.length) : typeText,
    unsigned,
    typeOverride: override ? normalizeSpace(override.text) : undefined,
    size: normalizeSpace(pickVariant(column.sizes, db)?.text ?? ''),
    default: resolveDefault(column.defaults, db),
    nullable: ownNulls === 1 || column.nulls.length === 1,
    primary: column.primary,
    autoincrement: column.autoincrement,
    natural: column.natural,
    column,
  };
}

export function resolveIndex(index: Index, db: Backend | undefined): ResolvedIndex {
  return {
    name: resolveName(index, db),
    columns: index.columns.map((ref) => resolveName(ref.column, db)),
    unique: index.unique,
    primary: index.primary,
    index,
  };
}

/** The table as one backend sees it. Pass `undefined` for the generic (no override) view. */
export function resolveTable(table: Table, db: Backend | undefined): ResolvedTable {
  return {
    name: resolveName(table, db),
    versions: table.versions.map((v) => v.text),
    columns: table.columns.map((c) => resolveColumn(c, db)),
    indexes: table.indexes.map((i) => resolveIndex(i, db)),
    table,
  };
}
