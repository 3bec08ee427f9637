/** The line being edited and the cursor in it (0..text.length). Every edit returns a new one. */
export interface EditLine {
  readonly text: string;
  readonly cursor: number;
}

export const EMPTY_LINE: EditLine = { text: '', cursor: 0 };

export const lineOf = (text: string): EditLine => ({ text, cursor: text.length });

export function insertText(line: EditLine, text: string): EditLine {
  return { text: line.text.slice(0, line.cursor) + text + line.text.slice(line.cursor), cursor: line.cursor + text.length };
}

export function deleteBackward(line: EditLine): EditLine {
  if (line.cursor === 0) return line;
  return { text: line.text.slice(0, line.cursor - 1) + line.text.slice(line.cursor), cursor: line.cursor - 1 };
}

export function deleteForward(line: EditLine): EditLine {
  return { text: line.text.slice(0, line.cursor) + line.text.slice(line.cursor + 1), cursor: line.cursor };
}

export function moveCursor(line: EditLine, to: number): EditLine {
  return { text: line.text, cursor: Math.max(0, Math.min(line.text.length, to)) };
}

/** Ctrl-W: the blanks before the cursor, then the word before them. */
export function deleteWordBackward(line: EditLine): EditLine {
  let start = line.cursor;
  while (start > 0 && /[ \t]/.test(line.text[start - 1]!)) start--;
  while (start > 0 && !/[ \t]/.test(line.text[start - 1]!)) start--;
  return { text: line.text.slice(0, start) + line.text.slice(line.cursor), cursor: start };
}

/** Ctrl-U. */
export function killToStart(line: EditLine): EditLine {
  return { text: line.text.slice(line.cursor), cursor: 0 };
}

/** Ctrl-K. */
export function killToEnd(line: EditLine): EditLine {
  return { text: line.text.slice(0, line.cursor), cursor: line.cursor };
}

/** Replaces text[start, cursor) with `replacement` (a completed word). */
export function replaceBeforeCursor(line: EditLine, start: number, replacement: string): EditLine {
  return { text: line.text.slice(0, start) + replacement + line.text.slice(line.cursor), cursor: start + replacement.length };
}
