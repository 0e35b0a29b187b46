// Progressive enhancement: every page works without this file. With it, a refused
// form's error summary takes the focus, a form can't be sent twice by a double click,
// and the status check answers on the same page.
"use strict";
(function () {
  // The page's language, sent with the script's requests so their answers are in it.
  const lang = document.documentElement.lang || "ro";

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  }

  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  for (const form of document.querySelectorAll("form[method=post]")) {
    form.addEventListener("submit", (ev) => {
      // After the browser has taken the submission, so the button's own value is sent;
      // a form this script answers on the page (the status check) stays usable.
      setTimeout(() => ev.defaultPrevented || form.querySelectorAll("button[type=submit]").forEach((b) => (b.disabled = true)), 0);
    });
  }

  const statusForm = document.getElementById("status-form");
  if (statusForm) {
    const out = document.getElementById("status");
    // The texts come with the page, in its language: the answer's element carries them
    // as data-* attributes (status.html).
    const text = (key) => out.getAttribute("data-" + key);
    statusForm.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const n = encodeURIComponent(statusForm.number.value.trim());
      const res = await fetch("/api/bookings/" + n + "?lang=" + encodeURIComponent(lang), { headers: { Accept: "application/json", "Accept-Language": lang } });
      const body = await res.json().catch(() => ({}));
      if (!res.ok || !body.booking) {
        const e = body.error || {};
        return out.replaceChildren(el("p", { class: "error", role: "alert" }, e.message || text("error")));
      }
      const b = body.booking;
      const state = (b.cancel_reason && text("state-" + b.state + "-" + b.cancel_reason)) || text("state-" + b.state) || b.state;
      const dl = el("dl", {});
      for (const [k, v] of [[text("row-service"), text("service-" + b.service) || b.service], [text("row-date"), b.date], [text("row-time"), b.time], [text("row-name"), b.name], [text("row-state"), state]]) {
        dl.append(el("dt", {}, k), el("dd", {}, v || "—"));
      }
      out.replaceChildren(dl);
    });
  }
})();
