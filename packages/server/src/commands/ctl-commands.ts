import type { CtlConnection } from '../control/binrpc/ctl-handler.js';
import type { ListenAddress } from '../control/binrpc/listen-address.js';
import type { RpcContext } from '../rpc/rpc-context.js';
import type { RpcExport } from '../rpc/rpc-registry.js';
import { rpcInt, rpcStr } from '../rpc/rpc-value.js';

/** What the ctl.* commands read: the ctl sockets and the open stream connections. */
export interface CtlFacts {
  listeners(): readonly ListenAddress[];
  connections(): readonly CtlConnection[];
}

/** ctl.connections and ctl.who describe BINRPC connections; other transports are refused. */
function binrpcOnly(rpc: RpcContext): boolean {
  if (rpc.transport === 'binrpc') return true;
  rpc.fault(606, 'rpc available only over binrpc (ctl)');
  return false;
}

/** ctl.*: the ctl module's own commands. */
export function ctlCommands(facts: CtlFacts): RpcExport[] {
  return [
    {
      name: 'ctl.listen',
      help: 'The ctl sockets: payload, transport, address and port of each.',
      handler: (rpc) => {
        for (const address of facts.listeners()) {
          const unix = address.kind === 'unix_stream' || address.kind === 'unix_dgram';
          rpc.add(
            rpcStr('binrpc'),
            rpcStr(address.kind),
            rpcStr(unix ? address.path : address.host),
            rpcStr(unix ? '' : String(address.port)),
          );
        }
      },
    },
    {
      name: 'ctl.connections',
      help: 'The number of open BINRPC stream connections.',
      handler: (rpc) => {
        if (binrpcOnly(rpc)) rpc.add(rpcInt(facts.connections().length));
      },
    },
    {
      name: 'ctl.who',
      help: 'The open BINRPC stream connections: payload, transport, peer and local address and port.',
      handler: (rpc) => {
        if (!binrpcOnly(rpc)) return;
        const connections = facts.connections();
        if (connections.length === 0) return rpc.fault(400, 'no open stream connection');
        for (const c of connections) {
          rpc.add(rpcStr('binrpc'), rpcStr(c.transport), rpcStr(c.peerAddress), rpcStr(c.peerPort), rpcStr(c.localAddress), rpcStr(c.localPort));
        }
      },
    },
  ];
}
