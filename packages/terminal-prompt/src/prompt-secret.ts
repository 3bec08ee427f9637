import { StringDecoder } from 'node:string_decoder';

import { TERMINAL, type PromptStreams } from './prompt-streams.js';

export type { PromptStreams } from './prompt-streams.js';

/** Ctrl-C at a secret prompt (raw mode turns it into a character, so no SIGINT arrives). */
export class PromptInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'PromptInterrupted';
  }
}

const ENTER = new Set(['\r', '\n', '\u0004']); // Enter, or Ctrl-D
const ERASE = new Set(['\u007f', '\b']); // Backspace as terminals send it (DEL) or as ^H
const CTRL_C = '\u0003';

/**
 * Writes `question` and reads one line from the terminal without echoing it: Enter or Ctrl-D ends
 * it, Backspace erases, Ctrl-C throws PromptInterrupted. The terminal is put back as it was, even
 * then. Refuses an input that is not a terminal (there would be nothing to hide the echo of).
 */
export async function promptSecret(question: string, streams: PromptStreams = TERMINAL): Promise<string> {
  const { input, output } = streams;
  if (!input.isTTY) throw new Error('promptSecret needs a terminal on its input');
  // Raw mode turns the terminal's echo off, before the question shows: nothing typed in answer to
  // it is ever echoed. A multi-byte character may arrive split over chunks.
  input.setRawMode(true);
  output.write(question);
  input.resume();
  const decoder = new StringDecoder('utf8');
  let value = '';
  try {
    for await (const chunk of input) {
      for (const ch of decoder.write(chunk as Buffer)) {
        if (ENTER.has(ch)) return value;
        if (ch === CTRL_C) throw new PromptInterrupted();
        if (ERASE.has(ch)) value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    }
    return value;
  } finally {
    input.setRawMode(false);
    input.pause();
    output.write('\n');
  }
}
