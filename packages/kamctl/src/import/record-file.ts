import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

import { UsageError } from '../cli/exit-codes.js';
import { parseCsv } from './csv.js';

/** One row of an import file: column -> text (null: the JSON null or an absent column). */
export type FileRecord = Record<string, string | null>;
export type FileFormat = 'csv' | 'json';

export function formatOf(path: string, given: string | undefined): FileFormat {
  const format = given ?? extname(path).slice(1).toLowerCase();
  if (format === 'csv' || format === 'json') return format;
  throw new UsageError(`cannot tell the format of ${path}: name it .csv or .json, or use --format`);
}

/** Reads CSV (header line first) or JSON (an array of objects); `-` is stdin. */
export async function readRecords(path: string, format: FileFormat): Promise<FileRecord[]> {
  const text = path === '-' ? await readStdin() : await readFile(path, 'utf8').catch((e: Error) => {
    throw new UsageError(`cannot read ${path}: ${e.message}`);
  });
  return format === 'csv' ? csvRecords(text, path) : jsonRecords(text, path);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function csvRecords(text: string, path: string): FileRecord[] {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (e) {
    throw new UsageError(`${path}: ${(e as Error).message}`);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body
    .filter((cells) => !(cells.length === 1 && cells[0] === ''))
    .map((cells, i) => {
      if (cells.length !== header.length) throw new UsageError(`${path}: line ${i + 2} has ${cells.length} fields, the header ${header.length}`);
      return Object.fromEntries(header.map((name, j) => [name.trim(), cells[j]!]));
    });
}

function jsonRecords(text: string, path: string): FileRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path}: not JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) throw new UsageError(`${path}: expected a JSON array of objects`);
  return data.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new UsageError(`${path}: element ${i} is not an object`);
    return Object.fromEntries(
      Object.entries(item).map(([k, v]) => {
        if (v !== null && typeof v === 'object') throw new UsageError(`${path}: element ${i}: ${k} is not a string or number`);
        return [k, v === null ? null : String(v)];
      }),
    );
  });
}
