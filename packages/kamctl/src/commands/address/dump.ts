import { KamctlCommand } from '../../cli/kamctl-command.js';

export default class AddressDump extends KamctlCommand {
  static override summary = "show the server's address cache (permissions.addressDump and subnetDump)";

  async run(): Promise<void> {
    await this.parseCommand(AddressDump);
    const addresses = await this.rpc('permissions.addressDump');
    const subnets = await this.rpc('permissions.subnetDump');
    if (this.jsonOutput) this.output({ addresses, subnets });
    else {
      this.outputRpcResult(addresses);
      this.outputRpcResult(subnets);
    }
  }
}
