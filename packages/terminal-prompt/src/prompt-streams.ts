/** Where a question is asked: the terminal it reads, and where the question is written (stderr, so stdout stays the command's output). */
export interface PromptStreams {
  input: NodeJS.ReadStream;
  output: NodeJS.WritableStream;
}

/** Getters: touching process.stdin sets up a stream (milliseconds), so only a prompt that runs does. */
export const TERMINAL: PromptStreams = {
  get input() {
    return process.stdin;
  },
  get output() {
    return process.stderr;
  },
};
