/*
 * Filters of the best-practices catalogue (overrides/catalogue.html).
 * Without this script every entry shows, grouped by pillar, and the filters stay hidden.
 * With it: the filters narrow the list at once, the number of results is announced (the count
 * is a role="status" live region), on a phone the filters fold behind one control that says how
 * many are set, and the state lives in the URL (?pillar=financial&kind=offering)
 * so a filtered view can be shared, and survives reload and the back button (one history entry
 * per settled choice, not one per arrow-key step).
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

  /*
   * History: one entry per settled choice. The arrow keys step a select through its options, each
   * step a change; while the visitor is choosing (the select keeps focus) each step replaces the
   * entry its first step added, so that Back returns to the view before the choice, not to each
   * step. Leaving the select settles the choice; the next change, there or elsewhere, adds one
   * (none when the view does not change). The URL always says what is shown.
   */
  var choosing = null;

  function record(state, select) {
    var current = window.location.pathname + window.location.search + window.location.hash;
    if ((select && select === choosing) || urlFor(state) === current) {
      window.history.replaceState(state, "", urlFor(state));
    } else {
      window.history.pushState(state, "", urlFor(state));
    }
    choosing = select;
  }

  form.hidden = false;
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
  });
  form.addEventListener("change", function (event) {
    var state = stateFromForm();
    record(state, event.target);
    apply(state);
  });
  form.addEventListener("focusout", function (event) {
    if (event.target === choosing) choosing = null;
  });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    var state = {};
    selects.forEach(function (select) { state[select.name] = ""; });
    record(state, null);
    apply(state);
  });
  window.addEventListener("popstate", function () {
    choosing = null;
    apply(stateFromUrl());
  });
  apply(stateFromUrl());
  /* The list, kept invisible while a filtered address waited for this script, is drawn. */
  document.documentElement.classList.remove("catalogue-pending");
})();
