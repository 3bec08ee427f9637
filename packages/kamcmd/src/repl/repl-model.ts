import type { CommandOutcome } from '../commands/run-command.js';
import { splitWords } from '../commands/split-words.js';
import { completeLine, type KnownLists, type MissingList } from '../completion/complete-line.js';
import type { HistoryStore } from '../history/history-store.js';
import type { KeyPress } from './key-press.js';
import {
  deleteBackward,
  deleteForward,
  deleteWordBackward,
  EMPTY_LINE,
  insertText,
  killToEnd,
  killToStart,
  lineOf,
  moveCursor,
  replaceBeforeCursor,
  type EditLine,
} from './line-editor.js';

export const PROMPT = 'kamcmd> ';

/** What the screen shows below the output: one immutable snapshot per change. */
export interface ReplView {
  readonly line: EditLine;
  readonly mode: 'edit' | 'search';
  /** Ctrl-R: the text searched for, and the history entry it found (if any). */
  readonly search?: { query: string; match?: string; failed: boolean };
  /** Candidates listed after a second Tab. */
  readonly candidates?: readonly string[];
  /** A command is running; typing goes on, Enter waits. */
  readonly busy: boolean;
  /** A short status line: fetching completions, history not saved... */
  readonly notice?: string;
}

export interface ReplDependencies {
  run(words: readonly string[]): Promise<CommandOutcome>;
  history: HistoryStore;
  completion: KnownLists & { fetch(list: MissingList): Promise<void> };
  /** Prints above the prompt (command echo and replies). */
  write(text: string): void;
  /** Prints an error above the prompt. */
  writeError(text: string): void;
  exit(): void;
}

/**
 * The REPL's behaviour without any rendering: line editing, history (Up/Down, Ctrl-R), Tab
 * completion and running commands one at a time. The Ink component only draws `view` and
 * forwards keys.
 */
export class ReplModel {
  private current: ReplView = { line: EMPTY_LINE, mode: 'edit', busy: false };
  private readonly listeners = new Set<() => void>();
  /** Consecutive Tabs so far (any other key resets it). */
  private tabStreak = 0;
  /** Up/Down: position in the history, and the line being written before moving there. */
  private historyIndex?: number;
  private draft: EditLine = EMPTY_LINE;
  /** Ctrl-R: the entry index found, and the line to restore on cancel. */
  private searchIndex = -1;
  private beforeSearch: EditLine = EMPTY_LINE;
  private closed = false;
  /** Lines entered while a command was running. */
  private readonly queued: string[] = [];

  constructor(private readonly deps: ReplDependencies) {}

  get view(): ReplView {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ReplView => this.current;

  private update(change: Partial<ReplView>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener();
  }

  private setLine(line: EditLine, extra: Partial<ReplView> = {}): void {
    this.update({ line, candidates: undefined, notice: undefined, ...extra });
  }

  handleKey(input: string, key: KeyPress): void {
    if (this.closed) return;
    const wasTab = key.tab;
    if (!wasTab) this.tabStreak = 0;
    if (this.current.mode === 'search') this.searchKey(input, key);
    else this.editKey(input, key);
  }

  private editKey(input: string, key: KeyPress): void {
    const { line } = this.current;
    const ctrl = key.ctrl ? input : '';
    if (key.return) return void this.submit();
    if (key.tab) return this.complete();
    if (ctrl === 'r') return this.startSearch();
    if (ctrl === 'c') return this.interrupt();
    if (ctrl === 'd') {
      if (line.text === '' && !this.current.busy) return this.exit();
      return this.setLine(deleteForward(line));
    }
    if (key.upArrow || ctrl === 'p') return this.recall(-1);
    if (key.downArrow || ctrl === 'n') return this.recall(+1);
    // Terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
    if (key.backspace || key.delete || ctrl === 'h') return this.setLine(deleteBackward(line));
    if (key.leftArrow || ctrl === 'b') return this.setLine(moveCursor(line, line.cursor - 1));
    if (key.rightArrow || ctrl === 'f') return this.setLine(moveCursor(line, line.cursor + 1));
    if (key.home || ctrl === 'a') return this.setLine(moveCursor(line, 0));
    if (key.end || ctrl === 'e') return this.setLine(moveCursor(line, line.text.length));
    if (ctrl === 'u') return this.setLine(killToStart(line));
    if (ctrl === 'k') return this.setLine(killToEnd(line));
    if (ctrl === 'w') return this.setLine(deleteWordBackward(line));
    if (key.escape) return this.setLine(line);
    if (key.ctrl || key.meta) return;
    const text = printable(input);
    if (text) this.setLine(insertText(line, text));
  }

  private interrupt(): void {
    if (this.current.line.text === '') {
      this.update({ notice: 'type quit (or press Ctrl-D) to leave', candidates: undefined });
      return;
    }
    this.deps.write(`${PROMPT}${this.current.line.text}^C\n`);
    this.historyIndex = undefined;
    this.setLine(EMPTY_LINE);
  }

  private exit(): void {
    this.closed = true;
    this.deps.exit();
  }

  /**
   * Runs the line: echoes it above the prompt, records it, prints the outcome. A line entered
   * while a command runs (typed ahead or pasted) waits its turn.
   */
  async submit(): Promise<void> {
    const text = this.current.line.text;
    this.historyIndex = undefined;
    this.setLine(EMPTY_LINE);
    if (this.current.busy) {
      this.queued.push(text);
      return;
    }
    for (let next: string | undefined = text; next !== undefined && !this.closed; next = this.queued.shift()) await this.execute(next);
  }

  private async execute(text: string): Promise<void> {
    this.deps.write(`${PROMPT}${text}\n`);
    const words = splitWords(text);
    if (words.length === 0) return;
    const saveError = this.deps.history.add(text);
    this.update({ busy: true, notice: saveError ? `history not saved: ${saveError.message}` : undefined });
    const outcome = await this.deps.run(words);
    if (outcome.stdout) this.deps.write(outcome.stdout);
    if (outcome.stderr) this.deps.writeError(outcome.stderr);
    if (outcome.quit) return this.exit();
    this.update({ busy: false });
  }

  private recall(step: -1 | 1): void {
    const entries = this.deps.history.entries;
    if (entries.length === 0) return;
    if (this.historyIndex === undefined) {
      if (step > 0) return;
      this.draft = this.current.line;
      this.historyIndex = entries.length;
    }
    const index = this.historyIndex + step;
    if (index < 0) return;
    if (index >= entries.length) {
      this.historyIndex = undefined;
      return this.setLine(this.draft);
    }
    this.historyIndex = index;
    this.setLine(lineOf(entries[index]!));
  }

  // ---------------------------------------------------------------- completion

  private complete(): void {
    const { line } = this.current;
    const result = completeLine(line.text, line.cursor, this.deps.completion);
    if (result.kind === 'missing') return this.fetchThenComplete(result.list, line);
    const word = line.text.slice(result.start, line.cursor);
    // As readline: a Tab right after a Tab that could not finish the word lists the candidates.
    const afterTab = this.tabStreak > 0;
    this.tabStreak++;
    if (result.replacement !== word) return this.setLine(replaceBeforeCursor(line, result.start, result.replacement));
    if (result.candidates.length === 0) return this.update({ notice: 'no completion', candidates: undefined });
    if (afterTab) this.update({ candidates: result.candidates, notice: undefined });
  }

  /**
   * Fetches a list in the background and completes once it is there, unless the line changed
   * meanwhile (typing goes on as usual while the server answers).
   */
  private fetchThenComplete(list: MissingList, line: EditLine): void {
    this.update({ notice: 'fetching completions…' });
    void this.deps.completion.fetch(list).then(() => {
      if (this.closed) return;
      const now = this.current.line;
      const still = completeLine(now.text, now.cursor, this.deps.completion);
      if (still.kind === 'missing' && sameList(still.list, list)) {
        return this.update({ notice: 'completions unavailable (server did not answer)' });
      }
      if (now.text !== line.text || now.cursor !== line.cursor) return this.update({ notice: undefined });
      this.update({ notice: undefined });
      // Each Tab pressed while fetching counts now: two of them list the candidates.
      this.complete();
    });
  }

  // ---------------------------------------------------------------- Ctrl-R

  private startSearch(): void {
    this.beforeSearch = this.current.line;
    this.searchIndex = -1;
    this.update({ mode: 'search', search: { query: '', failed: false }, candidates: undefined, notice: undefined });
  }

  private searchKey(input: string, key: KeyPress): void {
    const query = this.current.search?.query ?? '';
    const ctrl = key.ctrl ? input : '';
    if (ctrl === 'r') return this.findMatch(query, this.searchIndex - 1);
    if (key.return) {
      this.endSearch(this.acceptedLine());
      return void this.submit();
    }
    if (key.escape || ctrl === 'g' || ctrl === 'c') return this.endSearch(this.beforeSearch);
    if (key.backspace || key.delete) return this.findMatch(query.slice(0, -1), this.deps.history.entries.length - 1);
    if (key.leftArrow || key.rightArrow || key.upArrow || key.downArrow || key.home || key.end || key.tab || key.ctrl || key.meta) {
      return this.endSearch(this.acceptedLine());
    }
    const text = printable(input);
    if (text) this.findMatch(query + text, this.searchIndex >= 0 ? this.searchIndex : this.deps.history.entries.length - 1);
  }

  private findMatch(query: string, from: number): void {
    const found = query === '' ? -1 : this.deps.history.searchBackward(query, from);
    // As readline: when nothing (older) matches, the last match stays shown, marked as failed.
    if (found >= 0) this.searchIndex = found;
    const match = this.searchIndex >= 0 ? this.deps.history.entries[this.searchIndex] : undefined;
    const failed = query !== '' && found < 0;
    this.update({ search: match === undefined ? { query, failed } : { query, match, failed } });
  }

  private acceptedLine(): EditLine {
    const match = this.current.search?.match;
    return match === undefined ? this.beforeSearch : lineOf(match);
  }

  private endSearch(line: EditLine): void {
    this.historyIndex = undefined;
    this.setLine(line, { mode: 'edit', search: undefined });
  }
}

/** Typed or pasted text without control characters (a pasted newline does not run anything). */
function printable(input: string): string {
  return input.replace(/[\u0000-\u001f\u007f]/g, '');
}

function sameList(a: MissingList, b: MissingList): boolean {
  return a.kind === b.kind && (a.kind !== 'counterNames' || a.group === (b as { group: string }).group);
}
