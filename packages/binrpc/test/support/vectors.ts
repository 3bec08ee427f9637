import { readdirSync, readFileSync } from 'node:fs';
import { decodeHeader, decodePacket, type Packet } from '../../src/index.js';

/** The golden vectors copied from the Kamailio 5.6.3 lab into the repository's test fixtures. */
export const BINRPC_VECTOR_DIR = new URL('../../../../../test/fixtures/vectors/binrpc/', import.meta.url);

export function vectorNames(): string[] {
  return readdirSync(BINRPC_VECTOR_DIR)
    .filter((file) => file.endsWith('.req.hex'))
    .map((file) => file.slice(0, -'.req.hex'.length))
    .sort();
}

/** The raw bytes of a hex file: one line per datagram for the udp vector, one stream otherwise. */
export function readHexChunks(name: string, side: 'req' | 'rep'): Buffer[] {
  return readFileSync(new URL(`${name}.${side}.hex`, BINRPC_VECTOR_DIR), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => Buffer.from(line, 'hex'));
}

/** Every packet of one side of a vector, with its raw bytes. */
export function readPackets(name: string, side: 'req' | 'rep'): { packet: Packet; raw: Buffer }[] {
  const bytes = Buffer.concat(readHexChunks(name, side));
  const packets: { packet: Packet; raw: Buffer }[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const header = decodeHeader(bytes.subarray(offset));
    if (!header) throw new Error(`${name}.${side}: truncated header at ${offset}`);
    const raw = bytes.subarray(offset, offset + header.headerLength + header.bodyLength);
    packets.push({ packet: decodePacket(raw), raw });
    offset += raw.length;
  }
  return packets;
}
