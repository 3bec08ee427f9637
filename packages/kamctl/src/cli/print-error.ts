/** One line on stderr, or with --json one `{"error": ...}` document on stdout. */
export async function printError(error: Error, json: boolean): Promise<void> {
  const { describeError, formatJsonError, RpcFault, TimeoutError, TransportError } = await import('@kamkit/rpc');
  if (json) {
    const e = error as Error & { code?: unknown; target?: unknown };
    process.stdout.write(
      formatJsonError({
        name: error.name === 'Error' && 'oclif' in error ? 'UsageError' : error.name,
        message: error.message,
        code: typeof e.code === 'number' || typeof e.code === 'string' ? e.code : undefined,
        target: typeof e.target === 'string' ? e.target : undefined,
      }),
    );
    return;
  }
  const rpcError = error instanceof RpcFault || error instanceof TransportError || error instanceof TimeoutError;
  process.stderr.write(`kamctl: ${rpcError ? describeError(error) : error.message}\n`);
}
