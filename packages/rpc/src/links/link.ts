/** A byte pipe to one server: a stream connection or a datagram socket with a fixed peer. */
export interface Link {
  send(data: Buffer): Promise<void>;
  close(): void;
  /**
   * Optional low-latency path: writes `data` now and busy-polls the socket for up to `spinMicros`,
   * handing what arrives to onData synchronously, until `done()` is true. Returns false when it could
   * not write this way (the caller then uses send()).
   */
  sendAndPoll?(data: Buffer, spinMicros: number, done: () => boolean): boolean;
}

export interface LinkHandlers {
  onData(chunk: Buffer): void;
  /** The link failed or closed; `error` is a TransportError (undefined for a plain close). */
  onClose(error?: Error): void;
}

export type LinkFactory = (handlers: LinkHandlers) => Promise<Link>;
