import type { Counter, CounterRegistry } from '../counters/counter-registry.js';
import type { RpcContext } from '../rpc/rpc-context.js';
import { RET_ARRAY, type RpcExport } from '../rpc/rpc-registry.js';
import { rpcInt, rpcStr } from '../rpc/rpc-value.js';

/** Counter values travel as C ints: longs cast to 32 bits. */
const int32 = (value: number) => rpcInt(Number(BigInt.asIntN(32, BigInt(Math.trunc(value)))));

/** The counters module's faults end with a newline. */
function lookup(rpc: RpcContext, counters: CounterRegistry, group: string, name: string): Counter | undefined {
  const counter = counters.get(group, name);
  if (!counter) rpc.fault(400, `non-existent counter ${group}.${name}\n`);
  return counter;
}

function groupStruct(rpc: RpcContext, counters: CounterRegistry, group: string): void {
  const struct = rpc.addStruct();
  for (const counter of counters.counters(group)) struct.structAdd(counter.name, int32(counter.value));
}

/** cnt.*: the counters module's commands, aliases included. */
export function counterCommands(counters: CounterRegistry): RpcExport[] {
  const listGroups = (rpc: RpcContext) => {
    for (const group of counters.groupNames()) rpc.add(rpcStr(group));
  };
  const listVars = (rpc: RpcContext) => {
    const scan = rpc.scan('s');
    if (!scan.ok) return;
    for (const counter of counters.counters(scan.values[0])) rpc.add(rpcStr(counter.name));
  };
  const getAll = (rpc: RpcContext) => {
    const scan = rpc.scan('s');
    if (scan.ok) groupStruct(rpc, counters, scan.values[0]);
  };
  return [
    {
      name: 'cnt.get',
      help: 'Value of counter <group> <name>, or of every counter of <group>.',
      handler: (rpc) => {
        const scan = rpc.scan('s*s');
        if (scan.count < 1) return;
        const [group, name] = scan.values;
        if (group === undefined) return;
        if (name === undefined) return groupStruct(rpc, counters, group);
        const counter = lookup(rpc, counters, group, name);
        if (counter) rpc.add(int32(counter.value));
      },
    },
    {
      name: 'cnt.get_raw',
      help: 'Value of counter <group> <name> (no per-worker summing here: one thread holds it).',
      handler: (rpc) => {
        const scan = rpc.scan('ss');
        if (!scan.ok) return;
        const counter = lookup(rpc, counters, ...scan.values);
        if (counter) rpc.add(int32(counter.value));
      },
    },
    {
      name: 'cnt.reset',
      help: 'Sets counter <group> <name> to 0.',
      handler: (rpc) => {
        const scan = rpc.scan('ss');
        if (!scan.ok) return;
        lookup(rpc, counters, ...scan.values)?.reset();
      },
    },
    { name: 'cnt.grps_list', help: 'Counter group names.', flags: RET_ARRAY, handler: listGroups },
    { name: 'cnt.list_groups', help: 'Counter group names (alias of cnt.grps_list).', flags: RET_ARRAY, handler: listGroups },
    { name: 'cnt.var_list', help: 'Counter names of <group>.', flags: RET_ARRAY, handler: listVars },
    { name: 'cnt.list_vars', help: 'Counter names of <group> (alias of cnt.var_list).', flags: RET_ARRAY, handler: listVars },
    { name: 'cnt.grp_get_all', help: 'Every counter of <group> with its value.', handler: getAll },
    { name: 'cnt.get_vars', help: 'Every counter of <group> (alias of cnt.grp_get_all).', handler: getAll },
    {
      name: 'cnt.help',
      help: 'Description of counter <group> <name>.',
      handler: (rpc) => {
        const scan = rpc.scan('ss');
        if (!scan.ok) return;
        const counter = lookup(rpc, counters, ...scan.values);
        if (counter) rpc.add(rpcStr(counter.description));
      },
    },
  ];
}
