// Moments read as people say them ("3 hours ago"), with the exact time the page gave kept on hover.
// Pages show the exact time; this only rewords it, so a page kept for a while is reworded when read.
(function () {
  "use strict";
  if (!window.Intl || !Intl.RelativeTimeFormat) {
    return;
  }
  var words = new Intl.RelativeTimeFormat(document.documentElement.lang || "en", { numeric: "auto" });
  var steps = [["second", 60], ["minute", 60], ["hour", 24], ["day", 7], ["week", 4.35], ["month", 12], ["year", Infinity]];

  function relative(at) {
    var amount = (at - Date.now()) / 1000;
    for (var i = 0; i < steps.length; i++) {
      if (Math.abs(amount) < steps[i][1]) {
        return words.format(Math.round(amount), steps[i][0]);
      }
      amount /= steps[i][1];
    }
    return "";
  }

  function reword(root) {
    Array.prototype.forEach.call(root.querySelectorAll("time[datetime*='T']:not([data-exact])"), function (time) {
      var at = Date.parse(time.getAttribute("datetime"));
      if (!isNaN(at)) {
        time.setAttribute("data-exact", time.textContent);
        time.title = time.textContent;
        time.textContent = relative(at);
      }
    });
  }
  reword(document);
  document.addEventListener("htmx:load", function (event) {
    reword(event.detail.elt);
  });
})();
