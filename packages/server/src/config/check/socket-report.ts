import type { GlobalParam } from '../load/loaded-config.js';

/** What `kamailio -c` needs from the machine; injected so the check stays pure. */
export interface HostFacts {
  /** The IPv4 addresses Kamailio binds to when the script has no `listen` (all interfaces). */
  readonly interfaceAddresses: readonly string[];
  /** The address of a listen host name; undefined when unknown (the name is then shown as its own address). */
  resolveHost?(name: string): string | undefined;
  /** A name for an address (reverse DNS), for `auto_aliases`; undefined when there is none. */
  reverseLookup?(address: string): string | undefined;
}

interface Socket {
  proto: string;
  host: string;
  port: number;
  advertise?: string;
  name?: string;
}

interface Alias {
  proto?: string;
  host: string;
  port?: number;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The `Listening on` / `Aliases` report `kamailio -c` prints on stdout when the file is good. */
export function formatSocketReport(globals: readonly GlobalParam[], host: HostFacts): string {
  const setting = (name: string, fallback: number | string): number | string => {
    const found = globals.filter((g) => g.name === name).pop();
    return found === undefined ? fallback : found.value;
  };
  const autoAliases = Number(setting('auto_aliases', 1)) !== 0;
  const protocols = ['udp'];
  if (Number(setting('disable_tcp', 0)) === 0) protocols.push('tcp');
  if (Number(setting('enable_tls', 0)) !== 0) protocols.push('tls');
  const defaultPort = Number(setting('port', 5060));
  const listens = globals.filter((g) => g.name === 'listen').map((g) => String(g.value));
  const specs = listens.length > 0 ? listens : host.interfaceAddresses;
  const sockets: Socket[] = [];
  for (const spec of specs) sockets.push(...parseListen(spec, protocols, defaultPort));
  sockets.sort((a, b) => protocols.indexOf(a.proto) - protocols.indexOf(b.proto));

  // Kamailio keeps aliases in a list it prepends to: the last added prints first, and the
  // automatic ones (added after the script's) come before them.
  const aliases: Alias[] = globals.filter((g) => g.name === 'alias').map((g) => parseAlias(String(g.value)));
  let out = 'Listening on \n';
  for (const socket of sockets) {
    const address = IPV4.test(socket.host) ? socket.host : (host.resolveHost?.(socket.host) ?? socket.host);
    const named = autoAliases && socket.host === address ? address : `${socket.host} [${address}]`;
    out += `             ${socket.proto}: ${named}:${socket.port}`;
    if (socket.advertise !== undefined) out += ` advertise ${socket.advertise}`;
    if (socket.name !== undefined) out += ` name ${socket.name}`;
    out += '\n';
    const reverse = autoAliases && IPV4.test(socket.host) ? host.reverseLookup?.(socket.host) : undefined;
    if (reverse !== undefined && reverse !== socket.host) aliases.push({ proto: socket.proto, host: reverse, port: socket.port });
  }
  out += 'Aliases: \n';
  for (const alias of aliases.reverse()) out += `             ${alias.proto ?? '*'}: ${alias.host}:${alias.port ?? '*'}\n`;
  return `${out}\n`;
}

/** `[proto:]host[:port] [advertise host[:port]] [name "x"]`; without a protocol, one socket per protocol. */
function parseListen(spec: string, protocols: readonly string[], defaultPort: number): Socket[] {
  const words = spec.trim().split(/\s+/);
  const address = words[0] ?? '';
  const option = (keyword: string): string | undefined => {
    const index = words.indexOf(keyword);
    return index < 0 ? undefined : words[index + 1]?.replace(/^"(.*)"$/, '$1');
  };
  const match = /^(?:(udp|tcp|tls|sctp|ws|wss|any):)?([^:]+)(?::(\d+))?$/i.exec(address);
  const proto = match?.[1]?.toLowerCase();
  const hostName = match?.[2] ?? address;
  const port = match?.[3] === undefined ? (proto === 'tls' ? defaultPort + 1 : defaultPort) : Number(match[3]);
  const advertise = option('advertise');
  const name = option('name');
  const list = proto === undefined || proto === 'any' ? protocols : [proto];
  return list.map((p) => ({
    proto: p,
    host: hostName,
    port: proto === undefined && p === 'tls' ? defaultPort + 1 : port,
    ...(advertise === undefined ? {} : { advertise }),
    ...(name === undefined ? {} : { name }),
  }));
}

function parseAlias(spec: string): Alias {
  const match = /^(?:(udp|tcp|tls|sctp|ws|wss):)?([^:]+)(?::(\d+))?$/i.exec(spec.trim());
  if (!match) return { host: spec };
  const alias: Alias = { host: match[2]! };
  if (match[1] !== undefined) alias.proto = match[1].toLowerCase();
  if (match[3] !== undefined) alias.port = Number(match[3]);
  return alias;
}
