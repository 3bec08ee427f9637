const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\r\\n\\v\\f',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

/**
 * Compiles a POSIX extended regular expression (what Kamailio's regcomp takes) as a JS RegExp.
 * The two dialects agree on what scripts use; the bracket classes `[[:digit:]]` are translated.
 * Returns an Error for a pattern JS cannot compile.
 */
export function compilePosixRegex(source: string, flags = ''): RegExp | Error {
  const translated = source.replace(/\[:([a-z]+):\]/g, (whole, name: string) => POSIX_CLASSES[name] ?? whole);
  try {
    return new RegExp(translated, flags);
  } catch (error) {
    return error as Error;
  }
}
