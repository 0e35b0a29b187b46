// The ALTCHA v2 solver (SHA-256, one round), started by altcha.js: off the page's main
// thread, so the form stays responsive while it works (as ALTCHA's own widget does).
// Takes a challenge; posts {tried} after each batch and {solution} when the counter is
// found.
"use strict";
// Digests in flight at once: WebCrypto's cost is mostly per call, so a batch awaited
// together runs several times faster than one awaited at a time.
const BATCH = 1000;

const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");
const bytes = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));

onmessage = async ({ data: challenge }) => {
  const p = challenge.parameters;
  const salt = bytes(p.salt);
  const nonce = bytes(p.nonce);
  const input = new Uint8Array(salt.length + nonce.length + 4);
  input.set(salt, 0);
  input.set(nonce, salt.length);
  const view = new DataView(input.buffer);
  // Only the bytes the prefix covers are compared while searching.
  const prefixBytes = Math.ceil(p.keyPrefix.length / 2);
  const started = performance.now();
  for (let start = 0; start <= 0xffffffff; start += BATCH) {
    const digests = [];
    for (let counter = start; counter < start + BATCH && counter <= 0xffffffff; counter++) {
      view.setUint32(salt.length + nonce.length, counter, false);
      // digest() copies the input before it returns, so the buffer can change at once.
      digests.push(crypto.subtle.digest("SHA-256", input));
    }
    const keys = await Promise.all(digests);
    const found = keys.findIndex((k) => hex(k.slice(0, prefixBytes)).startsWith(p.keyPrefix));
    if (found >= 0) {
      const derivedKey = hex(keys[found]).slice(0, p.keyLength * 2);
      postMessage({ solution: { counter: start + found, derivedKey, time: performance.now() - started } });
      return;
    }
    postMessage({ tried: start + keys.length });
  }
  postMessage({ error: "no solution" });
};
