import { SetAttributeCommand } from '../cli/set-attribute-command.js';
import { ValidationError } from '../validate/validation-error.js';

export default class Setn extends SetAttributeCommand {
  static override summary = "set a subscriber's numeric attribute (column value)";

  protected parseValue(text: string, attribute: string): number {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) throw new ValidationError(attribute, text, 'not a decimal number');
    return Number(text);
  }
}
