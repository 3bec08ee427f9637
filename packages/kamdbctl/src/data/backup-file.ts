/**
 * kamdbctl backup files: JSON lines, written and read through the drivers (no mysqldump/pg_dump,
 * no password on any command line), portable between engines.
 *
 *   {"format":"kamkit-kamdbctl-backup","version":1,...,"tables":[{"name":"subscriber","columns":[...]},...]}
 *   {"table":"subscriber"}
 *   [1,"alice","example.com",...]          one line per row, values in the header's column order
 *   {"end":true,"rows":1234}               missing = truncated file: restore refuses it
 *
 * Binary values are {"base64":"..."}; dates are the server's text.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';

import { KamdbctlError } from '../cli/exit-codes.js';
import { encodeValue, type StoredValue } from './json-values.js';

export const BACKUP_FORMAT = 'kamkit-kamdbctl-backup';

export interface BackupTable {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: 1;
  readonly kamailioSchema: string;
  readonly engine: string;
  readonly database: string;
  readonly createdAt: string;
  readonly tables: readonly BackupTable[];
}

export type BackupRecord = { readonly kind: 'table'; readonly table: string } | { readonly kind: 'row'; readonly values: readonly StoredValue[] };

/** Writes one line, waiting when the stream is full. */
async function writeLine(out: Writable, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
}

export class BackupWriter {
  rows = 0;
  constructor(private readonly out: Writable) {}

  header(header: BackupHeader): Promise<void> {
    return writeLine(this.out, header);
  }

  table(name: string): Promise<void> {
    return writeLine(this.out, { table: name });
  }

  row(values: readonly unknown[]): Promise<void> {
    this.rows++;
    return writeLine(this.out, values.map(encodeValue));
  }

  end(): Promise<void> {
    return writeLine(this.out, { end: true, rows: this.rows });
  }
}

function badFile(file: string, line: number, why: string): KamdbctlError {
  return new KamdbctlError('failed', `${file}:${line}: not a kamdbctl backup (${why})`);
}

function parseHeader(file: string, text: string | undefined): BackupHeader {
  if (text === undefined) throw badFile(file, 1, 'empty file');
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(text) as Partial<BackupHeader>;
  } catch {
    throw badFile(file, 1, 'the first line is not JSON');
  }
  if (header.format !== BACKUP_FORMAT) throw badFile(file, 1, 'unknown format');
  if (header.version !== 1) throw badFile(file, 1, `format version ${String(header.version)} is not supported`);
  if (!Array.isArray(header.tables)) throw badFile(file, 1, 'no table list');
  return header as BackupHeader;
}

/** The first line only: what a restore would touch, checked before anything is changed. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  try {
    for await (const line of lines) return parseHeader(file, line);
    return parseHeader(file, undefined);
  } finally {
    lines.close();
  }
}

/** Every record after the header; throws on a malformed line or when the end marker is missing. */
export async function* readBackupRecords(file: string): AsyncGenerator<BackupRecord> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  let rows = 0;
  let table: string | undefined;
  try {
    for await (const line of lines) {
      n++;
      if (n === 1) {
        parseHeader(file, line);
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw badFile(file, n, 'a line is not JSON');
      }
      if (Array.isArray(value)) {
        if (table === undefined) throw badFile(file, n, 'a row before any table');
        rows++;
        yield { kind: 'row', values: value as StoredValue[] };
      } else if (value && typeof value === 'object' && typeof (value as { table?: unknown }).table === 'string') {
        table = (value as { table: string }).table;
        yield { kind: 'table', table };
      } else if (value && typeof value === 'object' && (value as { end?: unknown }).end === true) {
        if ((value as { rows?: unknown }).rows !== rows) throw badFile(file, n, `${rows} rows read, the file says ${String((value as { rows?: unknown }).rows)}`);
        return;
      } else {
        throw badFile(file, n, 'unexpected line');
      }
    }
    throw new KamdbctlError('failed', `${file} is truncated (no end marker after ${rows} rows): nothing restored`);
  } finally {
    lines.close();
  }
}
