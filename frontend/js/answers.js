// Answers to in-place changes: every answer is shown where the change was made. A refused change
// that the server explains (400, 409, 412, 422) comes back as markup and is swapped in by htmx; this
// shows the rest in words on the element that was changed: signed out (with a way to sign in and
// come back to what was typed), not allowed (the server's reason), any other failure, and no answer
// at all. A change that was saved keeps the focus on what was changed and is announced.
(function () {
  "use strict";
  var body = document.body;
  var announcer = document.getElementById("announcer");
  if (!body || !announcer) {
    return;
  }
  var KEPT = "preflight.unsaved";

  function say(name) {
    return body.getAttribute("data-msg-" + name) || "";
  }

  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () {
      announcer.textContent = text;
    }, 50);
  }

  // The element a change replaces (an item), or the control itself when it replaces nothing.
  function place(detail) {
    var target = detail.target && detail.target.isConnected ? detail.target : detail.elt;
    return target.closest("li[id], tr[id], section[id], form") || target;
  }

  function show(element, parts) {
    var old = element.querySelector(":scope > .answer");
    if (old) {
      old.remove();
    }
    var notice = document.createElement("div");
    notice.className = "answer notice notice-bad";
    notice.setAttribute("role", "alert");
    notice.setAttribute("tabindex", "-1");
    var text = document.createElement("p");
    parts.forEach(function (part) {
      text.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    });
    notice.appendChild(text);
    var work = element.querySelector(":scope > .item-work");
    element.insertBefore(notice, work ? work.nextSibling : element.firstChild);
    notice.focus();
  }

  // What was typed into the changed element (a row's evidence, a form's fields).
  function typed(element) {
    var values = {};
    Array.prototype.forEach.call(element.querySelectorAll("input, textarea"), function (field) {
      if (field.name && field.type !== "hidden" && field.type !== "checkbox" && field.value) {
        values[field.name] = field.value;
      }
    });
    return values;
  }

  function signedOut(detail, element) {
    var values = typed(element);
    if (Object.keys(values).length > 0 && element.id) {
      window.sessionStorage.setItem(KEPT, JSON.stringify({ page: window.location.pathname, element: element.id, values: values }));
    }
    var link = document.createElement("a");
    link.href = "/login?next=" + encodeURIComponent(window.location.pathname + window.location.search);
    link.textContent = say("sign-in-again");
    show(element, [say("signed-out") + " ", link]);
  }

  function refused(detail, element) {
    var status = detail.xhr.status;
    var reason = "";
    try {
      reason = JSON.parse(detail.xhr.responseText).detail || "";
    } catch (notJson) {
      reason = "";
    }
    if (status === 401) {
      signedOut(detail, element);
    } else if (status === 403) {
      show(element, [say("not-allowed") + " " + reason]);
    } else {
      show(element, [say("failed").replace("[status]", String(status)) + (reason ? " " + reason : "")]);
    }
  }

  document.addEventListener("htmx:responseError", function (event) {
    refused(event.detail, place(event.detail));
  });

  document.addEventListener("htmx:sendError", function (event) {
    show(place(event.detail), [say("unreachable")]);
  });

  // The item a change replaces, and which of its controls had the focus: the same one gets it back
  // (a tick stays on the tick, also when Enter in the evidence field sent it), else the item's title.
  var changed = null;
  var control = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    changed = target && target.id && target.classList.contains("launch-item") ? target.id : null;
    var focused = changed && target.contains(document.activeElement) ? document.activeElement : null;
    control = focused && (focused.classList.contains("tick") || focused.classList.contains("evidence")) ? ".tick[name]" : null;
  });

  // Any other part replaced in place (an editor's list): the button pressed, found again by its
  // form and value, keeps the focus, so moving a line up three times is three presses of one key.
  var pressed = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var active = document.activeElement;
    var form = active && active.form;
    pressed = !changed && form && event.detail.target.contains(active) && active.name
      ? "form[action='" + CSS.escape(form.getAttribute("action")) + "'] [name='" + CSS.escape(active.name) + "'][value='" + CSS.escape(active.value) + "']"
      : null;
  });

  document.addEventListener("htmx:afterSettle", function () {
    var again = pressed && document.querySelector(pressed);
    pressed = null;
    if (again) {
      again.focus();
    }
    var item = changed && document.getElementById(changed);
    changed = null;
    if (!item) {
      return;
    }
    var alert = item.querySelector("[role=alert]");
    var title = item.querySelector(".item-title");
    var focus = (control && item.querySelector(control)) || title;
    if (focus) {
      focus.focus();
    }
    if (!alert && title) {
      announce(say("saved").replace("[item]", title.textContent).replace("[state]", item.getAttribute("data-state") || ""));
    }
  });

  // What was typed before a change found the person signed out, back where it was typed once they
  // are on that page again (the sign-in page comes between).
  var kept = window.sessionStorage.getItem(KEPT);
  var unsaved = kept ? JSON.parse(kept) : null;
  if (unsaved && unsaved.page === window.location.pathname) {
    window.sessionStorage.removeItem(KEPT);
    var element = document.getElementById(unsaved.element);
    if (element) {
      var first = null;
      Object.keys(unsaved.values).forEach(function (name) {
        var field = element.querySelector("[name='" + CSS.escape(name) + "']");
        if (field && field.value !== undefined) {
          field.value = unsaved.values[name];
          first = first || field;
        }
      });
      var notice = document.createElement("p");
      notice.className = "answer notice";
      notice.setAttribute("role", "status");
      notice.textContent = say("kept");
      var work = element.querySelector(":scope > .item-work");
      element.insertBefore(notice, work ? work.nextSibling : element.firstChild);
      element.scrollIntoView({ block: "center" });
      (first || element).focus();
    }
  }
})();
