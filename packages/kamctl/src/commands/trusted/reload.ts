import { ReloadCommand } from '../../cli/reload-command.js';

export default class TrustedReload extends ReloadCommand {
  static override summary = 'reload the server cache of the trusted table (permissions.trustedReload)';
  protected readonly table = 'trusted' as const;
}
