// The launch page's checklist, for people who tick many items: a tick (or Enter in an evidence field)
// saves that one item in place; an item's title opens its guidance and everything else it offers in
// a panel over the page; collapsed sections open in place and long lists load as they are scrolled;
// keys move through the list (the "?" panel lists them). Without JavaScript the same controls post
// the page's one form, and titles lead to the item's page.
(function () {
  "use strict";
  var main = document.getElementById("main");
  var panel = document.getElementById("item-panel");
  var help = document.getElementById("shortcuts");
  if (!main || !panel || !help || !window.htmx) {
    return;
  }
  var launch = main.getAttribute("data-live-launch");
  var panelBody = document.getElementById("item-panel-body");
  var opener = null;

  function keyOf(item) {
    return item.id.substring("item-".length);
  }

  function itemUrl(item, part) {
    return "/launches/" + launch + "/items/" + encodeURIComponent(keyOf(item)) + (part ? "/" + part : "");
  }

  function picking() {
    return document.querySelector("#t input[name=select]") !== null;
  }

  // A row's tick or sign-off: the item's own change, answered with its new row.
  function send(button) {
    var item = button.closest(".launch-item");
    var parts = button.value.split(" ");
    var values = { action: parts[0], version: parts[2], select: picking() ? "1" : "" };
    var evidence = item.querySelector("input.evidence");
    if (parts[0] === "done" && evidence) {
      values[evidence.name.indexOf("link.") === 0 ? "evidenceLink" : "evidenceNote"] = evidence.value;
    }
    htmx.ajax("POST", itemUrl(item), { source: item, target: item, swap: "outerHTML", values: values });
  }

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll(".launch-item"));
  }

  // The item being worked on: the one holding the focus, else the first one on screen.
  function current() {
    var focused = document.activeElement && document.activeElement.closest(".launch-item");
    if (focused) {
      return focused;
    }
    return items().filter(function (item) {
      return item.getBoundingClientRect().bottom > 0;
    })[0] || null;
  }

  // Where the keyboard lands on an item: its evidence field when it asks for one, else its tick.
  function land(item, evidenceFirst) {
    if (!item) {
      return;
    }
    var target = (evidenceFirst && item.querySelector("input.evidence")) || item.querySelector(".tick[name]")
      || item.querySelector(".item-title");
    target.focus();
    target.scrollIntoView({ block: "nearest" });
  }

  function step(by) {
    var all = items();
    var at = all.indexOf(current());
    land(all[Math.min(Math.max(at + by, 0), all.length - 1)], false);
  }

  function nextOpen() {
    var all = items();
    var at = all.indexOf(document.activeElement && document.activeElement.closest(".launch-item"));
    for (var n = 1; n <= all.length; n++) {
      var item = all[(at + n + all.length) % all.length];
      if (item.querySelector(".tick[aria-checked=false]")) {
        land(item, true);
        return;
      }
    }
  }

  function nextSection() {
    var sections = Array.prototype.slice.call(document.querySelectorAll("section.checklist"));
    var here = document.activeElement && document.activeElement.closest("section.checklist");
    var next = sections[(sections.indexOf(here) + 1) % sections.length];
    if (next) {
      var heading = next.querySelector("h2");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      heading.scrollIntoView({ block: "start" });
    }
  }

  function openPanel(item, field) {
    opener = item.id;
    htmx.ajax("GET", itemUrl(item, "panel"), { source: item, target: panelBody, swap: "innerHTML" }).then(function () {
      if (!panel.open) {
        panel.showModal();
      }
      var first = (field && panelBody.querySelector(field)) || panelBody.querySelector("input:not([type=hidden]), textarea");
      if (first) {
        first.focus();
      }
    });
  }

  // A collapsed or deferred section's items, in place of the link that shows them.
  function showSection(link) {
    var section = link.closest("section.checklist");
    return htmx.ajax("GET", link.getAttribute("data-section"), { source: section, target: section, swap: "outerHTML" });
  }

  // Sections further down a long list are read as they come into view.
  var watcher = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        watcher.unobserve(entry.target);
        showSection(entry.target);
      }
    });
  }, { rootMargin: "800px 0px" }) : null;

  // Controls that only work with JavaScript are shown once it runs; links become buttons.
  function enhance(root) {
    Array.prototype.forEach.call(root.querySelectorAll("a.show-section, #next-open"), function (link) {
      link.setAttribute("role", "button");
      if (watcher && link.hasAttribute("data-deferred")) {
        watcher.observe(link);
      }
    });
    var open = root.querySelector ? root.querySelector("#shortcuts-open") : null;
    if (open) {
      open.hidden = false;
    }
  }
  enhance(document);
  document.addEventListener("htmx:load", function (event) {
    enhance(event.detail.elt);
  });

  document.addEventListener("click", function (event) {
    var control = event.target.closest("button[name=do], .launch-item a.item-title, a.show-section, #next-open, #shortcuts-open");
    if (!control || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    if (control.matches("button[name=do]")) {
      if (!control.closest(".launch-item")) {
        return;
      }
      send(control);
    } else if (control.classList.contains("item-title")) {
      openPanel(control.closest(".launch-item"), null);
    } else if (control.classList.contains("show-section")) {
      showSection(control);
    } else if (control.id === "next-open") {
      nextOpen();
    } else {
      help.showModal();
    }
    event.preventDefault();
  });

  document.addEventListener("keydown", function (event) {
    var field = event.target.closest("input, textarea, select");
    if (event.key === "Enter" && field && field.classList.contains("evidence")) {
      event.preventDefault();
      var tick = field.closest(".launch-item").querySelector(".tick[name]");
      if (tick) {
        send(tick);
      }
      return;
    }
    if (field || event.ctrlKey || event.metaKey || event.altKey || panel.open || help.open) {
      return;
    }
    var bound = help.querySelector("kbd[data-shortcut='" + CSS.escape(event.key) + "']");
    if (!bound) {
      return;
    }
    var item = current();
    var actions = {
      "next-item": function () { step(1); },
      "previous-item": function () { step(-1); },
      "next-open": nextOpen,
      "toggle-done": function () {
        var tick = item && item.querySelector(".tick[name]");
        if (tick) {
          send(tick);
        }
      },
      "evidence": function () { land(item, true); },
      "more": function () { if (item) { openPanel(item, null); } },
      "comment": function () { if (item) { openPanel(item, "textarea[name=comment]"); } },
      "next-section": nextSection,
      "help": function () { help.showModal(); }
    };
    var action = actions[bound.getAttribute("data-action")];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  // A change made in the panel replaces the item's row: the panel closes and the row keeps the focus.
  document.addEventListener("htmx:afterRequest", function (event) {
    if (panel.open && panelBody.contains(event.detail.elt) && event.detail.successful
        && event.detail.target && event.detail.target.classList.contains("launch-item")) {
      panel.close();
    }
  });
  panel.addEventListener("close", function () {
    var item = opener && document.getElementById(opener);
    opener = null;
    if (item) {
      land(item, false);
    }
  });
})();
