import { ReloadCommand } from '../../cli/reload-command.js';

export default class AddressReload extends ReloadCommand {
  static override summary = 'reload the server cache of the address table (permissions.addressReload)';
  protected readonly table = 'address' as const;
}
