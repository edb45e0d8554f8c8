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
// The warning goes at the top of the page's main content, never inside the phone's menu, which
// can be closed or still sliding open; and the check has a time limit, so pressing Sign out
// always does something.
(function () {
  "use strict";
  var QUEUE_DB = "scrutiny-visits";
  var CHECK_LIMIT_MS = 5000;

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

  // What is waiting, or null when the browser has not said within the time limit.
  function waitingWithinLimit() {
    var limit = new Promise(function (resolve) {
      window.setTimeout(function () { resolve(null); }, CHECK_LIMIT_MS);
    });
    return Promise.race([waiting(), limit]);
  }

  // The page's language (Django's JavaScript catalogue, loaded before this file), or English
  // where the catalogue could not be loaded.
  var gettext = window.gettext || function (text) { return text; };
  var ngettext = window.ngettext || function (one, other, n) { return n === 1 ? one : other; };
  var interpolate = window.interpolate || function (text, values) {
    return text.replace(/%\((\w+)\)s/g, function (all, name) { return values[name]; });
  };

  function describe(items) {
    var answers = items.filter(function (i) { return i.kind === "answer"; }).length;
    var photos = items.filter(function (i) { return i.kind === "photo"; }).length;
    if (answers && photos) {
      return interpolate(gettext("%(answers)s and %(photos)s saved on this phone are not sent yet."), {
        answers: interpolate(ngettext("%(count)s answer", "%(count)s answers", answers), {count: answers}, true),
        photos: interpolate(ngettext("%(count)s photo", "%(count)s photos", photos), {count: photos}, true)
      }, true);
    }
    if (photos) {
      return interpolate(ngettext("%(count)s photo saved on this phone is not sent yet.",
        "%(count)s photos saved on this phone are not sent yet.", photos), {count: photos}, true);
    }
    return interpolate(ngettext("%(count)s answer saved on this phone is not sent yet.",
      "%(count)s answers saved on this phone are not sent yet.", answers), {count: answers}, true);
  }

  function closeMenu() {
    var menu = document.getElementById("main-nav");
    if (menu && menu.classList.contains("show") && window.bootstrap && bootstrap.Collapse) {
      bootstrap.Collapse.getOrCreateInstance(menu, {toggle: false}).hide();
    }
  }

  function warn(form, text, label) {
    var warning = document.querySelector("[data-unsent-warning]");
    if (!warning) {
      warning = document.createElement("div");
      warning.className = "alert alert-warning";
      warning.setAttribute("role", "alert");
      warning.setAttribute("data-unsent-warning", "");
      var main = document.getElementById("main-content") || form.parentNode;
      main.insertBefore(warning, main.firstChild);
    }
    warning.textContent = "";
    var message = document.createElement("p");
    message.textContent = text;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-outline-dark";
    button.textContent = label;
    button.addEventListener("click", function () {
      form.dataset.confirmed = "yes";
      form.submit();
    });
    warning.appendChild(message);
    warning.appendChild(button);
    closeMenu();
    button.focus();
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-sign-out]") || form.dataset.confirmed === "yes") { return; }
    event.preventDefault();
    if (form.dataset.checking === "yes") { return; }
    form.dataset.checking = "yes";
    waitingWithinLimit().then(function (items) {
      delete form.dataset.checking;
      if (items === null) {
        warn(form, gettext("We could not check this phone for visit answers that are not sent yet. If " +
          "you answered a visit with no signal, go back to it and wait until it says every answer " +
          "is saved. Signing out deletes any answers not sent from this phone."),
          gettext("Sign out anyway"));
        return;
      }
      if (!items.length) {
        form.dataset.confirmed = "yes";
        form.submit();
        return;
      }
      warn(form, describe(items) + " " + gettext("Signing out deletes them from this phone. To send " +
        "them, go back to the visit where there is signal and wait until it says every answer is " +
        "saved. To delete them and sign out anyway, press \u201cSign out and delete them\u201d."),
        gettext("Sign out and delete them"));
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

// Parts of a page that refresh themselves (htmx polling a report's or a document's status) are
// replaced whole, and a live region that is replaced is often not read out. So the new status
// ([data-announce]) is spoken through one live region that stays in the page (#page-announcer,
// in base.html), only when its words change; and focus that was inside the replaced part is put
// back on the same link or button, or on the part itself, rather than lost to the top of the page.
(function () {
  "use strict";
  var before = null;

  function statusText(root) {
    var status = root && root.querySelector("[data-announce]");
    return status ? status.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function sameElement(root, was) {
    if (was.id) { return document.getElementById(was.id); }
    var found = null;
    root.querySelectorAll(was.tag).forEach(function (candidate) {
      if (!found && candidate.getAttribute("href") === was.href &&
          candidate.textContent.trim() === was.text) { found = candidate; }
    });
    return found;
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    // An error answer is not swapped in (htmx's default), so there is nothing to announce.
    if (!event.detail.shouldSwap || !target) { before = null; return; }
    var active = document.activeElement;
    before = {
      targetId: target.id,
      text: statusText(target),
      focus: active && active !== document.body && target.contains(active) ? {
        self: active === target, id: active.id, tag: active.tagName.toLowerCase(),
        href: active.getAttribute("href"), text: active.textContent.trim()
      } : null
    };
  });

  // htmx:load, not htmx:afterSettle: the element that asked may have been replaced with the part
  // (the document page swaps the whole main area), and then its events never reach the document.
  document.addEventListener("htmx:load", function () {
    if (!before || !before.targetId) { return; }
    var part = document.getElementById(before.targetId);
    var was = before;
    before = null;
    if (!part) { return; }
    var text = statusText(part);
    var announcer = document.getElementById("page-announcer");
    if (announcer && text && text !== was.text) { announcer.textContent = text; }
    if (was.focus && !part.contains(document.activeElement)) {
      var again = was.focus.self ? part : sameElement(part, was.focus);
      if (!again) {
        again = part;
        if (!part.hasAttribute("tabindex")) { part.setAttribute("tabindex", "-1"); }
      }
      again.focus({ preventScroll: true });
    }
  });
})();

// A button that prints the page ([data-print], such as the recovery codes).
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-print]");
  if (button) { window.print(); }
});
