import type { Row } from '../db/table-repository.js';
import { UsageError } from '../cli/exit-codes.js';
import type { Cell, ImportKind } from './import-kinds.js';

export interface RowChange {
  id: number;
  key: Record<string, Cell>;
  /** Only the columns that differ: column -> [in the database, in the file]. */
  columns: Record<string, [Cell, Cell]>;
}

export interface ImportPlan {
  kind: string;
  add: Record<string, Cell>[];
  change: RowChange[];
  remove: Row[];
  unchanged: number;
}

// Databases hand back ints as numbers (or strings for BIGINT): compare as text. NULL and '' are the
// same here, because a CSV file cannot tell them apart (an exported NULL tag comes back as '').
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const same = (a: unknown, b: Cell): boolean => text(a) === text(b);
const keyOf = (kind: ImportKind, row: Record<string, unknown>) => JSON.stringify(kind.keyColumns.map((c) => (row[c] === null || row[c] === undefined ? null : String(row[c]))));

/**
 * What an import must do to make the table hold the file: rows to add, rows to change (matched by
 * the kind's key), and with `replace` the rows the file does not have to remove. Importing the same
 * file twice gives an empty plan the second time.
 */
export function planImport(kind: ImportKind, fileRows: Record<string, Cell>[], dbRows: Row[], replace: boolean): ImportPlan {
  const existing = new Map<string, Row>();
  const duplicatesInDb: Row[] = [];
  for (const row of dbRows) {
    const key = keyOf(kind, row);
    if (existing.has(key)) duplicatesInDb.push(row);
    else existing.set(key, row);
  }
  const seen = new Set<string>();
  const plan: ImportPlan = { kind: kind.name, add: [], change: [], remove: [], unchanged: 0 };
  fileRows.forEach((row, i) => {
    const key = keyOf(kind, row);
    if (seen.has(key)) throw new UsageError(`record ${i + 1} repeats ${kind.keyColumns.join('+')} ${key}`);
    seen.add(key);
    const current = existing.get(key);
    if (!current) {
      plan.add.push(row);
      return;
    }
    const columns: Record<string, [Cell, Cell]> = {};
    for (const [column, value] of Object.entries(row)) {
      if (!kind.keyColumns.includes(column) && !same(current[column], value)) {
        columns[column] = [(current[column] ?? null) as Cell, value];
      }
    }
    if (Object.keys(columns).length === 0) plan.unchanged++;
    else plan.change.push({ id: Number(current['id']), key: Object.fromEntries(kind.keyColumns.map((c) => [c, row[c] ?? null])), columns });
  });
  if (replace) {
    for (const [key, row] of existing) if (!seen.has(key)) plan.remove.push(row);
    plan.remove.push(...duplicatesInDb);
  }
  return plan;
}

export const planSize = (plan: ImportPlan): number => plan.add.length + plan.change.length + plan.remove.length;

/** The plan for humans: counts, then one line per row to add, change or remove. */
export function formatPlan(input: ImportPlan, kind: ImportKind): string {
  const plan = redactPlan(input);
  const lines = [`${plan.kind}: ${plan.add.length} to add, ${plan.change.length} to change, ${plan.remove.length} to remove, ${plan.unchanged} unchanged`];
  const show = (row: Record<string, unknown>) => kind.fields.filter((f) => f in row).map((f) => `${f}=${JSON.stringify(row[f] ?? null)}`).join(' ');
  for (const row of plan.add) lines.push(`+ ${show(row)}`);
  for (const change of plan.change) {
    const what = Object.entries(change.columns).map(([c, [from, to]]) => `${c}: ${JSON.stringify(from)} -> ${JSON.stringify(to)}`);
    lines.push(`~ ${show(change.key)} (${what.join(', ')})`);
  }
  for (const row of plan.remove) lines.push(`- ${show(row)}`);
  return `${lines.join('\n')}\n`;
}

const SECRET_COLUMNS = new Set(['password']);
const redactRow = <T extends Record<string, unknown>>(row: T): T =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, SECRET_COLUMNS.has(k) && v !== null && v !== '' ? '***' : v])) as T;

/** The plan without clear-text passwords, for printing (hashes stay: they are what is compared). */
export function redactPlan(plan: ImportPlan): ImportPlan {
  return {
    ...plan,
    add: plan.add.map(redactRow),
    change: plan.change.map((c) => ({
      ...c,
      columns: Object.fromEntries(Object.entries(c.columns).map(([k, v]) => [k, SECRET_COLUMNS.has(k) ? (['***', '***'] as [Cell, Cell]) : v])),
    })),
    remove: plan.remove.map(redactRow),
  };
}
