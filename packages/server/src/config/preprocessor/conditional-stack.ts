import { ConfigError } from '../errors/config-error.js';
import { formatLocation, type SourceLocation } from '../source/source-location.js';

/** Kamailio's limit on nested #!ifdef/#!ifndef. */
export const MAX_IFDEF_DEPTH = 512;

interface Conditional {
  readonly opened: SourceLocation;
  /** Whether the enclosing text is taken at all. */
  readonly parentActive: boolean;
  /** Whether the current branch of this conditional is taken. */
  branchActive: boolean;
}

/** The #!ifdef / #!ifndef / #!else / #!endif nesting, across included files as in Kamailio. */
export class ConditionalStack {
  private readonly stack: Conditional[] = [];

  get active(): boolean {
    const top = this.stack[this.stack.length - 1];
    return top === undefined || (top.parentActive && top.branchActive);
  }

  open(condition: boolean, loc: SourceLocation): void {
    if (this.stack.length >= MAX_IFDEF_DEPTH) {
      throw new ConfigError(loc, `too many nested #!ifdef/#!ifndef (more than ${MAX_IFDEF_DEPTH})`, 'fewer nesting levels');
    }
    this.stack.push({ opened: loc, parentActive: this.active, branchActive: condition });
  }

  /** `#!else`; a second one flips again, which Kamailio 5.6.3 accepts too. */
  flip(loc: SourceLocation): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) throw new ConfigError(loc, '#!else without #!ifdef or #!ifndef', 'an #!ifdef or #!ifndef before it');
    top.branchActive = !top.branchActive;
  }

  close(loc: SourceLocation): void {
    if (this.stack.pop() === undefined) {
      throw new ConfigError(loc, 'different number of preprocessor directives: 1 more #!endif as #!if[n]def', 'an #!ifdef or #!ifndef before it');
    }
  }

  /** At the end of the main file: every conditional must be closed. */
  checkClosed(loc: SourceLocation): void {
    const open = this.stack[this.stack.length - 1];
    if (open === undefined) return;
    throw new ConfigError(
      loc,
      `different number of preprocessor directives: ${this.stack.length} more #!if[n]def as #!endif (the last one at ${formatLocation(open.opened)})`,
      '#!endif',
    );
  }
}
