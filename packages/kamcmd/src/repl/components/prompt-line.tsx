import { Text } from 'ink';
import type { EditLine } from '../line-editor.js';

/** The prompt and the line being edited, the cursor shown as an inverse cell. */
export function PromptLine({ prompt, line, dim }: { prompt: string; line: EditLine; dim: boolean }) {
  const under = line.text[line.cursor] ?? ' ';
  return (
    <Text dimColor={dim}>
      {prompt}
      {line.text.slice(0, line.cursor)}
      <Text inverse>{under}</Text>
      {line.text.slice(line.cursor + 1)}
    </Text>
  );
}
