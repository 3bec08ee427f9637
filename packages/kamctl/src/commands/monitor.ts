import { Flags } from '@oclif/core';

import { KamctlCommand } from '../cli/kamctl-command.js';
import { advance, type MonitorState } from '../monitor/monitor-rates.js';
import { takeSample } from '../monitor/monitor-sample.js';

export default class Monitor extends KamctlCommand {
  static override summary = 'live dashboard: uptime, processes, tm/sl/registrar rates, memory (Ink); --json: one document per sample';
  static override aliases = ['console', 'moni', 'con'];
  static override flags = {
    interval: Flags.integer({ char: 'i', description: 'seconds between samples (default WATCH_PERIOD or 2)', min: 1 }),
    count: Flags.integer({ char: 'n', description: 'stop after this many samples (default: until q or Ctrl-C)', min: 1 }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parseCommand(Monitor);
    const interval = flags.interval ?? (Number(this.kamctlrc.get('WATCH_PERIOD')) || 2);
    let stop = false;
    let wake: () => void = () => {};
    const quit = () => {
      stop = true;
      wake();
    };
    if (!this.jsonOutput && process.stdout.isTTY) {
      // Ink draws nothing until exit when $CI is set (read once, when it loads); a terminal on
      // stdout means someone is watching, CI or not.
      delete process.env['CI'];
      delete process.env['CONTINUOUS_INTEGRATION'];
    }
    // Ink is loaded by this command only.
    const dashboard = this.jsonOutput ? undefined : (await import('../monitor/run-dashboard.js')).openDashboard((await this.rpcClient()).target, interval, quit);
    process.once('SIGINT', quit);
    let state: MonitorState | undefined;
    try {
      for (let n = 1; !stop; n++) {
        const sample = await takeSample((method, ...params) => this.rpc(method, ...params));
        state = advance(state, sample);
        if (dashboard) dashboard.update(state);
        else this.output({ sample, rates: Object.fromEntries(Object.entries(state.history).map(([k, v]) => [k, v[v.length - 1] ?? null])) });
        if (flags.count !== undefined && n >= flags.count) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, interval * 1000);
        });
      }
    } finally {
      process.off('SIGINT', quit);
      dashboard?.close();
    }
  }
}
