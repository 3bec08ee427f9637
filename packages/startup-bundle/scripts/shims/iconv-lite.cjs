// Stands in for iconv-lite inside a start-up bundle (see lazyModules' `shims`). mysql2 decodes the
// server greeting as CESU-8, and the first decode makes iconv-lite load all its code pages: ~14 ms
// of a command's start. CESU-8 differs from UTF-8 only in how it writes characters outside the
// BMP (a surrogate pair, whose bytes start with 0xED); a buffer without 0xED is decoded as UTF-8
// here. Everything else goes to the real iconv-lite, loaded on first use.
'use strict';
let real;
const load = () => (real ??= require('iconv-lite'));

function getDecoder(encoding, options) {
  if (options !== undefined || !/^cesu-?8$/i.test(String(encoding))) return load().getDecoder(encoding, options);
  let fallback;
  return {
    write(buffer) {
      if (fallback === undefined && !buffer.includes(0xed)) return buffer.toString('utf8');
      fallback ??= load().getDecoder(encoding);
      return fallback.write(buffer);
    },
    end() {
      return fallback?.end();
    },
  };
}

module.exports = new Proxy(
  {},
  {
    get: (_, key) => (key === 'getDecoder' ? getDecoder : load()[key]),
    has: (_, key) => key in load(),
  },
);
