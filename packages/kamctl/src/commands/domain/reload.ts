import { ReloadCommand } from '../../cli/reload-command.js';

export default class DomainReload extends ReloadCommand {
  static override summary = 'reload the server cache of the domain table ';
  protected readonly table = 'domain' as const;
}
