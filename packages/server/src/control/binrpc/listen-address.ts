/** Where a ctl BINRPC socket listens (modparam("ctl", "binrpc", ...)). */
export type ListenAddress =
  | { kind: 'unix_stream'; path: string }
  | { kind: 'unix_dgram'; path: string }
  | { kind: 'tcp' | 'udp'; host: string; port: number };

export const DEFAULT_CTL_PORT = 2049;

export class ListenAddressError extends Error {
  override name = 'ListenAddressError';
}

function hostPort(text: string, spec: string): { host: string; port: number } {
  let host = text;
  let port = DEFAULT_CTL_PORT;
  const bracket = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
  if (bracket) {
    host = bracket[1]!;
    if (bracket[2] !== undefined) port = parsePort(bracket[2], spec);
  } else {
    const colon = text.lastIndexOf(':');
    if (colon >= 0) {
      host = text.slice(0, colon);
      port = parsePort(text.slice(colon + 1), spec);
    } else if (/^\d+$/.test(text)) {
      // `tcp:3012` is a port on every address.
      host = '';
      port = parsePort(text, spec);
    }
  }
  return { host: host === '' || host === '*' ? '0.0.0.0' : host, port };
}

function parsePort(text: string, spec: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new ListenAddressError(`bad port "${text}" in "${spec}"`);
  return port;
}

/**
 * Parses `[proto:]address[:port]` as the ctl module does (§2.9): unix/unixs = stream socket,
 * unixd = datagram, tcp/udp with `*` or nothing for every IPv4 address and 2049 by default; without
 * a protocol a path (containing `/`) is a unix stream socket and anything else is UDP.
 */
export function parseListenAddress(spec: string): ListenAddress {
  const match = /^([a-zA-Z]+):(.*)$/s.exec(spec);
  const proto = match?.[1]?.toLowerCase();
  if (match && proto && ['unix', 'unixs', 'unixd', 'tcp', 'udp'].includes(proto)) {
    const rest = match[2]!;
    if (proto === 'unix' || proto === 'unixs' || proto === 'unixd') {
      if (rest === '') throw new ListenAddressError(`missing socket path in "${spec}"`);
      return { kind: proto === 'unixd' ? 'unix_dgram' : 'unix_stream', path: rest };
    }
    return { kind: proto as 'tcp' | 'udp', ...hostPort(rest, spec) };
  }
  if (spec === '') throw new ListenAddressError('empty listen address');
  if (spec.includes('/')) return { kind: 'unix_stream', path: spec };
  return { kind: 'udp', ...hostPort(spec, spec) };
}

/** The address as ctl.listen / our start-up banner print it. */
export function describeListenAddress(address: ListenAddress): string {
  switch (address.kind) {
    case 'unix_stream':
      return `unix:${address.path}`;
    case 'unix_dgram':
      return `unixd:${address.path}`;
    default:
      return `${address.kind}:${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
  }
}
