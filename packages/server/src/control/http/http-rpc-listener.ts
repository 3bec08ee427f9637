import net from 'node:net';
import type { JsonRpcRequestProcessor } from '../jsonrpc/jsonrpc-request-processor.js';
import { printKamailioJson } from '../jsonrpc/json-printer.js';
import type { XmlRpcRequestProcessor } from '../xmlrpc/xmlrpc-request-processor.js';
import { httpResponse, HttpRequestReader, type HttpRequest } from './http-request-reader.js';

export interface HttpRpcOptions {
  host: string;
  port: number;
  /** JSON-RPC path (Kamailio convention `/RPC`), or undefined to not serve JSON-RPC. */
  jsonPath?: string;
  /** XML-RPC path (convention `/RPC2`). */
  xmlPath?: string;
  /** Largest request body accepted. */
  maxBody: number;
  /** The `Server:` header. */
  serverHeader: string;
  /** Pretty JSON output (jsonrpcs pretty_format). */
  pretty: boolean;
}

/**
 * JSON-RPC (`POST /RPC`) and XML-RPC (`POST /RPC2`) over HTTP/1.1 with keep-alive, the way the
 * jsonrpcs and xmlrpc modules answer them. Deliberate differences from Kamailio: no `Sia:` header
 * (Kamailio leaks its internal fake Via), and unparsable JSON gets `400` with a JSON-RPC parse error
 * instead of no answer at all, so that clients do not hang.
 */
export class HttpRpcListener {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port: number;

  constructor(
    private readonly options: HttpRpcOptions,
    private readonly json: JsonRpcRequestProcessor | undefined,
    private readonly xml: XmlRpcRequestProcessor | undefined,
  ) {
    this.port = options.port;
  }

  async start(): Promise<void> {
    const server = net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, resolve);
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    const reader = new HttpRequestReader(this.options.maxBody);
    let chain: Promise<unknown> = Promise.resolve();
    let closing = false;
    socket.on('data', (chunk: Buffer) => {
      if (closing) return;
      const { requests, rejection } = reader.push(chunk);
      for (const request of requests) {
        chain = chain.then(async () => {
          if (closing) return;
          socket.write(await this.answer(request).catch(() => this.internalError(request)));
          if (!request.keepAlive) {
            closing = true;
            socket.end();
          }
        });
      }
      if (rejection) {
        closing = true;
        chain = chain.then(() => {
          socket.end(httpResponse('HTTP/1.1', rejection.status, rejection.reason, [['Server', this.options.serverHeader], ['Connection', 'close']], ''));
        });
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  /** A handler failure still gets an answer, and the connection's later requests are still served. */
  private internalError(request: HttpRequest): Buffer {
    const close: [string, string][] = request.keepAlive ? [] : [['Connection', 'close']];
    return httpResponse(request.version, 500, 'Internal Server Error', [['Server', this.options.serverHeader], ...close], '');
  }

  private async answer(request: HttpRequest): Promise<Buffer> {
    const server: [string, string] = ['Server', this.options.serverHeader];
    const close: [string, string][] = request.keepAlive ? [] : [['Connection', 'close']];
    const isJson = this.json && request.path === this.options.jsonPath;
    const isXml = this.xml && request.path === this.options.xmlPath;
    if (!isJson && !isXml) return httpResponse(request.version, 404, 'Not Found', [server, ...close], '');
    if (request.method !== 'POST') return httpResponse(request.version, 405, 'Method Not Allowed', [['Allow', 'POST'], server, ...close], '');
    if (isXml) {
      const text = await this.xml!.process(request.body.toString('utf8'));
      return httpResponse(request.version, 200, 'OK', [server, ...close], text);
    }
    const answer = await this.json!.process(request.body.toString('utf8'), 'http');
    const contentType: [string, string] = ['Content-Type', 'application/json'];
    if (!answer) {
      const error = printKamailioJson(
        {
          type: 'object',
          members: [
            ['jsonrpc', { type: 'string', value: '2.0' }],
            ['error', { type: 'object', members: [['code', { type: 'number', value: -32700 }], ['message', { type: 'string', value: 'Parse Error' }]] }],
          ],
        },
        this.options.pretty,
      );
      return httpResponse(request.version, 400, 'Bad Request', [contentType, server, ...close], error);
    }
    return httpResponse(request.version, answer.status, answer.reason, [contentType, server, ...close], answer.text);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
