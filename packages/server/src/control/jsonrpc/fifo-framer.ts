/** jsonrpcs reads at most this much for one request; a longer one is dropped. */
export const FIFO_REQUEST_MAX = 8190;

/**
 * Cuts JSON documents out of the FIFO byte stream as jsonrpcs does (§4.7): a request ends at the `}`
 * that brings the brace depth back to 0; braces inside "..." or '...' literals do not count, and a
 * quote after a backslash does not close a literal. Bytes before the first `{` belong to the
 * request (they are whitespace in practice and get trimmed).
 *
 * A request longer than 8190 bytes is dropped. Kamailio then reads its remaining bytes as the start
 * of the next request, which also spoils the next client's request; we skip to the end of the
 * oversized document instead (deliberate difference), keeping nothing of it in memory, or start
 * afresh after another 8190 bytes when that end never comes (an unbalanced quote).
 */
export class FifoFramer {
  private buffer = '';
  private depth = 0;
  private started = false;
  private quote: string | undefined;
  private previous: string | undefined;
  private bytes = 0;
  private discarding = false;

  /** Feeds text; calls `onRequest` for every complete request. */
  push(text: string, onRequest: (request: string) => void): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      const previous = this.previous;
      this.previous = c;
      this.bytes += c.charCodeAt(0) < 0x80 ? 1 : Buffer.byteLength(c);
      let complete = false;
      if (this.quote !== undefined) {
        if (c === this.quote && previous !== '\\') this.quote = undefined;
      } else if (c === '"' || c === "'") {
        if (previous !== '\\') this.quote = c;
      } else if (c === '{') {
        this.depth++;
        this.started = true;
      } else if (c === '}' && this.started) {
        this.depth--;
        complete = this.depth === 0;
      }
      if (complete) {
        const request = this.buffer + text.slice(start, i + 1);
        const dropped = this.discarding;
        this.reset();
        start = i + 1;
        if (!dropped) onRequest(request);
      } else if (!this.discarding && this.bytes >= FIFO_REQUEST_MAX) {
        this.discarding = true;
        this.buffer = '';
        start = i + 1;
      } else if (this.discarding && this.bytes >= 2 * FIFO_REQUEST_MAX) {
        // An unbalanced quote or brace never ends its document: after another full request's worth
        // of bytes, start afresh as Kamailio does, so the FIFO cannot stay wedged (found by fuzzing).
        this.reset();
        start = i + 1;
      }
    }
    if (!this.discarding) this.buffer += text.slice(start);
  }

  private reset(): void {
    this.buffer = '';
    this.bytes = 0;
    this.depth = 0;
    this.started = false;
    this.quote = undefined;
    this.discarding = false;
  }
}
