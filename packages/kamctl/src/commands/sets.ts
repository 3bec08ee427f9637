import { SetAttributeCommand } from '../cli/set-attribute-command.js';
import { validateText } from '../validate/text-field.js';
import { ValidationError } from '../validate/validation-error.js';

export default class Sets extends SetAttributeCommand {
  static override summary = "set a subscriber's string attribute (column value), stored verbatim";

  protected parseValue(text: string, attribute: string): string {
    try {
      return validateText(text, attribute, 255);
    } catch (error) {
      // A password column's value is never repeated in a message.
      if (error instanceof ValidationError && /password/i.test(attribute)) throw new ValidationError(attribute, '***', 'longer than 255 characters or contains NUL');
      throw error;
    }
  }
}
