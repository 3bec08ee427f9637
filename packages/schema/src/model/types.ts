/**
 * The typed table model read from Kamailio-style XML table definitions.
 *
 * Kamailio's format lets most facts carry a `db="..."` attribute that makes them
 * apply to one backend only (e.g. `<type db="dbtext">int,auto</type>`), and which
 * of several candidates wins depends on their order. The model therefore keeps
 * every candidate in document order (`Variant` lists); `resolve.ts` turns them
 * into the plain values that hold for one backend.
 */
import type { SourceLocation } from '../errors.js';

/** The generic column types of the format, after stripping `unsigned `. */
export const COLUMN_TYPES = [
  'char',
  'short',
  'int',
  'long',
  'datetime',
  'double',
  'float',
  'string',
  'binary',
  'largebinary',
  'text',
  'largetext',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export function isColumnType(s: string): s is ColumnType {
  return (COLUMN_TYPES as readonly string[]).includes(s);
}

/** One candidate value of a fact, possibly restricted to a backend by `db`. */
export interface Variant {
  /** Backend this value is restricted to (`mysql`, `postgres`, `db_sqlite`, `dbtext`, `oracle`, ...). */
  readonly db: string | undefined;
  /** The element's text content with entities expanded, not trimmed. */
  readonly text: string;
  /**
   * The content as written in XML, with entity references such as `&user_len;`
   * kept and other text escaped; `undefined` when the content is not plain text.
   */
  readonly source: string | undefined;
  readonly at: SourceLocation;
}

export interface DefaultVariant extends Variant {
  /** `<default><null/></default>`: the default is SQL NULL. */
  readonly isNull: boolean;
}

export interface Column {
  /** The `id` attribute, the target of `<colref linkend="...">`. Not every column has one. */
  readonly id: string | undefined;
  readonly names: readonly Variant[];
  readonly types: readonly Variant[];
  readonly sizes: readonly Variant[];
  readonly defaults: readonly DefaultVariant[];
  /** One entry per `<null/>` element: the column accepts NULL (for that backend, if `db` is set). */
  readonly nulls: readonly Variant[];
  readonly primary: boolean;
  readonly autoincrement: boolean;
  /** Part of the natural key (used by db_berkeley only). */
  readonly natural: boolean;
  readonly description: string | undefined;
  readonly at: SourceLocation;
}

export interface ColumnReference {
  /** The `linkend` attribute as written. */
  readonly linkend: string;
  /**
   * The column it points at. Like Kamailio's stylesheets, ids are looked up over
   * the whole group document and the first column with that id wins, so this can
   * be a column of an earlier table in the same group.
   */
  readonly column: Column;
  readonly at: SourceLocation;
}

export interface Index {
  readonly names: readonly Variant[];
  readonly columns: readonly ColumnReference[];
  /** `<unique/>`: emitted as a UNIQUE constraint inside CREATE TABLE. */
  readonly unique: boolean;
  /** `<primary/>`: emitted as a table-level PRIMARY KEY constraint. */
  readonly primary: boolean;
  readonly description: string | undefined;
  readonly at: SourceLocation;
}

/** A seed row (`<row>` with `<value col="...">`); SQL generators ignore these. */
export interface SeedRow {
  readonly values: readonly { readonly column: string; readonly text: string }[];
  readonly vendorControlled: boolean;
  readonly at: SourceLocation;
}

export interface Table {
  /** The `id` attribute of `<table>`, if any. */
  readonly id: string | undefined;
  readonly names: readonly Variant[];
  /** The first text of `<version>`, exactly as written (one entry per `<version>` element). */
  readonly versions: readonly Variant[];
  /** Table-level `<type db="...">`, e.g. the MySQL engine. */
  readonly types: readonly Variant[];
  readonly columns: readonly Column[];
  readonly indexes: readonly Index[];
  readonly rowIdentificator: readonly string[];
  readonly rows: readonly SeedRow[];
  readonly description: string | undefined;
  /** The file the table was read from (after XInclude). */
  readonly file: string;
  readonly at: SourceLocation;
}

/** One `kamailio-<group>.xml` document: produces one `<group>-create.sql` per dialect. */
export interface Group {
  /** `standard`, `auth_db`, ... (taken from the file name `kamailio-<id>.xml`). */
  readonly id: string;
  /** The `<name>` of the database element, e.g. `AUTH_DB Module`. */
  readonly title: string;
  readonly description: string | undefined;
  readonly tables: readonly Table[];
  /** Included table files in order, as written in `href`. */
  readonly includes: readonly string[];
  readonly file: string;
  readonly at: SourceLocation;
}

export interface Schema {
  readonly dir: string;
  /** Groups sorted by id. */
  readonly groups: readonly Group[];
  /** The general entities of `entities.xml`, in declaration order, if that file exists. */
  readonly entities: ReadonlyMap<string, string>;
}
