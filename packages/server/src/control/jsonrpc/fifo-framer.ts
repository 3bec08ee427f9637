/** jsonrpcs reads at most this much for one request; a longer one is dropped. */
export const FIFO_REQUEST_MAX = 8190;

/**
 * Cuts JSON documents out of the FIFO byte stream as jsonrpcs does (§4.7): a request ends at the `}`
 * that brings the brace depth back to 0; braces inside "..." or '...' literals do not count, and a
 * quote after a backslash does not close a literal. Bytes before the first `{` belong to the
 * request (they are whitespace in practice and get trimmed). A request longer than 8190 bytes is
 * dropped, and what follows is read as the start of the next one.
 */
export class FifoFramer {
  private buffer = '';
  private depth = 0;
  private started = false;
  private quote: string | undefined;
  private scanned = 0;
  private bytes = 0;

  /** Feeds text; calls `onRequest` for every complete request. */
  push(text: string, onRequest: (request: string) => void): void {
    this.buffer += text;
    while (this.scanned < this.buffer.length) {
      const c = this.buffer[this.scanned]!;
      const previous = this.scanned > 0 ? this.buffer[this.scanned - 1] : undefined;
      this.scanned++;
      this.bytes += c.charCodeAt(0) < 0x80 ? 1 : Buffer.byteLength(c);
      if (this.quote !== undefined) {
        if (c === this.quote && previous !== '\\') this.quote = undefined;
      } else if (c === '"' || c === "'") {
        if (previous !== '\\') this.quote = c;
      } else if (c === '{') {
        this.depth++;
        this.started = true;
      } else if (c === '}' && this.started) {
        this.depth--;
        if (this.depth === 0) {
          const request = this.buffer.slice(0, this.scanned);
          this.reset(this.buffer.slice(this.scanned));
          onRequest(request);
          continue;
        }
      }
      if (this.bytes >= FIFO_REQUEST_MAX) this.reset(this.buffer.slice(this.scanned));
    }
  }

  private reset(rest: string): void {
    this.buffer = rest;
    this.scanned = 0;
    this.bytes = 0;
    this.depth = 0;
    this.started = false;
    this.quote = undefined;
  }
}
