import type dgram from 'node:dgram';
import { unlink } from 'node:fs/promises';
import net from 'node:net';
import { applyFileAccess, type FileAccess } from '../socket-access.js';
import { bindUdp } from '../udp-socket.js';
import { bindUnixDatagram, type UnixDatagramServer } from '../unix-datagram-socket.js';
import type { CtlHandler } from './ctl-handler.js';
import type { ListenAddress } from './listen-address.js';

async function removeStale(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/**
 * One ctl BINRPC socket (unix stream, TCP, UDP or unix datagram) feeding the shared CtlHandler.
 * Unix socket files are replaced if they exist, get the configured mode/owner, and are removed on close.
 */
export class BinrpcListener {
  private server: net.Server | undefined;
  private udp: dgram.Socket | undefined;
  private unixd: UnixDatagramServer | undefined;
  private readonly sockets = new Set<net.Socket>();
  /** The bound address; for tcp/udp with port 0 the port chosen by the system. */
  bound: ListenAddress;

  constructor(
    readonly address: ListenAddress,
    private readonly handler: CtlHandler,
    private readonly access: FileAccess,
  ) {
    this.bound = address;
  }

  async start(): Promise<void> {
    const address = this.address;
    if (address.kind === 'unix_stream' || address.kind === 'tcp') {
      const server = net.createServer((socket) => this.accept(socket));
      if (address.kind === 'unix_stream') await removeStale(address.path);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        if (address.kind === 'unix_stream') server.listen(address.path, resolve);
        else server.listen(address.port, address.host, resolve);
      });
      this.server = server;
      if (address.kind === 'unix_stream') await applyFileAccess(address.path, this.access);
      else this.bound = { ...address, port: (server.address() as net.AddressInfo).port };
      return;
    }
    if (address.kind === 'unix_dgram') {
      await removeStale(address.path);
      const server = await bindUnixDatagram(address.path, (data, from) => {
        // A client that did not bind its own path cannot be answered (kamcmd always binds one).
        if (from === '') return;
        void this.handler.handleDatagram(data, 'unix_dgram').then((reply) => {
          if (reply) void server.sendTo(reply, from);
        });
      });
      this.unixd = server;
      await applyFileAccess(address.path, this.access);
      return;
    }
    const udp = await bindUdp(address.host, address.port, (data, reply) => {
      void this.handler.handleDatagram(data, 'udp').then((answer) => answer && reply(answer));
    });
    this.udp = udp.socket;
    this.bound = { ...address, port: udp.port };
  }

  private accept(socket: net.Socket): void {
    const tcp = this.address.kind === 'tcp';
    if (tcp) socket.setNoDelay(true);
    const attached = this.handler.attachStream(
      {
        transport: tcp ? 'tcp' : 'unix_stream',
        peerAddress: tcp ? (socket.remoteAddress ?? '') : '<anonymous unix socket>',
        peerPort: tcp ? String(socket.remotePort ?? '') : '',
        localAddress: tcp ? (socket.localAddress ?? '') : (this.address as { path: string }).path,
        localPort: tcp ? String(socket.localPort ?? '') : '',
      },
      { write: (data) => socket.write(data), end: () => socket.end() },
    );
    if (!attached) {
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    socket.on('data', attached.onData);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      attached.onClose();
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    if (this.server) {
      const server = this.server;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.udp?.close();
    this.unixd?.close();
    if (this.address.kind === 'unix_dgram') await removeStale(this.address.path);
    // net.Server removes its own unix socket file on close.
  }
}
