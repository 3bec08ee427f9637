import { UsageError } from '../cli/exit-codes.js';

/** A value that does not validate; `what` names the argument ("domain", "port"...). */
export class ValidationError extends UsageError {
  override name = 'ValidationError';
  constructor(
    readonly what: string,
    readonly value: string,
    reason: string,
  ) {
    super(`invalid ${what} ${JSON.stringify(value)}: ${reason}`);
  }
}
