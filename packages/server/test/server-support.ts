import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_BINRPC_LIMITS } from '../src/control/binrpc/binrpc-reply.js';
import type { ControlSettings } from '../src/server/control-settings.js';
import { KamkitServer, type KamkitServerOptions } from '../src/server/kamkit-server.js';
import { cfgFrameworkFromConfig } from '../src/cfg/index.js';
import { EMPTY_CONFIG } from '../src/server/empty-config.js';

/** A server with every transport in a throw-away directory, on free ports. */
export interface TestServer {
  server: KamkitServer;
  dir: string;
  /** Client targets for @kamkit/rpc, by transport. */
  targets: Record<'unix' | 'unixd' | 'tcp' | 'udp' | 'http' | 'fifo' | 'jsonDgram' | 'xmlrpc', string>;
  fifoReplyDir: string;
  kills: number[];
  errors: Error[];
  stop(): Promise<void>;
}

export function everyTransport(dir: string): ControlSettings {
  return {
    runDir: dir,
    ctl: {
      listen: [
        { kind: 'unix_stream', path: path.join(dir, 'ctl') },
        { kind: 'unix_dgram', path: path.join(dir, 'ctl.dgram') },
        { kind: 'tcp', host: '127.0.0.1', port: 0 },
        { kind: 'udp', host: '127.0.0.1', port: 0 },
      ],
      access: { mode: 0o600 },
      autoconversion: false,
      limits: DEFAULT_BINRPC_LIMITS,
    },
    jsonrpc: {
      pretty: true,
      fifo: { path: path.join(dir, 'rpc.fifo'), replyDir: `${path.join(dir, 'replies')}/`, access: { mode: 0o600 } },
      datagram: { address: { kind: 'unix', path: path.join(dir, 'rpc.sock') }, access: { mode: 0o600 }, workers: 1 },
    },
    http: { listen: [{ host: '127.0.0.1', port: 0 }], jsonPath: '/RPC', xmlPath: '/RPC2', maxBody: 65535 },
    xmlrpc: { autoconversion: false },
    tcpChildren: 1,
  };
}

export async function startTestServer(extra: Partial<KamkitServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kamkit-server-test-'));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(path.join(dir, 'replies'));
  const kills: number[] = [];
  const errors: Error[] = [];
  const server = new KamkitServer({
    settings: everyTransport(dir),
    onKill: (signal) => kills.push(signal),
    onRequestError: (error) => errors.push(error),
    argv: ['kamkit-server', '-f', 'test.cfg'],
    cfg: { framework: cfgFrameworkFromConfig(EMPTY_CONFIG), rpc: true },
    ...extra,
  });
  await server.start();
  const endpoint = (transport: string) => server.endpoints().filter((e) => e.transport === transport).map((e) => e.address);
  const binrpc = endpoint('BINRPC');
  const http = endpoint('JSON-RPC HTTP')[0]!;
  return {
    server,
    dir,
    targets: {
      unix: binrpc.find((a) => a.startsWith('unix:'))!,
      unixd: binrpc.find((a) => a.startsWith('unixd:'))!,
      tcp: binrpc.find((a) => a.startsWith('tcp:'))!,
      udp: binrpc.find((a) => a.startsWith('udp:'))!,
      http,
      fifo: `fifo:${path.join(dir, 'rpc.fifo')}`,
      jsonDgram: `jsonrpc+unixd:${path.join(dir, 'rpc.sock')}`,
      xmlrpc: `xmlrpc+${endpoint('XML-RPC HTTP')[0]!}`,
    },
    fifoReplyDir: `${path.join(dir, 'replies')}/`,
    kills,
    errors,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
