import { SetAttributeCommand } from '../cli/set-attribute-command.js';
import { validateText } from '../validate/text-field.js';

export default class Sets extends SetAttributeCommand {
  static override summary = "set a subscriber's string attribute (column value), stored verbatim";

  protected parseValue(text: string, attribute: string): string {
    return validateText(text, attribute, 255);
  }
}
