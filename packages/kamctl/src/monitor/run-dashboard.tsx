import { render } from 'ink';

import { MonitorDashboard } from './monitor-dashboard.js';
import type { MonitorState } from './monitor-rates.js';

/** Renders the dashboard and returns how to update and close it; `q` or Ctrl-C asks to stop. */
export function openDashboard(target: string, intervalSeconds: number, onQuit: () => void) {
  let instance: ReturnType<typeof render> | undefined;
  const onKey = (data: Buffer) => {
    const key = data.toString();
    if (key === 'q' || key === '\u0003') onQuit();
  };
  if (process.stdin.isTTY) {
    process.stdin.setRawMode(true);
    process.stdin.on('data', onKey);
  }
  return {
    update(state: MonitorState) {
      const view = <MonitorDashboard state={state} target={target} intervalSeconds={intervalSeconds} />;
      if (instance) instance.rerender(view);
      else instance = render(view, { exitOnCtrlC: false });
    },
    close() {
      instance?.unmount();
      if (process.stdin.isTTY) {
        process.stdin.off('data', onKey);
        process.stdin.setRawMode(false);
        process.stdin.pause();
      }
    },
  };
}
