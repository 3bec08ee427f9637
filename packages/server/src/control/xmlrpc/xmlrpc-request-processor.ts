import type { RpcOrigin, RpcOutcome } from '../../rpc/rpc-context.js';
import { RET_ARRAY, type RpcRegistry } from '../../rpc/rpc-registry.js';
import { runRpc } from '../run-rpc.js';
import { parseXmlDocument, type XmlElement } from './xml-document.js';
import { XmlParams } from './xml-params.js';
import { XmlRpcDriver } from './xmlrpc-driver.js';
import { buildXmlRpcResponse, xmlFaultDocument } from './xmlrpc-reply.js';

export interface XmlRpcProcessorOptions {
  /** modparam("xmlrpc", "autoconversion", 1). */
  autoconversion?: boolean;
}

/**
 * Runs XML-RPC methodCalls as the xmlrpc module does (§5.2–5.3): document errors and unknown
 * methods are fault documents, everything else goes to the handler. Always answers.
 */
export class XmlRpcRequestProcessor {
  private readonly autoconversion: boolean;

  constructor(
    private readonly registry: RpcRegistry,
    options: XmlRpcProcessorOptions = {},
  ) {
    this.autoconversion = options.autoconversion ?? false;
  }

  async process(body: string, origin: RpcOrigin = { channel: 'http' }): Promise<string> {
    const root = parseXmlDocument(body);
    if (!root) return xmlFaultDocument(400, 'Invalid XML-RPC Document');
    if (root.tag !== 'methodCall') return xmlFaultDocument(400, 'Root Element Is Not methodCall');
    const nameElement = root.children.find((c) => c.tag === 'methodName');
    if (!nameElement) return xmlFaultDocument(400, 'Method Name Not Found');
    const method = nameElement.text.trim();
    if (method === '') return xmlFaultDocument(400, 'Cannot Extract Method Name');
    const exported = this.registry.get(method);
    if (!exported) return xmlFaultDocument(500, 'Method Not Found');

    const paramsElement = root.children.find((c) => c.tag === 'params');
    const values: (XmlElement | undefined)[] = (paramsElement?.children ?? [])
      .filter((c) => c.tag === 'param')
      .map((param) => (param.children[0]?.tag === 'value' ? param.children[0] : undefined));
    const outcome = await new Promise<RpcOutcome>((resolve) => {
      void runRpc(exported, new XmlRpcDriver(resolve), new XmlParams(values, this.autoconversion), origin);
    });
    return buildXmlRpcResponse(outcome, ((exported.flags ?? 0) & RET_ARRAY) !== 0);
  }
}
