/** Where and how to reach a server, parsed from a target URI. */
export type Target =
  | { protocol: 'binrpc'; transport: 'unix'; path: string }
  | { protocol: 'binrpc'; transport: 'unixd'; path: string }
  | { protocol: 'binrpc'; transport: 'tcp' | 'udp'; host: string; port: number }
  | { protocol: 'jsonrpc'; transport: 'http'; url: string }
  | { protocol: 'jsonrpc'; transport: 'fifo'; path: string }
  | { protocol: 'jsonrpc'; transport: 'unixd'; path: string }
  | { protocol: 'xmlrpc'; transport: 'http'; url: string };

export const DEFAULT_BINRPC_PORT = 2049;

export class TargetSyntaxError extends Error {
  override name = 'TargetSyntaxError';
}

function hostPort(rest: string, uri: string): { host: string; port: number } {
  let host = rest;
  let port = DEFAULT_BINRPC_PORT;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
  if (bracketed) {
    host = bracketed[1]!;
    if (bracketed[2] !== undefined) port = Number(bracketed[2]);
  } else {
    const colon = rest.lastIndexOf(':');
    if (colon >= 0) {
      host = rest.slice(0, colon);
      port = Number(rest.slice(colon + 1));
    }
  }
  if (!host) throw new TargetSyntaxError(`no host in target ${uri}`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new TargetSyntaxError(`bad port in target ${uri}`);
  return { host, port };
}

function requirePath(path: string, uri: string): string {
  if (!path) throw new TargetSyntaxError(`no path in target ${uri}`);
  return path;
}

function httpUrl(url: string, uri: string): string {
  try {
    new URL(url);
  } catch {
    throw new TargetSyntaxError(`bad URL in target ${uri}`);
  }
  return url;
}

/**
 * Parses a target URI. kamcmd's `-s` spellings work too: `unix:`/`unixs:`/`unixd:`/`tcp:`/`udp:`,
 * case-insensitive, a bare path (stream socket) and a bare `host:port` (UDP).
 */
export function parseTarget(uri: string): Target {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(uri);
  const scheme = match?.[1]!.toLowerCase();
  const rest = match?.[2] ?? '';
  switch (scheme) {
    case 'unix':
    case 'unixs':
      return { protocol: 'binrpc', transport: 'unix', path: requirePath(rest, uri) };
    case 'unixd':
      return { protocol: 'binrpc', transport: 'unixd', path: requirePath(rest, uri) };
    case 'tcp':
    case 'udp':
      return { protocol: 'binrpc', transport: scheme, ...hostPort(rest, uri) };
    case 'http':
    case 'https':
      return { protocol: 'jsonrpc', transport: 'http', url: httpUrl(uri, uri) };
    case 'fifo':
      return { protocol: 'jsonrpc', transport: 'fifo', path: requirePath(rest, uri) };
    case 'jsonrpc+unixd':
      return { protocol: 'jsonrpc', transport: 'unixd', path: requirePath(rest, uri) };
    case 'xmlrpc+http':
    case 'xmlrpc+https':
      return { protocol: 'xmlrpc', transport: 'http', url: httpUrl(uri.slice('xmlrpc+'.length), uri) };
  }
  if (match && !uri.includes('/')) {
    if (!/^\d+$/.test(rest)) throw new TargetSyntaxError(`unknown protocol "${match[1]}" in target ${uri}`);
    // kamcmd: a bare name:port is UDP.
    return { protocol: 'binrpc', transport: 'udp', ...hostPort(uri, uri) };
  }
  if (!uri) throw new TargetSyntaxError('empty target');
  return { protocol: 'binrpc', transport: 'unix', path: uri };
}
