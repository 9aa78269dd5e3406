/* pzspec web form: small enhancements only; every step works without this script.
   - add and remove rows in place (the server does the same with the same buttons);
   - show the fields the chosen course needs (the server does it on "refresh");
   - the print button. No data leaves the page except by submitting the form. */
(function () {
  "use strict";

  function renumber(list) {
    var n = 0;
    list.querySelectorAll(".row-no").forEach(function (el) { n += 1; el.textContent = String(n); });
  }

  function nextIndex(prefix) {
    var max = -1;
    document.querySelectorAll('[name^="' + prefix + '-"][name$="-row"]').forEach(function (el) {
      var m = el.name.match(/^[a-z]+-(\d+)-row$/);
      if (m) { max = Math.max(max, parseInt(m[1], 10)); }
    });
    return max + 1;
  }

  function showCourseFields(row) {
    var course = row.querySelector("[data-course]");
    if (!course) { return; }
    var kindSelect = row.querySelector("[data-kind]");
    var other = course.value === "__other__";
    var kind = other && kindSelect ? kindSelect.value : "";
    row.querySelectorAll("[data-other]").forEach(function (g) { g.hidden = !other; });
    row.querySelectorAll("[data-courses]").forEach(function (g) {
      var courses = g.getAttribute("data-courses").split(" ");
      var kinds = g.getAttribute("data-kinds").split(" ");
      g.hidden = other ? kinds.indexOf(kind) < 0 : courses.indexOf(course.value) < 0;
    });
  }

  function wire(root) {
    root.querySelectorAll(".js-hide").forEach(function (el) { el.hidden = true; });
    root.querySelectorAll("[data-course], [data-kind]").forEach(function (el) {
      el.addEventListener("change", function () { showCourseFields(el.closest(".row")); });
    });
    root.querySelectorAll("[data-remove]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        var row = button.closest(".row");
        var list = row.parentNode;
        row.remove();
        renumber(list);
        var add = document.querySelector('[data-add="' + list.getAttribute("data-rows") + '"]');
        if (add) { add.focus(); }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    wire(document);
    document.querySelectorAll("[data-add]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        var prefix = button.getAttribute("data-add");
        var template = document.getElementById("tpl-" + prefix);
        var list = document.querySelector('[data-rows="' + prefix + '"]');
        if (!template || !list) { return; }
        event.preventDefault();
        var holder = document.createElement("div");
        holder.innerHTML = template.innerHTML.replace(/__i__/g, String(nextIndex(prefix)));
        var row = holder.firstElementChild;
        list.appendChild(row);
        wire(row);
        renumber(list);
        var first = row.querySelector("input:not([type=hidden]), select");
        if (first) { first.focus(); }
      });
    });
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });
}());
