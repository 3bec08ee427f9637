import { Flags } from '../cli/oclif.js';
import { describeSource } from '@kamkit/kamctlrc';

import { KamdbctlCommand } from '../cli/kamdbctl-command.js';
import { DEFAULT_ROOT_USER } from '../settings/kamdbctl-defaults.js';
import { parseEngine } from '../settings/kamdbctl-settings.js';

export default class Config extends KamdbctlCommand {
  static override description =
    'Print the effective kamctlrc values and where each came from (file:line, environment, default); passwords are masked. Also lists the files read and what in them was not evaluated.';
  static override flags = { all: Flags.boolean({ description: 'list unset variables too', default: false }) };

  async run(): Promise<void> {
    const { flags } = await this.parseCommand(Config);
    const rc = this.rc;
    const variables = rc.describe().map((v) => ({ name: v.name, value: v.shown, secret: v.secret, source: describeSource(v.source) }));
    // DBROOTUSER's default depends on the engine (kamdbctl.mysql / kamdbctl.pgsql).
    const root = variables.find((v) => v.name === 'DBROOTUSER');
    if (root && root.value === undefined) {
      try {
        const engine = parseEngine(rc.get('DBENGINE'));
        if (DEFAULT_ROOT_USER[engine]) Object.assign(root, { value: DEFAULT_ROOT_USER[engine], source: 'default' });
      } catch {
        // no usable DBENGINE: nothing to derive
      }
    }
    const shown = variables.filter((v) => flags.all || v.value !== undefined);
    const lines = [
      `files read: ${rc.files.length > 0 ? rc.files.join(', ') : '(none)'}`,
      ...shown.map((v) => `${v.name}=${v.value === undefined ? '' : JSON.stringify(v.value)}  # ${v.source}`),
      ...rc.warnings.map((w) => `# not evaluated: ${w.file}:${w.line}: ${w.message}`),
    ];
    this.output({ files: rc.files, searched: rc.searched, variables: shown, warnings: rc.warnings }, lines.join('\n'));
  }
}
