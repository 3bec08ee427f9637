import type { Counter, CounterRegistry } from '../counters/counter-registry.js';
import type { RpcContext } from '../rpc/rpc-context.js';
import { RET_ARRAY, type RpcExport } from '../rpc/rpc-registry.js';
import { rpcLong, rpcStr, type RpcScalar } from '../rpc/rpc-value.js';
import { fetchStatistics, selectStatistics } from '../stats/statistic-selector.js';
import { statisticText, statisticUnsigned } from '../stats/statistic-value.js';

const NO_SELECTOR = 'Please provide which stats to retrieve';

/**
 * Scans the mandatory first selector, then the optional others: the first parameter that is not a
 * string ends the list without a fault, as in Kamailio.
 */
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

const line = (counter: Counter) => `${counter.group}:${counter.name} = ${statisticText(counter)}`;

/**
 * stats.fetch / stats.fetchn: one struct `{"group.name": value}` for all selectors together, in
 * selector order (a statistic selected twice is a repeated member). fetch sends the value as a
 * string, fetchn as an unsigned long (`j`: a BINRPC double, a JSON number, an XML-RPC double).
 */
function fetchHandler(counters: CounterRegistry, value: (counter: Counter) => RpcScalar) {
  return (rpc: RpcContext) => {
    const names = selectors(rpc, NO_SELECTOR);
    if (!names) return;
    const struct = rpc.addStruct();
    for (const selector of names) {
      for (const counter of fetchStatistics(counters, selector)) {
        // A refused member (BINRPC's per-struct buffer is full) ends the reply where it is.
        if (!struct.structAdd(`${counter.group}.${counter.name}`, value(counter))) return;
      }
    }
  };
}

/** stats.*: the kex statistics commands over the shared counter registry. */
export function statsCommands(counters: CounterRegistry): RpcExport[] {
  return [
    {
      name: 'stats.get_statistics',
      help: 'Statistics as "group:name = value" strings; selectors: all, group:, or a name.',
      flags: RET_ARRAY,
      handler: (rpc) => {
        const names = selectors(rpc, NO_SELECTOR);
        for (const selector of names ?? []) for (const counter of selectStatistics(counters, selector)) rpc.add(rpcStr(line(counter)));
      },
    },
    {
      name: 'stats.fetch',
      help: 'Statistics as one struct of "group.name": "value" (strings); selectors: all, group:, name, group.name.',
      handler: fetchHandler(counters, (counter) => rpcStr(statisticText(counter))),
    },
    {
      name: 'stats.fetchn',
      help: 'Statistics as one struct of "group.name": value (numbers); selectors: all, group:, name, group.name.',
      handler: fetchHandler(counters, (counter) => rpcLong(statisticUnsigned(counter), 'j')),
    },
    {
      name: 'stats.reset_statistics',
      help: 'Sets the selected statistics to 0 (computed ones are left alone).',
      handler: (rpc) => {
        const names = selectors(rpc, 'Please provide stats name');
        for (const selector of names ?? []) for (const counter of selectStatistics(counters, selector)) counter.reset();
      },
    },
    {
      name: 'stats.clear_statistics',
      help: 'Resets the selected statistics and returns "group:name = new (old)" for each that changed.',
      handler: (rpc) => {
        const names = selectors(rpc, 'Please provide stats name');
        for (const selector of names ?? []) {
          for (const counter of selectStatistics(counters, selector)) {
            const before = statisticText(counter);
            counter.reset();
            const after = statisticText(counter);
            rpc.add(rpcStr(after === before ? line(counter) : `${line(counter)} (${before})`));
          }
        }
      },
    },
  ];
}
