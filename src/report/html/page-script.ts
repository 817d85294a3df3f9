/**
 * The page's script, run in the browser: pan and zoom (svg-pan-zoom); search by path, inside
 * folded boxes too; click a module to light what it imports and what imports it (to a depth),
 * dim the rest and list its neighbours by name; click a folded box to open it (its view, laid
 * out ahead of time, replaces the picture; the crumbs lead back); toggle layers (the toggles
 * hold across views); jump from a violation in the side panel to a view that draws it, zoomed
 * to its arrows. Plain ES2017, no build; data reaches the page as text only (textContent).
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  "use strict";
  var page = JSON.parse(document.getElementById("layermap-data").textContent);
  var views = page.views;
  var main = document.getElementById("diagram");
  // Every table keyed by module, box or layer name has no prototype: a module may be named "constructor".
  var table = function () { return Object.create(null); };
  var closed = Object.assign(table(), page.closed);
  var indexOfKey = table();
  views.forEach(function (view, index) { indexOfKey[view.key] = index; });
  // Each view's SVG element once shown (the first is in the page; the others come from templates).
  var elements = views.map(function () { return null; });
  elements[0] = main.querySelector("svg");
  var current = -1, data = null, svg = null, zoom = null, selected = null;
  var byId = table(), outgoing = table(), incoming = table(), groupOf = table(), layerOfNode = table();
  // Layers the reader unticked, by name: they stay hidden in every view until ticked again.
  var hiddenLayers = table();
  var element = function (id) { return document.getElementById(id); };
  var allShapes = function () { return svg.querySelectorAll("g.node, g.edge"); };
  var selection = document.getElementById("selection");
  var neighbours = document.getElementById("neighbours");
  var isBox = function (node) { return node.members !== undefined; };
  var LIST_CAP = 12;

  /** For any view: which box draws each module (a module drawn as itself maps to itself), and its arrows. */
  var shapesOfView = views.map(function () { return null; });
  function shapesOf(index) {
    if (shapesOfView[index]) return shapesOfView[index];
    var view = views[index], holder = table(), arrows = table();
    view.nodes.forEach(function (node) {
      holder[node.id] = node.id;
      (node.members || []).forEach(function (member) { holder[page.modules[member]] = node.id; });
    });
    view.edges.forEach(function (pair) { arrows[view.nodes[pair[0]].id + "->" + view.nodes[pair[1]].id] = true; });
    shapesOfView[index] = { holder: holder, arrows: arrows };
    return shapesOfView[index];
  }

  function hint() {
    var boxes = data.nodes.filter(isBox);
    var opening = boxes.filter(function (node) { return indexOfKey[node.id] !== undefined; }).length;
    return "Click a module to light its imports." + (opening ? "\nClick a folded box to open it (shift-click lights it instead)." : "");
  }

  /**
   * The selection panel, line by line: a line is text, or { path: text } for a path, which may
   * wrap at any character (a path has no spaces to wrap at; prose wraps between words).
   */
  function describe(lines) {
    selection.textContent = "";
    lines.forEach(function (line, position) {
      if (position > 0) selection.appendChild(document.createTextNode("\n"));
      var span = document.createElement("span");
      if (typeof line === "string") span.textContent = line;
      else { span.className = "path"; span.textContent = line.path; }
      selection.appendChild(span);
    });
  }

  function unselect() {
    clear(); selected = null;
    document.body.removeAttribute("data-selected");
    document.body.removeAttribute("data-problem");
    markProblem(-1);
    describe(hint().split("\n"));
    neighbours.textContent = "";
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
    byId = table(); outgoing = table(); incoming = table(); groupOf = shapesOf(index).holder; layerOfNode = table();
    data.nodes.forEach(function (node) { byId[node.id] = node; outgoing[node.id] = []; incoming[node.id] = []; });
    data.layers.forEach(function (layer) { layer.nodes.forEach(function (id) { layerOfNode[id] = layer.name; }); });
    data.edges.forEach(function (pair) {
      var from = data.nodes[pair[0]].id, to = data.nodes[pair[1]].id;
      var edge = { from: from, to: to, element: "import:" + from + "->" + to };
      outgoing[from].push(edge); incoming[to].push(edge);
    });
    zoom = svgPanZoom(svg, { zoomEnabled: true, controlIconsEnabled: true, fit: true, center: true, minZoom: 0.05, maxZoom: 50, dblClickZoomEnabled: false });
    zoom.resize(); zoom.fit(); zoom.center();
    unselect();
    document.body.setAttribute("data-view", data.key);
    drawCrumbs();
    drawLayers();
    applyLayers();
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
      if (view === data) { var here = document.createElement("strong"); here.className = "path"; here.textContent = label; crumbs.appendChild(here); return; }
      var button = document.createElement("button");
      button.className = "path";
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
    showLayersOf([id]);
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
    var lines = [{ path: byId[id].label }, "imports " + outgoing[id].length + ", imported by " + incoming[id].length,
      "lit: " + (Object.keys(down.nodes).length - 1) + " reached, " + (Object.keys(up.nodes).length - 1) + " reaching it (depth " + depth + ")"];
    if (isBox(byId[id])) {
      if (indexOfKey[id] !== undefined) lines.push("Click it to open it.");
      else lines.push("Not opened in this page: " + (closed[id] || "no view") + ".", { path: "Draw it on its own: --focus '" + commonFolder(byId[id].members) + "**'" });
    }
    describe(lines);
    drawNeighbours(id);
    document.body.removeAttribute("data-problem");
    markProblem(-1);
    document.body.setAttribute("data-selected", id);
  }

  /** What the selected box imports and what imports it, as names to click, sorted and capped. */
  function drawNeighbours(id) {
    neighbours.textContent = "";
    [["Imports", outgoing[id].map(function (edge) { return edge.to; })], ["Imported by", incoming[id].map(function (edge) { return edge.from; })]].forEach(function (pair) {
      var ids = pair[1].filter(function (other) { return other !== id; }).sort();
      var list = document.createElement("div");
      list.className = "links";
      list.setAttribute("data-list", pair[0] === "Imports" ? "imports" : "importers");
      var heading = document.createElement("h3");
      heading.textContent = pair[0] + " (" + ids.length + ")";
      list.appendChild(heading);
      ids.slice(0, LIST_CAP).forEach(function (other) {
        var button = document.createElement("button");
        button.className = "path";
        button.textContent = other;
        button.title = byId[other].label;
        button.addEventListener("click", function () { select(other); focusOn(byId[other].element); });
        list.appendChild(button);
      });
      if (ids.length > LIST_CAP) {
        var more = document.createElement("div");
        more.className = "more";
        more.textContent = "… " + (ids.length - LIST_CAP) + " more";
        list.appendChild(more);
      }
      if (ids.length) neighbours.appendChild(list);
    });
  }

  /** The folder all of a box's modules are in ("src/x/"), for the command that draws it alone. */
  function commonFolder(members) {
    var paths = members.map(function (member) { return page.modules[member]; });
    var prefix = paths[0].slice(0, paths[0].lastIndexOf("/") + 1);
    paths.forEach(function (path) { while (prefix && path.indexOf(prefix) !== 0) prefix = prefix.slice(0, prefix.lastIndexOf("/", prefix.length - 2) + 1); });
    return prefix;
  }

  /**
   * Where shapes are drawn, in the coordinates svg-pan-zoom pans and zooms: computed from its own
   * state and the shapes' place in the drawing, not from the screen, since the pan and zoom reach
   * the screen a frame later (right after a view is shown the screen still shows the old one).
   */
  function extentOf(gs) {
    var viewport = svg.querySelector(".svg-pan-zoom_viewport");
    if (!viewport) return null;
    var inverse = viewport.getCTM().inverse(), extent = null;
    gs.forEach(function (g) {
      var toViewport = inverse.multiply(g.getCTM()), bbox = g.getBBox();
      [[bbox.x, bbox.y], [bbox.x + bbox.width, bbox.y], [bbox.x, bbox.y + bbox.height], [bbox.x + bbox.width, bbox.y + bbox.height]].forEach(function (corner) {
        var point = svg.createSVGPoint();
        point.x = corner[0]; point.y = corner[1];
        point = point.matrixTransform(toViewport);
        if (!extent) extent = { left: point.x, top: point.y, right: point.x, bottom: point.y };
        extent.left = Math.min(extent.left, point.x); extent.right = Math.max(extent.right, point.x);
        extent.top = Math.min(extent.top, point.y); extent.bottom = Math.max(extent.bottom, point.y);
      });
    });
    return extent;
  }

  /**
   * Centres shapes and zooms so they read: at least minSize pixels across (never a hairline),
   * up to maxSize if there is room, with the shapes around them (an arrow's two ends) in the
   * window too; zooms out when they do not fit.
   */
  function zoomTo(gs, minSize, maxSize, around) {
    var extent = extentOf(gs), whole = extentOf(gs.concat(around || []));
    if (!extent) return;
    var sizes = zoom.getSizes(), pan = zoom.getPan(), scale = sizes.realZoom;
    var size = Math.max((extent.right - extent.left) * scale, (extent.bottom - extent.top) * scale, 1);
    var room = Math.min(0.8 * sizes.width / Math.max((whole.right - whole.left) * scale, 1), 0.8 * sizes.height / Math.max((whole.bottom - whole.top) * scale, 1));
    var point = { x: pan.x + (whole.left + whole.right) / 2 * scale, y: pan.y + (whole.top + whole.bottom) / 2 * scale };
    // Small: at least minSize, and more (to maxSize) while everything takes at most 60% of the window.
    var factor = size < minSize ? Math.min(room, Math.max(minSize / size, Math.min(0.6 * room, maxSize / size))) : Math.min(1, room);
    if (Math.abs(factor - 1) > 0.01) zoom.zoomAtPointBy(factor, point);
    zoom.panBy({ x: sizes.width / 2 - point.x, y: sizes.height / 2 - point.y });
  }

  /** Centres a box, zoomed in until its label can be read. */
  function focusOn(elementId) {
    var g = element(elementId);
    if (g) zoomTo([g], 80, 80);
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

  // A click ends a press that did not move: the mouse-up that ends a pan is not a click.
  var pressedAt = null;
  main.addEventListener("mousedown", function (event) { pressedAt = { x: event.clientX, y: event.clientY }; }, true);
  main.addEventListener("click", function (event) {
    var moved = pressedAt && Math.abs(event.clientX - pressedAt.x) + Math.abs(event.clientY - pressedAt.y) >= 4;
    pressedAt = null;
    if (moved) return;
    var g = event.target.closest && event.target.closest("g.node");
    if (!g) {
      if (event.target.closest && event.target.closest("#svg-pan-zoom-controls")) return;
      unselect(); return;
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
    // A module this view does not draw is named by the box that holds it in the first view.
    var firstHolder = shapesOf(0).holder;
    found.slice(0, 30).forEach(function (id) {
      var button = document.createElement("button");
      var holder = groupOf[id] !== undefined ? groupOf[id] : firstHolder[id];
      button.className = "path";
      button.textContent = id + (holder !== undefined && holder !== id ? "  (in " + holder + ")" : "");
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
      box.type = "checkbox"; box.checked = !hiddenLayers[layer.name];
      box.setAttribute("data-layer", layer.name);
      box.addEventListener("change", function () {
        if (box.checked) delete hiddenLayers[layer.name]; else hiddenLayers[layer.name] = true;
        applyLayers();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + layer.name + " "));
      var count = document.createElement("span");
      count.className = "count";
      count.textContent = layer.modules + (layer.modules === 1 ? " module" : " modules");
      label.appendChild(count);
      toggles.appendChild(label);
    });
  }

  /** Hides the unticked layers' boxes, clusters and arrows in this view; shows the rest. */
  function applyLayers() {
    svg.querySelectorAll(".hidden-layer").forEach(function (g) { g.classList.remove("hidden-layer"); });
    var hiddenNode = table();
    data.layers.forEach(function (layer) {
      if (!hiddenLayers[layer.name]) return;
      layer.elements.forEach(function (id) { var g = element(id); if (g) g.classList.add("hidden-layer"); });
      layer.nodes.forEach(function (id) { hiddenNode[id] = true; var g = element(byId[id].element); if (g) g.classList.add("hidden-layer"); });
    });
    Object.keys(outgoing).forEach(function (id) {
      outgoing[id].forEach(function (edge) {
        if (hiddenNode[edge.from] || hiddenNode[edge.to]) { var g = element(edge.element); if (g) g.classList.add("hidden-layer"); }
      });
    });
  }

  /** Ticks again the layers of boxes the reader asked to see. */
  function showLayersOf(ids) {
    var changed = false;
    ids.forEach(function (id) { var layer = layerOfNode[id]; if (layer !== undefined && hiddenLayers[layer]) { delete hiddenLayers[layer]; changed = true; } });
    if (changed) { drawLayers(); applyLayers(); }
  }

  /** Every end of every step drawn, and an arrow between the boxes that hold them in view index. */
  function draws(index, steps, asModules) {
    var shapes = shapesOf(index);
    return steps.every(function (step) {
      var from = shapes.holder[step.from], to = shapes.holder[step.to];
      if (from === undefined || to === undefined || from === to) return false;
      if (asModules && (from !== step.from || to !== step.to)) return false;
      return shapes.arrows[from + "->" + to] === true;
    });
  }

  /**
   * The view to show a problem in: this one if it draws its arrows; else the smallest opened view
   * that draws its modules one by one; else the first view, which holds every module.
   */
  function viewFor(steps) {
    if (draws(current, steps, false)) return current;
    var best = -1;
    views.forEach(function (view, index) {
      if (index === 0 || !draws(index, steps, true)) return;
      if (best === -1 || view.nodes.length < views[best].nodes.length) best = index;
    });
    if (best !== -1) return best;
    if (draws(0, steps, false)) return 0;
    var holder = shapesOf(current).holder;
    var holds = steps.every(function (step) { return holder[step.from] !== undefined && holder[step.to] !== undefined; });
    return holds ? current : 0;
  }

  function showProblem(index) {
    var problem = page.problems[index];
    show(viewFor(problem.steps));
    unselect();
    document.body.setAttribute("data-problem", String(index));
    markProblem(index);
    // Each step is drawn as an arrow between the boxes that hold its modules in this view.
    var ends = [], arrows = [], inside = [];
    problem.steps.forEach(function (step) {
      var from = groupOf[step.from], to = groupOf[step.to];
      [from, to].forEach(function (id) { if (byId[id] && ends.indexOf(id) === -1) ends.push(id); });
      if (from !== undefined && from === to) { if (inside.indexOf(from) === -1) inside.push(from); return; }
      var g = from !== undefined && to !== undefined && element("import:" + from + "->" + to);
      if (g) arrows.push(g);
    });
    showLayersOf(ends);
    allShapes().forEach(function (g) { g.classList.add("dim"); });
    ends.forEach(function (id) { var g = element(byId[id].element); if (g) { g.classList.remove("dim"); if (!arrows.length) g.classList.add("flash"); } });
    arrows.forEach(function (g) { g.classList.remove("dim"); g.classList.add("flash"); });
    var lines = [problem.rule + ": " + problem.message, { path: problem.where }];
    if (inside.length) lines.push("No arrow: " + (problem.steps.length > 1 ? "part of this chain is" : "both ends are") + " inside " + inside.join(", ") + ", which does not open.");
    describe(lines);
    var endShapes = ends.map(function (id) { return element(byId[id].element); }).filter(Boolean);
    if (arrows.length) zoomTo(arrows, 80, 400, endShapes);
    else if (endShapes.length) zoomTo(endShapes, 80, 400);
  }

  /** Marks the violation shown in the picture in the side panel (-1: none). */
  function markProblem(index) {
    document.querySelectorAll("#problems button").forEach(function (button) {
      button.classList.toggle("current", button.getAttribute("data-problem") === String(index));
    });
  }

  var problems = document.getElementById("problems");
  if (!page.problems.length) problems.textContent = "None.";
  var openGroups = page.problems.length <= 40;
  page.groups.forEach(function (group) {
    var details = document.createElement("details"), summary = document.createElement("summary");
    details.open = openGroups;
    details.setAttribute("data-group", group.label);
    var errors = group.problems.filter(function (index) { return page.problems[index].severity === "error"; }).length;
    summary.textContent = group.label + " ";
    var count = document.createElement("span");
    count.className = "count" + (errors ? " error" : " warn");
    count.textContent = String(group.problems.length);
    summary.appendChild(count);
    details.appendChild(summary);
    group.problems.forEach(function (index) {
      var problem = page.problems[index];
      var button = document.createElement("button");
      button.className = problem.severity;
      button.setAttribute("data-problem", String(index));
      button.textContent = problem.rule + ": " + problem.message;
      var where = document.createElement("small"); where.className = "path"; where.textContent = problem.where; button.appendChild(where);
      button.addEventListener("click", function () { showProblem(index); });
      details.appendChild(button);
    });
    problems.appendChild(details);
  });

  show(0);
  window.layermap = { select: select, show: show, reveal: reveal, zoom: function () { return zoom; }, page: page, view: function () { return data; } };
})();
`;
