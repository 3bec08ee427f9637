import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { credentialColumns, digestHa1, digestHa1b } from '../src/credentials/digest-credentials.js';

const settings = { storePlaintextPassword: true, realm: undefined, ha1Sha256Column: undefined, ha1bSha256Column: undefined };

describe('digest credentials as Kamailio computes them', () => {
  test('the verified kamctl vector: alice@example.com / secret', () => {
    assert.equal(digestHa1('alice', 'example.com', 'secret'), 'b1726872c344b6dc8365b774f8fd6412');
    assert.equal(digestHa1b('alice', 'example.com', 'example.com', 'secret'), 'c79656e4f06dbae9fdf6727654273c65');
  });

  test('what the real kamctl stored in the lab: alice@lab.local / alicepw', () => {
    const c = credentialColumns('alice', 'lab.local', 'alicepw', settings);
    assert.deepEqual(c, { ha1: 'dbdefce69be61747cc6c677156db3543', ha1b: 'd79b99b08770aea17ea3c98002fac25c', password: 'alicepw' });
  });

  test('exact UTF-8 bytes, no shell echo escapes: a backslash-t stays two characters', () => {
    assert.notEqual(digestHa1('u', 'd', 'a\\tb'), digestHa1('u', 'd', 'a\tb'));
    // md5 of the UTF-8 bytes of "jürgen:lab.local:pässwörd"
    assert.equal(digestHa1('jürgen', 'lab.local', 'pässwörd'), '022a06d73082a4e1a60c036ed9ef020b');
  });

  test('STORE_PLAINTEXT_PW other than 1 stores an empty password; a realm overrides the domain; SHA-256 columns when configured', () => {
    const c = credentialColumns('bob', 'lab.local', 'pw', { storePlaintextPassword: false, realm: 'other', ha1Sha256Column: 'ha1_sha256', ha1bSha256Column: 'ha1b_sha256' });
    assert.equal(c['password'], '');
    assert.equal(c['ha1'], digestHa1('bob', 'other', 'pw'));
    assert.equal(c['ha1b'], digestHa1b('bob', 'lab.local', 'other', 'pw'));
    assert.equal(c['ha1_sha256'], digestHa1('bob', 'other', 'pw', 'sha256'));
    assert.equal(c['ha1_sha256']?.length, 64);
    assert.equal(c['ha1b_sha256'], digestHa1b('bob', 'lab.local', 'other', 'pw', 'sha256'));
  });
});
