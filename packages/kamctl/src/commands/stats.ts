import { Args } from '@oclif/core';

import { KamctlCommand } from '../cli/kamctl-command.js';
import { parseStatistics } from '../rpc/statistics.js';
import { ValidationError } from '../validate/validation-error.js';

export default class Stats extends KamctlCommand {
  static override summary = 'statistics: all, one group (e.g. usrloc, core, shmem) or one name';
  static override args = { group: Args.string({ description: 'group, group: or a statistic name (default all)' }) };

  async run(): Promise<void> {
    const { args } = await this.parseCommand(Stats);
    const group = args.group;
    if (group !== undefined && !/^[\w.-]+:?$/.test(group)) throw new ValidationError('statistics group', group, 'letters, digits, _ . - only');
    // kamctl: a bare group name means every statistic of the group ("usrloc:").
    const selector = group === undefined ? 'all' : group.endsWith(':') || group === 'all' ? group : `${group}:`;
    const lines = (await this.rpc('stats.get_statistics', selector)) as unknown;
    const list = Array.isArray(lines) ? lines.map(String) : [];
    this.output(parseStatistics(list), list.join('\n'));
  }
}
