import { describeAdd } from './describe-result.js';
import { usageError } from './exit-codes.js';
import { KamdbctlCommand } from './kamdbctl-command.js';
import { addGroups } from '../operations/add-groups.js';
import { checkGroupIds, orderedGroups } from '../schema/install-plan.js';

/** presence, extra, dbuid and add-tables: table groups added to the existing database. */
export abstract class AddGroupsCommand extends KamdbctlCommand {
  protected async addGroupIds(ids: readonly string[], variable: string): Promise<void> {
    if (ids.length === 0) throw usageError(`${variable} is empty: no table groups to add`);
    checkGroupIds(ids, this.schemaDirectory);
    const groups = orderedGroups(this.schema(ids), ids);
    const result = await addGroups(await this.context(), this.settings.database, groups);
    this.output({ engine: this.engine.kind, ...result }, describeAdd(result));
  }
}
