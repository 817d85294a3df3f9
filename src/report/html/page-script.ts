/**
 * The page's script, run in the browser: pan and zoom (svg-pan-zoom); search by path, inside
 * folded boxes too; click a module to light what it imports and what imports it (to a depth)
 * and dim the rest; click a folded box to open it (its view, laid out ahead of time, replaces
 * the picture; the crumbs lead back); toggle layers; jump from a violation in the side panel to
 * its arrows, or to the boxes that hold them. Plain ES2017, no build.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  "use strict";
  var page = JSON.parse(document.getElementById("layermap-data").textContent);
  var views = page.views;
  var main = document.getElementById("diagram");
  // Every table keyed by module or box id has no prototype: a module may be named "constructor".
  var table = function () { return Object.create(null); };
  var closed = Object.assign(table(), page.closed);
  var indexOfKey = table();
  views.forEach(function (view, index) { indexOfKey[view.key] = index; });
  // Each view's SVG element once shown (the first is in the page; the others come from templates).
  var elements = views.map(function () { return null; });
  elements[0] = main.querySelector("svg");
  var current = -1, data = null, svg = null, zoom = null, selected = null;
  var byId = table(), outgoing = table(), incoming = table(), groupOf = table();
  var element = function (id) { return document.getElementById(id); };
  var allShapes = function () { return svg.querySelectorAll("g.node, g.edge"); };
  var selection = document.getElementById("selection");
  var isBox = function (node) { return node.members !== undefined; };

  function hint() {
    var boxes = data.nodes.filter(isBox);
    var opening = boxes.filter(function (node) { return indexOfKey[node.id] !== undefined; }).length;
    return "Click a module to light its imports." + (opening ? "\nClick a folded box to open it (shift-click lights it instead)." : "");
  }

  function show(index) {
    if (index === current) return;
    if (zoom) zoom.destroy();
    if (svg && svg.parentNode === main) main.removeChild(svg);
    if (!elements[index]) elements[index] = document.importNode(element("layermap-view-" + index).content.querySelector("svg"), true);
    svg = elements[index];
    main.appendChild(svg);
    current = index;
    data = views[index];
    byId = table(); outgoing = table(); incoming = table(); groupOf = table();
    data.nodes.forEach(function (node) {
      byId[node.id] = node; outgoing[node.id] = []; incoming[node.id] = []; groupOf[node.id] = node.id;
      (node.members || []).forEach(function (member) { groupOf[page.modules[member]] = node.id; });
    });
    data.edges.forEach(function (pair) {
      var from = data.nodes[pair[0]].id, to = data.nodes[pair[1]].id;
      var edge = { from: from, to: to, element: "import:" + from + "->" + to };
      outgoing[from].push(edge); incoming[to].push(edge);
    });
    zoom = svgPanZoom(svg, { zoomEnabled: true, controlIconsEnabled: true, fit: true, center: true, minZoom: 0.05, maxZoom: 50, dblClickZoomEnabled: false });
    zoom.resize(); zoom.fit(); zoom.center();
    selected = null;
    clear();
    document.body.removeAttribute("data-selected");
    document.body.setAttribute("data-view", data.key);
    selection.textContent = hint();
    drawCrumbs();
    drawLayers();
    drawMatches();
  }

  function drawCrumbs() {
    var crumbs = document.getElementById("crumbs"), chain = [];
    for (var view = data; view; view = view.parent === null ? null : views[indexOfKey[view.parent]]) chain.unshift(view);
    crumbs.textContent = "";
    if (views.length === 1) return;
    chain.forEach(function (view, position) {
      if (position > 0) crumbs.appendChild(document.createTextNode(" › "));
      var label = view.key === "" ? "all" : view.key;
      if (view === data) { var here = document.createElement("strong"); here.textContent = label; crumbs.appendChild(here); return; }
      var button = document.createElement("button");
      button.textContent = label;
      button.addEventListener("click", function () { show(indexOfKey[view.key]); });
      crumbs.appendChild(button);
    });
  }

  function clear() {
    allShapes().forEach(function (g) { g.classList.remove("dim", "lit", "selected", "match", "flash"); });
  }

  /** Breadth first along one direction, up to depth steps: the boxes and arrows reached. */
  function walk(start, depth, links, next) {
    var nodes = table(), edges = [], frontier = [start];
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
    var text = byId[id].label + "\nimports " + outgoing[id].length + ", imported by " + incoming[id].length +
      "\nlit: " + (Object.keys(down.nodes).length - 1) + " reached, " + (Object.keys(up.nodes).length - 1) + " reaching it (depth " + depth + ")";
    if (isBox(byId[id])) {
      text += indexOfKey[id] !== undefined ? "\nClick it to open it." :
        "\nNot opened in this page: " + (closed[id] || "no view") + ".\nDraw it on its own: --focus '" + commonFolder(byId[id].members) + "**'";
    }
    selection.textContent = text;
    document.body.setAttribute("data-selected", id);
  }

  /** The folder all of a box's modules are in ("src/x/"), for the command that draws it alone. */
  function commonFolder(members) {
    var paths = members.map(function (member) { return page.modules[member]; });
    var prefix = paths[0].slice(0, paths[0].lastIndexOf("/") + 1);
    paths.forEach(function (path) { while (prefix && path.indexOf(prefix) !== 0) prefix = prefix.slice(0, prefix.lastIndexOf("/", prefix.length - 2) + 1); });
    return prefix;
  }

  function centreOn(elementId) {
    var g = element(elementId);
    if (!g) return;
    // Screen coordinates sidestep Graphviz's and svg-pan-zoom's nested transforms.
    var box = g.getBoundingClientRect(), frame = svg.getBoundingClientRect();
    zoom.panBy({ x: frame.left + frame.width / 2 - (box.left + box.width / 2), y: frame.top + frame.height / 2 - (box.top + box.height / 2) });
  }

  /**
   * Centres a box, zoomed in until its label can be read. Computed from svg-pan-zoom's own state
   * and the box's place in the drawing, not from the screen: the pan and zoom reach the screen a
   * frame later, so right after a view is shown the screen still shows the old one.
   */
  function focusOn(elementId) {
    var g = element(elementId), viewport = svg.querySelector(".svg-pan-zoom_viewport");
    if (!g || !viewport) return;
    var toViewport = viewport.getCTM().inverse().multiply(g.getCTM()), bbox = g.getBBox();
    var centre = svg.createSVGPoint();
    centre.x = bbox.x + bbox.width / 2; centre.y = bbox.y + bbox.height / 2;
    centre = centre.matrixTransform(toViewport);
    var sizes = zoom.getSizes(), pan = zoom.getPan();
    var point = { x: pan.x + centre.x * sizes.realZoom, y: pan.y + centre.y * sizes.realZoom };
    var width = bbox.width * toViewport.a * sizes.realZoom;
    if (width < 80) zoom.zoomAtPointBy(Math.min(80 / Math.max(width, 1), 40), point);
    zoom.panBy({ x: sizes.width / 2 - point.x, y: sizes.height / 2 - point.y });
  }

  /** Opens the boxes that hold a module until it is drawn (or its box does not open), then selects it. */
  function reveal(id) {
    for (var guard = 0; guard < views.length + 2; guard++) {
      var holder = groupOf[id];
      // An opened box's view draws only its neighbourhood: the first view holds every module.
      if (holder === undefined) { if (current !== 0) { show(0); continue; } return; }
      if (holder !== id && indexOfKey[holder] !== undefined) { show(indexOfKey[holder]); continue; }
      select(holder);
      focusOn(byId[holder].element);
      return;
    }
  }

  main.addEventListener("click", function (event) {
    var g = event.target.closest && event.target.closest("g.node");
    if (!g) {
      if (event.target.closest && event.target.closest("#svg-pan-zoom-controls")) return;
      clear(); selected = null; document.body.removeAttribute("data-selected"); selection.textContent = hint(); return;
    }
    var node = data.nodes.find(function (candidate) { return candidate.element === g.id; });
    if (!node) return;
    if (isBox(node) && !event.shiftKey && indexOfKey[node.id] !== undefined) show(indexOfKey[node.id]);
    else select(node.id);
  });
  document.getElementById("depth").addEventListener("input", function () { if (selected) select(selected); });

  var everything = page.modules;
  var search = document.getElementById("search"), matches = document.getElementById("matches");
  function drawMatches() {
    var text = search.value.trim().toLowerCase();
    matches.textContent = "";
    svg.querySelectorAll("g.node.match").forEach(function (g) { g.classList.remove("match"); });
    if (!text) return;
    var boxes = data.nodes.filter(function (node) { return isBox(node) && node.id.toLowerCase().indexOf(text) !== -1; }).map(function (node) { return node.id; });
    var found = boxes.concat(everything.filter(function (id) { return id.toLowerCase().indexOf(text) !== -1; }));
    found.forEach(function (id) { var holder = byId[groupOf[id]]; var g = holder && element(holder.element); if (g) g.classList.add("match"); });
    found.slice(0, 30).forEach(function (id) {
      var button = document.createElement("button");
      button.textContent = id + (groupOf[id] !== id ? "  (in " + groupOf[id] + ")" : "");
      button.addEventListener("click", function () { reveal(id); });
      matches.appendChild(button);
    });
    if (found.length > 30) matches.appendChild(document.createTextNode("… " + (found.length - 30) + " more"));
  }
  search.addEventListener("input", drawMatches);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { var first = matches.querySelector("button"); if (first) first.click(); }
  });

  function drawLayers() {
    var toggles = document.getElementById("layers");
    toggles.textContent = "";
    data.layers.forEach(function (layer) {
      var label = document.createElement("label"), box = document.createElement("input");
      box.type = "checkbox"; box.checked = true;
      box.addEventListener("change", function () {
        var hide = !box.checked, inLayer = table();
        layer.nodes.forEach(function (id) { inLayer[id] = true; var g = element(byId[id].element); if (g) g.classList.toggle("hidden-layer", hide); });
        var cluster = element(layer.element); if (cluster) cluster.classList.toggle("hidden-layer", hide);
        Object.keys(outgoing).forEach(function (id) {
          outgoing[id].forEach(function (edge) {
            if (inLayer[edge.from] || inLayer[edge.to]) { var g = element(edge.element); if (g) g.classList.toggle("hidden-layer", hide); }
          });
        });
      });
      label.appendChild(box); label.appendChild(document.createTextNode(" " + layer.name + " (" + layer.nodes.length + ")"));
      toggles.appendChild(label);
    });
  }

  var problems = document.getElementById("problems");
  if (!page.problems.length) problems.textContent = "None.";
  page.problems.forEach(function (problem) {
    var button = document.createElement("button");
    button.className = problem.severity;
    button.textContent = problem.rule + ": " + problem.message;
    var where = document.createElement("small"); where.textContent = problem.where; button.appendChild(where);
    button.addEventListener("click", function () {
      clear();
      allShapes().forEach(function (g) { g.classList.add("dim"); });
      // Each step is drawn as an arrow between the boxes that hold its modules in this view.
      var first = null;
      problem.steps.forEach(function (step) {
        var from = groupOf[step.from], to = groupOf[step.to];
        [byId[from], byId[to]].forEach(function (node) { if (node) { var g = element(node.element); if (g) g.classList.remove("dim"); } });
        var g = from !== to && element("import:" + from + "->" + to);
        if (g) { g.classList.remove("dim"); g.classList.add("flash"); first = first || g.id; }
      });
      if (first) centreOn(first);
    });
    problems.appendChild(button);
  });

  show(0);
  window.layermap = { select: select, show: show, reveal: reveal, zoom: function () { return zoom; }, page: page, view: function () { return data; } };
})();
`;
