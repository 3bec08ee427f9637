import { Box, Text } from 'ink';

import { memory, RATE_COUNTERS, sparkline, type MonitorState } from './monitor-rates.js';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const duration = (s: number) => `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h ${Math.floor((s % 3600) / 60)}m ${s % 60}s`;

/** The monitor screen: header, rates with sparklines, memory, processes. */
export function MonitorDashboard({ state, target, intervalSeconds }: { state: MonitorState; target: string; intervalSeconds: number }) {
  const { latest, history } = state;
  const mem = memory(latest);
  const panels = [...new Set(RATE_COUNTERS.map((c) => c.panel))];
  return (
    <Box flexDirection="column">
      <Text bold>
        {latest.version.trim()} — up {duration(latest.uptime)} — {target} — every {intervalSeconds}s (q to quit)
      </Text>
      {panels.map((panel) => (
        <Box key={panel} flexDirection="column" marginTop={1}>
          <Text underline>{panel}</Text>
          {RATE_COUNTERS.filter((c) => c.panel === panel).map((c) => {
            const rates = history[c.stat] ?? [];
            const last = rates[rates.length - 1];
            return (
              <Text key={c.stat}>
                {c.label.padEnd(20)} {(last === undefined ? '-' : `${last.toFixed(1)}/s`).padStart(10)} {sparkline(rates)}
              </Text>
            );
          })}
        </Box>
      ))}
      <Box marginTop={1} flexDirection="column">
        <Text underline>memory</Text>
        <Text>{mem ? `shared: ${mib(mem.used)} used of ${mib(mem.total)} (${((mem.used / mem.total) * 100).toFixed(1)}%)` : 'shared: no shmem statistics'}</Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text underline>processes ({latest.processes.length})</Text>
        {latest.processes.map((p) => (
          <Text key={p.pid}>
            {String(p.pid).padStart(7)} {p.description}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
