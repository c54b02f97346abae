/* tmru-kg explorer: filters, search, legend and details for the embedded graph.
 * Every string from the data is rendered with textContent (or as a plain-text
 * vis-network tooltip); nothing from the data ever reaches innerHTML. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var N = D.nodes, E = D.edges, C = D.classes;
  var MEETING = 0, PERSON = 1, COUNTRY = 2;
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function noScheme(u) { return String(u).replace(/^[a-z][a-z0-9+.-]*:\/\//i, ""); }
  function cut(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + "\u2026" : s; }
  function fold(s) { return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function year(n) { return n.d ? parseInt(n.d.slice(0, 4), 10) : null; }

  // adjacency: edge indices per node; a person's countries
  var adj = N.map(function () { return []; });
  E.forEach(function (e, i) { adj[e[0]].push(i); adj[e[1]].push(i); });
  var byId = {};
  N.forEach(function (n, i) { byId[n.id] = i; });
  function personCountries(i) {
    return adj[i].filter(function (k) { return E[k][2] === "forCountry" && E[k][0] === i; })
      .map(function (k) { return E[k][1]; });
  }
  function other(k, i) { return E[k][0] === i ? E[k][1] : E[k][0]; }

  // evidence: [prop, target node or -1, sentence index, doc index]
  function evidenceFor(i) {
    var out = [];
    if (N[i].c === MEETING) {
      (N[i].ev || []).forEach(function (e) { out.push({m: i, e: e}); });
      return out;
    }
    adj[i].forEach(function (k) {
      var m = other(k, i);
      if (N[m].c !== MEETING) return;
      (N[m].ev || []).forEach(function (e) { if (e[1] === i) out.push({m: m, e: e}); });
    });
    out.sort(function (a, b) { return String(N[b.m].d || "").localeCompare(String(N[a.m].d || "")); });
    return out;
  }
  function edgeEvidence(k) {
    var e = E[k], m = e[0];
    if (N[m].c !== MEETING) return null;
    var ev = (N[m].ev || []).filter(function (x) {
      return x[1] === e[1] || (e[2] === "city" && x[0] === "city");
    });
    return ev.length ? ev[0] : null;
  }
  function srcLine(d) {
    var doc = D.docs[d];
    if (!doc) return "";
    return "source: " + (doc[0] ? noScheme(doc[0]) : doc[3]);
  }
  function nodeTitle(i) {
    var n = N[i], lines = [n.l, C[n.c].label];
    if (n.c === MEETING && n.f) lines[1] += " \u00b7 " + n.f;
    if (n.posts) lines.push(n.posts.slice(0, 2).join("; "));
    var ev = n.c === MEETING ? (n.ev || [])[0] : null;
    if (n.c !== MEETING) { var first = evidenceFor(i)[0]; ev = first && first.e; }
    if (ev) { lines.push("\u201c" + cut(D.sents[ev[2]], 280) + "\u201d"); lines.push(srcLine(ev[3])); }
    else if (n.src && n.src.length) lines.push(srcLine(n.src[0]));
    return lines.join("\n");
  }
  function edgeTitle(k) {
    var e = E[k], lines = [N[e[0]].l + " \u2192 " + (D.rels[e[2]] || e[2]) + " \u2192 " + N[e[1]].l];
    var ev = edgeEvidence(k);
    if (ev) { lines.push("\u201c" + cut(D.sents[ev[2]], 280) + "\u201d"); lines.push(srcLine(ev[3])); }
    return lines.join("\n");
  }

  var nodes = new vis.DataSet(N.map(function (n, i) {
    var c = C[n.c];
    return {id: i, label: cut(n.l, 40), title: nodeTitle(i), shape: c.shape, size: c.size, x: n.x, y: n.y,
            color: {background: c.color, border: c.color, highlight: {background: c.color, border: "#000"}}};
  }));
  var edgeTitles = E.map(function (e, k) { return edgeTitle(k); });
  var edges = new vis.DataSet(E.map(function (e, k) {
    return {id: k, from: e[0], to: e[1], label: D.rels[e[2]] || e[2], title: edgeTitles[k]};
  }));
  // Measuring thousands of edge labels makes vis-network slow; a large view gets unlabelled edges
  // (the relation is still in every edge's tooltip and in the details panel).
  var EDGE_LABELS = 1500;
  var plain = D.large ? new vis.DataSet(E.map(function (e, k) {
    return {id: k, from: e[0], to: e[1], title: edgeTitles[k]};
  })) : null;

  // ------------------------------------------------------------ state and filters
  var years = N.filter(function (n) { return n.c === MEETING && n.d; }).map(year);
  var minY = years.length ? Math.min.apply(null, years) : null;
  var maxY = years.length ? Math.max.apply(null, years) : null;
  var nMeetings = N.filter(function (n) { return n.c === MEETING; }).length;
  var DEFAULT = {from: minY, to: maxY, undated: true, kind: "", area: "", country: "", limit: D.limit || 0};
  var S = {off: {}, pin: null};
  var visible = new Set(), shownMeetings = 0, passMeetings = 0;

  function isDefault() {
    return Object.keys(DEFAULT).every(function (k) { return S[k] === DEFAULT[k]; }) && !D.limit;
  }
  function meetingPasses(n, i) {
    var y = year(n);
    if (y === null ? !S.undated : (S.from !== null && y < S.from) || (S.to !== null && y > S.to)) return false;
    if (S.kind && n.k !== S.kind) return false;
    if (S.area !== "" && !adj[i].some(function (k) { return other(k, i) === +S.area; })) return false;
    if (S.country !== "" && !adj[i].some(function (k) {
      var p = other(k, i);
      return N[p].c === PERSON && personCountries(p).indexOf(+S.country) >= 0;
    })) return false;
    return true;
  }
  function personPasses(p) { return S.country === "" || personCountries(p).indexOf(+S.country) >= 0; }

  function apply() {
    var next = new Set(), ms = [];
    if (isDefault()) {
      N.forEach(function (n, i) { next.add(i); });
      ms = N.map(function (n, i) { return i; }).filter(function (i) { return N[i].c === MEETING; });
      passMeetings = ms.length;
    } else {
      N.forEach(function (n, i) { if (n.c === MEETING && meetingPasses(n, i)) ms.push(i); });
      ms.sort(function (a, b) {
        return String(N[b].d || "").localeCompare(String(N[a].d || "")) || (a - b);
      });
      passMeetings = ms.length;
      if (S.limit) ms = ms.slice(0, S.limit);
      ms.forEach(function (m) {
        next.add(m);
        adj[m].forEach(function (k) {
          var o = other(k, m);
          if (N[o].c === PERSON && !personPasses(o)) return;
          next.add(o);
          if (N[o].c === PERSON) personCountries(o).forEach(function (c) {
            if (S.country === "" || c === +S.country) next.add(c);
          });
        });
      });
    }
    if (S.pin !== null) {
      next.add(S.pin);
      adj[S.pin].forEach(function (k) { next.add(other(k, S.pin)); });
    }
    next.forEach(function (i) { if (S.off[C[N[i].c].key]) next.delete(i); });
    visible = next;
    shownMeetings = ms.filter(function (m) { return next.has(m); }).length;
    var nEdges = 0;
    E.forEach(function (e) { if (next.has(e[0]) && next.has(e[1])) nEdges++; });
    var want = plainView && nEdges > EDGE_LABELS ? plainView : edgeView;
    if (want !== current) {  // switch before refreshing, so that no node is created twice
      current = want;
      network.setData({nodes: nodeView, edges: current});
    }
    nodeView.refresh();
    current.refresh();
    status();
  }
  function status() {
    var msg = "showing " + nodeView.length + " of " + N.length + " nodes, " + shownMeetings + " of " +
      nMeetings + " meetings";
    if (S.limit && passMeetings > S.limit) msg += " (latest " + S.limit + " of " + passMeetings + " matching)";
    $("status").textContent = msg;
  }

  var nodeView = new vis.DataView(nodes, {filter: function (n) { return visible.has(n.id); }});
  function edgeFilter(e) { return visible.has(e.from) && visible.has(e.to); }
  var edgeView = new vis.DataView(edges, {filter: edgeFilter});
  var plainView = plain ? new vis.DataView(plain, {filter: edgeFilter}) : null;
  var current = edgeView;

  // ------------------------------------------------------------ controls
  function fillSelect(sel, items) {
    items.forEach(function (it) { var o = el("option", it[1]); o.value = it[0]; sel.appendChild(o); });
  }
  function nodesOf(c) {
    return N.map(function (n, i) { return i; }).filter(function (i) { return N[i].c === c && adj[i].length; })
      .sort(function (a, b) { return N[a].l.localeCompare(N[b].l); });
  }
  var AREA = C.map(function (c) { return c.key; }).indexOf("CooperationArea");
  fillSelect($("kind"), Object.keys(D.kinds).map(function (k) { return [k, D.kinds[k]]; }));
  fillSelect($("area"), nodesOf(AREA).map(function (i) { return [String(i), N[i].l]; }));
  fillSelect($("country"), nodesOf(COUNTRY).map(function (i) { return [String(i), N[i].l]; }));
  fillSelect($("limit"), [50, 100, 200, 500, 1000].filter(function (x) { return x < nMeetings; })
    .map(function (x) { return [String(x), "latest " + x]; }).concat([["0", "all " + nMeetings]]));
  if (minY === null) $("years").hidden = true;
  ["from", "to"].forEach(function (k) { $(k).min = minY; $(k).max = maxY; });

  function syncControls() {
    $("from").value = S.from === null ? "" : S.from;
    $("to").value = S.to === null ? "" : S.to;
    $("undated").checked = S.undated;
    $("kind").value = S.kind; $("area").value = S.area; $("country").value = S.country;
    $("limit").value = String(S.limit);
  }
  function readControls() {
    var f = parseInt($("from").value, 10), t = parseInt($("to").value, 10);
    S.from = isNaN(f) ? minY : f; S.to = isNaN(t) ? maxY : t;
    S.undated = $("undated").checked;
    S.kind = $("kind").value; S.area = $("area").value; S.country = $("country").value;
    S.limit = parseInt($("limit").value, 10) || 0;
    S.pin = null;
    apply();
    if (D.large) network.fit();
  }
  ["from", "to", "undated", "kind", "area", "country", "limit"].forEach(function (id) {
    $(id).addEventListener("change", readControls);
  });
  $("reset").addEventListener("click", function () {
    Object.keys(DEFAULT).forEach(function (k) { S[k] = DEFAULT[k]; });
    S.off = {}; S.pin = null;
    syncControls();
    Array.prototype.forEach.call(document.querySelectorAll("#legend input"), function (b) { b.checked = true; });
    apply();
    network.fit();
  });

  C.forEach(function (c, ci) {
    var li = el("li"), box = el("input"), n = N.filter(function (x) { return x.c === ci; }).length;
    if (!n) return;
    box.type = "checkbox"; box.checked = true; box.id = "cls-" + c.key;
    box.addEventListener("change", function () { S.off[c.key] = !box.checked; apply(); });
    var g = el("span", c.glyph, "glyph"); g.style.color = c.color;
    var lab = el("label"); lab.htmlFor = box.id;
    lab.appendChild(g); lab.appendChild(document.createTextNode(c.label + " "));
    lab.appendChild(el("span", "(" + n + ")", "count"));
    li.appendChild(box); li.appendChild(lab);
    $("legend").appendChild(li);
  });

  // ------------------------------------------------------------ search
  var folded = N.map(function (n) { return fold(n.l + " " + n.id + " " + (n.posts || []).join(" ")); });
  function search(q) {
    var f = fold(q.trim()), out = [];
    if (!f) return out;
    for (var i = 0; i < N.length && out.length < 20; i++) if (folded[i].indexOf(f) >= 0) out.push(i);
    return out;
  }
  function showResults() {
    var ul = $("results");
    ul.textContent = "";
    search($("q").value).forEach(function (i) {
      var li = el("li"), b = el("button", N[i].l, "link");
      b.type = "button";
      b.appendChild(el("span", " \u00b7 " + C[N[i].c].label, "count"));
      b.addEventListener("click", function () { select(i); });
      li.appendChild(b); ul.appendChild(li);
    });
  }
  $("q").addEventListener("input", showResults);
  $("q").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var r = search($("q").value); if (r.length) select(r[0]); }
  });

  // ------------------------------------------------------------ details
  function nodeButton(i) {
    var b = el("button", N[i].l, "link");
    b.type = "button";
    b.addEventListener("click", function () { select(i); });
    return b;
  }
  function docLink(d) {
    var doc = D.docs[d], box = el("div", null, "src");
    if (!doc) return box;
    if (doc[1]) box.appendChild(el("div", doc[1]));
    if (doc[0] && /^https?:/i.test(doc[0])) {
      var a = el("a", noScheme(doc[0]));
      a.href = doc[0]; a.target = "_blank"; a.rel = "noopener noreferrer";
      box.appendChild(a);
    } else box.appendChild(el("span", doc[0] ? noScheme(doc[0]) : doc[3], "meta"));
    if (doc[2]) box.appendChild(el("span", " \u00b7 " + doc[2], "meta"));
    return box;
  }
  function showDetails(i) {
    var n = N[i], box = $("details");
    box.textContent = "";
    box.appendChild(el("h3", n.l));
    box.appendChild(el("div", C[n.c].label + " \u00b7 " + n.id, "meta"));
    var dl = el("dl");
    function fact(k, v) { dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v)); }
    if (n.c === MEETING) {
      if (n.d) fact(D.props.startDate, n.d);
      fact(D.props.kind, D.kinds[n.k] || n.k);
      if (n.f) fact(D.props.format, n.f);
      if (n.n !== undefined) fact(D.props.sessionNumber, n.n);
      fact(D.props.agreementsSigned, n.s ? "\u2713" : "\u2013");
    }
    if (n.posts) fact("post", n.posts.join("; "));
    box.appendChild(dl);
    // relations grouped by relation label
    var groups = {};
    adj[i].forEach(function (k) {
      var e = E[k], o = other(k, i), rel = e[0] === i ? D.rels[e[2]] : C[N[o].c].label;
      (groups[rel] = groups[rel] || []).push(o);
    });
    Object.keys(groups).sort().forEach(function (rel) {
      var list = groups[rel].sort(function (a, b) {
        return String(N[b].d || "").localeCompare(String(N[a].d || "")) || N[a].l.localeCompare(N[b].l);
      });
      box.appendChild(el("h4", rel + " (" + list.length + ")"));
      var ul = el("ul");
      list.slice(0, 50).forEach(function (o) {
        var li = el("li");
        li.appendChild(nodeButton(o));
        if (N[o].c === PERSON) {
          var cs = personCountries(o).map(function (c) { return N[c].l; });
          if (cs.length) li.appendChild(el("span", " \u00b7 " + cs.join(", "), "meta"));
        }
        ul.appendChild(li);
      });
      if (list.length > 50) ul.appendChild(el("li", "\u2026 " + (list.length - 50) + " more", "meta"));
      box.appendChild(ul);
    });
    // sources with their sentences
    var ev = evidenceFor(i).slice(0, 30), byDoc = {}, order = [];
    ev.forEach(function (x) {
      var d = x.e[3];
      if (!byDoc[d]) { byDoc[d] = []; order.push(d); }
      byDoc[d].push(x);
    });
    (n.src || []).forEach(function (d) { if (!byDoc[d]) { byDoc[d] = []; order.push(d); } });
    if (order.length) box.appendChild(el("h4", "Sources (" + order.length + ")"));
    order.forEach(function (d) {
      box.appendChild(docLink(d));
      var seen = {};
      byDoc[d].forEach(function (x) {
        if (seen[x.e[2]]) return;
        seen[x.e[2]] = 1;
        var q = el("blockquote", D.sents[x.e[2]]);
        var what = (D.props[x.e[0]] || x.e[0]) + (n.c === MEETING ? "" : " \u00b7 " + N[x.m].l);
        q.insertBefore(el("div", what, "meta"), q.firstChild);
        box.appendChild(q);
      });
    });
  }
  function select(i) {
    if (!visible.has(i)) { S.pin = i; apply(); }
    network.selectNodes([i]);
    network.focus(i, {scale: Math.max(network.getScale(), 0.8), animation: false});
    showDetails(i);
  }

  // ------------------------------------------------------------ network
  var network = new vis.Network($("network"), {nodes: nodeView, edges: current}, D.options);
  network.on("click", function (p) { if (p.nodes.length) showDetails(p.nodes[0]); });

  // initial state, optionally from the URL hash: #kind=..&area=area/trade&country=country/TM&from=..&to=..&limit=..&focus=id
  Object.keys(DEFAULT).forEach(function (k) { S[k] = DEFAULT[k]; });
  var h = {};
  location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
    var p = kv.split("=");
    if (p[0]) h[decodeURIComponent(p[0])] = decodeURIComponent(p.slice(1).join("="));
  });
  if (h.kind) S.kind = h.kind;
  if (h.area && byId[h.area] !== undefined) S.area = String(byId[h.area]);
  if (h.country && byId[h.country] !== undefined) S.country = String(byId[h.country]);
  if (h.from) S.from = parseInt(h.from, 10);
  if (h.to) S.to = parseInt(h.to, 10);
  if (h.limit) S.limit = parseInt(h.limit, 10) || 0;
  syncControls();
  apply();
  if (h.focus && byId[h.focus] !== undefined) select(byId[h.focus]);

  var api = window.explorer = {
    network: network, nodeView: nodeView, state: S, data: D, apply: apply, select: select,
    byId: byId, ready: false,
    counts: function () {
      return {drawnNodes: network.body.nodeIndices.length, drawnEdges: network.body.edgeIndices.length,
              nodes: nodeView.length, edges: current.length, totalNodes: N.length, totalEdges: E.length,
              edgeLabels: current === edgeView};
    }
  };
  function ready() {
    network.once("afterDrawing", function () { api.ready = true; document.body.setAttribute("data-ready", "1"); });
    network.redraw();
  }
  if (D.options.physics.enabled && N.length) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      network.storePositions();
      ready();
    });
    network.stabilize(D.options.physics.stabilization.iterations);
  } else {
    if (!h.focus) network.fit();
    ready();
  }
})();
