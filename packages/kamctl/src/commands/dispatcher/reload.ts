import { ReloadCommand } from '../../cli/reload-command.js';

export default class DispatcherReload extends ReloadCommand {
  static override summary = 'reload the server cache of the dispatcher table (dispatcher.reload)';
  protected readonly table = 'dispatcher' as const;
}
