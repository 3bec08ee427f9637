/**
 * Turns the statements of a kamctlrc into assignments, the only thing kamctl and kamdbctl need
 * from it. Anything a shell would *run* (commands, `.`/`source`, pipelines, `if`/`case`/loops,
 * functions, `NAME=value command`) is skipped with a warning naming the line: the file is read,
 * never executed. Blocks are skipped whole, so an assignment inside an `if` is not applied.
 */
import { RcScanner, RcSyntaxError, type RawStatement } from './rc-scanner.js';
import { plainText, type ParsedRcFile, type RcAssignment, type RcStatement, type RcWarning, type Word, type WordPart } from './shell-word.js';

const OPENERS = new Set(['if', 'case', 'for', 'while', 'until', '{']);
const CLOSERS = new Set(['fi', 'esac', 'done', '}']);
/** Words that may precede a command inside a compound command (`then X=1`, `do ...`). */
const LEADING_KEYWORDS = new Set(['then', 'do', 'else', 'elif', '!']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

export function parseKamctlrc(text: string, file: string): ParsedRcFile {
  const statements: RcStatement[] = [];
  const warnings: RcWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ file, line, message });
  let block: { keyword: string; line: number; depth: number } | undefined;

  const onStatement = (raw: RawStatement) => {
    const words = raw.words;
    let lead = 0;
    while (lead < words.length && LEADING_KEYWORDS.has(plainText(words[lead]!) ?? '')) lead++;
    const keyword = words[lead] ? plainText(words[lead]!) : undefined;

    if (block) {
      if (keyword !== undefined && OPENERS.has(keyword)) block.depth++;
      else if (keyword !== undefined && CLOSERS.has(keyword)) block.depth--;
      if (block.depth === 0) {
        warn(block.line, `"${block.keyword}" block (lines ${block.line}-${raw.line}) not evaluated: assignments inside it are not applied`);
        block = undefined;
      }
      return;
    }
    if (keyword !== undefined && OPENERS.has(keyword)) {
      block = { keyword, line: raw.line, depth: 1 };
      return;
    }
    if (raw.operator !== undefined) {
      // `name() {` starts a function body: skip it like a block.
      if (raw.operator === '(' && words.length > 0 && plainText(words[words.length - 1]!) === '{') {
        block = { keyword: 'function', line: raw.line, depth: 1 };
      } else {
        warn(raw.line, `"${raw.operator}" (pipelines, redirections, lists, subshells) is not supported: statement ignored`);
      }
      return;
    }
    const statement = interpret(words, raw.line, warn);
    if (statement) statements.push(statement);
  };

  try {
    new RcScanner(text).statements(onStatement);
  } catch (error) {
    if (!(error instanceof RcSyntaxError)) throw error;
    warn(error.line, `${error.message}: the rest of the file is ignored`);
  }
  if (block) warn(block.line, `"${block.keyword}" block is not closed: the rest of the file is ignored`);
  return { file, statements, warnings };
}

function interpret(words: readonly Word[], line: number, warn: (line: number, message: string) => void): RcStatement | undefined {
  const command = plainText(words[0]!);
  if (command === 'export' || command === 'readonly') {
    const assignments: RcAssignment[] = [];
    for (const word of words.slice(1)) {
      const a = asAssignment(word, line);
      if (a) assignments.push(a);
      else if (plainText(word) === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(plainText(word)!)) {
        warn(line, `${command}: "${describeWord(word)}" is not a variable name: ignored`);
      }
    }
    return assignments.length > 0 ? { kind: 'assign', assignments, line } : undefined;
  }
  if (command === 'unset') {
    const names = words.slice(1).map(plainText).filter((n): n is string => n !== undefined && !n.startsWith('-'));
    return { kind: 'unset', names, line };
  }
  if (command === ':' || command === 'true') return undefined;
  if (command === '.' || command === 'source') {
    warn(line, `"${command}" (reading another file) is not supported: statement ignored`);
    return undefined;
  }
  const assignments: RcAssignment[] = [];
  for (const word of words) {
    const a = asAssignment(word, line);
    if (!a) {
      const name = describeWord(word);
      warn(
        line,
        assignments.length > 0
          ? `assignments before the command "${name}" only apply to that command: statement ignored`
          : `runs the command "${name}": statement ignored (kamctlrc files are read, not run)`,
      );
      return undefined;
    }
    assignments.push(a);
  }
  return { kind: 'assign', assignments, line };
}

/** `NAME=value` as written at the start of a word (unquoted), with `~` at the start of the value. */
function asAssignment(word: Word, line: number): RcAssignment | undefined {
  const first = word[0];
  if (first?.kind !== 'literal' || first.quoted) return undefined;
  const m = ASSIGNMENT.exec(first.text);
  if (!m) return undefined;
  const rest = first.text.slice(m[0].length);
  const value: WordPart[] = [];
  if (rest === '~' || rest.startsWith('~/')) {
    // Tilde expansion happens in assignment values: `~` is $HOME (`~user` is not supported).
    value.push({ kind: 'parameter', name: 'HOME' });
    if (rest.length > 1) value.push({ kind: 'literal', text: rest.slice(1), quoted: false });
  } else if (/^~[^/]/.test(rest)) {
    value.push({ kind: 'unsupported', construct: '~user expansion' });
  } else if (rest !== '') {
    value.push({ kind: 'literal', text: rest, quoted: false });
  }
  value.push(...word.slice(1));
  return { name: m[1]!, value, line };
}

function describeWord(word: Word): string {
  return word.map((p) => (p.kind === 'literal' ? p.text : p.kind === 'parameter' ? `$${p.name}` : p.construct)).join('').slice(0, 40);
}
