import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseXml, SchemaError, type XmlElement } from '../src/index.js';

const el = (n: unknown): XmlElement => {
  assert.ok(n && typeof n === 'object' && (n as XmlElement).kind === 'element');
  return n as XmlElement;
};

describe('xml parser', () => {
  it('keeps order, lines, attributes and entity origins', () => {
    const doc = parseXml(
      '<?xml version="1.0"?>\r\n<!DOCTYPE r [\n<!ENTITY a "A&#66;">\n<!ENTITY b "[&a;]">\n<!ENTITY a "ignored">\n]>\n<r x="1&#9;2\n3" y=\'&a;\'>\n  <c>&b;&lt;t<![CDATA[<raw>]]></c><!-- note --><d/>\n</r>\n',
      'mem.xml',
    );
    assert.equal(doc.doctype, 'r');
    assert.equal(doc.root.line, 7);
    assert.deepEqual([...doc.root.attributes], [['x', '1\t2 3'], ['y', 'AB']]);
    const [, c, comment, d] = doc.root.children;
    assert.equal(el(c).line, 9); // the root's attribute value spans two lines
    assert.deepEqual(el(c).children.map((n) => (n.kind === 'text' ? [n.text, n.entity ?? null, n.cdata ?? false] : n.kind)), [
      ['[AB]', 'b', false],
      ['<t', null, false],
      ['<raw>', null, true],
    ]);
    assert.equal(comment?.kind, 'comment');
    assert.equal(el(d).name, 'd');
    assert.equal(doc.entities.get('a')?.value, 'AB');
  });

  it('rejects markup in entities and recursive entities', () => {
    assert.throws(() => parseXml('<!DOCTYPE r [<!ENTITY m "<b/>">]><r>&m;</r>', 'm.xml'), (e: unknown) => e instanceof SchemaError && /contains markup/.test(e.message));
    assert.throws(() => parseXml('<!DOCTYPE r [<!ENTITY a "&b;"><!ENTITY b "&a;">]><r>&a;</r>', 'm.xml'), (e: unknown) => e instanceof SchemaError && /refers to itself/.test(e.message));
  });

  it('reports content after the root and duplicate attributes with lines', () => {
    assert.throws(() => parseXml('<r/>\n<s/>', 'm.xml'), /m\.xml:2: <r>: content after the root element/);
    assert.throws(() => parseXml('<r a="1"\n a="2"/>', 'm.xml'), /m\.xml:2: <r>: attribute a is given twice/);
  });
});
