/** Kamailio's description for counters declared as statistics. */
export const STAT_DESCRIPTION = 'kamailio statistic (no description)';

export interface CounterDefinition {
  group: string;
  name: string;
  description?: string;
  /** A computed value (shmem sizes, module parameters): read on demand, never reset. */
  read?: () => number;
  /** Kept but not cleared by reset (Kamailio's STAT_NO_RESET). */
  noReset?: boolean;
}

/** One counter: shared by every virtual worker, since all of them run on one thread. */
export class Counter {
  private stored = 0;

  constructor(private readonly definition: CounterDefinition) {}

  get group(): string {
    return this.definition.group;
  }

  get name(): string {
    return this.definition.name;
  }

  get description(): string {
    return this.definition.description ?? STAT_DESCRIPTION;
  }

  get resettable(): boolean {
    return !this.definition.read && !this.definition.noReset;
  }

  get value(): number {
    return this.definition.read ? this.definition.read() : this.stored;
  }

  add(delta: number): void {
    this.stored += delta;
  }

  inc(): void {
    this.stored += 1;
  }

  /** Clears the counter if it can be; returns whether it did. */
  reset(): boolean {
    if (!this.resettable) return false;
    this.stored = 0;
    return true;
  }
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * Counters and statistics in one place: in Kamailio statistics are counters, so `cnt.*` and
 * `stats.*` show the same groups. Groups and names list in byte order, as Kamailio sorts them.
 */
export class CounterRegistry {
  private readonly groups = new Map<string, Map<string, Counter>>();
  /** By bare name, the most recently declared counter of that name (see findByName). */
  private readonly latestByName = new Map<string, Counter>();

  /** Declares a counter; declaring an existing one returns it unchanged. */
  define(definition: CounterDefinition): Counter {
    let group = this.groups.get(definition.group);
    if (!group) this.groups.set(definition.group, (group = new Map()));
    let counter = group.get(definition.name);
    if (!counter) {
      group.set(definition.name, (counter = new Counter(definition)));
      this.latestByName.set(definition.name, counter);
    }
    return counter;
  }

  get(group: string, name: string): Counter | undefined {
    return this.groups.get(group)?.get(name);
  }

  groupNames(): string[] {
    return [...this.groups.keys()].sort(byteOrder);
  }

  /** The counters of a group in name order; empty for an unknown group. */
  counters(group: string): Counter[] {
    const counters = this.groups.get(group);
    return counters ? [...counters.values()].sort((a, b) => byteOrder(a.name, b.name)) : [];
  }

  /** Every counter, group by group. */
  all(): Counter[] {
    return this.groupNames().flatMap((group) => this.counters(group));
  }

  /**
   * Finds a statistic by its bare name. When several groups have one of that name, the one declared
   * last wins, as in Kamailio 5.6.3 (e.g. a statistics-module `rcv_requests` hides core's).
   */
  findByName(name: string): Counter | undefined {
    return this.latestByName.get(name);
  }
}
