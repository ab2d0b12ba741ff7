/*
 * Filters of the best-practices catalogue (overrides/catalogue.html).
 * Without this script every entry shows, grouped by pillar, and the filters stay hidden.
 * With it: the filters narrow the list at once, the number of results is announced (the count
 * is a role="status" live region), on a phone the filters fold behind one control that says how
 * many are set, and the state lives in the URL (?pillar=financial&kind=offering)
 * so a filtered view can be shared, and survives reload and the back button.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-catalogue]");
  if (!root) return;
  var form = root.querySelector("[data-catalogue-filters]");
  var count = root.querySelector("[data-catalogue-count]");
  var empty = root.querySelector("[data-catalogue-empty]");
  var cards = Array.prototype.slice.call(root.querySelectorAll(".catalogue-card"));
  var groups = Array.prototype.slice.call(root.querySelectorAll("[data-catalogue-group]"));
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var total = cards.length;
  var template = root.getAttribute("data-count-template");
  /* Phones: the filters fold behind one control, which says how many are set. */
  var toggle = root.querySelector("[data-catalogue-toggle]");
  var active = root.querySelector("[data-catalogue-active]");
  var activeTemplate = root.getAttribute("data-active-template");

  function showActive(state) {
    var set = Object.keys(state).filter(function (name) { return state[name]; }).length;
    active.textContent = set ? activeTemplate.replace("{count}", set) : "";
  }

  /* The filters as {name: value} from the URL, keeping only values a select offers. */
  function stateFromUrl() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    selects.forEach(function (select) {
      var value = params.get(select.name) || "";
      var offered = Array.prototype.some.call(select.options, function (option) {
        return option.value === value;
      });
      state[select.name] = offered ? value : "";
    });
    return state;
  }

  function stateFromForm() {
    var state = {};
    selects.forEach(function (select) { state[select.name] = select.value; });
    return state;
  }

  function urlFor(state) {
    var params = new URLSearchParams(window.location.search);
    Object.keys(state).forEach(function (name) {
      if (state[name]) params.set(name, state[name]); else params.delete(name);
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
  }

  function matches(card, state) {
    return Object.keys(state).every(function (name) {
      if (!state[name]) return true;
      var values = (card.getAttribute("data-" + name) || "").split(" ");
      return values.indexOf(state[name]) !== -1;
    });
  }

  function apply(state) {
    selects.forEach(function (select) { select.value = state[select.name]; });
    var shown = 0;
    cards.forEach(function (card) {
      var visible = matches(card, state);
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    groups.forEach(function (group) {
      var visible = group.querySelectorAll(".catalogue-card:not([hidden])").length;
      group.hidden = visible === 0;
      group.querySelector("[data-catalogue-group-count]").textContent = "(" + visible + ")";
    });
    empty.hidden = shown !== 0;
    count.textContent = template.replace("{shown}", shown).replace("{total}", total);
    showActive(state);
  }

  form.hidden = false;
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
  });
  form.addEventListener("change", function () {
    var state = stateFromForm();
    window.history.pushState(state, "", urlFor(state));
    apply(state);
  });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    var state = {};
    selects.forEach(function (select) { state[select.name] = ""; });
    window.history.pushState(state, "", urlFor(state));
    apply(state);
  });
  window.addEventListener("popstate", function () { apply(stateFromUrl()); });
  apply(stateFromUrl());
  /* The list, kept invisible while a filtered address waited for this script, is drawn. */
  document.documentElement.classList.remove("catalogue-pending");
})();
