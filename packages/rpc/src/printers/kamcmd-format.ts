/**
 * kamcmd's `-f` format strings: backslash escapes, then literal text cut at every `%v`.
 */

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\' };

/**
 * kamcmd unescapes the `-f` argument once, before use: `\n` `\r` `\t` `\\`. Any other backslash
 * (including a trailing one) stays as it is. Alias formats are real strings already; unescaping
 * them changes nothing because they contain no backslash.
 */
export function unescapeKamcmdFormat(format: string): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const replacement = format[i] === '\\' ? ESCAPES[format[i + 1] ?? ''] : undefined;
    if (replacement === undefined) {
      out += format[i];
    } else {
      out += replacement;
      i++;
    }
  }
  return out;
}

/** The literal text up to the next value slot (or to the end), and where scanning resumes. */
export interface FormatPiece {
  text: string;
  /** True when the piece ends at a `%v`: a record is printed right after `text`. */
  slot: boolean;
  next: number;
}

/**
 * Reads one piece of an (unescaped) format from `from`. `%%` ends a piece with a single `%` and no
 * slot, exactly as kamcmd cuts it, which matters for the "format without %v" quirk.
 *
 * Deliberate deviation: kamcmd 1.5 loops forever on a `%` followed by anything but `v` or `%`
 * (its scanner never steps over that `%`); here such a `%` is printed literally.
 */
export function nextFormatPiece(format: string, from: number): FormatPiece {
  let at = format.indexOf('%', from);
  while (at >= 0) {
    const after = format[at + 1];
    if (after === 'v') return { text: format.slice(from, at), slot: true, next: at + 2 };
    if (after === '%') return { text: format.slice(from, at + 1), slot: false, next: at + 2 };
    at = format.indexOf('%', at + 1);
  }
  return { text: format.slice(from), slot: false, next: format.length };
}
