import type { MemorySnapshot } from '../server/memory-report.js';
import type { ProcessTable } from '../server/process-table.js';
import { fullVersion, type ServerIdentity } from '../server/server-identity.js';
import { ctime } from '../server/ctime.js';
import { RET_ARRAY, type RpcExport } from '../rpc/rpc-registry.js';
import { rpcInt, rpcStr } from '../rpc/rpc-value.js';

/** A SIP (or HTTP-on-TCP) listening socket as core.sockets_list shows it. */
export interface SocketInfo {
  proto: string;
  address: string;
  ipaddress: string;
  port: number;
}

/** What the core.* commands report about the running server. */
export interface CoreFacts {
  identity: ServerIdentity;
  startedAt: Date;
  now(): Date;
  processes: ProcessTable;
  cwd(): string;
  /** The command line, as core.arg lists it. */
  argv: readonly string[];
  memory: { read(): MemorySnapshot };
  sockets(): readonly SocketInfo[];
  /** Delivers a signal on core.kill, after the reply went out (the server decides what it does). */
  kill(signal: number): void;
}

const UNIT_SHIFTS: Record<string, number> = { b: 0, k: 10, kb: 10, m: 20, mb: 20, g: 30, gb: 30 };

function elapsedSeconds(from: Date, to: Date): number {
  return Math.floor(to.getTime() / 1000) - Math.floor(from.getTime() / 1000);
}

/** core.*: version, uptime, processes, memory, sockets, echo and kill. */
export function coreCommands(facts: CoreFacts): RpcExport[] {
  return [
    {
      name: 'core.version',
      help: 'Returns the version string of the server.',
      handler: (rpc) => {
        rpc.add(rpcStr(fullVersion(facts.identity)));
      },
    },
    {
      name: 'core.info',
      help: 'Version, build id, compiler, build date and feature flags.',
      handler: (rpc) => {
        const { identity } = facts;
        rpc.addStruct().structAddAll([
          ['version', rpcStr(`${identity.name} ${identity.version}`)],
          ['id', rpcStr(identity.id)],
          ['compiler', rpcStr(identity.compiler)],
          ['compiled', rpcStr(identity.compiled)],
          ['flags', rpcStr(identity.flags)],
        ]);
      },
    },
    {
      name: 'core.uptime',
      help: 'Current time, start time and seconds since start.',
      handler: (rpc) => {
        const now = facts.now();
        rpc.addStruct().structAddAll([
          ['now', rpcStr(ctime(now))],
          ['up_since', rpcStr(ctime(facts.startedAt))],
          ['uptime', rpcInt(elapsedSeconds(facts.startedAt, now))],
        ]);
      },
    },
    {
      name: 'core.ps',
      help: 'Pid and description of every worker, alternating.',
      flags: RET_ARRAY,
      handler: (rpc) => {
        for (const row of facts.processes.entries()) rpc.add(rpcInt(row.pid), rpcStr(row.description));
      },
    },
    {
      name: 'core.psx',
      help: 'Index, pid and description of every worker.',
      flags: RET_ARRAY,
      handler: (rpc) => {
        for (const row of facts.processes.entries()) {
          rpc.addStruct().structAddAll([
            ['IDX', rpcInt(row.index)],
            ['PID', rpcInt(row.pid)],
            ['DSC', rpcStr(row.description)],
          ]);
        }
      },
    },
    {
      name: 'core.pwd',
      help: 'The working directory of the server.',
      flags: RET_ARRAY,
      handler: (rpc) => {
        rpc.add(rpcStr(facts.cwd()));
      },
    },
    {
      name: 'core.arg',
      help: 'The command line the server was started with.',
      flags: RET_ARRAY,
      handler: (rpc) => {
        for (const arg of facts.argv) rpc.add(rpcStr(arg));
      },
    },
    {
      name: 'core.echo',
      help: 'Returns its parameters as strings, up to the first one that is not a string or an integer.',
      flags: RET_ARRAY,
      handler: (rpc) => {
        for (;;) {
          const scan = rpc.scan('*.s');
          const [value] = scan.values;
          if (scan.count < 1 || value === undefined) return;
          rpc.add(rpcStr(value));
        }
      },
    },
    {
      name: 'core.kill',
      help: 'Replies, then sends the signal given (default 15, SIGTERM) to the server.',
      handler: (rpc) => {
        const scan = rpc.scan('d');
        const signal = scan.ok ? scan.values[0] : 15;
        // The reply goes out first: after the signal there may be nobody left to send it.
        rpc.send();
        facts.kill(signal);
      },
    },
    {
      name: 'core.shmmem',
      help: 'Memory of the server (the V8 heap): total, free, used, real_used, max_used, fragments; optional unit b|k|m|g.',
      handler: (rpc) => {
        const scan = rpc.scan('*s');
        const unit = scan.values[0];
        const shift = unit === undefined ? 0 : UNIT_SHIFTS[unit.toLowerCase()];
        if (shift === undefined) return rpc.fault(500, 'bad param, (use b|k|m|g)');
        const memory = facts.memory.read();
        const scale = (bytes: number) => rpcInt(Math.floor(bytes / 2 ** shift));
        rpc.addStruct().structAddAll([
          ['total', scale(memory.total)],
          ['free', scale(memory.free)],
          ['used', scale(memory.used)],
          ['real_used', scale(memory.realUsed)],
          ['max_used', scale(memory.maxUsed)],
          ['fragments', rpcInt(memory.fragments)],
        ]);
      },
    },
    {
      name: 'core.sockets_list',
      help: 'The listening sockets (SIP, and HTTP which rides on TCP as in Kamailio).',
      handler: (rpc) => {
        const list = rpc.addArray();
        for (const info of facts.sockets()) {
          const socket = list.structAddStruct('socket');
          if (!socket) return rpc.fault(500, 'Internal error creating socket struct');
          socket.structAddAll([
            ['proto', rpcStr(info.proto)],
            ['address', rpcStr(info.address)],
            ['ipaddress', rpcStr(info.ipaddress)],
            ['port', rpcStr(String(info.port))],
            ['mcast', rpcStr('no')],
            ['mhomed', rpcStr('no')],
            ['virtual', rpcStr('no')],
          ]);
        }
      },
    },
  ];
}
