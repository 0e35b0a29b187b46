// Progressive enhancement: every page works without this file. With it, a refused
// form's error summary takes the focus, a form can't be sent twice by a double click,
// and the status check answers on the same page.
"use strict";
(function () {
  const lang = document.documentElement.lang === "en" ? "en" : "ro";
  const t = (ro, en) => (lang === "en" ? en : ro);

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
    statusForm.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const n = encodeURIComponent(statusForm.number.value.trim());
      const res = await fetch("/api/bookings/" + n, { headers: { Accept: "application/json" } });
      const body = await res.json();
      if (!res.ok) {
        const e = body.error || {};
        return out.replaceChildren(el("p", { class: "error", role: "alert" }, (lang === "en" ? e.message : e.message_ro) || t("Eroare.", "Error.")));
      }
      const b = body.booking;
      const states = { active: t("Activă", "Active"), cancelled: t("Anulată", "Cancelled"), attended: t("Prezentat", "Attended"), no_show: t("Neprezentat", "No-show") };
      const reasons = { duplicate_vin: t("serie de șasiu folosită de mai multe ori", "VIN used more than once"), duplicate_holder: t("titular folosit de mai multe ori", "holder used more than once") };
      const state = (states[b.state] || b.state) + (b.cancel_reason ? ": " + (reasons[b.cancel_reason] || b.cancel_reason) : "");
      const dl = el("dl", {});
      for (const [k, v] of [[t("Serviciu", "Service"), b.service], [t("Data", "Date"), b.date], [t("Ora", "Time"), b.time], [t("Nume", "Name"), b.name], [t("Stare", "State"), state]]) {
        dl.append(el("dt", {}, k), el("dd", {}, v || "—"));
      }
      out.replaceChildren(dl);
    });
  }
})();
