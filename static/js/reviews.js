// Never lose what someone types into a long form (findings, interview and site visit notes).
//
// 1. Every second or so after they stop typing, the form's text is posted to the server as a
//    draft (reviews:draft-save). The page shows when it was last saved.
// 2. The same text is kept in this tab's sessionStorage, so that anything typed after the
//    last server save (for example after the session ended) is put back when the person
//    signs in again and returns to the form. sessionStorage is cleared when the tab closes.
// 3. If the server says the person is signed out, the page says so, offers a sign-in link
//    that brings them back here, and stops the form being sent (it would be refused).
// 4. Sending the form first saves the draft, so a session lost just before pressing the
//    button is caught here, with every word kept, rather than by a refusal page.
(function () {
  "use strict";

  var DELAY_MS = 1000;

  function csrfToken(form) {
    // After signing in again the CSRF cookie changes; the cookie is always the current one.
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) { return decodeURIComponent(match[1]); }
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function fieldValues(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken" || el.type === "file") { return; }
      if (el.type === "checkbox") {
        data[el.name] = data[el.name] || [];
        if (el.checked) { data[el.name].push(el.value); }
      } else if (el.type === "radio") {
        if (el.checked) { data[el.name] = el.value; } else if (!(el.name in data)) { data[el.name] = ""; }
      } else if (el.tagName === "SELECT" && el.multiple) {
        data[el.name] = Array.prototype.filter.call(el.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; });
      } else {
        data[el.name] = el.value;
      }
    });
    return data;
  }

  function applyValues(form, data) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !(el.name in data) || el.type === "file" || el.type === "hidden") { return; }
      var value = data[el.name];
      if (el.type === "checkbox") {
        el.checked = Array.isArray(value) && value.indexOf(el.value) !== -1;
      } else if (el.type === "radio") {
        el.checked = el.value === value;
      } else if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) { o.selected = value.indexOf(o.value) !== -1; });
      } else {
        el.value = value;
      }
    });
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  function setUp(form) {
    var status = form.querySelector("[data-autosave-status]");
    var key = "scrutiny-draft:" + form.dataset.draftForm + ":" + form.dataset.draftObject;
    var savedAt = form.dataset.draftSavedAt || "";
    var signedOut = false;
    var timer = null;
    var lastSent = null;
    // The words come from the page (templates/reviews/_autosave_form.html), in its language.
    var words = {
      signedOut: form.dataset.saySignedOut, stillHere: form.dataset.sayStillHere,
      signIn: form.dataset.saySignIn, comeBack: form.dataset.sayComeBack,
      notSaved: form.dataset.sayNotSaved, offline: form.dataset.sayOffline, putBack: form.dataset.sayPutBack
    };

    // Only change the words when they change, so screen readers are not told the same twice.
    function say(text) {
      if (status && status.textContent !== text) { status.textContent = text; }
    }

    function stash(extra) {
      var entry = { values: fieldValues(form), savedAt: savedAt, submitted: false };
      Object.assign(entry, extra || {});
      try { sessionStorage.setItem(key, JSON.stringify(entry)); } catch (e) { /* storage full or off */ }
    }

    function showSignedOut() {
      signedOut = true;
      if (!status || status.querySelector("a")) { return; }
      var strong = document.createElement("strong");
      strong.textContent = words.signedOut + " ";
      var link = document.createElement("a");
      link.href = form.dataset.signInUrl;
      link.textContent = words.signIn;
      status.textContent = "";
      status.append(strong, words.stillHere + " ", link, " " + words.comeBack);
    }

    // Post the form's text as a draft. Resolves to "saved", "signed-out", "offline" or "error".
    function save(force) {
      timer = null;
      var values = fieldValues(form);
      if (!force && lastSent && same(values, lastSent)) { return Promise.resolve("saved"); }
      var body = new FormData();
      Object.keys(values).forEach(function (name) {
        var value = values[name];
        if (Array.isArray(value)) { value.forEach(function (v) { body.append(name, v); }); }
        else { body.append(name, value); }
      });
      body.append("_draft_form", form.dataset.draftForm);
      body.append("_draft_object", form.dataset.draftObject);
      return fetch(form.dataset.autosaveUrl, {
        method: "POST", body: body, credentials: "same-origin", redirect: "manual",
        headers: { "X-CSRFToken": csrfToken(form), "X-Requested-With": "fetch" }
      }).then(function (response) {
        if (response.status === 401 || response.status === 403 || response.type === "opaqueredirect") {
          showSignedOut();
          return "signed-out";
        }
        if (!response.ok) {
          say(words.notSaved);
          return "error";
        }
        return response.json().then(function (result) {
          signedOut = false;
          lastSent = values;
          savedAt = result.saved_at;
          form.dataset.draftSavedAt = savedAt;
          stash();
          say(result.message);
          return "saved";
        });
      }).catch(function () {
        say(words.offline);
        return "offline";
      });
    }

    function send() {
      var input = form.querySelector("input[name=csrfmiddlewaretoken]");
      if (input) { input.value = csrfToken(form); }
      stash({ submitted: true });
      HTMLFormElement.prototype.submit.call(form);
    }

    function changed() {
      stash();
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(save, DELAY_MS);
    }

    // Put back text typed after the last server save, unless the server has a newer draft
    // (savedAt differs) or the form was sent since (the draft was used up).
    try {
      var kept = JSON.parse(sessionStorage.getItem(key) || "null");
      if (kept && !kept.submitted && kept.savedAt === savedAt && !same(kept.values, fieldValues(form))) {
        applyValues(form, kept.values);
        say(words.putBack);
        timer = setTimeout(save, DELAY_MS);
      } else if (kept) {
        sessionStorage.removeItem(key);
      }
    } catch (e) { /* storage off: the server draft is still there */ }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    // Before the form is sent, its text is saved as a draft: that keeps every word on the
    // server and in this tab, and shows whether the person is still signed in. If they are
    // not (or the signal has gone), the form stays here with their text instead of being sent
    // to a refusal, and signing in again brings all of it back.
    var sending = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (sending) { return; }
      sending = true;
      if (timer) { clearTimeout(timer); timer = null; }
      stash();
      save(true).then(function (outcome) {
        sending = false;
        if (outcome === "saved" || outcome === "error") {
          send();
          return;
        }
        if (outcome === "signed-out") { showSignedOut(); }
        if (status) { status.focus(); }
      });
    });
    if (status) { status.setAttribute("tabindex", "-1"); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-autosave]"), setUp);
  });
})();
