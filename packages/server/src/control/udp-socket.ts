import dgram from 'node:dgram';

/** A bound UDP socket that hands each datagram over with a way to answer its sender. */
export async function bindUdp(
  host: string,
  port: number,
  onMessage: (data: Buffer, reply: (answer: Buffer) => void) => void,
): Promise<{ socket: dgram.Socket; port: number }> {
  const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
  socket.on('message', (data, peer) => onMessage(data, (answer) => socket.send(answer, peer.port, peer.address)));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => resolve());
  });
  // Errors of single sends (an unreachable peer) must not take the listener down.
  socket.on('error', () => undefined);
  return { socket, port: socket.address().port };
}
