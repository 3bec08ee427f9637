import { KamctlCommand } from '../../cli/kamctl-command.js';

export default class DomainShow extends KamctlCommand {
  static override summary = "show the server's domain cache (domain.dump)";

  async run(): Promise<void> {
    await this.parseCommand(DomainShow);
    this.outputRpcResult(await this.rpc('domain.dump'));
  }
}
