import path from 'node:path';
import type { LoadedConfig } from '../config/load/loaded-config.js';
import { DEFAULT_BINRPC_LIMITS, type BinrpcLimits } from '../control/binrpc/binrpc-reply.js';
import { parseListenAddress, type ListenAddress } from '../control/binrpc/listen-address.js';
import { parseDatagramAddress, type JsonRpcDatagramAddress } from '../control/jsonrpc/jsonrpc-datagram-listener.js';
import type { FileAccess } from '../control/socket-access.js';
import { modparamValue, modparamValues } from '../modules/module-catalogue.js';

/** Which control transports run, and where: everything the modparams of ctl/jsonrpcs/xmlrpc say. */
export interface ControlSettings {
  runDir: string;
  ctl?: { listen: ListenAddress[]; access: FileAccess; autoconversion: boolean; limits: BinrpcLimits };
  jsonrpc?: {
    pretty: boolean;
    fifo?: { path: string; replyDir: string; access: FileAccess };
    datagram?: { address: JsonRpcDatagramAddress; access: FileAccess; workers: number };
  };
  /** HTTP listeners; JSON-RPC at jsonPath, XML-RPC at xmlPath (each only when its module runs). */
  http?: { listen: { host: string; port: number }[]; jsonPath?: string; xmlPath?: string; maxBody: number };
  xmlrpc?: { autoconversion: boolean };
  /** tcp receiver entries in the process table when HTTP runs. */
  tcpChildren: number;
}

/** Largest HTTP request body: Kamailio reads HTTP into its 64 KiB TCP buffer. */
export const HTTP_MAX_BODY = 65535;

/** jsonrpcs' names relative to the runtime directory; an absolute name stays. */
function inRunDir(runDir: string, name: string): string {
  return path.isAbsolute(name) ? name : path.join(runDir, name);
}

function optionalId(value: number | string | undefined): number | string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Control settings from a config: ctl sockets (default `unixs:<rundir>/kamailio_ctl`), jsonrpcs
 * transports by its `transport` bitmask (default FIFO + datagram; HTTP needs xhttp), XML-RPC when
 * xmlrpc is loaded. HTTP listens on the config's `listen=tcp:` sockets, as Kamailio serves HTTP on
 * its SIP TCP sockets.
 */
export function settingsFromConfig(config: LoadedConfig, runDirOverride?: string): ControlSettings {
  const global = (name: string) => config.globals.filter((g) => g.name === name).at(-1)?.value;
  const runDir = String(runDirOverride ?? global('runtime_dir') ?? global('run_dir') ?? '/var/run/kamailio');
  const loaded = new Set(config.modules.map((m) => m.name));
  const param = (module: string, name: string, fallback: number | string) => modparamValue(config, module, name, fallback);
  const settings: ControlSettings = { runDir, tcpChildren: Number(global('tcp_children') ?? global('children') ?? 8) };

  if (loaded.has('ctl')) {
    const listen = modparamValues(config, 'ctl', 'binrpc').map((v) => parseListenAddress(String(v)));
    if (listen.length === 0) listen.push({ kind: 'unix_stream', path: path.join(runDir, 'kamailio_ctl') });
    const kib = (name: string, fallback: number, floor: number) => {
      const value = Number(param('ctl', name, fallback));
      return (value > 0 ? value : floor) * 1024;
    };
    settings.ctl = {
      listen,
      access: { mode: Number(param('ctl', 'mode', 0o600)), user: optionalId(modparamValues(config, 'ctl', 'user').at(-1)), group: optionalId(modparamValues(config, 'ctl', 'group').at(-1)) },
      autoconversion: Number(param('ctl', 'autoconversion', 0)) !== 0,
      limits: {
        maxBodySize: kib('binrpc_max_body_size', DEFAULT_BINRPC_LIMITS.maxBodySize / 1024, 4),
        structMaxBodySize: kib('binrpc_struct_max_body_size', DEFAULT_BINRPC_LIMITS.structMaxBodySize / 1024, 1),
      },
    };
  }

  const httpModules = loaded.has('xhttp') || loaded.has('xmlrpc');
  let jsonOverHttp = false;
  if (loaded.has('jsonrpcs')) {
    let transport = Number(param('jsonrpcs', 'transport', 6));
    if (transport === 0) transport = (loaded.has('xhttp') ? 1 : 0) | 2 | 4;
    const fifoMode = Number(param('jsonrpcs', 'fifo_mode', 0o660)) || 0o600;
    settings.jsonrpc = { pretty: Number(param('jsonrpcs', 'pretty_format', 1)) !== 0 };
    if (transport & 2) {
      settings.jsonrpc.fifo = {
        path: inRunDir(runDir, String(param('jsonrpcs', 'fifo_name', 'kamailio_rpc.fifo'))),
        replyDir: String(param('jsonrpcs', 'fifo_reply_dir', '/tmp/')),
        access: { mode: fifoMode, user: optionalId(modparamValues(config, 'jsonrpcs', 'fifo_user').at(-1)), group: optionalId(modparamValues(config, 'jsonrpcs', 'fifo_group').at(-1)) },
      };
    }
    if (transport & 4) {
      const spec = String(param('jsonrpcs', 'dgram_socket', 'kamailio_rpc.sock'));
      const address = parseDatagramAddress(spec);
      settings.jsonrpc.datagram = {
        address: address.kind === 'unix' ? { kind: 'unix', path: inRunDir(runDir, address.path) } : address,
        access: { mode: Number(param('jsonrpcs', 'dgram_mode', 0o660)), user: optionalId(modparamValues(config, 'jsonrpcs', 'dgram_user').at(-1)), group: optionalId(modparamValues(config, 'jsonrpcs', 'dgram_group').at(-1)) },
        workers: Math.max(1, Number(param('jsonrpcs', 'dgram_workers', 1))),
      };
    }
    jsonOverHttp = (transport & 1) !== 0 && loaded.has('xhttp');
  }
  if (loaded.has('xmlrpc')) settings.xmlrpc = { autoconversion: Number(param('xmlrpc', 'autoconversion', 0)) !== 0 };

  if (httpModules && (jsonOverHttp || settings.xmlrpc)) {
    const listen = config.globals
      .filter((g) => g.name === 'listen')
      .map((g) => /^tcp:(\[[^\]]+\]|[^:\s]+):(\d+)/.exec(String(g.value)))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) }));
    if (listen.length) settings.http = { listen, jsonPath: jsonOverHttp ? '/RPC' : undefined, xmlPath: settings.xmlrpc ? '/RPC2' : undefined, maxBody: HTTP_MAX_BODY };
  }
  return settings;
}

/**
 * The embedded default of `npm start`: every transport, sockets under `runDir`, HTTP on loopback,
 * reply FIFOs in /tmp/ (where stock kamctl creates them).
 */
export function embeddedSettings(runDir: string, http: { host: string; port: number }): ControlSettings {
  return {
    runDir,
    ctl: { listen: [{ kind: 'unix_stream', path: path.join(runDir, 'kamailio_ctl') }], access: { mode: 0o600 }, autoconversion: false, limits: DEFAULT_BINRPC_LIMITS },
    jsonrpc: {
      pretty: true,
      fifo: { path: path.join(runDir, 'kamailio_rpc.fifo'), replyDir: '/tmp/', access: { mode: 0o600 } },
      datagram: { address: { kind: 'unix', path: path.join(runDir, 'kamailio_rpc.sock') }, access: { mode: 0o600 }, workers: 1 },
    },
    http: { listen: [http], jsonPath: '/RPC', xmlPath: '/RPC2', maxBody: HTTP_MAX_BODY },
    xmlrpc: { autoconversion: false },
    tcpChildren: 2,
  };
}
