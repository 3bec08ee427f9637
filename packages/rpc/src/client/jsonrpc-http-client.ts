import http from 'node:http';
import https from 'node:https';
import type jaysonModule from 'jayson';
import { lazyRequire } from '../lazy-require.js';
import { ProtocolError, RpcFault, TimeoutError } from '../errors.js';
import { toTransportError } from '../links/system-error.js';
import type { RpcParam } from '../params/typed-param.js';
import { buildJsonRpcRequest, interpretJsonRpcResponse } from '../jsonrpc/envelope.js';
import { DEFAULT_TIMEOUT_MS, type RpcClient, type RpcReply } from './rpc-client.js';

type JaysonClient = ReturnType<typeof jaysonModule.Client.http>;
const loadJayson = lazyRequire<typeof jaysonModule>('jayson');

/** JSON-RPC 2.0 over HTTP(S) POST, through jayson, on one kept-alive connection. */
export class JsonRpcHttpClient implements RpcClient {
  private readonly client: JaysonClient;
  private readonly agent: http.Agent;
  private readonly timeoutMs: number;
  private nextId = 1;

  constructor(
    readonly target: string,
    url: string,
    options: { timeoutMs?: number } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const secure = url.startsWith('https:');
    this.agent = secure ? new https.Agent({ keepAlive: true, maxSockets: 1 }) : new http.Agent({ keepAlive: true, maxSockets: 1 });
    const parsed = new URL(url);
    const requestOptions = {
      hostname: parsed.hostname.replace(/^\[|\]$/g, ''),
      port: parsed.port ? Number(parsed.port) : undefined,
      path: `${parsed.pathname}${parsed.search}`,
      agent: this.agent,
    };
    const { Client } = loadJayson();
    this.client = secure ? Client.https(requestOptions) : Client.http(requestOptions);
  }

  call(method: string, ...params: RpcParam[]): Promise<RpcReply> {
    const request = buildJsonRpcRequest(method, params, this.nextId++);
    return new Promise<RpcReply>((resolve, reject) => {
      let httpRequest: http.ClientRequest | undefined;
      const capture = (req: http.ClientRequest) => (httpRequest = req);
      this.client.once('http request', capture);
      const timer = setTimeout(() => {
        reject(new TimeoutError(this.target, this.timeoutMs));
        httpRequest?.destroy();
      }, this.timeoutMs);
      // No params member when there are none, as curl users and kamctl send it.
      this.client.request(request.method, request.params as unknown as object, request.id, (error: unknown, response: unknown) => {
        clearTimeout(timer);
        try {
          resolve({ result: interpretJsonRpcResponse(error ? this.errorDocument(error) : response, this.target) });
        } catch (failure) {
          reject(failure);
        }
      });
    });
  }

  /** jayson reports a non-2xx status as an Error whose message is the body; Kamailio puts faults there. */
  private errorDocument(error: unknown): unknown {
    const status = (error as { code?: unknown }).code;
    if (typeof status === 'number') {
      const body = (error as Error).message;
      try {
        return JSON.parse(body);
      } catch {
        throw new RpcFault(status, body.trim() || `HTTP status ${status}`, this.target);
      }
    }
    if (error instanceof SyntaxError) throw new ProtocolError(`malformed JSON reply: ${error.message}`);
    throw toTransportError(error, this.target);
  }

  async close(): Promise<void> {
    this.agent.destroy();
  }
}
