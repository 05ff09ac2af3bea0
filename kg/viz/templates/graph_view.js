// mlkg graph page: reads the escaped JSON payload, draws it with vis-network, and builds
// every tooltip, legend entry, search result and card from text nodes (never innerHTML),
// so titles and evidence sentences from papers can never become markup.
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("mlkg-data").textContent);
  var hiddenKinds = {};

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function fold(text) {
    return String(text).toLowerCase().replace(/[^0-9a-z]+/g, "");
  }

  function nodeTooltip(n) {
    var box = el("div");
    box.appendChild(el("div", n.name, "tip-name"));
    box.appendChild(el("div", n.kind + (n.date ? " · " + n.date : "") + " · " + n.degree + " links", "tip-kind"));
    if (n.aliases.length) box.appendChild(el("div", "Also: " + n.aliases.join(", ")));
    if (n.papersTotal) {
      box.appendChild(el("div", "Mentioned by " + n.papersTotal + " paper" + (n.papersTotal === 1 ? "" : "s") + ":"));
      var list = el("ul");
      n.papers.forEach(function (t) { list.appendChild(el("li", t)); });
      if (n.papersTotal > n.papers.length) list.appendChild(el("li", "… and " + (n.papersTotal - n.papers.length) + " more"));
      box.appendChild(list);
    }
    return box;
  }

  function edgeTooltip(e, nodes) {
    var box = el("div");
    var from = nodes.get(e.from), to = nodes.get(e.to);
    box.appendChild(el("div", from.name + " —" + e.predicate + "→ " + to.name, "tip-name"));
    if (e.evidence) box.appendChild(el("div", "“" + e.evidence + "”", "evidence"));
    var meta = [];
    if (e.paper) meta.push("paper: " + e.paper);
    if (e.confidence) meta.push("confidence " + e.confidence);
    if (e.evidenceCount > 1) meta.push(e.evidenceCount + " sentences");
    if (meta.length) box.appendChild(el("div", meta.join(" · "), "tip-kind"));
    return box;
  }

  var nodes = new vis.DataSet(payload.nodes);
  var edges = new vis.DataSet(payload.edges);
  nodes.update(nodes.get().map(function (n) { return { id: n.id, title: nodeTooltip(n) }; }));
  edges.update(edges.get().map(function (e) { return { id: e.id, title: edgeTooltip(e, nodes) }; }));

  var container = document.getElementById("network");
  var status = document.getElementById("status");
  var card = document.getElementById("card");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, payload.options);
  var view = { nodes: nodes, edges: edges, network: network, stabilized: false, payload: payload };
  window.mlkgView = view;

  function settled() {
    network.setOptions({ physics: { enabled: false } });
    view.stabilized = true;
    document.body.setAttribute("data-stabilized", "true");
    status.textContent = "";
  }
  network.on("stabilizationProgress", function (p) {
    status.textContent = "laying out… " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", settled);
  if (payload.options.physics.enabled === false || payload.nodes.length === 0) settled();

  // ---- highlight: the selection and its neighbours keep their colours, the rest fades -------
  var FADED_NODE = { color: "rgba(200,205,210,0.35)", font: { color: "rgba(0,0,0,0)" } };
  var highlighted = false;

  function highlight(ids) {
    var keep = {};
    ids.forEach(function (id) {
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (other) { keep[other] = true; });
    });
    nodes.update(payload.nodes.map(function (n) {
      return keep[n.id] ? { id: n.id, color: n.color, font: { color: "#1f2933", size: n.font.size } }
        : { id: n.id, color: FADED_NODE.color, font: { color: FADED_NODE.font.color, size: n.font.size } };
    }));
    var ends = {};
    ids.forEach(function (id) { ends[id] = true; });
    edges.update(payload.edges.map(function (e) {
      var lit = ends[e.from] || ends[e.to];
      return { id: e.id, color: lit ? e.color : "rgba(200,205,210,0.25)", font: { color: lit ? "#52606d" : "rgba(0,0,0,0)", strokeWidth: lit ? 3 : 0 } };
    }));
    highlighted = true;
  }

  function clearHighlight() {
    if (!highlighted) return;
    nodes.update(payload.nodes.map(function (n) { return { id: n.id, color: n.color, font: { color: "#1f2933", size: n.font.size } }; }));
    edges.update(payload.edges.map(function (e) { return { id: e.id, color: e.color, font: { color: "#52606d", strokeWidth: 3 } }; }));
    highlighted = false;
  }
  view.highlight = highlight;
  view.clearHighlight = clearHighlight;

  // ---- legend and class filter -------------------------------------------------------
  function swatch(colour, shape) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    var shapes = {
      dot: ["circle", { cx: 8, cy: 8, r: 6 }],
      square: ["rect", { x: 2, y: 2, width: 12, height: 12 }],
      diamond: ["polygon", { points: "8,1 15,8 8,15 1,8" }],
      triangle: ["polygon", { points: "8,2 15,14 1,14" }],
      triangleDown: ["polygon", { points: "1,2 15,2 8,14" }],
      hexagon: ["polygon", { points: "4,2 12,2 15,8 12,14 4,14 1,8" }],
      star: ["polygon", { points: "8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6" }],
      ellipse: ["ellipse", { cx: 8, cy: 8, rx: 7, ry: 5 }]
    };
    var spec = shapes[shape] || shapes.dot;
    var shapeEl = document.createElementNS(ns, spec[0]);
    Object.keys(spec[1]).forEach(function (k) { shapeEl.setAttribute(k, spec[1][k]); });
    shapeEl.setAttribute("fill", colour);
    svg.appendChild(shapeEl);
    return svg;
  }

  function kindCounts() {
    var counts = {};
    payload.nodes.forEach(function (n) { counts[n.kind] = (counts[n.kind] || 0) + 1; });
    return counts;
  }

  function setClassVisible(kind, visible) {
    if (visible) delete hiddenKinds[kind]; else hiddenKinds[kind] = true;
    var changes = payload.nodes.filter(function (n) { return n.kind === kind; })
      .map(function (n) { return { id: n.id, hidden: !visible }; });
    nodes.update(changes);
    var box = document.querySelector('input[data-kind="' + kind + '"]');
    if (box) box.checked = visible;
  }
  view.setClassVisible = setClassVisible;

  var counts = kindCounts();
  var nodeLegend = document.getElementById("legend-nodes");
  payload.legend.nodes.forEach(function (s) {
    var row = el("label", null, "legend-row");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-kind", s.kind);
    box.disabled = !counts[s.kind];
    box.addEventListener("change", function () { setClassVisible(s.kind, box.checked); });
    row.appendChild(box);
    row.appendChild(swatch(s.colour, s.shape));
    row.appendChild(el("span", s.caption));
    row.appendChild(el("span", (counts[s.kind] || 0).toLocaleString("en"), "legend-count"));
    nodeLegend.appendChild(row);
  });
  function setRelationVisible(predicate, visible) {
    edges.update(payload.edges.filter(function (e) { return e.predicate === predicate; })
      .map(function (e) { return { id: e.id, hidden: !visible }; }));
    var box = document.querySelector('input[data-predicate="' + predicate + '"]');
    if (box) box.checked = visible;
  }
  view.setRelationVisible = setRelationVisible;

  var edgeCounts = {};
  payload.edges.forEach(function (e) { edgeCounts[e.predicate] = (edgeCounts[e.predicate] || 0) + 1; });
  var edgeLegend = document.getElementById("legend-edges");
  payload.legend.edges.forEach(function (s) {
    var row = el("label", null, "legend-row");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-predicate", s.predicate);
    box.disabled = !edgeCounts[s.predicate];
    box.addEventListener("change", function () { setRelationVisible(s.predicate, box.checked); });
    row.appendChild(box);
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "28");
    svg.setAttribute("height", "10");
    var line = document.createElementNS(ns, "line");
    [["x1", 1], ["y1", 5], ["x2", 27], ["y2", 5], ["stroke", s.colour], ["stroke-width", 3]]
      .forEach(function (a) { line.setAttribute(a[0], a[1]); });
    if (s.dashes) line.setAttribute("stroke-dasharray", "5,3");
    svg.appendChild(line);
    row.appendChild(svg);
    row.appendChild(el("span", s.predicate));
    row.appendChild(el("span", (edgeCounts[s.predicate] || 0).toLocaleString("en"), "legend-count"));
    edgeLegend.appendChild(row);
  });

  // ---- search --------------------------------------------------------------------------
  var searchBox = document.getElementById("search");
  var searchCount = document.getElementById("search-count");
  var searchResults = document.getElementById("search-results");

  function search(query) {
    var q = fold(query);
    searchResults.textContent = "";
    if (!q) {
      searchCount.textContent = "";
      network.unselectAll();
      clearHighlight();
      card.textContent = "";
      return [];
    }
    var matches = payload.nodes.filter(function (n) {
      if (hiddenKinds[n.kind]) return false;
      if (fold(n.name).indexOf(q) >= 0) return true;
      return n.aliases.some(function (a) { return fold(a).indexOf(q) >= 0; });
    });
    matches.sort(function (a, b) {
      var ea = fold(a.name) === q ? 0 : 1, eb = fold(b.name) === q ? 0 : 1;
      return ea - eb || b.degree - a.degree || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
    var ids = matches.map(function (n) { return n.id; });
    searchCount.textContent = matches.length + " match" + (matches.length === 1 ? "" : "es");
    matches.slice(0, 30).forEach(function (n) {
      var b = el("button", n.name + " (" + n.kind + ")");
      b.type = "button";
      b.addEventListener("click", function () { showNode(n.id, true); });
      searchResults.appendChild(b);
    });
    if (ids.length) {
      highlight([ids[0]]);
      network.selectNodes(ids);
      network.focus(ids[0], { scale: 0.7, animation: false });
      showCard(ids[0]);
    } else {
      network.unselectAll();
      clearHighlight();
    }
    return ids;
  }
  view.search = search;
  searchBox.addEventListener("input", function () { search(searchBox.value); });

  // ---- cards -----------------------------------------------------------------------------

  function showNode(id, focusIt) {
    highlight([id]);
    network.selectNodes([id]);
    if (focusIt) network.focus(id, { scale: 0.9, animation: false });
    showCard(id);
  }

  function showCard(id) {
    var n = nodes.get(id);
    card.textContent = "";
    if (!n) return;
    card.appendChild(el("h3", n.name));
    card.appendChild(el("div", n.kind + (n.date ? " · " + n.date : "") + " · " + n.degree + " links", "meta"));
    if (n.aliases.length) card.appendChild(el("div", "Also known as: " + n.aliases.join(", ")));
    if (n.papersTotal) {
      card.appendChild(el("h2", "Papers (" + n.papersTotal + ")"));
      var pl = el("ul");
      n.papers.forEach(function (t) { pl.appendChild(el("li", t)); });
      if (n.papersTotal > n.papers.length) pl.appendChild(el("li", "… and " + (n.papersTotal - n.papers.length) + " more"));
      card.appendChild(pl);
    }
    var links = edges.get({ filter: function (e) { return (e.from === id || e.to === id) && e.predicate !== "mentions"; } });
    if (links.length) {
      card.appendChild(el("h2", "Relations shown (" + links.length + ")"));
      var rl = el("ul");
      links.forEach(function (e) {
        var li = el("li");
        li.appendChild(el("span", nodes.get(e.from).name + " " + e.predicate + " " + nodes.get(e.to).name));
        if (e.evidence) { li.appendChild(el("br")); li.appendChild(el("span", "“" + e.evidence + "”", "evidence")); }
        rl.appendChild(li);
      });
      card.appendChild(rl);
    }
  }

  function showEdgeCard(id) {
    var e = edges.get(id);
    card.textContent = "";
    if (!e) return;
    card.appendChild(edgeTooltip(e, nodes));
  }
  view.showCard = showCard;

  network.on("click", function (params) {
    if (params.nodes.length) {
      highlight([params.nodes[0]]);
      showCard(params.nodes[0]);
    } else if (params.edges.length) {
      showEdgeCard(params.edges[0]);
    } else {
      clearHighlight();
      card.textContent = "";
    }
  });
})();
