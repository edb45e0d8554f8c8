// Move focus to the error summary so screen-reader and keyboard users hear what went wrong.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
});

// Stacked tables (.table-stack, see scrutiny.css): on a phone each row reads as a card, and
// each cell is introduced by its column's heading, taken here from the table's header row.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("table.table-stack").forEach(function (table) {
    var headings = Array.prototype.map.call(
      table.querySelectorAll("thead tr:last-child th"),
      function (th) {
        // A heading only screen readers hear (such as "Change" over a column of links) needs
        // no words on the card either.
        var hidden = th.querySelector(".visually-hidden");
        if (hidden && hidden.textContent.trim() === th.textContent.trim()) { return ""; }
        return th.textContent.trim();
      }
    );
    table.querySelectorAll("tbody tr, tfoot tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (i > 0 && headings[i] && !cell.hasAttribute("data-label")) {
          cell.setAttribute("data-label", headings[i]);
        }
      });
    });
  });
});

// Signing out on a shared phone. Visit answers given with no signal wait in this browser
// (IndexedDB "scrutiny-visits", see visit.js) until they are sent; signing out deletes them
// (the sign-out response clears the site's data), so first say how many are still waiting.
(function () {
  "use strict";
  var QUEUE_DB = "scrutiny-visits";

  function waiting() {
    if (!window.indexedDB) { return Promise.resolve([]); }
    var exists = indexedDB.databases
      ? indexedDB.databases().then(function (list) {
          return list.some(function (db) { return db.name === QUEUE_DB; });
        })
      : Promise.resolve(true);
    return exists.then(function (found) {
      if (!found) { return []; }
      return new Promise(function (resolve) {
        var request = indexedDB.open(QUEUE_DB);
        // Opening must not create the queue where there was none.
        request.onupgradeneeded = function () { request.transaction.abort(); };
        request.onerror = function () { resolve([]); };
        request.onsuccess = function () {
          var db = request.result;
          if (!db.objectStoreNames.contains("queue")) { db.close(); resolve([]); return; }
          var all = db.transaction("queue", "readonly").objectStore("queue").getAll();
          all.onsuccess = function () { db.close(); resolve(all.result || []); };
          all.onerror = function () { db.close(); resolve([]); };
        };
      });
    }).catch(function () { return []; });
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function describe(items) {
    var answers = items.filter(function (i) { return i.kind === "answer"; }).length;
    var photos = items.filter(function (i) { return i.kind === "photo"; }).length;
    var parts = [];
    if (answers) { parts.push(plural(answers, "answer")); }
    if (photos) { parts.push(plural(photos, "photo")); }
    return parts.join(" and ") + " saved on this phone " + (answers + photos === 1 ? "is" : "are") +
      " not sent yet.";
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-sign-out]") || form.dataset.confirmed === "yes") { return; }
    event.preventDefault();
    waiting().then(function (items) {
      if (!items.length) {
        form.dataset.confirmed = "yes";
        form.submit();
        return;
      }
      var warning = form.parentNode.querySelector("[data-unsent-warning]");
      if (!warning) {
        warning = document.createElement("div");
        warning.className = "alert alert-warning mt-2";
        warning.setAttribute("role", "alert");
        warning.setAttribute("data-unsent-warning", "");
        form.parentNode.insertBefore(warning, form);
      }
      warning.textContent = describe(items) + " Signing out deletes them from this phone. To send " +
        "them, go back to the visit where there is signal and wait until it says every answer is " +
        "saved. To delete them and sign out anyway, press \u201cSign out and delete them\u201d.";
      var button = form.querySelector("button[type=submit]");
      button.textContent = "Sign out and delete them";
      form.dataset.confirmed = "yes";
      button.focus();
    });
  });

  // The sign-in page after signing out: delete what the site kept here, for browsers that did
  // not act on the sign-out response's Clear-Site-Data header.
  document.addEventListener("DOMContentLoaded", function () {
    if (!document.querySelector("[data-signed-out]")) { return; }
    var work = [];
    if (window.caches) {
      work.push(caches.keys().then(function (names) {
        return Promise.all(names.map(function (name) { return caches.delete(name); }));
      }));
    }
    if (window.indexedDB) {
      work.push(new Promise(function (resolve) {
        var request = indexedDB.deleteDatabase(QUEUE_DB);
        request.onsuccess = request.onerror = request.onblocked = function () { resolve(); };
      }));
    }
    if (navigator.serviceWorker && navigator.serviceWorker.getRegistrations) {
      work.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (r) { return r.unregister(); }));
      }));
    }
    Promise.all(work).catch(function () { return null; }).then(function () {
      document.documentElement.dataset.siteDataCleared = "yes";
    });
  });
})();
