import { parseStatistics } from '../rpc/statistics.js';

/** One poll of the server. */
export interface MonitorSample {
  /** ms since the epoch, local clock. */
  at: number;
  uptime: number;
  version: string;
  processes: { pid: number; description: string }[];
  stats: Record<string, number | string>;
}

/** Statistic groups the dashboard reads: tm (tmx), sl, registrar, core, shared memory. */
export const MONITOR_STAT_GROUPS = ['tmx:', 'sl:', 'registrar:', 'core:', 'shmem:'];

export type Call = (method: string, ...params: string[]) => Promise<unknown>;

export async function takeSample(call: Call, now: () => number = Date.now): Promise<MonitorSample> {
  const [uptime, version, psx, ...groups] = await Promise.all([
    call('core.uptime'),
    call('core.version'),
    call('core.psx'),
    ...MONITOR_STAT_GROUPS.map((g) => call('stats.get_statistics', g)),
  ]);
  const stats: Record<string, number | string> = {};
  for (const lines of groups) Object.assign(stats, parseStatistics(Array.isArray(lines) ? lines.map(String) : []));
  return {
    at: now(),
    uptime: Number((uptime as { uptime?: unknown } | null)?.uptime ?? 0),
    version: String(version ?? ''),
    processes: (Array.isArray(psx) ? psx : []).map((p: { PID?: unknown; DSC?: unknown }) => ({ pid: Number(p.PID), description: String(p.DSC ?? '') })),
    stats,
  };
}
