// Passkeys and security keys (WebAuthn). A form marked data-passkey="add" or "check" posts
// itself for the browser's instructions (its action), asks the browser to make or use a
// passkey, and posts the answer to data-finish. Every failure is said in plain words in the
// form's alert, which takes the focus; nothing typed is lost.
(function () {
  "use strict";
  // The words come from the Welsh or English catalogue (jsi18n), loaded before this script.
  var gettext = window.gettext || function (text) { return text; };

  function toBytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    base64 += "===".slice((base64.length + 3) % 4);
    return Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
  }

  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function withBytes(list) {
    return (list || []).map(function (item) {
      return Object.assign({}, item, { id: toBytes(item.id) });
    });
  }

  function creationOptions(options) {
    return Object.assign({}, options, {
      challenge: toBytes(options.challenge),
      user: Object.assign({}, options.user, { id: toBytes(options.user.id) }),
      excludeCredentials: withBytes(options.excludeCredentials)
    });
  }

  function requestOptions(options) {
    return Object.assign({}, options, {
      challenge: toBytes(options.challenge),
      allowCredentials: withBytes(options.allowCredentials)
    });
  }

  function asJson(credential) {
    var response = credential.response;
    var json = {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: { clientDataJSON: toText(response.clientDataJSON) }
    };
    if (response.attestationObject) {
      json.response.attestationObject = toText(response.attestationObject);
      json.response.transports = response.getTransports ? response.getTransports() : [];
    } else {
      json.response.authenticatorData = toText(response.authenticatorData);
      json.response.signature = toText(response.signature);
      if (response.userHandle) { json.response.userHandle = toText(response.userHandle); }
    }
    return json;
  }

  // What went wrong in the browser, in plain words. A passkey cancelled and one that timed
  // out both reach here as NotAllowedError: the time taken tells them apart.
  function browserWords(error, adding, startedAt, timeoutMs) {
    var name = error && error.name;
    if (name === "InvalidStateError" && adding) {
      return gettext("This passkey or security key is already added to your account. Nothing was changed.");
    }
    if (name === "NotAllowedError" || name === "AbortError") {
      if (Date.now() - startedAt >= timeoutMs - 1000) {
        return gettext("That took too long, so it was stopped. Nothing was changed. Try again when you are ready.");
      }
      return gettext("The passkey request was cancelled or refused. Nothing was changed. Try again when you are ready.");
    }
    if (name === "NotSupportedError") {
      return gettext("This browser or device cannot make this kind of passkey. Try another device or browser.");
    }
    if (name === "SecurityError") {
      return gettext("Passkeys do not work at this web address. Tell your administrator.");
    }
    return gettext("Something went wrong with the passkey. Nothing was changed. Try again.");
  }

  function setUp(form) {
    var adding = form.getAttribute("data-passkey") === "add";
    var alertBox = document.getElementById(form.getAttribute("data-alert"));
    var status = form.querySelector("[data-passkey-status]");
    var button = form.querySelector("button[type=submit]");
    var nameField = form.querySelector("input[name=name]");
    var nameError = form.querySelector("[data-name-error]");
    var timeoutMs = 300000;  // until the server's options say how long the browser waits
    var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;

    function say(words, field) {
      alertBox.textContent = "";
      var title = document.createElement("h2");
      title.className = "h5";
      title.textContent = gettext("There is a problem");
      alertBox.appendChild(title);
      var text = document.createElement(field ? "a" : "p");
      text.className = "mb-0 d-block";
      text.textContent = words;
      if (field) { text.href = "#" + field.id; }
      alertBox.appendChild(text);
      alertBox.hidden = false;
      if (nameField) {
        nameField.setAttribute("aria-invalid", field ? "true" : "false");
        nameField.classList.toggle("is-invalid", Boolean(field));
        nameError.textContent = field ? words : "";
        nameError.hidden = !field;
      }
      status.textContent = "";
      alertBox.focus();
    }

    function post(url, body, json) {
      return fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: Object.assign({ "X-CSRFToken": csrf, "Accept": "application/json" },
                               json ? { "Content-Type": "application/json" } : {}),
        body: body
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (!response.ok) {
            var problem = new Error(data.detail || data.error ||
                                    gettext("This site could not take that just now. Try again."));
            problem.fromServer = true;
            problem.field = data.field;
            throw problem;
          }
          return data;
        });
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!window.PublicKeyCredential || !navigator.credentials) {
        say(gettext("This browser cannot use passkeys. Try another browser, or use another way."));
        return;
      }
      button.disabled = true;
      alertBox.hidden = true;
      status.textContent = adding ? gettext("Follow your browser's steps to make the passkey.")
                                  : gettext("Follow your browser's steps to use your passkey.");
      var startedAt;
      post(form.action, new FormData(form), false).then(function (options) {
        timeoutMs = options.timeout || timeoutMs;
        startedAt = Date.now();
        var ask = adding
          ? navigator.credentials.create({ publicKey: creationOptions(options) })
          : navigator.credentials.get({ publicKey: requestOptions(options) });
        return ask.catch(function (error) {
          error.inBrowser = true;
          throw error;
        });
      }).then(function (credential) {
        status.textContent = gettext("Checking…");
        return post(form.getAttribute("data-finish"), JSON.stringify(asJson(credential)), true);
      }).then(function (done) {
        status.textContent = adding ? gettext("Your passkey has been added.") : gettext("Done.");
        window.location.assign(done.redirect || done.redirect_url || "/");
      }).catch(function (error) {
        button.disabled = false;
        if (error.fromServer) {
          say(error.message, error.field && nameField);
        } else if (error.inBrowser) {
          say(browserWords(error, adding, startedAt, timeoutMs));
        } else {
          say(gettext("This site could not be reached. Check your connection and try again."));
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-passkey]").forEach(setUp);
  });
})();
