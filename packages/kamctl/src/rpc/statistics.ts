/** `["core:rcv_requests = 36", ...]` (stats.get_statistics) as `{ "core:rcv_requests": 36 }`. */
export function parseStatistics(lines: readonly string[]): Record<string, number | string> {
  const stats: Record<string, number | string> = {};
  for (const line of lines) {
    const eq = line.indexOf(' = ');
    if (eq < 0) continue;
    const value = line.slice(eq + 3).trim();
    stats[line.slice(0, eq).trim()] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return stats;
}
