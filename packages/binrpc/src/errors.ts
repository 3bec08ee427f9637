/** The bytes are not a valid BINRPC packet or record (bad magic, bad record, truncated body...). */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** A packet announces a body larger than the configured maximum. */
export class PacketTooLargeError extends ProtocolError {
  override name = 'PacketTooLargeError';
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`packet of ${size} bytes exceeds the limit of ${limit} bytes`);
  }
}
