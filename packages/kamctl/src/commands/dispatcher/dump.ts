import { KamctlCommand } from '../../cli/kamctl-command.js';

export default class DispatcherDump extends KamctlCommand {
  static override summary = "show the server's dispatcher sets and their state (dispatcher.list)";

  async run(): Promise<void> {
    await this.parseCommand(DispatcherDump);
    this.outputRpcResult(await this.rpc('dispatcher.list'));
  }
}
