import { KamctlCommand } from '../cli/kamctl-command.js';

export default class Ps extends KamctlCommand {
  static override summary = 'server processes (core.psx)';

  async run(): Promise<void> {
    await this.parseCommand(Ps);
    this.outputRpcResult(await this.rpc('core.psx'));
  }
}
