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

  // Announced by screen readers when it fills: the region exists, empty, from the start.
  const prompt = document.createElement("div");
  prompt.className = "offline-update";
  prompt.setAttribute("role", "status");
  document.body.append(prompt);

  const when = (time) => new Date(time).toLocaleString("en-GB", {
    day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
  });
  const files = (n) => `${n} file${n === 1 ? "" : "s"}`;
  let lastStatus = null;

  function render(message) {
    lastStatus = message;
    document.documentElement.dataset.offline = message.complete ? "complete" : message.saving ? "saving" : "none";
    const saved = localStorage.getItem(SAVED);
    // Honest about eviction: a copy was saved here, and the browser has since deleted it.
    const evicted = !message.complete && saved
      ? `The browser has deleted the offline copy saved on ${when(Number(saved))} (browsers do this after ` +
        "some days without a visit, or when the device is short of space). "
      : "";
    let text;
    if (message.complete) {
      localStorage.setItem(SAVED, String(message.updated));
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
    if (footer) show(footer.querySelector("[data-offline-footer-text]"), text), show(footer);
    if (panel) {
      show(panel);
      if (panelStatus) panelStatus.textContent = text;
      if (button) button.disabled = Boolean(message.saving);
    }
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
    if (message.type === "offline-status") render(message);
    if (message.type === "offline-progress") {
      render({ ...(lastStatus || {}), complete: false, saving: true, cached: message.done, total: message.total });
    }
  });

  // After the page has loaded, so that the worker and the copy never compete with the page being read.
  const register = () => navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.href });
  const loaded = document.readyState === "complete"
    ? Promise.resolve() : new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
  loaded.then(register).then(async (registration) => {
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
    render({ complete: false, error: String(error.message || error) });
  });
})();
