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

  it('external entity files read again give the same entities, and a changed file is read anew', () => {
    const files: Record<string, string> = {
      '/virtual/ents.xml': '<!ENTITY len "64">\n<!ENTITY % inner SYSTEM "inner.xml">',
      '/virtual/nested.xml': '<!ENTITY % inner SYSTEM "inner.xml">\n%inner;',
      '/virtual/inner.xml': '<!ENTITY deep "yes">',
    };
    const readFile = (p: string) => files[p] ?? assert.fail(`unexpected read of ${p}`);
    const doc = (dtd: string, internal = '') =>
      parseXml(`<!DOCTYPE r [${internal}<!ENTITY % e SYSTEM "${dtd}"> %e;]><r/>`, '/virtual/t.xml', { readFile });
    assert.equal(doc('ents.xml').entities.get('len')?.value, '64');
    // Declared first in the document: the file's declaration is ignored, cached or not.
    assert.equal(doc('ents.xml', '<!ENTITY len "32">').entities.get('len')?.value, '32');
    assert.equal(doc('ents.xml').entities.get('len')?.value, '64');
    files['/virtual/ents.xml'] = '<!ENTITY len "128">';
    assert.equal(doc('ents.xml').entities.get('len')?.value, '128');
    // A file that includes another one depends on it: a change there is seen.
    assert.equal(doc('nested.xml').entities.get('deep')?.value, 'yes');
    files['/virtual/inner.xml'] = '<!ENTITY deep "changed">';
    assert.equal(doc('nested.xml').entities.get('deep')?.value, 'changed');
  });
});
