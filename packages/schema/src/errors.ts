/** Where something was found: a file and a 1-based line in it. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/**
 * Any problem found while reading a schema directory or generating DDL from it.
 * The message always starts with `file:line: <element>: `, so it can be shown as is.
 */
export class SchemaError extends Error {
  override readonly name = 'SchemaError';
  readonly file: string;
  readonly line: number;
  /** The element the problem is about, e.g. `column` or `xi:include`; empty when none applies. */
  readonly element: string;
  /** The message without the location prefix. */
  readonly reason: string;

  constructor(where: SourceLocation, element: string, reason: string) {
    super(`${where.file}:${where.line}: ${element ? `<${element}>: ` : ''}${reason}`);
    this.file = where.file;
    this.line = where.line;
    this.element = element;
    this.reason = reason;
  }
}
