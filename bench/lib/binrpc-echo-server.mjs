#!/usr/bin/env node
// The floor of a BINRPC server in Node on this machine: a unix socket server that does no work at
// all (it frames each request and sends back one fixed reply of core.uptime's shape). What a Node
// server cannot beat, whatever its RPC layer does; the bench shows it next to ours and Kamailio's.
//   node bench/lib/binrpc-echo-server.mjs SOCKET_PATH   (prints "ready" once listening)
import { unlinkSync } from 'node:fs';
import net from 'node:net';
import { encodeReply, FrameParser, int, str, struct } from '@kamkit/binrpc';

const [path] = process.argv.slice(2);
if (!path) {
  process.stderr.write('usage: binrpc-echo-server.mjs SOCKET_PATH\n');
  process.exit(2);
}
try {
  unlinkSync(path);
} catch {
  // not there
}
const UPTIME = [
  struct([
    { name: 'now', value: str('Sun Dec  6 20:30:00 2026') },
    { name: 'up_since', value: str('Sun Dec  6 20:00:00 2026') },
    { name: 'uptime', value: int(1800) },
  ]),
];
const reply = (cookie) => encodeReply(UPTIME, cookie);
const server = net.createServer((socket) => {
  const parser = new FrameParser({ maxPacketSize: 65535 });
  socket.on('data', (chunk) => parser.parse(chunk, (packet) => socket.write(reply(packet.cookie))));
  socket.on('error', () => socket.destroy());
});
server.listen(path, () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
