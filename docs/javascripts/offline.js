// Offline use of the hosted site: registers the service worker (written to the site's root by the build,
// offline/precache.py), shows what the browser keeps, and offers the reload when a new version is ready.
// From file:// there is no service worker: the page says so on the download page and nothing else changes.
(() => {
  "use strict";
  const SAVED = "working-together-offline-saved"; // localStorage: when a complete copy was last reported
  const footer = document.querySelector("[data-offline-footer]");
  const panel = document.querySelector("[data-offline-panel]");
  const fromDisk = document.querySelector("[data-offline-file]");
  const unsupported = document.querySelector("[data-offline-unsupported]");
  const show = (element, text) => {
    if (!element) return;
    if (text !== undefined) element.textContent = text;
    element.hidden = false;
  };

  if (location.protocol === "file:") {
    show(fromDisk);
    return;
  }
  if (!("serviceWorker" in navigator) || !("caches" in window)) {
    show(unsupported);
    return;
  }

  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  const saveData = Boolean(navigator.connection && navigator.connection.saveData);
  const panelStatus = panel && panel.querySelector("[data-offline-status]");
  const button = panel && panel.querySelector("[data-offline-save]");
  const kept = panel && panel.querySelector("[data-offline-kept]");

  // Announced by screen readers when it fills: the region exists, empty, before the worker is registered
  // (below), the only thing that can fill it.
  const prompt = document.createElement("div");
  prompt.className = "offline-update";
  prompt.setAttribute("role", "status");

  // "30 November 2026 at 22:40", local time, as Chromium writes it for en-GB. Written out here rather than by
  // Intl: the first date a page formats loads the browser's locale data, one long task of 50-180 ms on a
  // slow phone, paid on every page of a saved copy (Lighthouse's Total Blocking Time, issue 15).
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  const two = (n) => String(n).padStart(2, "0");
  const when = (time) => {
    const date = new Date(time);
    return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()} at ` +
      `${two(date.getHours())}:${two(date.getMinutes())}`;
  };
  const files = (n) => `${n} file${n === 1 ? "" : "s"}`;
  let latest = null; // the worker's last report, drawn or about to be

  // Only what changed is written: each change to the page makes the browser lay out and repaint it, which
  // on a long page (Annex A) is most of the cost of a progress report.
  const write = (element, text) => {
    if (!element) return;
    if (text !== undefined && element.textContent !== text) element.textContent = text;
    if (element.hidden) element.hidden = false;
  };

  // localStorage is read once and written only when the date changes: the first use on a page is slow.
  let savedAt;
  const saved = () => (savedAt === undefined ? (savedAt = localStorage.getItem(SAVED)) : savedAt);
  const remember = (time) => {
    if (saved() !== time) localStorage.setItem(SAVED, (savedAt = time));
  };

  function render(message) {
    const state = message.complete ? "complete" : message.saving ? "saving" : "none";
    if (document.documentElement.dataset.offline !== state) document.documentElement.dataset.offline = state;
    // Honest about eviction: a copy was saved here, and the browser has since deleted it.
    const evicted = !message.complete && saved()
      ? `The browser has deleted the offline copy saved on ${when(Number(saved()))} (browsers do this after ` +
        "some days without a visit, or when the device is short of space). "
      : "";
    let text;
    if (message.complete) {
      remember(String(message.updated));
      askToKeep();
      text = `Available offline: ${files(message.total)}, updated ${when(message.updated)}.`;
    } else if (message.error) {
      text = `${evicted}Saving for offline use stopped: ${message.error}. Try again when you have a connection.`;
    } else if (message.saving) {
      text = `${evicted}Saving for offline use: ${message.cached} of ${files(message.total)}.`;
    } else if (evicted) {
      text = `Not available offline. ${evicted}Save it again while you have a connection.`;
    } else if (saveData) {
      text = "Not saved for offline use: your browser asks sites to save data, so nothing is saved " +
        "until you choose to.";
    } else {
      text = "Not yet available offline.";
    }
    if (footer) write(footer.querySelector("[data-offline-footer-text]"), text), write(footer);
    if (panel) {
      write(panel);
      write(panelStatus, text);
      if (button && button.disabled !== Boolean(message.saving)) button.disabled = Boolean(message.saving);
    }
  }

  // The worker reports progress after every few files, dozens of times while it saves the site. The line is
  // redrawn at most twice a second, with the latest report, and when the browser is idle (within half a
  // second): never in the middle of the page's own start-up work.
  const DRAW_EVERY_MS = 500;
  // ``callback`` once the browser is idle, or after ``timeout`` ms at the latest (``fallback`` ms where the
  // browser cannot tell when it is idle).
  const whenIdle = (callback, timeout = 500, fallback = 0) => ("requestIdleCallback" in window
    ? requestIdleCallback(() => callback(), { timeout }) : setTimeout(callback, fallback));
  let drawing = false;
  let drawnAt = 0;
  function draw(message) {
    latest = message;
    if (drawing) return;
    drawing = true;
    setTimeout(() => whenIdle(() => {
      drawing = false;
      drawnAt = Date.now();
      render(latest);
    }), Math.max(0, drawnAt + DRAW_EVERY_MS - Date.now()));
  }

  async function showKept() {
    if (!kept || !navigator.storage || !navigator.storage.persisted) return;
    show(kept, (await navigator.storage.persisted())
      ? "Your browser has agreed to keep the copy until you clear this site's data."
      : "Your browser may delete the copy if the device runs short of space or after some days without " +
        "a visit; this page will tell you if it has.");
  }

  // Ask to be kept: without it browsers may evict the copy after days without a visit. Asked once the copy
  // is complete, or when the reader presses the button, not on arrival (Firefox asks the reader).
  let persistAsked = false;
  async function askToKeep() {
    if (persistAsked || !navigator.storage || !navigator.storage.persist) return;
    persistAsked = true;
    if (!(await navigator.storage.persisted())) await navigator.storage.persist().catch(() => false);
    showKept();
  }

  function save(worker) {
    worker.postMessage({ type: "precache" });
    askToKeep();
  }

  function offerReload(registration) {
    if (!registration.waiting || !navigator.serviceWorker.controller || prompt.firstChild) return;
    const reload = document.createElement("button");
    reload.type = "button";
    reload.className = "offline-update__reload";
    reload.textContent = "reload";
    reload.addEventListener("click", () => {
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
      registration.waiting.postMessage({ type: "reload" });
    });
    prompt.append("A new version is available: ", reload);
  }

  navigator.serviceWorker.addEventListener("message", (event) => {
    const message = event.data || {};
    if (message.type === "offline-status") draw(message);
    if (message.type === "offline-progress") {
      draw({ ...(latest || {}), complete: false, saving: true, cached: message.done, total: message.total });
    }
  });

  // After the page has loaded and once the browser is idle (or 3 s after load at the latest), so that the
  // worker and the copy never compete with the page being drawn and made ready for input: registering is
  // one long task on a slow phone (Lighthouse's Total Blocking Time, issue 15).
  const register = () => navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.href });
  const loaded = document.readyState === "complete"
    ? Promise.resolve() : new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
  const idle = () => new Promise((resolve) => whenIdle(resolve, 3000, 200));
  loaded.then(idle).then(() => {
    document.body.append(prompt);
    return register();
  }).then(async (registration) => {
    offerReload(registration);
    registration.addEventListener("updatefound", () => {
      const installing = registration.installing;
      installing.addEventListener("statechange", () => {
        if (installing.state === "installed") offerReload(registration);
      });
    });
    const ready = await navigator.serviceWorker.ready;
    const worker = ready.active;
    if (button) button.addEventListener("click", () => save(worker));
    worker.postMessage(saveData ? { type: "status" } : { type: "precache" });
    showKept();
  }).catch((error) => {
    draw({ complete: false, error: String(error.message || error) });
  });
})();
