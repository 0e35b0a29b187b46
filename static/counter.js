// The counter's day view: today's slots with online and walk-in seats taken, who is
// expected (masked), checked in or did not come; walk-in tickets and check-in.
// Data comes from the staff API with the clerk's token, kept for this tab only.
"use strict";
(function () {
  const lang = document.body.dataset.lang === "en" ? "en" : "ro";
  const t = (ro, en) => (lang === "en" ? en : ro);
  const form = document.getElementById("counter-form");
  const token = document.getElementById("token");
  const day = document.getElementById("day");
  const checkIn = document.getElementById("check-in-form");
  const message = document.getElementById("counter-message");
  const out = document.getElementById("counter-day");
  const states = {
    active: t("așteptat", "expected"),
    attended: t("prezentat", "checked in"),
    no_show: t("neprezentat", "no-show"),
    cancelled: t("anulat", "cancelled"),
  };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  }

  function say(text, isError) {
    message.replaceChildren(el("p", isError ? { class: "error", role: "alert" } : {}, text));
  }

  async function call(method, path, body) {
    const headers = { accept: "application/json", authorization: "Bearer " + token.value.trim() };
    if (body) headers["content-type"] = "application/json";
    const res = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      const e = data.error || {};
      throw new Error((lang === "en" ? e.message : e.message_ro) || res.status);
    }
    return data;
  }

  function slotRow(service, slot) {
    const who = el("ul", {});
    for (const b of slot.bookings) {
      const moved = b.relocation_unconfirmed ? " · " + t("mutat, neconfirmat", "moved, unconfirmed") : "";
      who.append(el("li", { class: "state-" + b.state }, b.name + " — " + (states[b.state] || b.state) + moved));
    }
    const ticket = el("button", { type: "button" }, t("Bon fără programare", "Walk-in ticket"));
    ticket.disabled = slot.walk_in_issued >= slot.walk_in_seats || slot.closed;
    ticket.addEventListener("click", async () => {
      try {
        const r = await call("POST", "/api/staff/walk-in", { service, slot: slot.time });
        say(t("Bon emis: ", "Ticket issued: ") + r.ticket.ticket + " · " + r.ticket.time);
        await show();
      } catch (e) {
        say(e.message, true);
      }
    });
    return el(
      "tr",
      slot.closed ? { class: "closed" } : {},
      el("td", {}, slot.time + (slot.closed ? " · " + t("închis", "closed") : "")),
      el("td", {}, slot.online_taken + " / " + slot.online_seats),
      el("td", {}, slot.walk_in_issued + " / " + slot.walk_in_seats),
      el("td", {}, who),
      el("td", {}, ticket)
    );
  }

  async function show() {
    const q = day.value ? "?date=" + encodeURIComponent(day.value) : "";
    const data = await call("GET", "/api/staff/day" + q);
    out.replaceChildren();
    for (const s of data.day.services) {
      if (!s.slots.length) continue;
      const head = el(
        "tr",
        {},
        ...[t("Ora", "Time"), t("Online", "Online"), t("Fără programare", "Walk-in"), t("Persoane", "People"), ""].map((h) => el("th", {}, h))
      );
      const table = el("table", {}, el("thead", {}, head), el("tbody", {}, ...s.slots.map((slot) => slotRow(s.service, slot))));
      out.append(el("h2", {}, lang === "en" ? s.name_en : s.name_ro), table);
    }
    if (!out.children.length) out.append(el("p", {}, t("Instituția este închisă în această zi.", "The office is closed on this day.")));
    checkIn.hidden = false;
  }

  token.value = sessionStorage.getItem("ghiseu-staff-token") || "";
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    sessionStorage.setItem("ghiseu-staff-token", token.value.trim());
    try {
      await show();
      message.replaceChildren();
    } catch (e) {
      say(e.message, true);
    }
  });
  checkIn.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const body = Object.fromEntries(new FormData(checkIn));
    try {
      const r = await call("POST", "/api/staff/check-in", body);
      say(t("Prezentare confirmată: ", "Checked in: ") + r.booking.name + " · " + r.booking.time);
      checkIn.reset();
      await show();
    } catch (e) {
      say(e.message, true);
    }
  });
})();
