import { ARGUMENT_KINDS, type ArgumentKind } from './argument-kinds.js';

/** A list completion needs that has not been fetched yet. */
export type MissingList = { kind: 'commands' } | { kind: 'cfg' } | { kind: 'counterGroups' } | { kind: 'counterNames'; group: string };

/** The lists fetched so far; undefined means "not fetched yet". */
export interface KnownLists {
  /** Method names, aliases and built-ins. */
  commands?: readonly string[];
  /** cfg group → variable names, from cfg.list. */
  cfg?: ReadonlyMap<string, readonly string[]>;
  counterGroups?: readonly string[];
  /** counter group → counter names, from cnt.var_list GROUP. */
  counterNames: ReadonlyMap<string, readonly string[]>;
}

export type Completion =
  | { kind: 'missing'; list: MissingList }
  | {
      kind: 'candidates';
      /** Where the word being completed starts in the line; it ends at the cursor. */
      start: number;
      /** Every candidate that starts with the word, sorted. */
      candidates: string[];
      /** The text to put in place of the word: the longest common prefix, plus a blank when unique. */
      replacement: string;
    };

/**
 * Completes the word before `cursor`. Pure and synchronous: it never waits for the server, it
 * says which list is missing instead, so typing is never blocked by a fetch.
 */
export function completeLine(line: string, cursor: number, lists: KnownLists): Completion {
  const before = line.slice(0, cursor);
  const start = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1;
  const word = before.slice(start);
  const previous = before.slice(0, start).split(/[ \t]+/).filter((w) => w !== '');
  const names = namesFor(previous, lists);
  if (names === undefined) return { kind: 'candidates', start, candidates: [], replacement: word };
  if ('list' in names) return { kind: 'missing', list: names.list };
  const candidates = [...new Set(names.filter((name) => name.startsWith(word)))].sort();
  const replacement = candidates.length === 1 ? `${candidates[0]} ` : commonPrefix(candidates, word);
  return { kind: 'candidates', start, candidates, replacement };
}

/** The names the next word may take, `{list}` when they are not fetched yet, undefined when none apply. */
function namesFor(previous: readonly string[], lists: KnownLists): readonly string[] | { list: MissingList } | undefined {
  const kind: ArgumentKind | undefined = previous.length === 0 ? 'command' : ARGUMENT_KINDS.get(previous[0]!)?.[previous.length - 1];
  switch (kind) {
    case undefined:
      return undefined;
    case 'command':
      return lists.commands ?? { list: { kind: 'commands' } };
    case 'cfgGroup':
      return lists.cfg ? [...lists.cfg.keys()] : { list: { kind: 'cfg' } };
    case 'cfgVar':
      return lists.cfg ? (lists.cfg.get(previous[1]!) ?? []) : { list: { kind: 'cfg' } };
    case 'counterGroup':
      return lists.counterGroups ?? { list: { kind: 'counterGroups' } };
    case 'counterName': {
      const group = previous[1]!;
      return lists.counterNames.get(group) ?? { list: { kind: 'counterNames', group } };
    }
  }
}

function commonPrefix(candidates: readonly string[], word: string): string {
  if (candidates.length === 0) return word;
  let prefix = candidates[0]!;
  for (const candidate of candidates) {
    let length = 0;
    while (length < prefix.length && prefix[length] === candidate[length]) length++;
    prefix = prefix.slice(0, length);
  }
  return prefix.length > word.length ? prefix : word;
}
