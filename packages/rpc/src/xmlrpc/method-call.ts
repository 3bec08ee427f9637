import { typeParam, type RpcParam } from '../params/typed-param.js';

/** Escapes text for XML element content. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function paramXml(param: RpcParam): string {
  const typed = typeParam(param);
  switch (typed.kind) {
    case 'int':
      return `<int>${typed.value}</int>`;
    case 'double':
      return `<double>${Number.isFinite(typed.value) ? typed.value : 0}</double>`;
    case 'str':
      return `<string>${escapeXml(typed.value)}</string>`;
  }
}

/** A <methodCall> document, compact, in the form curl users and the lab send. */
export function buildMethodCall(method: string, params: readonly RpcParam[]): string {
  const paramList = params.map((param) => `<param><value>${paramXml(param)}</value></param>`).join('');
  return `<?xml version="1.0"?><methodCall><methodName>${escapeXml(method)}</methodName><params>${paramList}</params></methodCall>`;
}
