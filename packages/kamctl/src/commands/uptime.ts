import { KamctlCommand } from '../cli/kamctl-command.js';

export default class Uptime extends KamctlCommand {
  static override summary = 'server uptime (core.uptime)';

  async run(): Promise<void> {
    await this.parseCommand(Uptime);
    this.outputRpcResult(await this.rpc('core.uptime'));
  }
}
