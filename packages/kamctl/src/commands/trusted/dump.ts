import { KamctlCommand } from '../../cli/kamctl-command.js';

export default class TrustedDump extends KamctlCommand {
  static override summary = "show the server's trusted cache (permissions.trustedDump)";

  async run(): Promise<void> {
    await this.parseCommand(TrustedDump);
    this.outputRpcResult(await this.rpc('permissions.trustedDump'));
  }
}
