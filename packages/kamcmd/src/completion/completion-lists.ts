import { KAMCMD_ALIASES, KAMCMD_BUILTINS } from '@kamkit/rpc';
import { replyRecords, stringRecords, type KamcmdSession } from '../commands/kamcmd-session.js';
import type { KnownLists, MissingList } from './complete-line.js';

/**
 * The completion lists of one REPL: each fetched from the server once, when first needed, in the
 * background. A list the server cannot give (a fault: module not loaded) is remembered as empty;
 * a transport failure is forgotten, so a later Tab tries again.
 */
export class CompletionLists implements KnownLists {
  commands?: string[];
  cfg?: Map<string, string[]>;
  counterGroups?: string[];
  readonly counterNames = new Map<string, string[]>();
  private readonly fetching = new Map<string, Promise<void>>();

  constructor(private readonly session: Pick<KamcmdSession, 'call' | 'listMethodRecords'>) {}

  /** Fetches a missing list; resolves when it is known (or could not be had). Never rejects. */
  fetch(list: MissingList): Promise<void> {
    const key = list.kind === 'counterNames' ? `counterNames:${list.group}` : list.kind;
    let running = this.fetching.get(key);
    if (!running) {
      running = this.load(list).catch(() => {
        this.fetching.delete(key);
      });
      this.fetching.set(key, running);
    }
    return running;
  }

  private async load(list: MissingList): Promise<void> {
    switch (list.kind) {
      case 'commands': {
        const methods = stringRecords(await this.session.listMethodRecords());
        this.commands = [...methods, ...Object.keys(KAMCMD_ALIASES), ...Object.keys(KAMCMD_BUILTINS)];
        return;
      }
      case 'cfg':
        this.cfg = cfgGroups(await this.names('cfg.list'));
        return;
      case 'counterGroups':
        this.counterGroups = await this.names('cnt.grps_list');
        return;
      case 'counterNames':
        this.counterNames.set(list.group, await this.names('cnt.var_list', list.group));
        return;
    }
  }

  /** The STR records of a reply; a fault counts as "no names". */
  private async names(method: string, ...params: string[]): Promise<string[]> {
    try {
      return stringRecords(replyRecords(await this.session.call(method, params)));
    } catch (error) {
      if ((error as Error).name === 'RpcFault') return [];
      throw error;
    }
  }
}

/** cfg.list's "group: var" strings by group (split at the first colon, blanks after it skipped). */
export function cfgGroups(entries: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    if (colon < 0) continue;
    const group = entry.slice(0, colon);
    const variable = entry.slice(colon + 1).trimStart();
    const vars = groups.get(group) ?? [];
    if (variable) vars.push(variable);
    groups.set(group, vars);
  }
  return groups;
}
