import type { XMLParser } from 'fast-xml-parser';
import { lazyRequire } from '../lazy-require.js';
import { ProtocolError, RpcFault } from '../errors.js';

/** fast-xml-parser's ordered output: each node is `{tag: children[], ':@'?: attrs}` or `{'#text': text}`. */
type OrderedNode = Record<string, unknown>;

const loadXmlParser = lazyRequire<typeof import('fast-xml-parser')>('fast-xml-parser');
let parser: XMLParser | undefined;
const parserOptions = {
  preserveOrder: true,
  trimValues: false, // string values keep their spaces ("kamailio 5.6.3 (x86_64/linux) ")
  parseTagValue: false,
  processEntities: true,
  htmlEntities: true, // numeric references such as &#xD;
  ignoreDeclaration: true,
};

function tagOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  const tag = tagOf(node);
  const children = tag ? node[tag] : undefined;
  return Array.isArray(children) ? (children as OrderedNode[]) : [];
}

/** Child elements, without whitespace-only text between them. */
function elementsOf(node: OrderedNode): OrderedNode[] {
  return childrenOf(node).filter((child) => tagOf(child) !== '#text');
}

function textOf(node: OrderedNode): string {
  return childrenOf(node)
    .map((child) => (tagOf(child) === '#text' ? String(child['#text']) : ''))
    .join('');
}

function findChild(node: OrderedNode, tag: string): OrderedNode | undefined {
  return elementsOf(node).find((child) => tagOf(child) === tag);
}

function numberOf(text: string, tag: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || Number.isNaN(value)) throw new ProtocolError(`bad <${tag}> value "${text}"`);
  return value;
}

function typedValue(element: OrderedNode): unknown {
  const tag = tagOf(element)!;
  switch (tag) {
    case 'int':
    case 'i4':
    case 'i8':
    case 'double':
      return numberOf(textOf(element), tag);
    case 'boolean':
      return textOf(element).trim() === '1';
    case 'string':
    case 'dateTime.iso8601':
      return textOf(element);
    case 'base64':
      return Buffer.from(textOf(element), 'base64').toString('latin1');
    case 'nil':
      return null;
    case 'struct':
      return structValue(element);
    case 'array': {
      const data = findChild(element, 'data');
      // Elements are <value>s, or bare <member>s where Kamailio struct_adds plain values to an array.
      return data ? elementsOf(data).map((child) => (tagOf(child) === 'value' ? valueOf(child) : typedValue(child))) : [];
    }
    case 'member': // Kamailio puts bare members in arrays for struct_add on an array (invalid XML-RPC)
      return structValue({ struct: [element] });
    default:
      throw new ProtocolError(`unknown XML-RPC type <${tag}>`);
  }
}

/** Same rule as for BINRPC structs: repeated member names make an array of one-member objects. */
function structValue(element: OrderedNode): unknown {
  const members = elementsOf(element)
    .filter((child) => tagOf(child) === 'member')
    .map((member) => {
      const name = findChild(member, 'name');
      const value = findChild(member, 'value');
      if (!name || !value) throw new ProtocolError('<member> without <name> or <value>');
      return [textOf(name), valueOf(value)] as const;
    });
  const names = new Set(members.map(([name]) => name));
  if (names.size < members.length) return members.map(([name, value]) => ({ [name]: value }));
  return Object.fromEntries(members);
}

/** Kamailio 5.6 escapes its intended <nil/> for NULL strings into this text. */
export const XMLRPC_NULL_TEXT = '<nil/>';

function valueOf(value: OrderedNode): unknown {
  const elements = elementsOf(value);
  if (elements.length === 0) {
    const text = textOf(value); // bare text is a string
    return text === XMLRPC_NULL_TEXT ? null : text;
  }
  if (elements.length === 1) return typedValue(elements[0]!);
  // Kamailio puts several values into one <value> when a method adds more than one without RET_ARRAY.
  return elements.map(typedValue);
}

/** Parses a <methodResponse>: the result value, or throws the <fault> as RpcFault. */
export function parseMethodResponse(xml: string, target: string): unknown {
  let document: OrderedNode[];
  try {
    parser ??= new (loadXmlParser().XMLParser)(parserOptions);
    document = parser.parse(xml, true) as OrderedNode[];
  } catch (error) {
    throw new ProtocolError(`malformed XML-RPC reply: ${(error as Error).message}`);
  }
  const response = document.find((node) => tagOf(node) === 'methodResponse');
  if (!response) throw new ProtocolError('XML-RPC reply has no <methodResponse>');
  const fault = findChild(response, 'fault');
  if (fault) {
    const value = findChild(fault, 'value');
    const detail = (value ? valueOf(value) : {}) as { faultCode?: unknown; faultString?: unknown };
    throw new RpcFault(Number(detail.faultCode ?? 0), String(detail.faultString ?? ''), target);
  }
  const param = findChild(findChild(response, 'params') ?? { params: [] }, 'param');
  const value = param && findChild(param, 'value');
  if (!value) throw new ProtocolError('XML-RPC reply has no <params><param><value>');
  const elements = elementsOf(value);
  // Nothing added by the method: an empty <value></value>, shown as JSON-RPC shows it.
  if (elements.length === 0 && textOf(value).trim() === '') return {};
  return valueOf(value);
}
