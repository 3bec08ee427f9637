import { Text } from 'ink';

/** Ctrl-R, shown the way readline shows it. */
export function SearchLine({ query, match }: { query: string; match: string | undefined }) {
  const failed = query !== '' && match === undefined;
  return (
    <Text>
      {failed ? '(failed reverse-i-search)' : '(reverse-i-search)'}`{query}': {match ?? ''}
      <Text inverse> </Text>
    </Text>
  );
}
