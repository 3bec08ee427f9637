import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * The REPL's command history, oldest first, kept in a file so it outlives the process (kamcmd's
 * does not). Each entry appears once (running a command again moves it to the end), the list
 * is cut to `limit` entries, and the file is re-read before each write so two shells running at
 * once both keep their commands.
 */
export class HistoryStore {
  private list: string[];

  constructor(
    /** undefined: history in memory only. */
    readonly file: string | undefined,
    readonly limit: number,
  ) {
    this.list = this.read();
  }

  get entries(): readonly string[] {
    return this.list;
  }

  /** Records a command line and saves the file. A failing save is reported, not thrown. */
  add(line: string): Error | undefined {
    const entry = line.trim();
    if (!entry) return undefined;
    this.list = this.merged(this.read(), entry);
    if (this.file === undefined) return undefined;
    try {
      // Write and rename, so a crash never leaves half a history; 0600: lines may hold secrets.
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, this.list.map((e) => `${e}\n`).join(''), { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, this.file);
      return undefined;
    } catch (error) {
      return error as Error;
    }
  }

  /**
   * The newest entry at or before `from` that contains `query`, for Ctrl-R; -1 when none.
   */
  searchBackward(query: string, from = this.list.length - 1): number {
    for (let i = Math.min(from, this.list.length - 1); i >= 0; i--) if (this.list[i]!.includes(query)) return i;
    return -1;
  }

  private merged(onDisk: readonly string[], entry: string): string[] {
    // Entries of this session not yet on disk (a failed save) are kept too.
    const all = [...onDisk, ...this.list.filter((e) => !onDisk.includes(e)), entry];
    const seen = new Set<string>();
    const newestFirst: string[] = [];
    for (let i = all.length - 1; i >= 0 && newestFirst.length < this.limit; i--) {
      if (seen.has(all[i]!)) continue;
      seen.add(all[i]!);
      newestFirst.push(all[i]!);
    }
    return newestFirst.reverse();
  }

  private read(): string[] {
    if (this.file === undefined) return this.list ?? [];
    try {
      const lines = readFileSync(this.file, 'utf8').split('\n').filter((line) => line.trim() !== '');
      return lines.slice(-this.limit);
    } catch {
      return this.list ?? [];
    }
  }
}
