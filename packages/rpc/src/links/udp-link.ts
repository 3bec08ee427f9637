import dgram from 'node:dgram';
import net from 'node:net';
import type { Link, LinkHandlers } from './link.js';
import { toTransportError } from './system-error.js';

/** A connected UDP socket: replies from the server arrive as data, ICMP errors as failures. */
export function openUdpLink(host: string, port: number, target: string, handlers: LinkHandlers): Promise<Link> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    let open = false;
    socket.on('message', (message) => handlers.onData(message));
    socket.on('error', (error) => {
      const wrapped = toTransportError(error, target, open ? 'read reply' : 'connect');
      if (!open) reject(wrapped);
      else handlers.onClose(wrapped);
    });
    socket.connect(port, host, () => {
      open = true;
      resolve({
        send: (data) =>
          new Promise((done, fail) => socket.send(data, (error) => (error ? fail(toTransportError(error, target, 'send')) : done()))),
        close: () => {
          open = false;
          socket.close();
        },
      });
    });
  });
}
