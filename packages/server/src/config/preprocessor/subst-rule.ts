import { ConfigError } from '../errors/config-error.js';
import { compilePosixRegex } from '../regex/posix-regex.js';
import type { SourceLocation } from '../source/source-location.js';

/** One `#!subst` / `#!substdef` rule: `/regex/replacement/flags`, any first character as separator. */
export class SubstRule {
  private constructor(
    readonly pattern: string,
    readonly replacement: string,
    private readonly regex: RegExp,
    private readonly jsReplacement: string,
  ) {}

  static parse(expression: string, loc: SourceLocation): SubstRule {
    const separator = expression[0];
    if (separator === undefined) throw new ConfigError(loc, 'empty substitution', '"/regex/replacement/flags"');
    const parts: string[] = [];
    let current = '';
    let index = 1;
    for (; index < expression.length && parts.length < 2; index++) {
      const char = expression[index]!;
      if (char === '\\' && expression[index + 1] === separator) {
        current += separator;
        index++;
      } else if (char === separator) {
        parts.push(current);
        current = '';
      } else current += char;
    }
    if (parts.length < 2) {
      throw new ConfigError(loc, `unterminated substitution ${JSON.stringify(expression)}`, `"${separator}regex${separator}replacement${separator}flags"`);
    }
    const [pattern, replacement] = parts as [string, string];
    const flagText = expression.slice(index);
    if (!/^[gi]*$/.test(flagText)) throw new ConfigError(loc, `unknown substitution flags '${flagText}'`, "'g' and 'i'");
    const regex = compilePosixRegex(pattern, flagText);
    if (regex instanceof Error) throw new ConfigError(loc, `bad regular expression in substitution: ${regex.message}`, 'a POSIX extended regular expression');
    return new SubstRule(pattern, replacement, regex, toJsReplacement(replacement));
  }

  apply(text: string): string {
    this.regex.lastIndex = 0;
    return text.replace(this.regex, this.jsReplacement);
  }
}

/** `\1`…`\9` are back-references, `\\` a backslash; a literal `$` must not start a JS pattern. */
function toJsReplacement(replacement: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const char = replacement[i]!;
    const next = replacement[i + 1];
    if (char === '\\' && next !== undefined && /[0-9]/.test(next)) {
      out += next === '0' ? '$&' : `$${next}`;
      i++;
    } else if (char === '\\' && next === '\\') {
      out += '\\';
      i++;
    } else out += char === '$' ? '$$' : char;
  }
  return out;
}
