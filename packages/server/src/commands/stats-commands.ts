import type { Counter, CounterRegistry } from '../counters/counter-registry.js';
import type { RpcContext } from '../rpc/rpc-context.js';
import { RET_ARRAY, type RpcExport } from '../rpc/rpc-registry.js';
import { rpcStr } from '../rpc/rpc-value.js';

/**
 * The statistics a selector names: `all`, `group:` (a whole group) or a bare statistic name.
 * `group:name` is not a selector in Kamailio 5.6 and matches nothing; unknown names are skipped.
 */
function select(counters: CounterRegistry, selector: string): Counter[] {
  if (selector === 'all') return counters.all();
  if (selector.endsWith(':')) return counters.counters(selector.slice(0, -1));
  const found = counters.findByName(selector);
  return found ? [found] : [];
}

/** Scans the mandatory first selector, then the optional others. */
function selectors(rpc: RpcContext, missing: string): string[] | undefined {
  const first = rpc.scan('s');
  if (!first.ok) {
    rpc.fault(400, missing);
    return undefined;
  }
  const names = [first.values[0]];
  for (;;) {
    const next = rpc.scan('*s');
    if (next.count < 1 || next.values[0] === undefined) return names;
    names.push(next.values[0]);
  }
}

const line = (counter: Counter) => `${counter.group}:${counter.name} = ${counter.value}`;

/** stats.*: the kex statistics commands over the shared counter registry. */
export function statsCommands(counters: CounterRegistry): RpcExport[] {
  return [
    {
      name: 'stats.get_statistics',
      help: 'Statistics as "group:name = value" strings; selectors: all, group:, or a name.',
      flags: RET_ARRAY,
      handler: (rpc) => {
        const names = selectors(rpc, 'Please provide which stats to retrieve');
        for (const selector of names ?? []) for (const counter of select(counters, selector)) rpc.add(rpcStr(line(counter)));
      },
    },
    {
      name: 'stats.reset_statistics',
      help: 'Sets the selected statistics to 0 (computed ones are left alone).',
      handler: (rpc) => {
        const names = selectors(rpc, 'Please provide stats name');
        for (const selector of names ?? []) for (const counter of select(counters, selector)) counter.reset();
      },
    },
    {
      name: 'stats.clear_statistics',
      help: 'Resets the selected statistics and returns "group:name = new (old)" for each that changed.',
      handler: (rpc) => {
        const names = selectors(rpc, 'Please provide stats name');
        for (const selector of names ?? []) {
          for (const counter of select(counters, selector)) {
            const before = counter.value;
            counter.reset();
            const after = counter.value;
            rpc.add(rpcStr(after === before ? line(counter) : `${line(counter)} (${before})`));
          }
        }
      },
    },
  ];
}
