/** One row of core.ps / core.psx: a virtual worker with a stable synthetic pid. */
export interface ProcessEntry {
  readonly index: number;
  readonly pid: number;
  readonly description: string;
}

/**
 * Kamailio's process table for a server whose "processes" are virtual workers in one event loop
 * (companion-server §5.2): index 0 is the real process, the others get `pid + index`, stable for the
 * run, so tools that address processes by pid (core.psx, dbg.*) keep working.
 */
export class ProcessTable {
  private readonly rows: ProcessEntry[] = [];

  constructor(private readonly basePid: number = process.pid) {
    this.add('main process - attendant');
  }

  add(description: string): ProcessEntry {
    const index = this.rows.length;
    const entry = { index, pid: this.basePid + index, description };
    this.rows.push(entry);
    return entry;
  }

  entries(): readonly ProcessEntry[] {
    return this.rows;
  }

  byPid(pid: number): ProcessEntry | undefined {
    return this.rows.find((row) => row.pid === pid);
  }
}
