import type dgram from 'node:dgram';
import { unlink } from 'node:fs/promises';
import { applyFileAccess, type FileAccess } from '../socket-access.js';
import { bindUdp } from '../udp-socket.js';
import { bindUnixDatagram, type UnixDatagramServer } from '../unix-datagram-socket.js';
import type { JsonRpcRequestProcessor } from './jsonrpc-request-processor.js';

/** jsonrpcs reads datagrams into a buffer of this size. */
export const JSONRPC_DATAGRAM_MAX = 65456;

/** jsonrpcs dgram_socket: a unix datagram path, or `udp:host:port`. */
export type JsonRpcDatagramAddress = { kind: 'unix'; path: string } | { kind: 'udp'; host: string; port: number };

export function parseDatagramAddress(spec: string): JsonRpcDatagramAddress {
  const udp = /^udp:(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(spec);
  if (udp) return { kind: 'udp', host: udp[1] ?? udp[2] ?? '127.0.0.1', port: Number(udp[3]) };
  return { kind: 'unix', path: spec };
}

/**
 * The jsonrpcs datagram transport: one JSON document per datagram, answered with one datagram to the
 * sender (a unix client must bind its own path). Unparsable requests get no answer, as in Kamailio.
 */
export class JsonRpcDatagramListener {
  private unix: UnixDatagramServer | undefined;
  private udp: dgram.Socket | undefined;
  bound: JsonRpcDatagramAddress;

  constructor(
    private readonly processor: JsonRpcRequestProcessor,
    readonly address: JsonRpcDatagramAddress,
    private readonly access: FileAccess,
  ) {
    this.bound = address;
  }

  private async answer(data: Buffer): Promise<Buffer | null> {
    if (data.length > JSONRPC_DATAGRAM_MAX) return null;
    const reply = await this.processor.process(data.toString('utf8').trim(), 'datagram');
    return reply ? Buffer.from(reply.text) : null;
  }

  async start(): Promise<void> {
    const address = this.address;
    if (address.kind === 'unix') {
      await unlink(address.path).catch(() => undefined);
      const server = await bindUnixDatagram(address.path, (data, from) => {
        if (from === '') return;
        void this.answer(data).then((reply) => reply && server.sendTo(reply, from));
      });
      this.unix = server;
      await applyFileAccess(address.path, this.access);
      return;
    }
    const udp = await bindUdp(address.host, address.port, (data, reply) => {
      void this.answer(data).then((answer) => answer && reply(answer));
    });
    this.udp = udp.socket;
    this.bound = { ...address, port: udp.port };
  }

  async close(): Promise<void> {
    this.udp?.close();
    this.unix?.close();
    if (this.address.kind === 'unix') await unlink(this.address.path).catch(() => undefined);
  }
}
