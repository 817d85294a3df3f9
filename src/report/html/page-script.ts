/**
 * The page's script, run in the browser: pan and zoom (svg-pan-zoom), search by path, click a
 * module to light what it imports and what imports it (to a depth) and dim the rest, toggle
 * layers, and jump from a violation in the side panel to its arrows. Plain ES2017, no build.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("layermap-data").textContent);
  var svg = document.querySelector("#diagram svg");
  var zoom = svgPanZoom(svg, { zoomEnabled: true, controlIconsEnabled: true, fit: true, center: true, minZoom: 0.05, maxZoom: 50, dblClickZoomEnabled: false });
  var byId = {}, outgoing = {}, incoming = {};
  data.nodes.forEach(function (node) { byId[node.id] = node; outgoing[node.id] = []; incoming[node.id] = []; });
  data.edges.forEach(function (edge) { outgoing[edge.from].push(edge); incoming[edge.to].push(edge); });
  var element = function (id) { return document.getElementById(id); };
  var allShapes = function () { return svg.querySelectorAll("g.node, g.edge"); };
  var selected = null;

  function clear() {
    allShapes().forEach(function (g) { g.classList.remove("dim", "lit", "selected", "match", "flash"); });
  }

  /** Breadth first along one direction, up to depth steps: the modules and arrows reached. */
  function walk(start, depth, links, next) {
    var nodes = {}, edges = [], frontier = [start];
    nodes[start] = true;
    for (var step = 0; step < depth && frontier.length; step++) {
      var following = [];
      frontier.forEach(function (id) {
        links[id].forEach(function (edge) {
          edges.push(edge);
          var other = next(edge);
          if (!nodes[other]) { nodes[other] = true; following.push(other); }
        });
      });
      frontier = following;
    }
    return { nodes: nodes, edges: edges };
  }

  function select(id) {
    if (!byId[id]) return;
    selected = id;
    var depth = Number(document.getElementById("depth").value) || 1;
    var down = walk(id, depth, outgoing, function (edge) { return edge.to; });
    var up = walk(id, depth, incoming, function (edge) { return edge.from; });
    clear();
    allShapes().forEach(function (g) { g.classList.add("dim"); });
    var lit = function (elementId) { var g = element(elementId); if (g) { g.classList.remove("dim"); g.classList.add("lit"); } };
    Object.keys(down.nodes).concat(Object.keys(up.nodes)).forEach(function (node) { lit(byId[node].element); });
    down.edges.concat(up.edges).forEach(function (edge) { lit(edge.element); });
    var own = element(byId[id].element);
    if (own) own.classList.add("selected");
    document.getElementById("selection").textContent =
      byId[id].label + "\nimports " + outgoing[id].length + ", imported by " + incoming[id].length +
      "\nlit: " + (Object.keys(down.nodes).length - 1) + " reached, " + (Object.keys(up.nodes).length - 1) + " reaching it (depth " + depth + ")";
    document.body.setAttribute("data-selected", id);
  }

  function centreOn(elementId) {
    var g = element(elementId);
    if (!g) return;
    // Screen coordinates sidestep Graphviz's and svg-pan-zoom's nested transforms.
    var box = g.getBoundingClientRect(), frame = svg.getBoundingClientRect();
    zoom.panBy({ x: frame.left + frame.width / 2 - (box.left + box.width / 2), y: frame.top + frame.height / 2 - (box.top + box.height / 2) });
  }

  svg.addEventListener("click", function (event) {
    var g = event.target.closest && event.target.closest("g.node");
    if (!g) { clear(); selected = null; document.body.removeAttribute("data-selected"); document.getElementById("selection").textContent = "Click a module."; return; }
    var node = data.nodes.find(function (candidate) { return candidate.element === g.id; });
    if (node) select(node.id);
  });
  document.getElementById("depth").addEventListener("input", function () { if (selected) select(selected); });

  var search = document.getElementById("search"), matches = document.getElementById("matches");
  search.addEventListener("input", function () {
    var text = search.value.trim().toLowerCase();
    matches.textContent = "";
    svg.querySelectorAll("g.node.match").forEach(function (g) { g.classList.remove("match"); });
    if (!text) return;
    var found = data.nodes.filter(function (node) { return node.id.toLowerCase().indexOf(text) !== -1; });
    found.forEach(function (node) { var g = element(node.element); if (g) g.classList.add("match"); });
    found.slice(0, 30).forEach(function (node) {
      var button = document.createElement("button");
      button.textContent = node.id;
      button.addEventListener("click", function () { select(node.id); centreOn(node.element); });
      matches.appendChild(button);
    });
    if (found.length > 30) matches.appendChild(document.createTextNode("… " + (found.length - 30) + " more"));
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { var first = matches.querySelector("button"); if (first) first.click(); }
  });

  var toggles = document.getElementById("layers");
  data.layers.forEach(function (layer) {
    var label = document.createElement("label"), box = document.createElement("input");
    box.type = "checkbox"; box.checked = true;
    box.addEventListener("change", function () {
      var hide = !box.checked, inLayer = {};
      layer.nodes.forEach(function (id) { inLayer[id] = true; var g = element(byId[id].element); if (g) g.classList.toggle("hidden-layer", hide); });
      var cluster = element(layer.element); if (cluster) cluster.classList.toggle("hidden-layer", hide);
      data.edges.forEach(function (edge) {
        if (inLayer[edge.from] || inLayer[edge.to]) { var g = element(edge.element); if (g) g.classList.toggle("hidden-layer", hide); }
      });
    });
    label.appendChild(box); label.appendChild(document.createTextNode(" " + layer.name + " (" + layer.nodes.length + ")"));
    toggles.appendChild(label);
  });

  var problems = document.getElementById("problems");
  if (!data.problems.length) problems.textContent = "None.";
  data.problems.forEach(function (problem) {
    var button = document.createElement("button");
    button.className = problem.severity;
    button.textContent = problem.rule + ": " + problem.message;
    var where = document.createElement("small"); where.textContent = problem.where; button.appendChild(where);
    button.addEventListener("click", function () {
      clear();
      allShapes().forEach(function (g) { g.classList.add("dim"); });
      problem.steps.forEach(function (step) {
        [byId[step.from], byId[step.to]].forEach(function (node) { if (node) { var g = element(node.element); if (g) g.classList.remove("dim"); } });
        var g = element("import:" + step.from + "->" + step.to);
        if (g) { g.classList.remove("dim"); g.classList.add("flash"); }
      });
      if (problem.steps.length) centreOn("import:" + problem.steps[0].from + "->" + problem.steps[0].to);
    });
    problems.appendChild(button);
  });
  window.layermap = { select: select, zoom: zoom, data: data };
})();
`;
