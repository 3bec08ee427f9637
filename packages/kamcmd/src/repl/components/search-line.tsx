import { Text } from 'ink';

/** Ctrl-R, shown the way readline shows it. */
export function SearchLine({ query, match, failed }: { query: string; match: string | undefined; failed: boolean }) {
  return (
    <Text>
      {failed ? '(failed reverse-i-search)' : '(reverse-i-search)'}`{query}': {match ?? ''}
      <Text inverse> </Text>
    </Text>
  );
}
