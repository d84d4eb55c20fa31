// Live updates: a page showing a launch (or the board) listens to the changes other people make and
// shows them in place, marked with who made them. Without JavaScript, or if this fails, the pages
// are the same, only a reload away from the news.
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main || !window.EventSource || !window.htmx) {
    return;
  }
  var launch = main.getAttribute("data-live-launch");
  var board = main.hasAttribute("data-live-board");
  if (!launch && !board) {
    return;
  }
  var me = main.getAttribute("data-me");
  var source = new EventSource(launch ? "/launches/" + launch + "/events" : "/board/events");

  function mark(element, text) {
    if (!element) {
      return;
    }
    element.classList.add("just-changed");
    var note = document.createElement("p");
    note.className = "changed-by";
    note.setAttribute("role", "status");
    note.textContent = text;
    (element.tagName === "TR" ? element.cells[0] : element).appendChild(note);
  }

  function changedBy(change) {
    return "Changed by " + change.actor + " (" + change.action.replace(/_/g, " ") + ") just now";
  }

  function busy(element) {
    return element.contains(document.activeElement) || Array.prototype.some.call(element.querySelectorAll("input.evidence"),
      function (field) { return field.value !== field.defaultValue; });
  }

  // Reads parts of a page and puts each in place of the element with the same id; resolves to the
  // first new element (null when the page no longer shows it). htmx wires up what came in.
  function replace(url, ids) {
    return fetch(url, { credentials: "same-origin", headers: { "HX-Request": "true" } })
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(new Error(url + ": " + response.status));
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        return ids.map(function (id) {
          var current = document.getElementById(id);
          var fresh = page.getElementById(id);
          if (!current || !fresh) {
            return null;
          }
          current.replaceWith(fresh);
          htmx.process(fresh);
          return fresh;
        })[0];
      });
  }

  function reload() {
    return replace(window.location.pathname + window.location.search, ["live"]);
  }

  function itemChanged(change) {
    var id = "item-" + change.item;
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    if (busy(element)) {
      mark(element, changedBy(change));
      return;
    }
    var select = document.querySelector("#t input[name=select]") ? "?select=1" : "";
    replace("/launches/" + launch + "/items/" + encodeURIComponent(change.item) + "/row" + select, [id]).then(function (row) {
      mark(row, changedBy(change));
    });
    replace("/launches/" + launch + "/progress", ["launch-progress", "section-index", "burnup"]);
  }

  function launchChanged(change) {
    reload().then(function (live) {
      mark(live, changedBy(change));
    });
  }

  function boardChanged(launches) {
    reload().then(function () {
      launches.forEach(function (id) {
        mark(document.getElementById("launch-row-" + id), "Changed just now");
      });
    });
  }

  // Ready once listening; after a lost connection (the browser reconnects by itself) the page is
  // read again, since changes made meanwhile were not heard.
  var lost = false;
  source.onopen = function () {
    main.setAttribute("data-live-ready", "yes");
    if (lost) {
      lost = false;
      reload();
    }
  };
  source.onerror = function () {
    main.setAttribute("data-live-ready", "no");
    lost = true;
  };

  source.onmessage = function (message) {
    var data = JSON.parse(message.data);
    if (board) {
      boardChanged(data);
    } else if (data.actor !== me) {
      if (data.item) {
        itemChanged(data);
      } else {
        launchChanged(data);
      }
    }
  };
})();
