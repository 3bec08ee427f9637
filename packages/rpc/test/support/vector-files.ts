import { readdirSync, readFileSync } from 'node:fs';

/** The lab's golden vectors, copied into the repository's test fixtures. */
export const VECTOR_ROOT = new URL('../../../../../test/fixtures/vectors/', import.meta.url);

export function vectorFile(kind: string, file: string): Buffer {
  return readFileSync(new URL(`${kind}/${file}`, VECTOR_ROOT));
}

export function vectorFiles(kind: string, suffix: string): string[] {
  return readdirSync(new URL(`${kind}/`, VECTOR_ROOT))
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length))
    .sort();
}

/** Splits a captured HTTP message into start line, headers and body. */
export function splitHttp(raw: Buffer): { startLine: string; headers: Map<string, string>; body: string } {
  const text = raw.toString('utf8');
  const end = text.indexOf('\r\n\r\n');
  const [startLine = '', ...headerLines] = text.slice(0, end).split('\r\n');
  const headers = new Map(
    headerLines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as [string, string];
    }),
  );
  return { startLine, headers, body: text.slice(end + 4) };
}
