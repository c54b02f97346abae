/* tmru-kg explorer: timeline, graph and overview of the embedded data, with shared filters,
 * search and details.  Every string from the data is rendered with textContent, SVG <title>
 * text or as a plain-text vis-network tooltip; nothing from the data ever reaches innerHTML.
 * Every control text comes from D.ui (kg/export/assets/i18n.json, in the page's language). */
(function () {
  "use strict";
  var T0 = performance.now(), TIMES = {};
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  TIMES.parse = performance.now() - T0;
  var N = D.nodes, E = D.edges, C = D.classes, UI = D.ui || {};
  N.forEach(function (n) { if (n.fm) n.f = (D.formats || {})[n.fm] || n.fm; });
  E.forEach(function (e) { if (typeof e[2] === "number") e[2] = D.relKeys[e[2]]; });  // relations come numbered
  var CK = C.map(function (c) { return c.key; });
  var MEETING = 0, PERSON = CK.indexOf("Person"), COUNTRY = CK.indexOf("Country"), AREA = CK.indexOf("CooperationArea");
  var KIND_COLORS = {"commission-session": "#e45756", "co-chairs-meeting": "#f58518", "working-group": "#4c78a8",
                     "other": "#72b7b2"};
  var $ = function (id) { return document.getElementById(id); };
  var started = performance.now();

  function t(key, args) {
    var s = UI[key] === undefined ? key : String(UI[key]);
    return args ? s.replace(/\{(\w+)\}/g, function (m, k) { return args[k] === undefined ? m : String(args[k]); }) : s;
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function noScheme(u) { return String(u).replace(/^[a-z][a-z0-9+.-]*:\/\//i, ""); }
  function cut(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + "\u2026" : s; }
  function each(sel, f) { Array.prototype.forEach.call(document.querySelectorAll(sel), f); }

  // ------------------------------------------------------------ language of the page
  each("[data-i18n]", function (e) { e.textContent = t(e.getAttribute("data-i18n")); });
  each("[data-i18n-ph]", function (e) { e.placeholder = t(e.getAttribute("data-i18n-ph")); });
  each("[data-i18n-title]", function (e) { e.title = t(e.getAttribute("data-i18n-title")); });
  each("[data-i18n-aria]", function (e) { e.setAttribute("aria-label", t(e.getAttribute("data-i18n-aria"))); });
  var MONTHS = UI.months || ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];

  // ------------------------------------------------------------ search keys: kg.export.html.search_key
  var FT = D.fold || {};
  function fold(s) {
    s = String(s).toLowerCase().replace(/i\u0307/g, "i").normalize("NFC");
    var out = "";
    for (var ch of s) out += FT[ch] !== undefined ? FT[ch] : ch;
    out = out.replace(/kh/g, "h").normalize("NFKD").replace(/[^0-9a-z]+/g, "").replace(/([a-z])\1+/g, "$1");
    return out.replace(/([csz])h/g, "$1");
  }

  // ------------------------------------------------------------ adjacency
  var adj = N.map(function () { return []; });
  E.forEach(function (e, i) { adj[e[0]].push(i); adj[e[1]].push(i); });
  var byId = {};
  N.forEach(function (n, i) { byId[n.id] = i; });
  function other(k, i) { return E[k][0] === i ? E[k][1] : E[k][0]; }
  var pcCache = {};
  function personCountries(i) {
    if (!pcCache[i]) pcCache[i] = adj[i].filter(function (k) { return E[k][2] === "forCountry" && E[k][0] === i; })
      .map(function (k) { return E[k][1]; });
    return pcCache[i];
  }
  function when(n) { return n.d || n.rd || null; }
  function year(n) { var w = when(n); return w ? parseInt(w.slice(0, 4), 10) : null; }
  var MEETINGS = [];
  N.forEach(function (n, i) { if (n.c === MEETING) MEETINGS.push(i); });
  MEETINGS.sort(function (a, b) { return String(when(N[b]) || "").localeCompare(String(when(N[a]) || "")) || a - b; });

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
  function srcLine(d) {
    var doc = D.docs[d];
    return doc ? t("source") + ": " + (doc[0] ? noScheme(doc[0]) : doc[3]) : "";
  }
  function srcName(x) {  // a conflict's source: a document number, or text ("+3", a file name)
    var doc = typeof x === "number" ? D.docs[x] : null;
    return doc ? (doc[0] ? noScheme(doc[0]) : doc[3]) : String(x);
  }
  function conflictLines(n) {
    var lines = [];
    (n.cf || []).forEach(function (c) {
      lines.push(c[0] + ":");
      c[1].forEach(function (v) { lines.push("  " + v[0] + " \u2190 " + v[1].map(srcName).join(", ")); });
    });
    return lines;
  }
  function nodeTitle(i) {
    var n = N[i], lines = [n.l, C[n.c].label];
    if (n.c === MEETING) {
      lines[1] = (D.kinds[n.k] || n.k) + (n.f ? " \u00b7 " + n.f : "");
      if (!n.d && n.rd) lines.push(t("date.reported", {date: n.rd}));
      if (n.cf) lines.push("\u26a0 " + t("conflict.title"), conflictLines(n).join("\n"));
    }
    if (n.posts) lines.push(n.posts.slice(0, 2).join("; "));
    var ev = n.c === MEETING ? (n.ev || [])[0] : null;
    if (n.c !== MEETING) { var first = evidenceFor(i)[0]; ev = first && first.e; }
    if (ev) { lines.push("\u201c" + cut(D.sents[ev[2]], 280) + "\u201d"); lines.push(srcLine(ev[3])); }
    else if (n.src && n.src.length) lines.push(srcLine(n.src[0]));
    return lines.join("\n");
  }

  // ------------------------------------------------------------ filters
  var years = MEETINGS.map(function (i) { return year(N[i]); }).filter(function (y) { return y !== null; });
  var minY = years.length ? Math.min.apply(null, years) : null;
  var maxY = years.length ? Math.max.apply(null, years) : null;
  var DEFAULT = {from: minY, to: maxY, undated: true, kind: "", area: "", country: ""};
  var S = {view: "timeline", focus: null, expanded: [], off: {CooperationArea: true, Country: true}};
  Object.keys(DEFAULT).forEach(function (k) { S[k] = DEFAULT[k]; });
  var pass = new Uint8Array(N.length), passCount = 0;
  var dirty = {timeline: true, graph: true, overview: true};

  function meetingPasses(i) {
    var n = N[i], y = year(n);
    if (!n.d && !S.undated) return false;
    if (y !== null && ((S.from !== null && y < S.from) || (S.to !== null && y > S.to))) return false;
    if (S.kind && n.k !== S.kind) return false;
    if (S.area !== "" && !adj[i].some(function (k) { return other(k, i) === +S.area; })) return false;
    if (S.country !== "" && !adj[i].some(function (k) {
      var p = other(k, i);
      return N[p].c === PERSON && personCountries(p).indexOf(+S.country) >= 0;
    })) return false;
    return true;
  }
  function apply() {
    passCount = 0;
    MEETINGS.forEach(function (i) { pass[i] = meetingPasses(i) ? 1 : 0; passCount += pass[i]; });
    filterVersion++;
    dirty = {timeline: true, graph: true, overview: true};
    render();
  }
  function render() {
    if (S.view === "timeline") updateTimeline();
    else if (S.view === "graph") updateGraph();
    else updateOverview();
    status();
  }
  function status() {
    var msg;
    if (S.view === "timeline") {
      msg = t("status.timeline", {shown: placedPassing().length, total: MEETINGS.length});
    }
    else if (S.view === "graph") msg = t("status.graph", {nodes: gNodes.length, edges: gEdges.length, shown: passCount,
                                                           total: MEETINGS.length});
    else msg = t("status.overview", {shown: passCount, total: MEETINGS.length});
    $("status").textContent = msg;
  }

  // ------------------------------------------------------------ controls
  function fillSelect(sel, items) {
    items.forEach(function (it) { var o = el("option", it[1]); o.value = it[0]; sel.appendChild(o); });
  }
  function nodesOf(c) {
    return N.map(function (n, i) { return i; }).filter(function (i) { return N[i].c === c && adj[i].length; })
      .sort(function (a, b) { return N[a].l.localeCompare(N[b].l); });
  }
  fillSelect($("kind"), Object.keys(D.kinds).map(function (k) { return [k, D.kinds[k]]; }));
  fillSelect($("area"), nodesOf(AREA).map(function (i) { return [String(i), N[i].l]; }));
  fillSelect($("country"), nodesOf(COUNTRY).map(function (i) { return [String(i), N[i].l]; }));
  if (minY === null) $("years").hidden = true;
  ["from", "to"].forEach(function (k) { $(k).min = minY; $(k).max = maxY; });

  function syncControls() {
    $("from").value = S.from === null ? "" : S.from;
    $("to").value = S.to === null ? "" : S.to;
    $("undated").checked = S.undated;
    $("kind").value = S.kind; $("area").value = S.area; $("country").value = S.country;
  }
  function readControls() {
    var f = parseInt($("from").value, 10), to = parseInt($("to").value, 10);
    S.from = isNaN(f) ? minY : f; S.to = isNaN(to) ? maxY : to;
    S.undated = $("undated").checked;
    S.kind = $("kind").value; S.area = $("area").value; S.country = $("country").value;
    apply();
  }
  ["from", "to", "undated", "kind", "area", "country"].forEach(function (id) {
    $(id).addEventListener("change", readControls);
  });
  function reset() {
    Object.keys(DEFAULT).forEach(function (k) { S[k] = DEFAULT[k]; });
    syncControls();
    apply();
    if (tl && S.view === "timeline") tl.fit({animation: false});
  }
  $("reset").addEventListener("click", reset);

  // legend: classes (check = drawn in the graph; areas and countries are filters by default)
  C.forEach(function (c, ci) {
    var li = el("li"), box = el("input"), n = N.filter(function (x) { return x.c === ci; }).length;
    if (!n) return;
    box.type = "checkbox"; box.checked = !S.off[c.key]; box.id = "cls-" + c.key; box.title = t("legend.show");
    box.addEventListener("change", function () { S.off[c.key] = !box.checked; dirty.graph = true; render(); });
    var g = el("span", c.glyph, "glyph"); g.style.color = c.color;
    var lab = el("label"); lab.htmlFor = box.id; lab.title = t("legend.show");
    lab.appendChild(g); lab.appendChild(document.createTextNode(c.label + " "));
    lab.appendChild(el("span", "(" + n + ")", "count"));
    li.appendChild(box); li.appendChild(lab);
    $("legend").appendChild(li);
  });
  // legend: timeline markers
  function legendShape(cls, text) {
    var li = el("li");
    li.appendChild(el("span", null, "shape " + cls));
    li.appendChild(el("span", text));
    $("legend-tl").appendChild(li);
  }
  Object.keys(D.formats || {}).forEach(function (f) { legendShape("fmt-" + f, D.formats[f]); });
  legendShape("fmt-none", t("legend.format.none"));
  legendShape("undated", t("legend.undated"));
  legendShape("tenure", t("legend.tenure"));
  var cli = el("li");
  cli.appendChild(el("span", "!", "badge"));
  cli.appendChild(el("span", t("legend.conflict")));
  $("legend-tl").appendChild(cli);

  // ------------------------------------------------------------ search
  var keys = N.map(function (n) { return n.q || fold(n.l); });
  function search(q) {
    var f = fold(q.trim()), out = [];
    if (!f) return out;
    var order = [];
    for (var i = 0; i < N.length; i++) if (keys[i].indexOf(f) >= 0) order.push(i);
    // entities before meetings, then by label
    order.sort(function (a, b) { return (N[a].c === MEETING) - (N[b].c === MEETING) || N[a].l.localeCompare(N[b].l); });
    for (i = 0; i < order.length && out.length < 20; i++) out.push(order[i]);
    return out;
  }
  function showResults() {
    var ul = $("results"), q = $("q").value, found = search(q);
    ul.textContent = "";
    if (q.trim() && !found.length) ul.appendChild(el("li", t("search.none"), "meta"));
    found.forEach(function (i) {
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
    var h = el("h3", n.l);
    if (n.cf) h.appendChild(el("span", t("conflict.badge"), "badge"));
    box.appendChild(h);
    box.appendChild(el("div", C[n.c].label + " \u00b7 " + n.id, "meta"));
    var dl = el("dl");
    function fact(k, v) { dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v)); }
    if (n.c === MEETING) {
      fact(D.props.startDate, n.d || t("date.reported", {date: n.rd || "?"}));
      fact(D.props.kind, D.kinds[n.k] || n.k);
      if (n.f) fact(D.props.format, n.f);
      if (n.n !== undefined) fact(D.props.sessionNumber, n.n);
      fact(D.props.agreementsSigned, n.s ? t("yes") : t("no"));
    }
    if (n.posts) fact(t("post"), n.posts.join("; "));
    (D.tenures || []).forEach(function (x) {
      if (x[0] === i) fact(N[x[1]].l, t("tenure.meetings", {from: x[2], to: x[3]}));
    });
    box.appendChild(dl);
    if (n.cf) {
      var cf = el("div", null, "conflicts");
      cf.appendChild(el("h4", "\u26a0 " + t("conflict.title")));
      n.cf.forEach(function (c) {
        cf.appendChild(el("div", c[0]));
        var ul = el("ul");
        c[1].forEach(function (v) { ul.appendChild(el("li", v[0] + " \u2190 " + v[1].map(srcName).join(", "))); });
        cf.appendChild(ul);
      });
      box.appendChild(cf);
    }
    var groups = {};
    adj[i].forEach(function (k) {
      var e = E[k], o = other(k, i), rel = e[0] === i ? D.rels[e[2]] : C[N[o].c].label;
      (groups[rel] = groups[rel] || []).push(o);
    });
    Object.keys(groups).sort().forEach(function (rel) {
      var list = groups[rel].sort(function (a, b) {
        return String(when(N[b]) || "").localeCompare(String(when(N[a]) || "")) || N[a].l.localeCompare(N[b].l);
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
      if (list.length > 50) ul.appendChild(el("li", t("more", {n: list.length - 50}), "meta"));
      box.appendChild(ul);
    });
    var ev = evidenceFor(i).slice(0, 30), byDoc = {}, order = [];
    ev.forEach(function (x) {
      var d = x.e[3];
      if (!byDoc[d]) { byDoc[d] = []; order.push(d); }
      byDoc[d].push(x);
    });
    (n.src || []).forEach(function (d) { if (!byDoc[d]) { byDoc[d] = []; order.push(d); } });
    if (order.length) box.appendChild(el("h4", t("sources") + " (" + order.length + ")"));
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
    showDetails(i);
    setFocus(i);
    if (N[i].c === MEETING && S.view === "timeline") showOnTimeline(i);
  }

  // ------------------------------------------------------------ timeline
  // Up to AGG_MAX meetings in (or near) the window are drawn one by one; above that the timeline is
  // aggregated: one bar per kind and year (window over 6 years) or month, labelled with its count;
  // clicking a bar zooms into it.  Co-chair tenures are always drawn.
  var tl = null, tlItems = null, tlKey = "", tlShown = 0, tlLevel = "", AGG_MAX = 250;
  var YEAR = 365.25 * 864e5, TENURE_COUNTRIES = [];
  (D.tenures || []).forEach(function (x) { if (TENURE_COUNTRIES.indexOf(x[1]) < 0) TENURE_COUNTRIES.push(x[1]); });
  TENURE_COUNTRIES.sort(function (a, b) { return (N[a].id !== "country/TM") - (N[b].id !== "country/TM") || a - b; });
  function day(s) { var p = s.split("-"); return new Date(+p[0], (+p[1] || 1) - 1, +p[2] || 1); }
  var PLACED = MEETINGS.filter(function (i) { return when(N[i]); }), AT = {};
  PLACED.forEach(function (i) { AT[i] = day(when(N[i])).valueOf(); });
  var filterVersion = 0;
  function placedPassing() { return PLACED.filter(function (i) { return pass[i] === 1; }); }
  function tlMeetings() { return tlShown; }
  function fmtMinor(date, scale) {
    var d = new Date(date.valueOf());
    if (scale === "year") return String(d.getFullYear());
    if (scale === "month") return MONTHS[d.getMonth()];
    if (scale === "day" || scale === "weekday" || scale === "week") return String(d.getDate());
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }
  function fmtMajor(date, scale) {
    var d = new Date(date.valueOf());
    if (scale === "year") return "";
    if (scale === "month") return String(d.getFullYear());
    if (scale === "day" || scale === "weekday" || scale === "week") return MONTHS[d.getMonth()] + " " + d.getFullYear();
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
  }
  function meetingItem(i) {
    var n = N[i], c = el("span", cut(n.l, 48));
    c.title = nodeTitle(i);
    return {id: i, group: "k:" + n.k, start: new Date(AT[i]), type: "point", content: c,
            className: "k-" + n.k + " fmt-" + (n.fm || "none") + (n.d ? "" : " undated") + (n.cf ? " conflict" : "")};
  }
  function tenureItems() {
    return (D.tenures || []).map(function (x, j) {
      var c = el("span", N[x[0]].l), end = day(x[3]);
      c.title = t("tenure", {person: N[x[0]].l, from: x[2], to: x[3]});
      end.setDate(end.getDate() + 1);
      return {id: "t" + j, group: "t:" + x[1], start: day(x[2]), end: end, type: "range", content: c,
              className: "tenure side-" + TENURE_COUNTRIES.indexOf(x[1])};
    });
  }
  function aggregateItems(ms, byYear) {
    var buckets = {}, out = [];
    ms.forEach(function (i) {
      var d = new Date(AT[i]), k = N[i].k + "|" + d.getFullYear() + (byYear ? "" : "-" + d.getMonth());
      (buckets[k] = buckets[k] || {kind: N[i].k, y: d.getFullYear(), m: byYear ? 0 : d.getMonth(), n: 0}).n++;
    });
    Object.keys(buckets).sort().forEach(function (k) {
      // a little short of the next period, so that neighbouring bars sit on one row
      var b = buckets[k], start = new Date(b.y, b.m, 1), end = byYear ? new Date(b.y, 11, 10) : new Date(b.y, b.m, 26);
      var c = el("span", String(b.n));
      c.title = t("cluster", {count: b.n}) + " \u00b7 " + (D.kinds[b.kind] || b.kind) + " \u00b7 " +
        (byYear ? b.y : MONTHS[b.m] + " " + b.y);
      out.push({id: "a:" + k, group: "k:" + b.kind, start: start, end: end, type: "range", content: c,
                className: "agg k-" + b.kind, n: b.n});
    });
    return out;
  }
  function tlRefresh(force) {
    var ms = placedPassing(), want, key;
    if (ms.length <= AGG_MAX) {
      want = ms; tlLevel = "meetings"; key = "all";
    } else {
      var w = tl ? tl.getWindow() : {start: new Date(minY, 0, 1), end: new Date(maxY + 1, 0, 1)};
      var s = w.start.valueOf(), e = w.end.valueOf(), span = e - s;
      var near = ms.filter(function (i) { return AT[i] >= s - span / 2 && AT[i] <= e + span / 2; });
      if (near.length <= AGG_MAX) { want = near; tlLevel = "meetings"; key = "near:" + s + ":" + e; }
      else { tlLevel = span > 6 * YEAR ? "year" : "month"; key = tlLevel; }
    }
    key += ":" + filterVersion;
    if (!force && key === tlKey) return;
    tlKey = key;
    var items = tlLevel === "meetings" ? want.map(meetingItem) : aggregateItems(ms, tlLevel === "year");
    tlShown = tlLevel === "meetings" ? want.length : ms.length;
    var ids = new Set(items.map(function (it) { return it.id; }));
    tlItems.remove(tlItems.getIds().filter(function (id) { return !ids.has(id) && !/^t\d+$/.test(String(id)); }));
    tlItems.add(items.filter(function (it) { return !tlItems.get(it.id); }));
    if (tl) status();
  }
  function buildTimeline() {
    var groups = Object.keys(D.kinds).map(function (k, gi) {
      var c = el("span", t("lane.kind", {kind: D.kinds[k]}));
      return {id: "k:" + k, content: c, order: gi};
    });
    TENURE_COUNTRIES.forEach(function (c, ci) {
      groups.push({id: "t:" + c, content: el("span", t("lane.cochairs", {country: N[c].l})), order: -10 + ci});
    });
    tlItems = new vis.DataSet(tenureItems());
    var options = {
      orientation: "top", stack: true, showCurrentTime: false, selectable: true, multiselect: false,
      zoomMin: 5 * 864e5, zoomMax: 60 * YEAR, margin: {item: {horizontal: 2, vertical: 3}},
      groupOrder: "order", format: {minorLabels: fmtMinor, majorLabels: fmtMajor}, height: "100%",
      verticalScroll: true, zoomKey: "", tooltip: {followMouse: false}
    };
    if (minY !== null) {
      options.min = new Date(minY - 20, 0, 1);  // room to zoom out to decades
      options.max = new Date(maxY + 21, 0, 1);
    }  // no start/end: the timeline fits its items and shows at once (with start/end it waits for a range event)
    TIMES.items = performance.now() - T0;
    tlRefresh(true);
    tl = new vis.Timeline($("timeline"), tlItems, groups.length ? new vis.DataSet(groups) : null, options);
    TIMES.timeline = performance.now() - T0;
    tl.on("rangechanged", function () { tlRefresh(false); });
    tl.on("select", function (p) {
      var id = p.items && p.items[0];
      if (typeof id === "number") { showDetails(id); S.focus = id; S.expanded = [id]; dirty.graph = true; }
      else if (typeof id === "string" && /^t\d+$/.test(id)) showDetails(D.tenures[+id.slice(1)][0]);
      else if (typeof id === "string" && id.slice(0, 2) === "a:") {
        var it = tlItems.get(id);
        if (it) tl.setWindow(it.start, it.end, {animation: false});
      }
    });
    tl.on("changed", function () {  // ready once the timeline is visible with its items laid out
      if (api.ready) return;
      var root = document.querySelector("#timeline .vis-timeline"), item = document.querySelector("#timeline .vis-item");
      if (root && root.style.visibility !== "hidden" && (!item || item.getBoundingClientRect().width > 0)) {
        requestAnimationFrame(function () { markReady(); });
      }
    });
  }
  function showOnTimeline(i) {  // zoom to a meeting and select it
    if (!tl || !AT[i] || !pass[i]) return;
    if (!tlItems.get(i)) {
      tl.setWindow(new Date(AT[i] - 30 * 864e5), new Date(AT[i] + 30 * 864e5), {animation: false});
      tlRefresh(true);
    }
    if (tlItems.get(i)) tl.setSelection([i], {focus: true, animation: false});
  }
  var NODATE = MEETINGS.length - PLACED.length;
  if (NODATE) $("tl-nodate").textContent = t("timeline.nodate", {n: NODATE});
  function updateTimeline() {
    if (!tl) buildTimeline();
    else if (dirty.timeline) tlRefresh(true);
    dirty.timeline = false;
  }
  $("tl-fit").addEventListener("click", function () { if (tl) tl.fit({animation: false}); });

  // ------------------------------------------------------------ graph: a focus, grown on click
  var net = null, gNodes = new vis.DataSet(), gEdges = new vis.DataSet(), EXPAND = 40;
  function nodeVisible(i) {
    if (S.off[CK[N[i].c]]) return false;
    if (N[i].c === MEETING) return pass[i] === 1;
    if (N[i].c === PERSON && S.country !== "") return personCountries(i).indexOf(+S.country) >= 0;
    return true;
  }
  function neighbours(x) {
    var out = [];
    adj[x].forEach(function (k) { var o = other(k, x); if (nodeVisible(o) && out.indexOf(o) < 0) out.push(o); });
    out.sort(function (a, b) {
      return (N[a].c === MEETING) - (N[b].c === MEETING) ||
        String(when(N[b]) || "").localeCompare(String(when(N[a]) || "")) || a - b;
    });
    return out.slice(0, EXPAND);
  }
  function latestMeeting() {  // the latest dated meeting that passes the filters, else any
    for (var j = 0; j < MEETINGS.length; j++) if (pass[MEETINGS[j]] && N[MEETINGS[j]].d) return MEETINGS[j];
    for (j = 0; j < MEETINGS.length; j++) if (pass[MEETINGS[j]]) return MEETINGS[j];
    return MEETINGS.length ? MEETINGS[0] : null;
  }
  function graphSet() {
    var want = new Set();
    if (S.focus === null || S.focus === undefined) return want;
    want.add(S.focus);
    S.expanded.forEach(function (x) {
      if (x !== S.focus && !nodeVisible(x)) return;
      want.add(x);
      neighbours(x).forEach(function (o) { want.add(o); });
    });
    return want;
  }
  function visNode(i) {
    var n = N[i], c = C[n.c], label = cut(n.l, 42) + (n.cf ? " \u26a0" : "");
    return {id: i, label: label, title: nodeTitle(i), shape: c.shape, size: c.size,
            borderWidth: n.cf ? 3 : 1,
            color: {background: c.color, border: n.cf ? "#b71c1c" : c.color,
                    highlight: {background: c.color, border: "#000"}}};
  }
  function updateGraph() {
    if (S.focus === null || (N[S.focus] && N[S.focus].c === MEETING && !pass[S.focus])) {
      var m = latestMeeting();
      S.focus = m; S.expanded = m === null ? [] : [m];
    }
    if (!net) {
      net = new vis.Network($("network"), {nodes: gNodes, edges: gEdges}, D.options);
      net.on("click", function (p) { if (p.nodes.length) { expand(p.nodes[0]); showDetails(p.nodes[0]); } });
    }
    var want = graphSet(), have = gNodes.getIds(), pos = net.getPositions(have);
    gNodes.remove(have.filter(function (i) { return !want.has(i); }));
    var add = [];
    want.forEach(function (i) {
      if (gNodes.get(i)) return;
      var v = visNode(i), parent = null;
      adj[i].some(function (k) { var o = other(k, i); if (pos[o]) { parent = pos[o]; return true; } return false; });
      if (parent) { var a = (i * 2.399963) % (2 * Math.PI); v.x = parent.x + 120 * Math.cos(a); v.y = parent.y + 120 * Math.sin(a); }
      add.push(v);
    });
    gNodes.add(add);
    var edges = [];
    want.forEach(function (i) {
      adj[i].forEach(function (k) {
        if (E[k][0] === i && want.has(E[k][1])) {
          edges.push({id: k, from: E[k][0], to: E[k][1], label: D.rels[E[k][2]] || E[k][2],
                      title: N[E[k][0]].l + " \u2192 " + (D.rels[E[k][2]] || E[k][2]) + " \u2192 " + N[E[k][1]].l});
        }
      });
    });
    var ids = edges.map(function (e) { return e.id; }), keep = new Set(ids);
    gEdges.remove(gEdges.getIds().filter(function (k) { return !keep.has(k); }));
    gEdges.update(edges);
    $("focus-name").textContent = S.focus === null ? "" : t("graph.focus", {name: N[S.focus].l});
    dirty.graph = false;
  }
  function setFocus(i) {
    S.focus = i; S.expanded = [i];
    dirty.graph = true;
    if (S.view === "graph") {
      updateGraph(); status();
      net.fit({animation: false});
    }
  }
  function expand(i) {
    if (S.expanded.indexOf(i) < 0) S.expanded.push(i);
    updateGraph(); status();
  }
  $("latest").addEventListener("click", function () { setFocus(latestMeeting()); });

  // ------------------------------------------------------------ overview charts (SVG from the data)
  function perYear() {
    var ys = [];
    MEETINGS.forEach(function (i) { if (pass[i]) { var y = year(N[i]); if (y !== null && ys.indexOf(y) < 0) ys.push(y); } });
    ys.sort();
    if (!ys.length) return [];
    var out = [];
    for (var y = ys[0]; y <= ys[ys.length - 1]; y++) out.push(y);
    return out;
  }
  function barChart(box, ys, series, onClick) {
    // series: [{key, label, color, counts: {year: n}}], stacked
    var W = Math.max(box.clientWidth || 600, 300) - 10, H = 150, L = 28, B = 18;
    var bw = Math.max(4, Math.min(36, (W - L) / Math.max(ys.length, 1) - 2));
    var max = 1;
    ys.forEach(function (y) {
      var s = 0; series.forEach(function (se) { s += se.counts[y] || 0; }); max = Math.max(max, s);
    });
    var root = svg("svg", {width: L + ys.length * (bw + 2) + 10, height: H + B + 4});
    root.appendChild(svg("line", {x1: L - 2, y1: H, x2: L + ys.length * (bw + 2), y2: H, stroke: "#999"}));
    var top = svg("text", {x: 0, y: 10}); top.textContent = String(max); root.appendChild(top);
    var step = Math.ceil(ys.length / Math.max(1, Math.floor((W - L) / 34)));
    ys.forEach(function (y, yi) {
      var x = L + yi * (bw + 2), base = H;
      series.forEach(function (se) {
        var v = se.counts[y] || 0;
        if (!v) return;
        var h = Math.max(1, Math.round(v / max * (H - 14)));
        var r = svg("rect", {x: x, y: base - h, width: bw, height: h, fill: se.color, "class": "bar",
                             "data-year": y, "data-key": se.key});
        var tt = svg("title"); tt.textContent = t("bar", {year: y, what: se.label, n: v}); r.appendChild(tt);
        r.addEventListener("click", function () { onClick(y, se.key); });
        root.appendChild(r);
        base -= h;
      });
      if (yi % step === 0) {
        var lab = svg("text", {x: x, y: H + 12}); lab.textContent = String(y); root.appendChild(lab);
      }
    });
    box.appendChild(root);
  }
  function legendRow(box, series) {
    var p = el("div", null, "meta");
    series.forEach(function (se) {
      var s = el("span", "\u25a0 "); s.style.color = se.color; p.appendChild(s);
      p.appendChild(document.createTextNode(se.label + "  "));
    });
    box.appendChild(p);
  }
  function filterTo(y, kind, area) {
    S.from = y; S.to = y;
    if (kind !== undefined) S.kind = kind;
    if (area !== undefined) S.area = String(area);
    syncControls();
    apply();
  }
  function updateOverview() {
    var ys = perYear();
    ["chart-meetings", "chart-agreements", "chart-areas"].forEach(function (id) { $(id).textContent = ""; });
    if (!ys.length) { $("chart-meetings").appendChild(el("p", t("overview.empty"), "hint")); dirty.overview = false; return; }
    var kinds = Object.keys(D.kinds), series = kinds.map(function (k) {
      return {key: k, label: D.kinds[k], color: KIND_COLORS[k] || "#999", counts: {}};
    });
    var signed = {key: "", label: C[CK.indexOf("Agreement")] ? C[CK.indexOf("Agreement")].label : "", color: "#9d755d",
                  counts: {}};
    var areaCounts = {}, areaMax = 1;
    MEETINGS.forEach(function (i) {
      if (!pass[i]) return;
      var n = N[i], y = year(n);
      if (y === null) return;
      var se = series[kinds.indexOf(n.k)];
      if (se) se.counts[y] = (se.counts[y] || 0) + 1;
      if (n.s) signed.counts[y] = (signed.counts[y] || 0) + 1;
      adj[i].forEach(function (k) {
        var a = other(k, i);
        if (N[a].c !== AREA) return;
        var row = areaCounts[a] = areaCounts[a] || {};
        row[y] = (row[y] || 0) + 1;
        areaMax = Math.max(areaMax, row[y]);
      });
    });
    legendRow($("chart-meetings"), series);
    barChart($("chart-meetings"), ys, series, function (y, k) { filterTo(y, k); });
    barChart($("chart-agreements"), ys, [signed], function (y) { filterTo(y); });
    // heatmap: areas (rows, most frequent first) x years
    var areas = Object.keys(areaCounts).map(Number).sort(function (a, b) {
      var sa = 0, sb = 0, y;
      for (y in areaCounts[a]) sa += areaCounts[a][y];
      for (y in areaCounts[b]) sb += areaCounts[b][y];
      return sb - sa || N[a].l.localeCompare(N[b].l);
    });
    var LW = 150, cw = Math.max(8, Math.min(28, (($("chart-areas").clientWidth || 600) - LW - 10) / ys.length)), ch = 14;
    var root = svg("svg", {width: LW + ys.length * cw + 10, height: areas.length * ch + 20});
    areas.forEach(function (a, ai) {
      var lab = svg("text", {x: 0, y: ai * ch + 11}); lab.textContent = cut(N[a].l, 26); root.appendChild(lab);
      ys.forEach(function (y, yi) {
        var v = areaCounts[a][y] || 0;
        if (!v) return;
        var r = svg("rect", {x: LW + yi * cw, y: ai * ch, width: cw - 1, height: ch - 1, fill: "#00796b",
                             "fill-opacity": (0.15 + 0.85 * v / areaMax).toFixed(2), "class": "cell",
                             "data-year": y, "data-area": N[a].id});
        var tt = svg("title"); tt.textContent = t("bar", {year: y, what: N[a].l, n: v}); r.appendChild(tt);
        r.addEventListener("click", function () { filterTo(y, undefined, a); });
        root.appendChild(r);
      });
    });
    var step = Math.ceil(ys.length * 30 / Math.max(30, ys.length * cw));
    ys.forEach(function (y, yi) {
      if (yi % step) return;
      var lab = svg("text", {x: LW + yi * cw, y: areas.length * ch + 12}); lab.textContent = String(y);
      root.appendChild(lab);
    });
    $("chart-areas").appendChild(root);
    dirty.overview = false;
  }

  // ------------------------------------------------------------ views
  function setView(v) {
    if (["timeline", "graph", "overview"].indexOf(v) < 0) return;
    S.view = v;
    each("#tabs button", function (b) { b.setAttribute("aria-selected", String(b.getAttribute("data-view") === v)); });
    ["timeline", "graph", "overview"].forEach(function (x) { $("view-" + x).hidden = x !== v; });
    render();
    if (v === "timeline" && tl) tl.redraw();
    if (v === "graph" && net) { net.redraw(); net.fit({animation: false}); }
  }
  each("#tabs button", function (b) {
    b.addEventListener("click", function () { setView(b.getAttribute("data-view")); });
  });

  // ------------------------------------------------------------ the URL fragment: any text is safe
  // #view=graph&kind=commission-session&area=area/trade&country=country/TM&from=2020&to=2023&undated=0&focus=person/x&q=...
  function fromFragment() {
    var raw = String(location.hash || "").replace(/^#/, ""), bad = [], h = {};
    raw.split("&").forEach(function (kv) {
      if (!kv) return;
      var p = kv.split("="), k, v;
      try { k = decodeURIComponent(p[0]); v = decodeURIComponent(p.slice(1).join("=")); }
      catch (e) { bad.push(kv); return; }
      h[k] = v;
    });
    function num(v) { return /^\d{1,4}$/.test(v) ? parseInt(v, 10) : null; }
    Object.keys(h).forEach(function (k) {
      var v = h[k], ok = true;
      if (k === "view") ok = ["timeline", "graph", "overview"].indexOf(v) >= 0;
      else if (k === "kind") ok = Object.prototype.hasOwnProperty.call(D.kinds, v) && !!(S.kind = v);
      else if (k === "area" || k === "country") {
        var i = Object.prototype.hasOwnProperty.call(byId, v) ? byId[v] : undefined;
        ok = i !== undefined && N[i].c === (k === "area" ? AREA : COUNTRY);
        if (ok) S[k] = String(i);
      } else if (k === "from" || k === "to") { ok = num(v) !== null; if (ok) S[k] = num(v); }
      else if (k === "undated") { ok = v === "0" || v === "1"; if (ok) S.undated = v === "1"; }
      else if (k === "focus") ok = Object.prototype.hasOwnProperty.call(byId, v);
      else if (k === "q") { $("q").value = v.slice(0, 200); showResults(); }
      else ok = false;
      if (!ok) bad.push(k + (v ? "=" + v : ""));
    });
    if (bad.length) {
      $("msg").hidden = false;
      $("msg").textContent = t("fragment.ignored", {part: cut(bad.join("&"), 160)});
    } else $("msg").hidden = true;
    return h;
  }

  var api = window.explorer = {
    data: D, state: S, apply: apply, select: select, setView: setView, fold: fold, search: search, byId: byId,
    ready: false, readyAt: null, times: TIMES,
    timeline: function () { return tl; }, network: function () { return net; },
    counts: function () {
      return {
        meetings: MEETINGS.length, passing: passCount,
        timelineMeetings: tlMeetings(), timelineLevel: tlLevel, timelineItems: tlItems ? tlItems.length : 0,
        tenures: tlItems ? tlItems.getIds().filter(function (id) { return /^t\d+$/.test(String(id)); }).length : 0,
        aggregates: tlItems ? tlItems.getIds().filter(function (id) { return /^a:/.test(String(id)); }).length : 0,
        timelineDrawn: document.querySelectorAll("#timeline .vis-item").length,
        graphNodes: gNodes.length, graphEdges: gEdges.length,
        drawnNodes: net ? net.body.nodeIndices.length : 0, drawnEdges: net ? net.body.edgeIndices.length : 0,
        bars: document.querySelectorAll("#chart-meetings .bar").length,
        agreementBars: document.querySelectorAll("#chart-agreements .bar").length,
        cells: document.querySelectorAll("#chart-areas .cell").length
      };
    }
  };
  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyAt = performance.now() - started;
    TIMES.ready = performance.now() - T0;
    document.body.setAttribute("data-ready", "1");
  }

  TIMES.setup = performance.now() - T0;
  var h0 = fromFragment();
  syncControls();
  passCount = 0;
  MEETINGS.forEach(function (i) { pass[i] = meetingPasses(i) ? 1 : 0; passCount += pass[i]; });
  if (h0.focus !== undefined && byId[h0.focus] !== undefined) { S.focus = byId[h0.focus]; S.expanded = [S.focus]; }
  setView(h0.view || (h0.focus !== undefined ? "graph" : "timeline"));
  if (S.focus !== null && h0.focus !== undefined) showDetails(S.focus);
  window.addEventListener("hashchange", function () {
    var h = fromFragment();
    syncControls();
    if (h.focus !== undefined && byId[h.focus] !== undefined) { S.focus = byId[h.focus]; S.expanded = [S.focus]; }
    apply();
    if (h.view) setView(h.view);
  });
  if (S.view !== "timeline" || !tl) markReady();
  setTimeout(markReady, 3000);  // a timeline that never reports a redraw (hidden, empty) is still usable
})();
