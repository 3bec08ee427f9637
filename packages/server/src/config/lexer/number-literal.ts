/**
 * Kamailio's number spellings: decimal, `0x…` hex, `0…` octal, `[01]+b` binary. Returns undefined for
 * text that is none of them. Values wrap to signed 32 bits as the C int they become.
 */
export function parseNumberLiteral(text: string): number | undefined {
  let value: number;
  if (/^0[xX][0-9A-Fa-f]+$/.test(text)) value = parseInt(text.slice(2), 16);
  else if (/^[01]+b$/.test(text)) value = parseInt(text.slice(0, -1), 2);
  else if (/^0[0-7]+$/.test(text)) value = parseInt(text.slice(1), 8);
  else if (/^(0|[1-9][0-9]*)$/.test(text)) value = Number(text);
  else return undefined;
  return value | 0;
}

/** The boolean words Kamailio lexes as numbers. */
export const BOOLEAN_WORDS: ReadonlyMap<string, number> = new Map([
  ['yes', 1],
  ['true', 1],
  ['on', 1],
  ['enable', 1],
  ['no', 0],
  ['false', 0],
  ['off', 0],
  ['disable', 0],
]);
