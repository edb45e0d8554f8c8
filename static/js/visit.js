// The visit form on a phone: one screen per section, each answer saved as it is given, and
// kept on the phone (IndexedDB) until it reaches the server, so a visit can be finished with
// no signal. Each answer carries an idempotency key, so sending it twice saves it once.
(function () {
  "use strict";
  var form = document.getElementById("visit-form");
  if (!form || !window.fetch || !window.indexedDB) { return; }
  var visitId = form.dataset.visit;
  var answerUrl = form.dataset.answerUrl;
  var photoUrl = form.dataset.photoUrl;
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var statusText = document.querySelector("[data-sync-text]");
  var total = Number(form.dataset.total);
  var current = Number(form.dataset.current);
  var flushing = false;
  var flushAgain = false; // an answer came while sending: send again at once, not in 15 s
  var blocked = "";      // why sending stopped (signed out, visit locked), shown to the person
  var acked = {};        // standard -> answer version the server last confirmed
  var seq = Date.now();

  // ------------------------------------------------------------------------- words
  // The words this script shows come with the page, in its language (views/record.py
  // visit_words), so a page kept for use with no signal has them too.
  var wordsEl = document.getElementById("visit-words");
  var words = wordsEl ? JSON.parse(wordsEl.textContent) : {};
  var welsh = String(words.language || document.documentElement.lang || "").toLowerCase().indexOf("cy") === 0;
  function fill(text, values) {
    return String(text || "").replace(/%\((\w+)\)s/g, function (all, name) {
      return values && values[name] !== undefined ? String(values[name]) : all;
    }).replace(/%%/g, "%");
  }
  function t(key, values) { return fill(words[key], values); }
  // Which plural form a number takes: Welsh has four (1, 2, 8 and 11, and the rest), English two.
  function pluralKey(n) {
    if (n === 1) { return "1"; }
    if (!welsh) { return "3"; }
    if (n === 2) { return "2"; }
    return (n === 8 || n === 11) ? "8" : "3";
  }
  function counted(key, n) { return fill((words[key] || {})[pluralKey(n)], { count: n }); }

  // ---------------------------------------------------------------- a small IndexedDB queue
  var dbPromise = null;
  function openDb() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var request = indexedDB.open("scrutiny-visits", 1);
        request.onupgradeneeded = function () {
          request.result.createObjectStore("queue", { keyPath: "key" }).createIndex("visit", "visit");
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }
    return dbPromise;
  }
  function run(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction("queue", mode);
        var request = work(tx.objectStore("queue"));
        tx.oncomplete = function () { resolve(request ? request.result : undefined); };
        tx.onerror = tx.onabort = function () { reject(tx.error); };
      });
    });
  }
  var queue = {
    put: function (item) { return run("readwrite", function (s) { return s.put(item); }); },
    remove: function (key) { return run("readwrite", function (s) { return s.delete(key); }); },
    all: function () {
      return run("readonly", function (s) { return s.index("visit").getAll(visitId); })
        .then(function (items) { return (items || []).sort(function (a, b) { return a.seq - b.seq; }); });
    }
  };

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // ------------------------------------------------------------------------- answers
  function fieldset(standard) { return form.querySelector('fieldset[data-standard="' + standard + '"]'); }
  function input(fs, name) { return fs.querySelector('[name="s' + fs.dataset.standard + "-" + name + '"]'); }
  function checked(fs, name) {
    return fs.querySelector('[name="s' + fs.dataset.standard + "-" + name + '"]:checked');
  }

  function valueOf(fs) {
    var type = fs.dataset.type;
    var na = input(fs, "not_applicable");
    if (na && na.checked) { return { not_applicable: true }; }
    if (type === "yes_no") {
      var choice = checked(fs, "choice");
      return choice ? { choice: choice.value } : null;
    }
    if (type === "rating") {
      var rating = checked(fs, "rating");
      return rating ? { rating: rating.value } : null;
    }
    if (type === "number") {
      var number = input(fs, "number").value.trim();
      return number === "" ? null : { number: number };
    }
    return { text: input(fs, "text").value };
  }

  function show(fs, value) {
    var type = fs.dataset.type;
    var na = input(fs, "not_applicable");
    if (na) { na.checked = !!value.not_applicable; }
    if (type === "yes_no") {
      var pick = value.not_applicable ? "na" : value.choice;
      var radio = fs.querySelector('[name="s' + fs.dataset.standard + '-choice"][value="' + pick + '"]');
      if (radio) { radio.checked = true; }
    } else if (type === "rating" && value.rating) {
      var r = fs.querySelector('[name="s' + fs.dataset.standard + '-rating"][value="' + value.rating + '"]');
      if (r) { r.checked = true; }
    } else if (type === "number" && value.number !== undefined) {
      input(fs, "number").value = value.number;
    } else if (type === "text" && value.text !== undefined) {
      input(fs, "text").value = value.text;
    }
  }

  // Whether the question has an answer to count: a text box left empty (which is still sent,
  // so that emptying it clears the saved text) is not one.
  function answered(fs) {
    var value = valueOf(fs);
    return !!value && (fs.dataset.type !== "text" || value.text.trim() !== "");
  }

  function state(fs, text, kind) {
    var el = fs && fs.querySelector("[data-answer-state]");
    if (!el) { return; }
    el.textContent = text;
    el.className = "answer-state mb-0" + (kind ? " answer-state--" + kind : "");
  }

  function answeredCount() {
    var n = 0;
    form.querySelectorAll("fieldset[data-standard]").forEach(function (fs) { if (answered(fs)) { n += 1; } });
    var out = document.querySelector("[data-answered]");
    if (out) { out.textContent = String(n); }
  }

  function queueAnswer(fs) {
    var value = valueOf(fs);
    answeredCount();
    if (!value) { return; }
    var standard = fs.dataset.standard;
    var item = {
      key: newKey(), visit: visitId, kind: "answer", standard: standard,
      based_on: Number(fs.dataset.version), value: value, seq: seq += 1
    };
    state(fs, t("kept"), "pending");
    queue.all().then(function (items) {
      // An earlier answer to the same question that has not gone yet is replaced by this one.
      var stale = items.filter(function (i) { return i.kind === "answer" && i.standard === standard; });
      return Promise.all(stale.map(function (i) { return queue.remove(i.key); }));
    }).then(function () { return queue.put(item); }).then(function () {
      updateStatus();
      flush();
    });
  }

  // ------------------------------------------------------------------------- sending
  function post(url, body, headers) {
    headers = headers || {};
    headers["X-CSRFToken"] = csrf;
    headers["X-Requested-With"] = "fetch";
    return fetch(url, { method: "POST", credentials: "same-origin", redirect: "manual", headers: headers, body: body });
  }

  function stop(message) { blocked = message; return false; }

  function sendAnswer(item) {
    var fs = fieldset(item.standard);
    var basedOn = item.force ? null : (acked[item.standard] !== undefined ? acked[item.standard] : item.based_on);
    var body = JSON.stringify({ key: item.key, standard: item.standard, based_on: basedOn, value: item.value });
    return post(answerUrl, body, { "Content-Type": "application/json" }).then(function (response) {
      if (response.type === "opaqueredirect" || response.status === 401) {
        return stop(t("signed_out_answers"));
      }
      return response.json().then(function (data) {
        if (response.ok) {
          acked[item.standard] = data.version;
          if (fs) { fs.dataset.version = data.version; input(fs, "version").value = data.version; }
          state(fs, t("saved"), "saved");
          showScore(data.score);
          return queue.remove(item.key).then(function () { return true; });
        }
        if (response.status === 409) {
          conflict(fs, item, data);
          return queue.remove(item.key).then(function () { return true; });
        }
        if (response.status === 403) { return stop(data.message); }
        state(fs, data.message || t("not_saved"), "error");
        return queue.remove(item.key).then(function () { return true; });
      });
    });
  }

  function sendPhoto(item) {
    var body = new FormData();
    body.append("key", item.key);
    body.append("description", item.description);
    body.append("photo", item.blob, item.name || "photo.jpg");
    return post(photoUrl, body).then(function (response) {
      if (response.type === "opaqueredirect") {
        return stop(t("signed_out_photos"));
      }
      return response.json().then(function (data) {
        var status = document.querySelector("[data-photo-status]");
        if (response.ok) {
          if (status) { status.textContent = counted("photos_added", data.photos); }
          return queue.remove(item.key).then(function () { return true; });
        }
        if (response.status === 403) { return stop(data.message); }
        if (status) { status.textContent = t("photo_failed", { reason: data.message }); }
        return queue.remove(item.key).then(function () { return true; });
      });
    });
  }

  function flush() {
    if (flushing) { flushAgain = true; return; }
    flushing = true;
    flushAgain = false;
    blocked = "";
    queue.all().then(function (items) {
      return items.reduce(function (chain, item) {
        return chain.then(function (goOn) {
          if (!goOn) { return false; }
          return (item.kind === "photo" ? sendPhoto(item) : sendAnswer(item));
        });
      }, Promise.resolve(true));
    }).catch(function () { return false; }).then(function () {
      flushing = false;
      if (flushAgain && !blocked) { flush(); return; }
      updateStatus();
    });
  }

  function conflict(fs, item, data) {
    if (!fs) { return; }
    fs.dataset.version = data.version;
    var box = document.createElement("div");
    box.className = "conflict-box";
    box.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = data.message + " " + t("kept_in_form");
    var mine = document.createElement("button");
    mine.type = "button";
    mine.className = "btn btn-primary me-2";
    mine.textContent = t("keep_mine");
    var theirs = document.createElement("button");
    theirs.type = "button";
    theirs.className = "btn btn-outline-primary";
    theirs.textContent = t("use_saved");
    mine.addEventListener("click", function () { box.remove(); queueAnswer(fs); });
    theirs.addEventListener("click", function () { box.remove(); window.location.reload(); });
    box.appendChild(p); box.appendChild(mine); box.appendChild(theirs);
    var old = fs.querySelector(".conflict-box");
    if (old) { old.remove(); }
    fs.appendChild(box);
    state(fs, t("changed_elsewhere"), "error");
  }

  function showScore(score) {
    var out = document.querySelector("[data-score-so-far]");
    if (out && score !== null && score !== undefined) { out.textContent = t("score_so_far", { score: score }); }
  }

  function updateStatus() {
    return queue.all().then(function (items) {
      var answers = items.filter(function (i) { return i.kind === "answer"; }).length;
      var photos = items.length - answers;
      var waiting = [];
      if (answers) { waiting.push(counted("answers", answers)); }
      if (photos) { waiting.push(counted("photos", photos)); }
      var text;
      if (!waiting.length) {
        text = t("all_saved");
      } else {
        var both = waiting.length > 1 ? t("answers_and_photos", { answers: waiting[0], photos: waiting[1] }) : waiting[0];
        text = t("waiting", { waiting: both }) + " ";
        text += blocked || (navigator.onLine ? t("sending") : t("when_signal"));
      }
      statusText.textContent = text;
      statusText.parentNode.classList.toggle("sync-status--waiting", waiting.length > 0);
      var note = document.querySelector("[data-submit-note]");
      var submit = document.querySelector("[data-submit]");
      if (note) { note.hidden = !waiting.length; }
      if (submit) { submit.disabled = waiting.length > 0; }
      return items;
    });
  }

  // ------------------------------------------------------------------------- screens
  function go(step) {
    var next = Math.min(Math.max(current + step, 1), total + 1);
    form.querySelectorAll("[data-screen]").forEach(function (screen) {
      screen.hidden = Number(screen.dataset.screen) !== next;
    });
    current = next;
    form.setAttribute("action", "?section=" + next);
    document.querySelector("[data-current]").textContent = String(next);
    document.querySelector("[data-progress]").value = next;
    var url = new URL(window.location.href);
    url.searchParams.set("section", next > total ? "check" : String(next));
    window.history.replaceState(null, "", url.pathname + url.search);
    if (next > total) { checkMissing(); }
    var heading = form.querySelector('[data-screen="' + next + '"] h2');
    if (heading) { heading.focus(); }
  }

  function checkMissing() {
    var missing = [];
    form.querySelectorAll("fieldset[data-required]").forEach(function (fs) {
      if (!answered(fs)) { missing.push(fs.querySelector("legend").textContent.trim()); }
    });
    var intro = form.querySelector("[data-missing]");
    var list = form.querySelector("[data-missing-list]");
    if (!list) {
      list = document.createElement("ul");
      list.setAttribute("data-missing-list", "");
      intro.after(list);
    }
    list.textContent = "";
    missing.forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      list.appendChild(li);
    });
    intro.textContent = missing.length ? t("still_to_answer") : t("all_answered");
  }

  form.addEventListener("change", function (event) {
    var fs = event.target.closest("fieldset[data-standard]");
    if (!fs) { return; }
    if (event.target.type === "checkbox" && event.target.checked) {
      // Not applicable clears the other answer, so the two never disagree.
      fs.querySelectorAll("input[type=radio]").forEach(function (r) { r.checked = false; });
      var n = input(fs, "number");
      if (n) { n.value = ""; }
    } else if (event.target.type !== "checkbox") {
      var na = input(fs, "not_applicable");
      if (na) { na.checked = false; }
    }
    queueAnswer(fs);
  });

  form.addEventListener("click", function (event) {
    var button = event.target.closest("[data-go]");
    if (!button) { return; }
    event.preventDefault();
    go(button.dataset.go === "back" ? -1 : 1);
  });

  // ------------------------------------------------------------------------- photos
  var photoForm = document.getElementById("photo-form");
  if (photoForm) {
    photoForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var file = photoForm.querySelector("input[type=file]").files[0];
      var description = photoForm.querySelector("[name=description]").value.trim();
      var status = photoForm.querySelector("[data-photo-status]");
      if (!file || !description) {
        status.textContent = !file ? t("choose_photo") : t("say_photo");
        return;
      }
      var item = {
        key: newKey(), visit: visitId, kind: "photo", blob: file, name: file.name,
        description: description, seq: seq += 1
      };
      queue.put(item).then(function () {
        photoForm.reset();
        status.textContent = t("photo_kept");
        updateStatus();
        flush();
      });
    });
  }

  // ------------------------------------------------------------------------- start
  queue.all().then(function (items) {
    // The page may be a copy kept from earlier: put back what is still waiting to be sent.
    items.forEach(function (item) {
      var fs = item.kind === "answer" && fieldset(item.standard);
      if (fs) { show(fs, item.value); state(fs, t("kept"), "pending"); }
    });
    answeredCount();
    return updateStatus();
  }).then(flush);

  window.addEventListener("online", flush);
  window.addEventListener("offline", updateStatus);
  window.setInterval(function () { if (navigator.onLine) { flush(); } }, 15000);

  if ("serviceWorker" in navigator) {
    // The worker looks after the visit pages in the page's own language: /mystery-shopping/ for
    // English, /cy/mystery-shopping/ for Welsh (one registration for each).
    var scope = window.location.pathname.replace(/(\/mystery-shopping\/).*$/, "$1");
    navigator.serviceWorker.register(form.dataset.workerUrl, { scope: scope }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var urls = [window.location.pathname];
      document.querySelectorAll("script[src], link[rel=stylesheet]").forEach(function (el) {
        urls.push(el.getAttribute("src") || el.getAttribute("href"));
      });
      navigator.serviceWorker.addEventListener("message", function (event) {
        if (event.data && event.data.type === "kept") { document.documentElement.dataset.visitKept = "yes"; }
      });
      registration.active.postMessage({ type: "keep", urls: urls });
    }).catch(function () { /* the form still works online without the worker */ });
  }
}());
