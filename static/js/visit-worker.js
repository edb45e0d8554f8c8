// Looks after the visit form so a visit opened once with signal can be finished with none.
// The visit page is fetched from the network when it can be and kept; with no signal the kept
// copy is shown. Static files are kept the same way. Answers are not handled here:
// the page queues them itself (static/js/visit.js) and sends them when the signal returns.
"use strict";
var CACHE = "scrutiny-visits-v1";
// A visit page in English (/mystery-shopping/...) or another language (/cy/mystery-shopping/...).
var VISIT_PAGE = /^(?:\/([a-z]{2}(?:-[a-z]{2})?))?\/mystery-shopping\/visits\/\d+\/record\/$/;
// The words this worker shows, by the address's language prefix ("" for English): the site puts
// them in front of this script when it serves it (mysteryshop/views/record.py, worker).
var WORDS = self.VISIT_WORKER_WORDS || {};
var ENGLISH = {
  lang: "en-GB", title: "No signal",
  body: "This visit was not opened on this phone while there was signal, so it cannot be shown."
};

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

function noSignal(pathname) {
  var match = VISIT_PAGE.exec(pathname);
  var said = WORDS[(match && match[1]) || ""] || WORDS[""] || ENGLISH;
  return new Response(
    "<!doctype html><html lang='" + escapeHtml(said.lang) + "'><title>" + escapeHtml(said.title) +
    "</title><h1>" + escapeHtml(said.title) + "</h1><p>" + escapeHtml(said.body) + "</p></html>",
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function keep(url, response) {
  return caches.open(CACHE).then(function (cache) { return cache.put(url, response); });
}

// The page asks for itself and its scripts and styles to be kept, on its first visit (before
// this worker controls it).
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.urls)) { return; }
  event.waitUntil(Promise.all(data.urls.map(function (raw) {
    var url = new URL(raw, self.location.origin);
    if (url.origin !== self.location.origin) { return null; }
    return fetch(url.href, { credentials: "same-origin", redirect: "manual" }).then(function (response) {
      if (response.ok && response.type === "basic") { return keep(url.pathname, response); }
      return null;
    }).catch(function () { return null; });
  })).then(function () {
    if (event.source) { event.source.postMessage({ type: "kept" }); }
  }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (VISIT_PAGE.test(url.pathname)) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && !response.redirected) { keep(url.pathname, response.clone()); }
      return response;
    }).catch(function () {
      return caches.match(url.pathname).then(function (kept) {
        return kept || noSignal(url.pathname);
      });
    }));
  } else if (url.pathname.indexOf("/static/") === 0) {
    // Network first too, so a new release is never hidden behind a kept copy.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) { keep(url.pathname, response.clone()); }
      return response;
    }).catch(function () {
      return caches.match(url.pathname).then(function (kept) { return kept || Response.error(); });
    }));
  }
});
