import { RET_ARRAY, type RpcExport, type RpcRegistry } from '../rpc/rpc-registry.js';
import { rpcStr } from '../rpc/rpc-value.js';

/** system.*: introspection of the registry itself. */
export function systemCommands(registry: RpcRegistry): RpcExport[] {
  return [
    {
      name: 'system.listMethods',
      help: 'Lists every RPC method of this server, in byte order.',
      flags: RET_ARRAY,
      handler: (rpc) => {
        for (const name of registry.names()) rpc.add(rpcStr(name));
      },
    },
    {
      name: 'system.methodHelp',
      help: 'Prints the help text of the method given as parameter.',
      handler: (rpc) => {
        const scan = rpc.scan('s');
        if (!scan.ok) return rpc.fault(400, 'Method Name Expected');
        const method = registry.get(scan.values[0]);
        if (!method) return rpc.fault(400, 'command not found');
        rpc.add(rpcStr(method.help ?? 'undocumented'));
      },
    },
    {
      name: 'system.methodSignature',
      help: 'Not implemented: signatures are not kept (as in Kamailio 5.6).',
      handler: (rpc) => rpc.fault(500, 'Not Implemented Yet'),
    },
  ];
}
