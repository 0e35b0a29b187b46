// Progressive enhancement: the forms work without this file; with it, the booking
// happens on one page and a double click can't create two bookings.
"use strict";
(function () {
  const lang = document.body.dataset.lang === "en" ? "en" : "ro";
  const t = (ro, en) => (lang === "en" ? en : ro);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  }

  function showError(target, body) {
    const e = (body && body.error) || {};
    target.replaceChildren(el("p", { class: "error", role: "alert" }, (lang === "en" ? e.message : e.message_ro) || t("Eroare.", "Error.")));
  }

  const dayForm = document.getElementById("day-form");
  if (dayForm) {
    const date = document.getElementById("date");
    if (!date.value) date.value = new Date().toISOString().slice(0, 10);
    const slots = document.getElementById("slots");
    const result = document.getElementById("result");
    dayForm.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      result.replaceChildren();
      const service = dayForm.service.value;
      const q = new URLSearchParams({ service, date: date.value });
      const res = await fetch("/api/availability?" + q, { headers: { Accept: "application/json" } });
      const body = await res.json();
      if (!res.ok) return showError(slots, body);
      const day = body.day;
      if (!day.open) {
        const c = day.closed || {};
        return slots.replaceChildren(el("p", { class: "notice" }, c.name || t("Instituția este închisă în această zi.", "The office is closed on this day.")));
      }
      const free = day.slots.filter((s) => s.bookable);
      if (!free.length) return slots.replaceChildren(el("p", { class: "notice" }, t("Nu mai sunt locuri online.", "No online seats are left.")));
      const form = el("form", { id: "booking-form" });
      const grid = el("div", { class: "slots" });
      free.forEach((s, i) => {
        const radio = el("input", { type: "radio", name: "slot", value: s.start, required: "" });
        if (i === 0) radio.checked = true;
        grid.append(el("label", {}, radio, " " + s.time + " (" + s.online_left + ")"));
      });
      form.append(el("fieldset", {}, el("legend", {}, t("Alegeți ora", "Choose a time")), grid));
      const field = (name, label, type, required) => {
        form.append(el("label", { for: "b-" + name }, label));
        const input = el("input", { id: "b-" + name, name, type, maxlength: "200" });
        if (required) input.required = true;
        form.append(input);
      };
      field("name", t("Nume și prenume, exact ca în actul de identitate", "Full name, exactly as on the identity card"), "text", true);
      field("phone", t("Telefon", "Phone"), "tel", true);
      field("email", t("Email (opțional)", "Email (optional)"), "email", false);
      if (service === "registration" || service === "provisional") field("vin", t("Seria de șasiu (VIN)", "VIN"), "text", true);
      else field("holder", t("Titular (dacă programați pentru altcineva)", "Holder (if booking for someone else)"), "text", false);
      const consent = el("input", { type: "checkbox", name: "consent", required: "" });
      form.append(el("label", { class: "check" }, consent, " " + t("Accept regulile de programare online.", "I accept the online booking rules.")));
      const button = el("button", { type: "submit" }, t("Programează", "Book"));
      form.append(button);
      slots.replaceChildren(form);
      // One key per filled-in form: a retried or double-clicked submission returns the same booking.
      const idempotencyKey = crypto.randomUUID();
      form.addEventListener("submit", async (e2) => {
        e2.preventDefault();
        button.disabled = true;
        const data = Object.fromEntries(new FormData(form));
        data.service = service;
        data.consent = consent.checked;
        for (const k of Object.keys(data)) if (data[k] === "") delete data[k];
        try {
          // Each attempt solves its own challenge: one admits a single booking.
          const proof = await window.ghiseuProofOfWork("booking");
          if (proof) data.altcha = proof;
          const r = await fetch("/api/bookings", {
            method: "POST",
            headers: { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": idempotencyKey },
            body: JSON.stringify(data),
          });
          const b = await r.json();
          if (!r.ok) return showError(result, b);
          const bk = b.booking;
          result.replaceChildren(
            el("h2", {}, t("Programare înregistrată", "Booking recorded")),
            el("p", {}, t("Numărul rezervării:", "Your reservation number:")),
            el("p", { class: "number" }, el("strong", {}, b.reservation_number || "—")),
            el("p", {}, bk.date + " " + bk.time + " · " + bk.name + " · " + bk.state),
          );
          slots.replaceChildren();
        } finally {
          button.disabled = false;
        }
      });
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
      if (!res.ok) return showError(out, body);
      const b = body.booking;
      const states = { active: t("Activă", "Active"), cancelled: t("Anulată", "Cancelled") };
      const reasons = { duplicate_vin: t("serie de șasiu folosită de mai multe ori", "VIN used more than once"), duplicate_holder: t("titular folosit de mai multe ori", "holder used more than once") };
      const state = (states[b.state] || b.state) + (b.cancel_reason ? ": " + (reasons[b.cancel_reason] || b.cancel_reason) : "");
      const dl = el("dl", {});
      for (const [k, v] of [[t("Serviciu", "Service"), b.service], [t("Data", "Date"), b.date], [t("Ora", "Time"), b.time], [t("Nume", "Name"), b.name], [t("Stare", "State"), state]]) {
        dl.append(el("dt", {}, k), el("dd", {}, v));
      }
      out.replaceChildren(dl);
    });
  }
})();
