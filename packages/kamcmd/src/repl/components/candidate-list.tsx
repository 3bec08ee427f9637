import { Box, Text } from 'ink';

/** At most this many candidates are shown; the rest are counted. */
const MAX_SHOWN = 200;

/** Completion candidates after a double Tab, in columns as wide as the longest one. */
export function CandidateList({ candidates, width }: { candidates: readonly string[]; width: number }) {
  const shown = candidates.slice(0, MAX_SHOWN);
  const column = Math.max(...shown.map((c) => c.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / column));
  const rows: string[] = [];
  for (let i = 0; i < shown.length; i += perRow) {
    rows.push(
      shown
        .slice(i, i + perRow)
        .map((c) => c.padEnd(column))
        .join('')
        .trimEnd(),
    );
  }
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        <Text key={i}>{row}</Text>
      ))}
      {candidates.length > shown.length ? <Text dimColor>… and {candidates.length - shown.length} more</Text> : null}
    </Box>
  );
}
