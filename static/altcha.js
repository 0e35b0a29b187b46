// Bot defence (ALTCHA v2 proof of work, SHA-256): fetches a challenge for a form,
// finds the counter whose key starts with the challenge's prefix, and sends the
// solution back in the form's `altcha` field: the server-rendered and static forms
// mark theirs with `input[data-altcha]`.
"use strict";
(function () {
  const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");
  const bytes = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));

  async function solve(challenge) {
    const p = challenge.parameters;
    const salt = bytes(p.salt);
    const nonce = bytes(p.nonce);
    const input = new Uint8Array(salt.length + nonce.length + 4);
    input.set(salt, 0);
    input.set(nonce, salt.length);
    const view = new DataView(input.buffer);
    const started = performance.now();
    for (let counter = 0; counter <= 0xffffffff; counter++) {
      view.setUint32(salt.length + nonce.length, counter, false);
      const key = hex(await crypto.subtle.digest("SHA-256", input)).slice(0, p.keyLength * 2);
      if (key.startsWith(p.keyPrefix)) {
        const solution = { counter, derivedKey: key, time: performance.now() - started };
        return btoa(JSON.stringify({ challenge, solution }));
      }
    }
    throw new Error("no solution");
  }

  // The solved payload for one submission, or "" when the office turned the check off.
  async function proofOfWork(purpose) {
    const res = await fetch("/api/challenge?for=" + encodeURIComponent(purpose), { headers: { Accept: "application/json" } });
    if (!res.ok) throw new Error("challenge " + res.status);
    const body = await res.json();
    return body.challenge ? solve(body.challenge) : "";
  }

  for (const field of document.querySelectorAll("input[data-altcha]")) {
    const form = field.form;
    const button = form && form.querySelector("button[type=submit]");
    const status = document.createElement("p");
    status.className = "notice";
    status.setAttribute("aria-live", "polite");
    const en = document.documentElement.lang === "en";
    status.textContent = en ? "Running the anti-bot check…" : "Se face verificarea anti-robot…";
    if (button) {
      button.disabled = true;
      button.before(status);
    }
    proofOfWork(field.dataset.altcha)
      .then((payload) => {
        field.value = payload;
        status.textContent = en ? "Anti-bot check done." : "Verificarea anti-robot s-a încheiat.";
      })
      .catch(() => {
        status.textContent = en ? "The anti-bot check failed; reload the page." : "Verificarea anti-robot a eșuat; reîncărcați pagina.";
      })
      .finally(() => {
        if (button) button.disabled = false;
      });
  }
})();
