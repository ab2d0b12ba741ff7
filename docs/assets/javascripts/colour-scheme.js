/*
 * The colour-scheme switch of the header (overrides/partials/palette.html): one switch, "Dark",
 * on or off, in a group named "Colour scheme". Space, Enter (a button's own keys) and the arrow
 * keys (as between two radio buttons) turn it over; screen readers announce the new state of the
 * focused switch. The choice is stored as Material stored it (__md_set("__palette")), so that
 * Material's inline script applies it before the next page is drawn; until a visitor chooses,
 * the scheme follows the system's (prefers-color-scheme), live.
 */
(function () {
  "use strict";

  var group = document.querySelector("[data-site-scheme]");
  if (!group || typeof __md_get !== "function") return;
  var button = group.querySelector("button");
  var ARROWS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"];

  function option(name) {
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = button.getAttribute("data-" + name + "-" + key);
    });
    return color;
  }
  var options = [option("off"), option("on")];
  var system = window.matchMedia(options[1].media);

  /* 1 (dark) or 0: the stored choice, else the system's. */
  function chosen() {
    var stored = __md_get("__palette");
    if (stored && stored.color && (stored.index === 0 || stored.index === 1)) return stored.index;
    return system.matches ? 1 : 0;
  }

  function show(index) {
    var color = options[index];
    document.body.setAttribute("data-md-color-switching", "");
    Object.keys(color).forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    button.setAttribute("aria-checked", index === 1 ? "true" : "false");
    window.requestAnimationFrame(function () {
      document.body.removeAttribute("data-md-color-switching");
    });
  }

  function choose(index) {
    __md_set("__palette", { index: index, color: options[index] });
    show(index);
  }

  function toggle() {
    choose(button.getAttribute("aria-checked") === "true" ? 0 : 1);
  }

  button.addEventListener("click", toggle);
  button.addEventListener("keydown", function (event) {
    if (ARROWS.indexOf(event.key) === -1) return;
    event.preventDefault();
    toggle();
  });
  system.addEventListener("change", function () {
    if (!(__md_get("__palette") || {}).color) show(chosen());
  });
  group.hidden = false;
  show(chosen());
})();
