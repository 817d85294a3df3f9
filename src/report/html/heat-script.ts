/**
 * The Heat toggle of a page drawn with a run (`--profile`), added only to such pages: the SVGs
 * show the run; unticked, each box gets back its plain fill, border and text colour, each import
 * arrow its plain colour and width (its share label hidden), and the run's own arrows and legend
 * are hidden — the same layout, so nothing moves. The values the run gave are kept on each shape
 * (data-heat-*) and put back when ticked again. Each view is set as it is shown: the page swaps
 * SVGs into #diagram, which this script watches. A checkbox: reached and toggled by keyboard.
 */
export const HEAT_SCRIPT = String.raw`
(function () {
  "use strict";
  var layermap = window.layermap, toggle = document.getElementById("heat"), main = document.getElementById("diagram");
  if (!layermap || !toggle) return;
  var byId = function (id) { return document.getElementById(id); };
  function put(element, name, value) {
    if (!element.hasAttribute("data-heat-" + name)) element.setAttribute("data-heat-" + name, element.getAttribute(name) === null ? "\u0000" : element.getAttribute(name));
    element.setAttribute(name, value);
  }
  function restore(element, name) {
    var value = element.getAttribute("data-heat-" + name);
    if (value === null) return;
    if (value === "\u0000") element.removeAttribute(name); else element.setAttribute(name, value);
  }
  var NAMES = ["fill", "stroke", "stroke-width", "display"];
  function apply() {
    var svg = main.querySelector("svg"), view = layermap.view();
    if (!svg || !view || !view.heat) return;
    var on = toggle.checked;
    if (svg.getAttribute("data-heat") === (on ? "on" : "off")) return;
    svg.setAttribute("data-heat", on ? "on" : "off");
    document.body.classList.toggle("heat-off", !on);
    var each = function (g, selector, action) { if (g) g.querySelectorAll(selector).forEach(action); };
    if (on) {
      svg.querySelectorAll("[data-heat-fill], [data-heat-stroke], [data-heat-stroke-width], [data-heat-display]").forEach(function (element) {
        NAMES.forEach(function (name) { restore(element, name); });
      });
      return;
    }
    view.heat.nodes.forEach(function (entry) {
      var g = byId(entry[0]);
      each(g, "path, polygon, ellipse", function (shape) { put(shape, "fill", entry[1]); put(shape, "stroke", entry[2]); });
      each(g, "text", function (text) { put(text, "fill", entry[3]); });
    });
    view.heat.edges.forEach(function (entry) {
      var g = byId(entry[0]);
      each(g, "path", function (shape) { put(shape, "stroke", entry[1]); put(shape, "stroke-width", String(entry[2])); });
      each(g, "polygon", function (shape) { put(shape, "stroke", entry[1]); put(shape, "fill", entry[1]); put(shape, "stroke-width", String(entry[2])); });
      each(g, "text", function (text) { put(text, "display", "none"); });
    });
    view.heat.only.forEach(function (id) { var g = byId(id); if (g) put(g, "display", "none"); });
  }
  toggle.addEventListener("change", apply);
  new MutationObserver(apply).observe(main, { childList: true });
  apply();
})();
`;
