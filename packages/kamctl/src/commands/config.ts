import { describeSource } from '@kamkit/kamctlrc';

import { KamctlCommand } from '../cli/kamctl-command.js';

export default class Config extends KamctlCommand {
  static override summary = 'show the effective kamctlrc settings and where each comes from (secrets masked)';

  async run(): Promise<void> {
    await this.parseCommand(Config);
    const rc = this.kamctlrc;
    const variables = rc.describe().filter((v) => v.source !== undefined);
    const rows = variables.map((v) => ({ name: v.name, value: v.shown ?? null, source: describeSource(v.source) }));
    this.output(
      { files: rc.files, variables: rows },
      [`files read: ${rc.files.length ? rc.files.join(', ') : '(none)'}`, ...rows.map((r) => `${r.name}=${r.value ?? ''}\t# ${r.source}`)].join('\n'),
    );
  }
}
