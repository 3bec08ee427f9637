import type { KeyPress } from './key-press.js';

const NO_KEY: KeyPress = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  meta: false,
  tab: false,
  backspace: false,
  delete: false,
};

/**
 * Ink hands over a chunk of plain keys as one input when they arrive together (fast typing, a
 * paste, tmux send-keys): "co\t" is "c", "o", Tab. Splits such a chunk into single keys; escape
 * sequences (arrows...) Ink has already separated and described, so they pass unchanged.
 */
export function splitKeys(input: string, key: KeyPress): Array<{ input: string; key: KeyPress }> {
  if (input.length <= 1 || input.includes('\u001b') || !/[\u0000-\u001f\u007f]/.test(input)) return [{ input, key }];
  const keys: Array<{ input: string; key: KeyPress }> = [];
  let text = '';
  const flushText = () => {
    if (text) keys.push({ input: text, key: NO_KEY });
    text = '';
  };
  for (const char of input) {
    const code = char.charCodeAt(0);
    if (code >= 0x20 && code !== 0x7f) {
      text += char;
      continue;
    }
    flushText();
    if (char === '\r' || char === '\n') keys.push({ input: '', key: { ...NO_KEY, return: true } });
    else if (char === '\t') keys.push({ input: '', key: { ...NO_KEY, tab: true } });
    else if (code === 0x7f || code === 0x08) keys.push({ input: '', key: { ...NO_KEY, backspace: true } });
    else if (code >= 1 && code <= 26) keys.push({ input: String.fromCharCode(code + 96), key: { ...NO_KEY, ctrl: true } });
  }
  flushText();
  return keys;
}
