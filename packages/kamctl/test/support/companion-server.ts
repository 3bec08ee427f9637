import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cfgFrameworkFromConfig, KamkitServer, loadConfig, settingsFromConfig, validateModules } from '@kamkit/server';

/** Our companion server (packages/server) running a config, in this process, on a throw-away directory. */
export interface CompanionServer {
  server: KamkitServer;
  /** The BINRPC unix socket, as a KAMCTL_RPC target. */
  target: string;
  stop(): Promise<void>;
}

/**
 * Starts the companion server on `script` (a Kamailio config; `$DIR` is replaced by the temporary
 * directory) with a ctl unix socket there. In-process, so that a test can also drive its counters:
 * the companion has no SIP side yet to count requests itself.
 */
export async function startCompanionServer(script: string): Promise<CompanionServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kamctl-companion-'));
  const file = join(dir, 'kamailio.cfg');
  writeFileSync(file, `${script.replaceAll('$DIR', dir)}\nmodparam("ctl", "binrpc", "unix:${dir}/kamailio_ctl")\n`);
  const config = await loadConfig(file);
  const invalid = validateModules(config);
  if (invalid) throw invalid;
  const server = new KamkitServer({
    settings: settingsFromConfig(config, dir),
    config,
    cfg: { framework: cfgFrameworkFromConfig(config), rpc: config.modules.some((m) => m.name === 'cfg_rpc') },
    argv: ['kamkit-server', '-f', file],
  });
  await server.start();
  return {
    server,
    target: `unix:${dir}/kamailio_ctl`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
