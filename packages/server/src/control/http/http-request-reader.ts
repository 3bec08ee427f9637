/** One HTTP request as far as the RPC endpoints need it. */
export interface HttpRequest {
  method: string;
  path: string;
  /** `HTTP/1.1`; replies reuse it, as Kamailio's do. */
  version: string;
  headers: Map<string, string>;
  body: Buffer;
  keepAlive: boolean;
}

/** A request we refuse before it reaches a handler; the connection is closed after the answer. */
export interface HttpRejection {
  status: number;
  reason: string;
}

export const HTTP_HEAD_MAX = 16 * 1024;

/**
 * Cuts HTTP/1.x requests out of a byte stream: the head, then exactly Content-Length bytes of body.
 * Only what an RPC endpoint needs: no chunked bodies (Kamailio requires Content-Length too), bounded
 * head and body sizes.
 */
export class HttpRequestReader {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly maxBody: number) {}

  /** Feeds bytes; returns the complete requests, and a rejection that ends the connection. */
  push(chunk: Buffer): { requests: HttpRequest[]; rejection?: HttpRejection } {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const requests: HttpRequest[] = [];
    for (;;) {
      const headEnd = this.pending.indexOf('\r\n\r\n');
      if (headEnd < 0) {
        if (this.pending.length > HTTP_HEAD_MAX) return { requests, rejection: { status: 431, reason: 'Request Header Fields Too Large' } };
        return { requests };
      }
      const lines = this.pending.subarray(0, headEnd).toString('latin1').split('\r\n');
      const start = /^([A-Z]+) (\S+) (HTTP\/1\.[01])$/.exec(lines[0] ?? '');
      if (!start) return { requests, rejection: { status: 400, reason: 'Bad Request' } };
      const headers = new Map<string, string>();
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        if (colon <= 0) return { requests, rejection: { status: 400, reason: 'Bad Request' } };
        headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      if (headers.has('transfer-encoding')) return { requests, rejection: { status: 501, reason: 'Not Implemented' } };
      const lengthText = headers.get('content-length') ?? '0';
      if (!/^\d+$/.test(lengthText)) return { requests, rejection: { status: 400, reason: 'Bad Request' } };
      const length = Number(lengthText);
      if (length > this.maxBody) return { requests, rejection: { status: 413, reason: 'Payload Too Large' } };
      const total = headEnd + 4 + length;
      if (this.pending.length < total) return { requests };
      const version = start[3]!;
      const connection = (headers.get('connection') ?? '').toLowerCase();
      requests.push({
        method: start[1]!,
        path: start[2]!.split('?')[0]!,
        version,
        headers,
        body: Buffer.from(this.pending.subarray(headEnd + 4, total)),
        keepAlive: version === 'HTTP/1.1' ? connection !== 'close' : connection === 'keep-alive',
      });
      this.pending = this.pending.subarray(total);
    }
  }
}

/** A reason phrase cannot carry line breaks or other controls (a fault text may end with "\n"). */
export function safeReason(reason: string): string {
  return reason.replace(/[\x00-\x1f\x7f]+/g, ' ').trim() || 'Error';
}

/** The response bytes: status line with the request's version, the given headers, Content-Length. */
export function httpResponse(version: string, status: number, reason: string, headers: [string, string][], body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  const head = [`${version} ${status} ${safeReason(reason)}`, ...headers.map(([n, v]) => `${n}: ${v}`), `Content-Length: ${bytes.length}`];
  // Kamailio writes the fault text's bytes as they are; UTF-8 keeps them.
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'utf8'), bytes]);
}
