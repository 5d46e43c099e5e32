// The service worker of the deployable build (make dist): it keeps the
// lab's files in the browser's cache so that the lab opens offline after a
// first visit (a classroom whose network drops, a laptop on a train).
// make dist puts VERSION (the build's hash) and FILES (the page and every
// file it loads, hashed names included) before this text; the development
// server (make serve) does not serve it, so a build in progress is never
// cached. loader.js registers it once the lab is up, so that its download
// does not compete with the program's; by then the files are in the
// browser's HTTP cache.
//
// The hashed files never change under their names: they come from the
// cache first. The page itself (index.html, and "./" with any query) comes
// from the network first, so that a new build is seen as soon as there is
// a network, and from the cache when there is none. The data sets (data/),
// named without a hash, are kept as they are first fetched, and refreshed
// on the next visit with a network.
/* global VERSION, FILES */
"use strict";

const CACHE = `aelab-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

// A new build's worker drops the caches of older ones.
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("aelab-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== location.origin) return;
  if (req.mode === "navigate") {
    event.respondWith(networkFirst(req, true));
  } else if (url.pathname.includes("/data/")) {
    event.respondWith(networkFirst(req, false));
  } else {
    event.respondWith(cacheFirst(req));
  }
});

async function cacheFirst(req) {
  const hit = await caches.match(req);
  return hit || fetch(req);
}

// networkFirst answers from the network and keeps the answer; offline, from
// the cache (for the page, whatever its query: a shared link
// ?scene=…&seed=… opens the same index.html).
async function networkFirst(req, page) {
  const cache = await caches.open(CACHE);
  try {
    const resp = await fetch(req);
    if (resp.ok) await cache.put(page ? "./" : req, resp.clone());
    return resp;
  } catch (e) {
    const hit = page ? await cache.match("./") : await cache.match(req);
    if (hit) return hit;
    throw e;
  }
}
