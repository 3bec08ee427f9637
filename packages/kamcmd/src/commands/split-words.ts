/**
 * A command line as kamcmd splits it: trimmed, cut at runs of spaces and tabs. There is no
 * quoting (as in kamcmd): an argument cannot contain a blank.
 */
export function splitWords(line: string): string[] {
  return line.split(/[ \t]+/).filter((word) => word !== '');
}
