import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parseAccount } from '../src/validate/aor.js';
import { parseMask, validateIp } from '../src/validate/ip-address.js';
import { parsePort, parseSetId } from '../src/validate/numbers.js';
import { validateSipDomain } from '../src/validate/sip-domain.js';
import { validateSipUri } from '../src/validate/sip-uri.js';
import { validateSipUser } from '../src/validate/sip-user.js';
import { ValidationError } from '../src/validate/validation-error.js';

describe('input validation', () => {
  test('usernames: kamctl USERNAME_RE characters, escapes and unicode pass; blanks, @, quotes " and > fail', () => {
    for (const ok of ["o'x", 'alice', 'a.b-c_d', '+4930123', 'a%20b', 'jürgen', '日本']) assert.equal(validateSipUser(ok), ok);
    for (const bad of ['', 'a b', 'a@b', 'a"b', 'a<b', 'a%2', 'x'.repeat(65), 'tab\tx']) {
      assert.throws(() => validateSipUser(bad), ValidationError, bad);
    }
  });

  test('domains: names, IPv6 literals, IDN and a backslash pass; URI delimiters and blanks fail', () => {
    for (const ok of ['lab.local', 'a\\b.local', '[::1]', 'bücher.example', '127.0.0.1']) assert.equal(validateSipDomain(ok), ok);
    for (const bad of ['', 'a b', 'a@b', 'a;b', 'a:5060', 'a/b', "a'b", 'a..b', '.a']) assert.throws(() => validateSipDomain(bad), ValidationError, bad);
  });

  test('user@domain: SIP_DOMAIN fills a missing domain; a second @ is refused (kamctl dropped it)', () => {
    assert.deepEqual(parseAccount('alice', 'lab.local'), { username: 'alice', domain: 'lab.local' });
    assert.deepEqual(parseAccount('alice@x.org', 'lab.local'), { username: 'alice', domain: 'x.org' });
    assert.deepEqual(parseAccount('alice@', 'lab.local'), { username: 'alice', domain: 'lab.local' });
    assert.throws(() => parseAccount('a@b@c', 'lab.local'), /more than one @/);
    assert.throws(() => parseAccount('alice', undefined), /SIP_DOMAIN/);
  });

  test('IP addresses, masks, ports and set ids', () => {
    assert.equal(validateIp('10.0.0.1'), '10.0.0.1');
    assert.equal(validateIp('2001:db8::1'), '2001:db8::1');
    for (const bad of ['10.0.0.256', '10.0.0', 'host', '1.2.3.4/8', '']) assert.throws(() => validateIp(bad), ValidationError);
    assert.equal(parseMask('8', '10.0.0.0'), 8);
    assert.throws(() => parseMask('33', '10.0.0.0'), /0-32/);
    assert.equal(parseMask('64', '2001:db8::'), 64);
    assert.equal(parsePort('5060'), 5060);
    for (const bad of ['65536', '-1', '0x10', '1e3', ' 5', '']) assert.throws(() => parsePort(bad), ValidationError, bad);
    assert.equal(parseSetId('2'), 2);
    assert.throws(() => parseSetId('-2'), ValidationError);
    assert.throws(() => parseSetId('2147483648'), ValidationError);
  });

  test('SIP URIs', () => {
    for (const ok of ['sip:127.0.0.1:5060', 'sips:gw.example.com', 'sip:alice@lab.local;transport=tcp', 'sip:[2001:db8::1]:5070']) {
      assert.equal(validateSipUri(ok), ok);
    }
    for (const bad of ['127.0.0.1', 'http://x', 'sip:', 'sip:a b', 'sip:x:70000', 'sip:<x>']) assert.throws(() => validateSipUri(bad), ValidationError, bad);
  });
});
