// The site's service worker: keeps a whole version of the site for reading with no signal.
// The build (offline/precache.py) writes this file to the site's root as sw.js, after a line that sets
// PRECACHE = {version, files: {path: content hash}}. Paths are relative to the worker's scope, which is
// the site's root wherever it is published (/, or /REPO/ on GitHub Pages).
//
// - One cache per version. A version is served whole from its own cache, so old and new pages never mix.
// - Nothing is fetched until a page asks ("precache" message): pages hold back when the browser signals
//   Save-Data, until the reader presses "Save for offline use now".
// - An update, for a reader who keeps a copy, fetches only the files whose hash changed (the rest are
//   copied from the old version's cache), then waits until the reader chooses to reload.
"use strict";

const PREFIX = "working-together-offline-";
const CACHE = PREFIX + PRECACHE.version;
const STATE = "offline-state.json"; // in each version's cache, once all of its files are there
const BATCH = 6;
const root = new URL(self.registration.scope);
const address = (path) => new URL(path, root).href;

let saving = null;

async function readState(cache) {
  const response = await cache.match(address(STATE));
  return response ? response.json() : null;
}

// The newest other version that is complete: where unchanged files are copied from.
async function previousCopy() {
  let best = null;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const state = await readState(cache);
    if (state && (!best || state.updated > best.state.updated)) best = { cache, state };
  }
  return best;
}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function broadcast(message) {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true, type: "window" })) {
    client.postMessage(message);
  }
}

async function status() {
  const cache = await caches.open(CACHE);
  const state = await readState(cache);
  const total = Object.keys(PRECACHE.files).length;
  const keys = new Set((await cache.keys()).map((request) => request.url));
  const cached = Object.keys(PRECACHE.files).filter((path) => keys.has(address(path))).length;
  return {
    type: "offline-status", version: PRECACHE.version, total, cached,
    complete: Boolean(state), updated: state ? state.updated : null, saving: Boolean(saving),
  };
}

async function fetchChecked(path, hash) {
  // "no-cache": never keep a stale copy from the HTTP cache under a new hash.
  const response = await fetch(address(path), { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const found = (await sha256(await response.clone().arrayBuffer())).slice(0, hash.length);
  if (found !== hash) throw new Error(`${path}: the server has another version (a deploy in progress?)`);
  return response;
}

function precache() {
  if (saving) return saving;
  saving = (async () => {
    const cache = await caches.open(CACHE);
    if (await readState(cache)) return;
    const previous = await previousCopy();
    const paths = Object.keys(PRECACHE.files);
    let done = 0;
    let fetched = 0;
    for (let i = 0; i < paths.length; i += BATCH) {
      await Promise.all(paths.slice(i, i + BATCH).map(async (path) => {
        const hash = PRECACHE.files[path];
        if (!(await cache.match(address(path)))) {
          const old = previous && previous.state.files[path] === hash
            ? await previous.cache.match(address(path)) : null;
          if (!old) fetched += 1;
          await cache.put(address(path), old || await fetchChecked(path, hash));
        }
        done += 1;
      }));
      await broadcast({ type: "offline-progress", done, total: paths.length });
    }
    const state = { version: PRECACHE.version, files: PRECACHE.files, updated: Date.now(), fetched };
    await cache.put(address(STATE), new Response(JSON.stringify(state), {
      headers: { "Content-Type": "application/json" },
    }));
  })().finally(() => { saving = null; });
  return saving;
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    if (await previousCopy()) {
      // The reader keeps a copy: fetch what changed now, then wait for "reload" (see the page's offline.js).
      await precache();
    } else {
      // Nothing kept, so nothing to keep consistent: take over at once.
      await self.skipWaiting();
    }
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
    await broadcast(await status());
  })());
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "precache") {
    event.waitUntil(precache().then(
      async () => broadcast(await status()),
      async (error) => broadcast({ ...(await status()), error: String(error.message || error) }),
    ));
  } else if (type === "status") {
    event.waitUntil(status().then((message) => event.source.postMessage(message)));
  } else if (type === "reload") {
    self.skipWaiting();
  }
});

// A file of this version comes from its cache; anything else (or before the copy is saved) from the network.
async function respond(request) {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  const path = url.href.slice(root.href.length);
  const key = path === "" || path.endsWith("/") ? address(path + "index.html") : url.href;
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  // Not in this version (or not saved yet): the network. Offline, the browser's own "no connection" page is
  // clearer than our 404.html, whose root-relative links do not work under a base path such as /REPO/.
  return fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(root.href)) return;
  event.respondWith(respond(request));
});
