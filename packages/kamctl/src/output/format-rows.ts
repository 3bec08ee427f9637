import type { Row } from '../db/table-repository.js';

const cell = (v: unknown): string => (v === null || v === undefined ? 'NULL' : v instanceof Date ? v.toISOString() : String(v));

/**
 * Rows as the mysql client prints them in batch mode: a header line, then one tab-separated line
 * per row (NULL for SQL NULL). Scripts wanting exact values use --json.
 */
export function formatRows(rows: readonly Row[], columns?: readonly string[]): string {
  const names = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  if (names.length === 0) return '';
  const lines = [names.join('\t')];
  for (const row of rows) lines.push(names.map((n) => cell(row[n])).join('\t'));
  return `${lines.join('\n')}\n`;
}
