import http from 'node:http';
import https from 'node:https';
import { ProtocolError, TimeoutError } from '../errors.js';
import { toTransportError } from '../links/system-error.js';
import type { RpcParam } from '../params/typed-param.js';
import { buildMethodCall } from '../xmlrpc/method-call.js';
import { parseMethodResponse } from '../xmlrpc/method-response.js';
import { DEFAULT_TIMEOUT_MS, type RpcClient, type RpcReply } from './rpc-client.js';

/** XML-RPC over HTTP(S) POST on one kept-alive connection (Kamailio keeps it open). */
export class XmlRpcHttpClient implements RpcClient {
  private readonly agent: http.Agent;
  private readonly timeoutMs: number;
  private readonly maxReplySize: number;
  private readonly url: URL;

  constructor(
    readonly target: string,
    url: string,
    options: { timeoutMs?: number; maxReplySize?: number } = {},
  ) {
    this.url = new URL(url);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxReplySize = options.maxReplySize ?? 64 * 1024 * 1024;
    const secure = this.url.protocol === 'https:';
    this.agent = secure ? new https.Agent({ keepAlive: true, maxSockets: 1 }) : new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  call(method: string, ...params: RpcParam[]): Promise<RpcReply> {
    const body = Buffer.from(buildMethodCall(method, params));
    const transport = this.url.protocol === 'https:' ? https : http;
    return new Promise<RpcReply>((resolve, reject) => {
      const request = transport.request(this.url, {
        method: 'POST',
        agent: this.agent,
        headers: { 'Content-Type': 'text/xml', 'Content-Length': body.length },
      });
      const timer = setTimeout(() => {
        reject(new TimeoutError(this.target, this.timeoutMs));
        request.destroy();
      }, this.timeoutMs);
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(toTransportError(error, this.target));
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.maxReplySize) {
            clearTimeout(timer);
            reject(new ProtocolError(`reply larger than ${this.maxReplySize} bytes`));
            request.destroy();
          } else chunks.push(chunk);
        });
        response.on('end', () => {
          clearTimeout(timer);
          try {
            if ((response.statusCode ?? 0) >= 300) {
              throw new ProtocolError(`HTTP status ${response.statusCode} ${response.statusMessage ?? ''}`.trim());
            }
            resolve({ result: parseMethodResponse(Buffer.concat(chunks).toString('utf8'), this.target) });
          } catch (error) {
            reject(error);
          }
        });
      });
      request.end(body);
    });
  }

  async close(): Promise<void> {
    this.agent.destroy();
  }
}
