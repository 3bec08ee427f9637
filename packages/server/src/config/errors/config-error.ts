import { formatLocation, type SourceLocation } from '../source/source-location.js';

/**
 * A config file that cannot be loaded. The message reads `FILE:LINE:COLUMN: <problem>, expected <what>`
 * so that editors and humans can jump to the spot; `problem` and `expected` are kept apart for callers
 * that print them in another layout (checkConfig prints Kamailio's).
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly file: string;
  readonly line: number;
  readonly column: number;

  constructor(
    readonly loc: SourceLocation,
    readonly problem: string,
    readonly expected?: string,
  ) {
    super(`${formatLocation(loc)}: ${problem}${expected === undefined ? '' : `, expected ${expected}`}`);
    this.file = loc.file;
    this.line = loc.line;
    this.column = loc.column;
  }

  /** The message without the location prefix. */
  get detail(): string {
    return `${this.problem}${this.expected === undefined ? '' : `, expected ${this.expected}`}`;
  }
}
