/** Why a cfg operation failed; RPC faults keep Kamailio's code and text and append `: <message>`. */
export type CfgErrorReason =
  | 'unknown-group'
  | 'unknown-variable'
  | 'unknown-instance'
  | 'read-only'
  | 'wrong-type'
  | 'out-of-range'
  | 'fixup-failed'
  | 'not-readable'
  | 'no-instance-values'
  | 'unsupported-input-type'
  | 'group-exists'
  | 'variable-exists';

export class CfgError extends Error {
  override name = 'CfgError';

  constructor(
    readonly reason: CfgErrorReason,
    message: string,
  ) {
    super(message);
  }
}
