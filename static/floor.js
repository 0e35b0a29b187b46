// Issue 22: the counter floor's scripts, each part for its own page. Every page works
// without them; they keep the display and the live ticket current and give the
// clerk's window one-key steps.
(() => {
  'use strict';
  const body = document.body;

  // The waiting-room display: polls today's calls every second; a call it has not
  // shown yet is drawn, announced in the live region and chimed.
  if (body.classList.contains('display')) {
    const url = body.dataset.calls;
    let last = Number(body.dataset.last || 0);
    let chimed = 0;
    const rows = document.getElementById('calls');
    const announce = document.getElementById('announce');
    const sound = document.getElementById('sound');
    let audio = null;
    try {
      audio = new AudioContext();
    } catch (e) {
      audio = null;
    }
    // Browsers keep sound off until someone touches the page: a screen's first
    // start needs the button once (a kiosk browser may allow it outright).
    if (audio && audio.state !== 'running') {
      sound.hidden = false;
      sound.addEventListener('click', () => audio.resume().then(() => { sound.hidden = true; }));
    }
    const chime = () => {
      chimed += 1;
      body.dataset.chimed = String(chimed);
      if (!audio || audio.state !== 'running') return;
      const start = audio.currentTime;
      [660, 880].forEach((frequency, i) => {
        const at = start + i * 0.35;
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
        tone.connect(gain).connect(audio.destination);
        tone.start(at);
        tone.stop(at + 0.65);
      });
    };
    const show = (calls) => {
      rows.replaceChildren(...calls.map((call, i) => {
        const row = document.createElement('tr');
        if (i === 0) row.className = 'latest';
        for (const text of [call.code, String(call.window)]) {
          const cell = document.createElement('td');
          cell.textContent = text;
          row.append(cell);
        }
        return row;
      }));
      const empty = document.getElementById('no-calls');
      if (empty && calls.length) empty.remove();
    };
    const poll = async () => {
      try {
        const answer = await fetch(url, { headers: { accept: 'application/json' } });
        if (answer.ok) {
          const { calls } = await answer.json();
          // Oldest first, so two calls in the same second are both said, in order.
          const fresh = calls.filter((call) => call.id > last).reverse();
          if (fresh.length) {
            last = Math.max(...calls.map((call) => call.id));
            show(calls);
            announce.textContent = fresh
              .map((call) => `${body.dataset.sayTicket} ${call.code}, ${body.dataset.sayWindow} ${call.window}`)
              .join('. ');
            chime();
          }
        }
      } catch (e) {
        // The next poll tries again.
      }
      setTimeout(poll, 1000);
    };
    setTimeout(poll, 1000);
  }

  // The live ticket: its part of the page is fetched again every `data-refresh`
  // seconds; the live region tells a screen reader what changed.
  const live = document.getElementById('live');
  if (live && live.dataset.refresh) {
    const every = Number(live.dataset.refresh) * 1000;
    const refresh = async () => {
      try {
        const answer = await fetch(window.location.href, { headers: { accept: 'text/html' } });
        if (answer.ok) {
          const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
          const fresh = page.getElementById('live');
          if (fresh && fresh.innerHTML !== live.innerHTML) live.innerHTML = fresh.innerHTML;
        }
      } catch (e) {
        // The next round tries again.
      }
      setTimeout(refresh, every);
    };
    setTimeout(refresh, every);
  }

  // The clerk's window: N, R, S, A press the step's button, outside the form fields.
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
    if (event.target.closest('input, select, textarea')) return;
    const button = document.querySelector(`button[data-key="${event.key.toLowerCase()}"]`);
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
})();
