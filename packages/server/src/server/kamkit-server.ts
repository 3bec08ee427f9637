import { registerCfgRpc, type CfgFramework } from '../cfg/index.js';
import type { LoadedConfig } from '../config/load/loaded-config.js';
import { coreCommands, counterCommands, ctlCommands, statsCommands, systemCommands, type SocketInfo } from '../commands/index.js';
import { BinrpcListener } from '../control/binrpc/binrpc-listener.js';
import { BinrpcRequestProcessor } from '../control/binrpc/binrpc-request-processor.js';
import { CtlHandler } from '../control/binrpc/ctl-handler.js';
import { describeListenAddress } from '../control/binrpc/listen-address.js';
import { HttpRpcListener } from '../control/http/http-rpc-listener.js';
import { JsonRpcDatagramListener } from '../control/jsonrpc/jsonrpc-datagram-listener.js';
import { JsonRpcFifoListener } from '../control/jsonrpc/jsonrpc-fifo-listener.js';
import { JsonRpcRequestProcessor } from '../control/jsonrpc/jsonrpc-request-processor.js';
import { XmlRpcRequestProcessor } from '../control/xmlrpc/xmlrpc-request-processor.js';
import { CounterRegistry } from '../counters/counter-registry.js';
import type { EmbeddedDatabase } from '../db/embedded-database.js';
import { RpcRegistry } from '../rpc/rpc-registry.js';
import { defineStatistics } from '../stats/define-statistics.js';
import type { ControlSettings } from './control-settings.js';
import { MemoryReport } from './memory-report.js';
import { ProcessTable } from './process-table.js';
import { defaultServerIdentity, fullVersion, type ServerIdentity } from './server-identity.js';

export interface KamkitServerOptions {
  settings: ControlSettings;
  /** The config the server runs (modules, statistics, listen sockets); none for the embedded default. */
  config?: LoadedConfig;
  identity?: ServerIdentity;
  /** What core.arg reports. */
  argv?: readonly string[];
  database?: EmbeddedDatabase;
  /** What core.kill does with its signal (the bin stops the server; tests record it). */
  onKill?: (signal: number) => void;
  /**
   * The cfg framework (runtime-tunable variables); its cfg.* methods are served when `rpc` is set
   * (Kamailio registers them with the cfg_rpc module).
   */
  cfg?: { framework: CfgFramework; rpc: boolean };
  /** The synthetic pid base of the process table (default: our pid). */
  basePid?: number;
  /** Problems with single requests that cannot be reported to the client (e.g. a bad reply FIFO). */
  onRequestError?: (error: Error) => void;
}

/** One running endpoint, for the start-up banner. */
export interface EndpointInfo {
  transport: string;
  address: string;
  /** How to reach it with the real tools, when there is a way. */
  hint?: string;
}

interface Closable {
  close(): Promise<void>;
}

/**
 * The companion server's control plane: one RPC registry served by every configured transport.
 * Workers are virtual (companion-server §5.2): one event loop, a process table with stable synthetic
 * pids, the ctl sockets sharing one serial "ctl handler", the FIFO its own serial worker.
 */
export class KamkitServer {
  readonly registry = new RpcRegistry();
  readonly counters = new CounterRegistry();
  readonly processes: ProcessTable;
  readonly startedAt = new Date();
  private readonly memory = new MemoryReport();
  private readonly running: Closable[] = [];
  private readonly endpointList: EndpointInfo[] = [];
  private ctlListeners: BinrpcListener[] = [];
  private ctl: CtlHandler | undefined;
  private httpListeners: HttpRpcListener[] = [];

  constructor(readonly options: KamkitServerOptions) {
    this.processes = new ProcessTable(options.basePid);
    const { settings, config } = options;
    for (const name of ['slow timer', 'timer', 'secondary timer']) this.processes.add(name);
    if (settings.ctl) this.processes.add('ctl handler');
    if (settings.jsonrpc?.fifo) this.processes.add('JSONRPCS FIFO');
    for (let i = 0; i < (settings.jsonrpc?.datagram?.workers ?? 0); i++) this.processes.add('JSONRPCS DATAGRAM');
    if (settings.http) {
      for (let i = 0; i < settings.tcpChildren; i++) this.processes.add(`tcp receiver (generic) child=${i}`);
      this.processes.add('tcp main process');
    }

    defineStatistics(this.counters, this.memory, config);
    const identity = options.identity ?? defaultServerIdentity('0.1.0');
    this.registry.registerAll([
      ...systemCommands(this.registry),
      ...coreCommands({
        identity,
        startedAt: this.startedAt,
        now: () => new Date(),
        processes: this.processes,
        cwd: () => process.cwd(),
        argv: options.argv ?? process.argv.slice(1),
        memory: this.memory,
        sockets: () => this.sockets(),
        kill: (signal) => (options.onKill ?? ((s) => process.kill(process.pid, s)))(signal),
      }),
      ...statsCommands(this.counters),
      ...counterCommands(this.counters),
    ]);
    if (options.cfg?.rpc) registerCfgRpc(this.registry, options.cfg.framework);
    if (settings.ctl) {
      this.registry.registerAll(
        ctlCommands({ listeners: () => this.ctlListeners.map((l) => l.bound), connections: () => this.ctl?.connections() ?? [] }),
      );
    }
    this.serverHeader = `kamkit-server (${fullVersion(identity).trim()})`;
  }

  private readonly serverHeader: string;

  /** The sockets core.sockets_list shows: the HTTP listeners (Kamailio's HTTP rides on SIP TCP sockets). */
  private sockets(): SocketInfo[] {
    return this.httpListeners.map((l, i) => {
      const host = this.options.settings.http!.listen[i]!.host;
      return { proto: 'tcp', address: host, ipaddress: host, port: l.port };
    });
  }

  /** Binds every configured endpoint; if one fails, the others are closed again and the error is thrown. */
  async start(): Promise<void> {
    const { settings } = this.options;
    try {
      if (settings.ctl) {
        const processor = new BinrpcRequestProcessor(this.registry, { autoconversion: settings.ctl.autoconversion, limits: settings.ctl.limits });
        this.ctl = new CtlHandler(processor);
        for (const address of settings.ctl.listen) {
          const listener = new BinrpcListener(address, this.ctl, settings.ctl.access);
          await listener.start();
          this.running.push(listener);
          this.ctlListeners.push(listener);
          const where = describeListenAddress(listener.bound);
          this.endpointList.push({ transport: 'BINRPC', address: where, hint: `kamcmd -s ${where}` });
        }
      }
      const json = settings.jsonrpc ? new JsonRpcRequestProcessor(this.registry, settings.jsonrpc.pretty) : undefined;
      if (settings.jsonrpc?.fifo && json) {
        const fifo = new JsonRpcFifoListener(json, { ...settings.jsonrpc.fifo, onError: this.options.onRequestError });
        await fifo.start();
        this.running.push(fifo);
        this.endpointList.push({
          transport: 'JSON-RPC FIFO',
          address: settings.jsonrpc.fifo.path,
          hint: `kamctl with CTLENGINE=RPCFIFO RPCFIFOPATH=${settings.jsonrpc.fifo.path} (reply FIFOs in ${settings.jsonrpc.fifo.replyDir})`,
        });
      }
      if (settings.jsonrpc?.datagram && json) {
        const datagram = new JsonRpcDatagramListener(json, settings.jsonrpc.datagram.address, settings.jsonrpc.datagram.access);
        await datagram.start();
        this.running.push(datagram);
        const bound = datagram.bound;
        this.endpointList.push({ transport: 'JSON-RPC datagram', address: bound.kind === 'unix' ? bound.path : `udp:${bound.host}:${bound.port}` });
      }
      if (settings.http) {
        const xml = settings.xmlrpc ? new XmlRpcRequestProcessor(this.registry, settings.xmlrpc) : undefined;
        for (const where of settings.http.listen) {
          const http = new HttpRpcListener(
            { ...where, jsonPath: settings.http.jsonPath, xmlPath: settings.http.xmlPath, maxBody: settings.http.maxBody, serverHeader: this.serverHeader, pretty: settings.jsonrpc?.pretty ?? true },
            settings.http.jsonPath ? json : undefined,
            xml,
          );
          await http.start();
          this.running.push(http);
          this.httpListeners.push(http);
          const base = `http://${where.host.includes(':') ? `[${where.host}]` : where.host}:${http.port}`;
          if (settings.http.jsonPath && json) this.endpointList.push({ transport: 'JSON-RPC HTTP', address: `${base}${settings.http.jsonPath}` });
          if (settings.http.xmlPath && xml) this.endpointList.push({ transport: 'XML-RPC HTTP', address: `${base}${settings.http.xmlPath}` });
        }
      }
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  endpoints(): readonly EndpointInfo[] {
    return this.endpointList;
  }

  /** Closes every endpoint and removes the socket and FIFO files. Safe to call twice. */
  async stop(): Promise<void> {
    const running = this.running.splice(0);
    await Promise.all(running.map((r) => r.close().catch(() => undefined)));
    if (!this.stopped) this.options.database?.db.close();
    this.stopped = true;
  }

  private stopped = false;
}
