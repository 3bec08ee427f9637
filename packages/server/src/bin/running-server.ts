import net from 'node:net';
import type { ControlSettings } from '../server/control-settings.js';

/** Whether something accepts connections on the unix stream socket `path` (a crashed server's leftover refuses them). */
function acceptsConnections(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The first unix ctl socket of `settings` a running server already answers on, if any. Starting
 * anyway would replace its socket files and leave it unreachable (Kamailio does that; we refuse).
 */
export async function ctlSocketInUse(settings: ControlSettings): Promise<string | undefined> {
  for (const address of settings.ctl?.listen ?? []) {
    if (address.kind === 'unix_stream' && (await acceptsConnections(address.path))) return address.path;
  }
  return undefined;
}
