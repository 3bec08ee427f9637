import { ValidationError } from './validation-error.js';

/** An ACL group name (grp.grp, 64 chars): no whitespace or control characters. */
export function validateGroupName(value: string, allowed: readonly string[] | undefined): string {
  if (value === '' || /[\s\x00-\x1f\x7f]/.test(value)) throw new ValidationError('group', value, 'empty or contains whitespace');
  if ([...value].length > 64) throw new ValidationError('group', value, 'longer than 64 characters');
  if (allowed && !allowed.includes(value)) {
    throw new ValidationError('group', value, `not in ACL_GROUPS (${allowed.join(' ')}); VERIFY_ACL=1`);
  }
  return value;
}
