// The service worker of a preview (`build.py serve`): it removes any offline copy of the site from this
// address and unregisters itself, so that an editor always sees the pages just rebuilt, never a kept copy.
// The published site's worker is service_worker.js; offline/precache.py writes one or the other as sw.js.
"use strict";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("working-together-offline-")) await caches.delete(name);
    }
    await self.registration.unregister();
  })());
});
