import type { MonitorSample } from './monitor-sample.js';

/** The counters shown as per-second rates, by panel. */
export const RATE_COUNTERS: readonly { panel: string; label: string; stat: string }[] = [
  { panel: 'tm', label: 'UAS transactions', stat: 'tmx:UAS_transactions' },
  { panel: 'tm', label: 'UAC transactions', stat: 'tmx:UAC_transactions' },
  { panel: 'sl', label: 'replies sent', stat: 'sl:sent_replies' },
  { panel: 'sl', label: 'error replies', stat: 'sl:sent_err_replies' },
  { panel: 'registrar', label: 'accepted REGISTERs', stat: 'registrar:accepted_regs' },
  { panel: 'registrar', label: 'rejected REGISTERs', stat: 'registrar:rejected_regs' },
  { panel: 'core', label: 'requests received', stat: 'core:rcv_requests' },
];

export interface MonitorState {
  latest: MonitorSample;
  /** Per counter: rates (per second) of the last samples, oldest first. */
  history: Record<string, number[]>;
}

const asNumber = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);

/**
 * Adds a sample: each counter's rate is its increase since the previous sample divided by the
 * seconds between them (a counter that went down, e.g. after a reset, counts from zero).
 */
export function advance(state: MonitorState | undefined, sample: MonitorSample, keep = 60): MonitorState {
  const history: Record<string, number[]> = { ...(state?.history ?? {}) };
  if (state) {
    const seconds = Math.max((sample.at - state.latest.at) / 1000, 0.001);
    for (const { stat } of RATE_COUNTERS) {
      const now = asNumber(sample.stats[stat]);
      const before = asNumber(state.latest.stats[stat]);
      const delta = now >= before ? now - before : now;
      history[stat] = [...(history[stat] ?? []), delta / seconds].slice(-keep);
    }
  }
  return { latest: sample, history };
}

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of the values scaled to their maximum; empty input gives ''. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (max <= 0 ? BARS[0] : BARS[Math.min(BARS.length - 1, Math.round((v / max) * (BARS.length - 1)))])).join('');
}

/** Shared memory use: used (real) and total bytes, when the shmem group is there. */
export function memory(sample: MonitorSample): { used: number; total: number } | undefined {
  const total = asNumber(sample.stats['shmem:total_size']);
  if (!total) return undefined;
  return { used: asNumber(sample.stats['shmem:real_used_size'] ?? sample.stats['shmem:used_size']), total };
}
