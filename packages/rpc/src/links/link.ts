/** A byte pipe to one server: a stream connection or a datagram socket with a fixed peer. */
export interface Link {
  send(data: Buffer): Promise<void>;
  close(): void;
}

export interface LinkHandlers {
  onData(chunk: Buffer): void;
  /** The link failed or closed; `error` is a TransportError (undefined for a plain close). */
  onClose(error?: Error): void;
}

export type LinkFactory = (handlers: LinkHandlers) => Promise<Link>;
