export { promptSecret, PromptInterrupted, type PromptStreams } from './prompt-secret.js';
export { askYesNo, isYes } from './ask-yes-no.js';
