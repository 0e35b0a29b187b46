// Bot defence (ALTCHA v2 proof of work, SHA-256): fetches a challenge for a form, has
// altcha-worker.js find the counter whose key starts with the challenge's prefix, shows
// how far it got, and sends the solution back in the form's `altcha` field: the
// server-rendered forms mark theirs with `input[data-altcha]`.
// No main-thread fallback: every browser with WebCrypto has Web Workers, and solving on
// the main thread froze the form for seconds on a slow phone; without a worker the
// check fails and says so, as any other failure does.
"use strict";
(function () {
  // Resolves with the solved payload; `onTried(n)` hears how many counters were tried.
  function solve(challenge, onTried) {
    return new Promise((resolve, reject) => {
      const worker = new Worker("/altcha-worker.js");
      worker.onmessage = ({ data }) => {
        if (data.tried !== undefined) return onTried(data.tried);
        worker.terminate();
        if (data.solution) resolve(btoa(JSON.stringify({ challenge, solution: data.solution })));
        else reject(new Error(data.error));
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new Error(e.message));
      };
      worker.postMessage(challenge);
    });
  }

  // The solved payload for one submission, or "" when the office turned the check off.
  // The challenge's signed `data.max` bounds the counter, so the bar can show a share.
  async function proofOfWork(purpose, progress) {
    const res = await fetch("/api/challenge?for=" + encodeURIComponent(purpose), { headers: { Accept: "application/json" } });
    if (!res.ok) throw new Error("challenge " + res.status);
    const body = await res.json();
    if (!body.challenge) return "";
    const max = body.challenge.parameters.data && body.challenge.parameters.data.max;
    if (max > 0) {
      progress.max = max;
      progress.value = 0;
    }
    return solve(body.challenge, (tried) => {
      if (max > 0) progress.value = Math.min(tried, max);
    });
  }

  document.querySelectorAll("input[data-altcha]").forEach((field, i) => {
    const form = field.form;
    const button = form && form.querySelector("button[type=submit]");
    // The texts come with the page, in its language (layout.html's body attributes).
    const texts = document.body.dataset;
    // Only the status's text is announced; the bar is named by it, not read out on
    // every step.
    const status = document.createElement("p");
    status.className = "notice";
    status.id = "altcha-status-" + i;
    status.setAttribute("aria-live", "polite");
    status.textContent = texts.altchaRunning || "";
    const progress = document.createElement("progress");
    progress.className = "altcha";
    progress.setAttribute("aria-labelledby", status.id);
    if (button) {
      button.disabled = true;
      button.before(status, progress);
    }
    proofOfWork(field.dataset.altcha, progress)
      .then((payload) => {
        field.value = payload;
        status.textContent = texts.altchaDone || "";
      })
      .catch(() => {
        status.textContent = texts.altchaFailed || "";
      })
      .finally(() => {
        progress.remove();
        if (button) button.disabled = false;
      });
  });
})();
