import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (params: unknown[]) => { result?: unknown; error?: { code: number; message: string } };

/** A JSON-RPC 2.0 peer over HTTP that answers like jsonrpcs and records every call. */
export async function startFakeJsonRpc(handlers: Record<string, Handler>): Promise<{
  url: string;
  calls: { method: string; params: unknown[] }[];
  close(): Promise<void>;
}> {
  const calls: { method: string; params: unknown[] }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: unknown; method: string; params?: unknown[] };
      const params = request.params ?? [];
      calls.push({ method: request.method, params });
      const handler = handlers[request.method];
      const answer = handler ? handler(params) : { error: { code: 500, message: `command ${request.method} not found` } };
      const body = answer.error
        ? { jsonrpc: '2.0', error: answer.error, id: request.id }
        : { jsonrpc: '2.0', result: answer.result ?? {}, id: request.id };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/RPC`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
