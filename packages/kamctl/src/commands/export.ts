import { writeFile } from 'node:fs/promises';

import { Args, Flags } from '@oclif/core';
import { formatJson } from '@kamkit/rpc';

import { UsageError } from '../cli/exit-codes.js';
import { KamctlCommand } from '../cli/kamctl-command.js';
import { formatCsv } from '../import/csv.js';
import { findImportKind, IMPORT_KINDS } from '../import/import-kinds.js';

export default class Export extends KamctlCommand {
  static override summary = 'export subscribers, acl, dispatcher, address or domain rows as CSV or JSON (what import reads)';
  static override args = { kind: Args.string({ description: IMPORT_KINDS.map((k) => k.name).join(', '), required: true }) };
  static override flags = {
    format: Flags.string({ options: ['csv', 'json'], description: 'output format (default csv; json with --json)' }),
    output: Flags.string({ char: 'o', description: 'write to this file instead of stdout' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(Export);
    const kind = findImportKind(args.kind);
    if (!kind) throw new UsageError(`unknown kind ${JSON.stringify(args.kind)} (${IMPORT_KINDS.map((k) => k.name).join(', ')})`);
    const table = this.settings.tables[kind.table];
    const rows = await this.withDatabase('ro', (db) => db(table).select(kind.fields).orderBy('id'));
    const records = rows.map((row: Record<string, unknown>) =>
      Object.fromEntries(kind.fields.map((f) => [f, row[f] === null || row[f] === undefined ? null : String(row[f])])),
    );
    const format = flags.format ?? (this.jsonOutput ? 'json' : 'csv');
    const text = format === 'json' ? formatJson(records) : formatCsv(kind.fields, records.map((r) => kind.fields.map((f) => r[f] ?? null)));
    if (flags.output) {
      await writeFile(flags.output, text);
      this.notice(`${records.length} ${kind.name} row(s) written to ${flags.output}`);
    } else process.stdout.write(text);
  }
}
