import { cFixed6 } from '@kamkit/rpc';
import type { RpcOutcome } from '../../rpc/rpc-context.js';
import type { RpcValue } from '../../rpc/rpc-value.js';
import { iso8601Basic } from '../jsonrpc/jsonrpc-reply.js';

/** xmlrpc's escaping: `<`, `&` and CR only (`>` and quotes stay). */
export function xmlEscape(text: string): string {
  return text.replace(/[<&\r]/g, (c) => (c === '<' ? '&lt;' : c === '&' ? '&amp;' : '&#xD;'));
}

/** The typed element of one value (§5.4); containers recurse (§5.5). */
export function xmlValue(value: RpcValue): string {
  if ('kind' in value) {
    if (value.kind === 'struct') {
      return `<struct>${value.entries.map((e) => member(e.name ?? '', xmlValue(e.value))).join('')}</struct>`;
    }
    const items = value.entries.map((e) => {
      if (e.name === undefined) return `<value>${xmlValue(e.value)}</value>`;
      // struct_add on an array: a nested container is wrapped in a one-member struct; a plain value
      // becomes a bare <member> inside <data>, which is what Kamailio sends (not valid XML-RPC).
      if ('kind' in e.value) return `<value><struct>${member(e.name, xmlValue(e.value))}</struct></value>`;
      return member(e.name, xmlValue(e.value));
    });
    return `<array><data>\n${items.join('')}</data></array>`;
  }
  switch (value.type) {
    case 'd':
      return `<int>${value.value | 0}</int>`;
    case 'u':
      return `<int>${value.value >>> 0}</int>`;
    case 'b':
      return `<boolean>${value.value ? 1 : 0}</boolean>`;
    case 't':
      return `<dateTime.iso8601>${iso8601Basic(value.value)}</dateTime.iso8601>`;
    case 'f':
      return `<double>${cFixed6(value.value)}</double>`;
    case 'l':
    case 'L':
      return `<double>${BigInt.asIntN(64, value.value)}</double>`;
    case 'j':
    case 'J':
      return `<double>${BigInt.asUintN(64, value.value)}</double>`;
    case 's':
      // The module meant to write <nil/> but escapes it.
      return value.value === null ? '&lt;nil/>' : `<string>${xmlEscape(value.value)}</string>`;
  }
}

function member(name: string, valueXml: string): string {
  return `<member><name>${xmlEscape(name)}</name><value>${valueXml}</value></member>`;
}

const HEAD = '<?xml version="1.0"?>\n<methodResponse>\n';
const PARAMS_OPEN = `${HEAD}<params>\n<param>\n<value>`;
const PARAMS_CLOSE = '</value>\n</param>\n</params>\n</methodResponse>';

/** xmlrpc keeps fault texts in a 1024-byte buffer. */
const FAULT_TEXT_MAX = 1023;

export function xmlFaultDocument(code: number, message: string): string {
  const bytes = Buffer.from(message, 'utf8');
  const text = bytes.length > FAULT_TEXT_MAX ? bytes.subarray(0, FAULT_TEXT_MAX).toString('utf8') : message;
  return (
    `${HEAD}<fault>\n<value>\n<struct>\n` +
    `<member>\n<name>faultCode</name>\n<value><int>${code | 0}</int></value>\n</member>\n` +
    `<member>\n<name>faultString</name>\n<value><string>${xmlEscape(text)}</string></value>\n</member>\n` +
    `</struct>\n</value>\n</fault>\n</methodResponse>`
  );
}

/**
 * The methodResponse text (§5.3): each top-level value followed by a newline inside one <value>
 * (several values make an invalid document, as Kamailio's do), an <array> for RET_ARRAY methods,
 * and a <fault> only for codes ≥ 300: lower codes give the success document.
 */
export function buildXmlRpcResponse(outcome: RpcOutcome, retArray: boolean): string {
  if (outcome.kind === 'fault' && outcome.code >= 300) return xmlFaultDocument(outcome.code, outcome.message);
  const values = outcome.values;
  if (retArray) {
    return `${PARAMS_OPEN}<array><data>\n${values.map((v) => `<value>${xmlValue(v)}</value>\n`).join('')}</data></array>${PARAMS_CLOSE}`;
  }
  return `${PARAMS_OPEN}${values.map((v) => `${xmlValue(v)}\n`).join('')}${PARAMS_CLOSE}`;
}
