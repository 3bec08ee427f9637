import { Args, Flags } from '@oclif/core';

import { UsageError } from '../cli/exit-codes.js';
import { ProvisioningCommand } from '../cli/provisioning-command.js';
import { sqlNow } from '../db/open-database.js';
import { applyPlan } from '../import/apply-plan.js';
import { findImportKind, IMPORT_KINDS, type Cell } from '../import/import-kinds.js';
import { formatPlan, planImport, planSize, redactPlan } from '../import/import-plan.js';
import { openProgress } from '../import/progress-bar.js';
import { formatOf, readRecords } from '../import/record-file.js';
import { ValidationError } from '../validate/validation-error.js';

const MAX_REPORTED_ERRORS = 20;

export default class Import extends ProvisioningCommand {
  static override summary = 'import subscribers, acl, dispatcher, address or domain rows from CSV or JSON: all or nothing, idempotent';
  static override args = {
    kind: Args.string({ description: IMPORT_KINDS.map((k) => k.name).join(', '), required: true }),
    file: Args.string({ description: 'FILE.csv or FILE.json (- = stdin, with --format)', required: true }),
  };
  static override flags = {
    format: Flags.string({ options: ['csv', 'json'], description: 'file format (default: from the file name)' }),
    'dry-run': Flags.boolean({ description: 'print the plan (rows to add, change, remove) and write nothing', default: false }),
    replace: Flags.boolean({ description: 'also remove the rows the file does not have', default: false }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseCommand(Import);
    const kind = findImportKind(args.kind);
    if (!kind) throw new UsageError(`unknown kind ${JSON.stringify(args.kind)} (${IMPORT_KINDS.map((k) => k.name).join(', ')})`);
    const records = await readRecords(args.file, formatOf(args.file, flags.format));

    // Every record is validated before the database is touched.
    const rows: Record<string, Cell>[] = [];
    const errors: string[] = [];
    records.forEach((record, i) => {
      try {
        rows.push(kind.toRow(record, this.settings));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        errors.push(`record ${i + 1}: ${error.message}`);
      }
    });
    if (errors.length) {
      const more = errors.length > MAX_REPORTED_ERRORS ? `\n... and ${errors.length - MAX_REPORTED_ERRORS} more` : '';
      throw new UsageError(`${errors.length} invalid record(s), nothing imported:\n${errors.slice(0, MAX_REPORTED_ERRORS).join('\n')}${more}`);
    }

    const table = this.settings.tables[kind.table];
    if (flags['dry-run']) {
      const plan = await this.withDatabase('ro', async (db) => planImport(kind, rows, await db(table).select('*'), flags.replace));
      this.output({ dryRun: true, plan: redactPlan(plan) }, formatPlan(plan, kind));
      return;
    }
    const plan = await this.inTransaction(async (trx) => {
      const plan = planImport(kind, rows, await trx(table).select('*'), flags.replace);
      const bar = await openProgress(planSize(plan), !this.jsonOutput);
      try {
        await applyPlan(trx, table, kind, plan, sqlNow(), (done) => bar.update(done));
      } finally {
        bar.stop();
      }
      return plan;
    });
    const summary = { kind: kind.name, added: plan.add.length, changed: plan.change.length, removed: plan.remove.length, unchanged: plan.unchanged };
    const reload = kind.cache && planSize(plan) > 0 ? await this.reloadAfterChange(kind.cache, flags.reload, `kamctl ${kind.name} reload`) : null;
    this.output({ ...summary, reload }, `${kind.name}: ${summary.added} added, ${summary.changed} changed, ${summary.removed} removed, ${summary.unchanged} unchanged`);
  }
}
