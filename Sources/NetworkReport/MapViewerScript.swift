/// The interactive map's styles and script, written into every page that holds a map (`InteractiveMap`).
/// Plain JavaScript, no library: the layout and every style come from Graphviz's SVG, so the browser
/// only shows, hides, highlights and moves the view — it runs no physics.
///
/// Each `div.stakenet-map` is one map: its SVG, its controls (filled in here from its model) and its
/// model (`script.map-model`, JSON). User text reaches the page only through `textContent`, `value`
/// and attribute setters, never as markup.
///
/// The DOM contract, for tests and users' scripts: each stakeholder's SVG element (`g.stakeholder`)
/// carries `data-id`; the search field is the map's `input[type=search]`; the chosen stakeholder's
/// elements have `aria-selected="true"`; stakeholders hidden by a filter or the focus have
/// `display: none`; the kinds filter has one checkbox per stakeholder kind (`input[type=checkbox][name=kind]`,
/// its value the kind), and it is the map's only set of checkboxes (sectors and tie kinds are toggle
/// buttons, `button[aria-pressed]`); the year slider is `input[type=range].map-year`, shown when ties
/// carry years. `window.stakenetMaps` lists each map's small API (`select`, `zoom`, `state`).
enum MapViewerScript {
    static let style = #"""
.stakenet-map { margin: 1rem 0; border: 1px solid #d0d0d0; background: #fff; }
.stakenet-map .map-controls, .stakenet-map .map-filters { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center; padding: .45rem .6rem; font-size: .9rem; border-bottom: 1px solid #e4e4e4; }
.stakenet-map .map-filters fieldset, .stakenet-map .map-filters .map-group { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem .6rem; align-items: center; }
.stakenet-map .map-filters legend, .stakenet-map .map-group-title { font-weight: bold; float: left; margin-right: .4rem; padding: 0; }
.stakenet-map button { font: inherit; font-size: .85rem; padding: .1rem .5rem; border: 1px solid #888; border-radius: 3px; background: #f7f7f7; cursor: pointer; }
.stakenet-map button[aria-pressed="false"] { background: #fff; color: #777; text-decoration: line-through; }
.stakenet-map input[type=search] { font: inherit; padding: .15rem .4rem; min-width: 14rem; }
.stakenet-map .map-body { display: flex; align-items: stretch; }
.stakenet-map .map-view { flex: 1 1 auto; overflow: hidden; cursor: grab; touch-action: none; outline-offset: -3px; min-height: 20rem; }
.stakenet-map .map-view.dragging { cursor: grabbing; }
.stakenet-map .map-view svg { display: block; width: 100%; height: auto; max-height: 80vh; border: 0; }
.stakenet-map .map-card { flex: 0 0 18rem; max-width: 40%; border-left: 1px solid #e4e4e4; padding: .5rem .7rem; font-size: .88rem; overflow-y: auto; max-height: 80vh; }
.stakenet-map .map-card h3 { margin: .1rem 0 .4rem; font-size: 1.05rem; word-break: break-word; }
.stakenet-map .map-card table { margin: .3rem 0; font-size: .85rem; }
.stakenet-map .map-card td, .stakenet-map .map-card th { padding: .1rem .4rem; white-space: normal; }
.stakenet-map .map-card ul { margin: .1rem 0 .5rem; padding-left: 1.1rem; }
.stakenet-map .map-card button.link { border: 0; background: none; color: #0072B2; padding: 0; text-decoration: underline; text-align: left; }
.stakenet-map .map-status { margin: 0; padding: .3rem .6rem; font-size: .85rem; color: #555; border-top: 1px solid #e4e4e4; }
.stakenet-map g.stakeholder { cursor: pointer; }
.stakenet-map g.stakeholder[aria-selected="true"] polygon, .stakenet-map g.stakeholder[aria-selected="true"] ellipse, .stakenet-map g.stakeholder[aria-selected="true"] path { stroke: #D55E00; stroke-width: 4px; }
.stakenet-map g.tie.on-path path { stroke: #D55E00; stroke-width: 5px; }
.stakenet-map g.tie.on-path polygon { stroke: #D55E00; fill: #D55E00; }
.stakenet-map g.stakeholder.near polygon, .stakenet-map g.stakeholder.near ellipse { stroke-width: 2.5px; }
"""#

    static let script = #"""
(function () {
  "use strict";
  var maps = [];
  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    if (attributes) { Object.keys(attributes).forEach(function (k) { node.setAttribute(k, attributes[k]); }); }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function norm(text) { return String(text).toLowerCase().replace(/\s+/g, " ").trim(); }
  function fmt(value) {
    if (typeof value !== "number") { return String(value); }
    if (Number.isInteger(value)) { return String(value); }
    return Math.abs(value) >= 1000 ? value.toFixed(0) : value.toPrecision(4);
  }

  function init(root, mapIndex) {
    var model = JSON.parse(root.querySelector("script.map-model").textContent);
    var svg = root.querySelector(".map-view svg");
    var view = root.querySelector(".map-view");
    var card = root.querySelector(".map-card");
    var status = root.querySelector(".map-status");
    var nodes = model.nodes, ties = model.ties, n = nodes.length;
    var nodeEls = nodes.map(function () { return []; }), labelEls = nodes.map(function () { return []; });
    Array.prototype.forEach.call(svg.querySelectorAll("g.stakeholder"), function (g) {
      var m = /^(?:p\d+)?s(\d+)$/.exec(g.id);
      if (m && +m[1] < n) { nodeEls[+m[1]].push(g); }
    });
    Array.prototype.forEach.call(svg.querySelectorAll("g.label"), function (g) {
      var m = /^(?:p\d+)?l(\d+)$/.exec(g.id);
      if (m && +m[1] < n) { labelEls[+m[1]].push(g); }
    });
    var lineEls = [];
    Array.prototype.forEach.call(svg.querySelectorAll("g.tie"), function (g) {
      var key = g.id.replace(/^p\d+/, "");
      var line = model.lines[key];
      if (line) { lineEls.push({el: g, line: line}); }
    });
    var adjacency = nodes.map(function () { return []; });
    ties.forEach(function (t, j) { adjacency[t[0]].push(j); if (t[1] !== t[0]) { adjacency[t[1]].push(j); } });

    // State.
    var kindsOff = {}, sectorsOff = {}, tieKindsOff = {};
    var year = null, selected = -1, focus = 0;

    // Controls.
    var controls = root.querySelector(".map-controls"), filters = root.querySelector(".map-filters");
    var listId = "stakenet-map-names-" + mapIndex;
    var search = el("input", {type: "search", placeholder: "find a stakeholder (id or name)", "aria-label": "Find a stakeholder by id or name", list: listId, autocomplete: "off"});
    var datalist = el("datalist", {id: listId});
    nodes.forEach(function (d) {
      var option = el("option");
      option.value = d.label;
      if (d.id !== d.label) { option.label = d.id; }
      datalist.appendChild(option);
    });
    controls.appendChild(search);
    controls.appendChild(datalist);
    var focusSelect = el("select", {"aria-label": "Focus on the chosen stakeholder's neighbourhood", "class": "map-focus"});
    [["0", "whole map"], ["1", "1 step around"], ["2", "2 steps around"], ["3", "3 steps around"]].forEach(function (o) {
      focusSelect.appendChild(el("option", {value: o[0]}, o[1]));
    });
    var focusLabel = el("label", null, "Focus ");
    focusLabel.appendChild(focusSelect);
    controls.appendChild(focusLabel);
    var zoomIn = el("button", {type: "button", "class": "map-zoom-in", "aria-label": "Zoom in"}, "+");
    var zoomOut = el("button", {type: "button", "class": "map-zoom-out", "aria-label": "Zoom out"}, "\u2212");
    var reset = el("button", {type: "button", "class": "map-reset"}, "Reset view");
    [zoomIn, zoomOut, reset].forEach(function (b) { controls.appendChild(b); });

    function distinct(values) {
      var seen = {}, out = [];
      values.forEach(function (v) { if (!Object.prototype.hasOwnProperty.call(seen, v)) { seen[v] = true; out.push(v); } });
      return out.sort();
    }
    var kinds = distinct(nodes.map(function (d) { return d.kind; }));
    if (model.hasKinds) {
      var kindSet = el("fieldset", {"class": "map-kinds"});
      kindSet.appendChild(el("legend", null, "Kinds"));
      kinds.forEach(function (k) {
        var label = el("label");
        var box = el("input", {type: "checkbox", name: "kind"});
        box.value = k;
        box.checked = true;
        box.addEventListener("change", function () { if (box.checked) { delete kindsOff[k]; } else { kindsOff[k] = true; } update(); });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + k));
        kindSet.appendChild(label);
      });
      filters.appendChild(kindSet);
    }
    function toggles(title, values, off, cls) {
      if (values.length < 2) { return; }
      var group = el("div", {"class": "map-group " + cls, role: "group", "aria-label": title});
      group.appendChild(el("span", {"class": "map-group-title"}, title));
      values.forEach(function (v) {
        var b = el("button", {type: "button", "aria-pressed": "true"}, v);
        b.setAttribute("data-value", v);
        b.addEventListener("click", function () {
          var on = b.getAttribute("aria-pressed") === "true";
          b.setAttribute("aria-pressed", on ? "false" : "true");
          if (on) { off[v] = true; } else { delete off[v]; }
          update();
        });
        group.appendChild(b);
      });
      filters.appendChild(group);
    }
    if (model.hasSectors) { toggles("Sectors", distinct(nodes.map(function (d) { return d.sector; })), sectorsOff, "map-sectors"); }
    toggles("Ties", model.tieKinds.slice(), tieKindsOff, "map-tie-kinds");
    var slider = null, yearOutput = null, allYears = null;
    if (model.years) {
      var yearBox = el("div", {"class": "map-group map-years"});
      yearBox.appendChild(el("span", {"class": "map-group-title"}, "Year"));
      slider = el("input", {type: "range", "class": "map-year", min: String(model.years[0]), max: String(model.years[1]), step: "1", "aria-label": "Show the ties active in this year"});
      slider.value = String(model.years[1]);
      yearOutput = el("output", null, "all years");
      allYears = el("button", {type: "button", "aria-pressed": "true", "class": "map-all-years"}, "all years");
      slider.addEventListener("input", function () { year = +slider.value; allYears.setAttribute("aria-pressed", "false"); update(); });
      allYears.addEventListener("click", function () { year = null; allYears.setAttribute("aria-pressed", "true"); update(); });
      yearBox.appendChild(slider);
      yearBox.appendChild(yearOutput);
      yearBox.appendChild(allYears);
      filters.appendChild(yearBox);
    }
    if (!filters.children.length) { filters.hidden = true; }

    // Which stakeholders and ties are shown.
    var visible = new Array(n), activeTie = new Array(ties.length);
    function tieOn(t) {
      if (tieKindsOff[model.tieKinds[t[2]]]) { return false; }
      if (year !== null && ((t[4] !== null && t[4] > year) || (t[5] !== null && t[5] < year))) { return false; }
      return true;
    }
    function update() {
      var i, j;
      for (i = 0; i < n; i++) { visible[i] = !kindsOff[nodes[i].kind] && !sectorsOff[nodes[i].sector]; }
      for (j = 0; j < ties.length; j++) { activeTie[j] = tieOn(ties[j]) && visible[ties[j][0]] && visible[ties[j][1]]; }
      if (selected >= 0 && focus > 0) {
        var distance = new Array(n).fill(-1), queue = [selected];
        distance[selected] = 0;
        for (var head = 0; head < queue.length; head++) {
          var v = queue[head];
          if (distance[v] >= focus) { continue; }
          adjacency[v].forEach(function (tj) {
            if (!activeTie[tj]) { return; }
            var w = ties[tj][0] === v ? ties[tj][1] : ties[tj][0];
            if (distance[w] < 0) { distance[w] = distance[v] + 1; queue.push(w); }
          });
        }
        for (i = 0; i < n; i++) { visible[i] = visible[i] && distance[i] >= 0; }
        visible[selected] = true;
        for (j = 0; j < ties.length; j++) { activeTie[j] = activeTie[j] && visible[ties[j][0]] && visible[ties[j][1]]; }
      }
      var shown = 0, shownTies = 0;
      for (i = 0; i < n; i++) {
        if (visible[i]) { shown++; }
        var display = visible[i] ? "" : "none";
        nodeEls[i].forEach(function (g) { g.style.display = display; });
        labelEls[i].forEach(function (g) { g.style.display = display; });
      }
      for (j = 0; j < ties.length; j++) { if (activeTie[j]) { shownTies++; } }
      var shownLines = 0;
      lineEls.forEach(function (item) {
        var line = item.line, on = visible[line.a] && visible[line.b];
        if (on && line.ties.length) { on = line.ties.some(function (tj) { return activeTie[tj]; }); }
        if (on) { shownLines++; }
        item.el.style.display = on ? "" : "none";
      });
      if (yearOutput) { yearOutput.textContent = year === null ? "all years" : String(year); }
      // A map of groups draws lines between groups, not ties: it counts those.
      var tieCount = ties.length ? shownTies + " of " + ties.length + " ties" : shownLines + " of " + lineEls.length + " lines";
      status.textContent = "Showing " + shown + " of " + n + " " + model.nodeWord + " and " + tieCount
        + (year === null ? "" : " active in " + year) + (selected >= 0 && focus > 0 ? ", within " + focus + " step" + (focus > 1 ? "s" : "") + " of " + nodes[selected].label : "") + ".";
    }

    // The card of the chosen stakeholder.
    function showCard(i) {
      card.textContent = "";
      if (i < 0) { card.hidden = true; return; }
      card.hidden = false;
      var d = nodes[i];
      card.appendChild(el("h3", null, d.label));
      var facts = el("table");
      var rows = [["id", d.id]];
      if (model.hasKinds) { rows.push(["kind", d.kind]); }
      if (model.hasSectors) { rows.push(["sector", d.sector]); }
      (d.m || []).forEach(function (pair) { rows.push([pair[0], fmt(pair[1])]); });
      rows.forEach(function (r) {
        var tr = el("tr");
        tr.appendChild(el("th", {scope: "row"}, r[0]));
        tr.appendChild(el("td", null, r[1]));
        facts.appendChild(tr);
      });
      card.appendChild(facts);
      if (d.note) { card.appendChild(el("p", null, d.note)); }
      if (adjacency[i].length) {
        card.appendChild(el("h4", null, "Ties by kind"));
        var byKind = {};
        adjacency[i].forEach(function (tj) {
          var t = ties[tj], kind = model.tieKinds[t[2]];
          var other = t[0] === i ? t[1] : t[0];
          var arrow = !model.directed || t[3] === 0 ? "\u2013 " : (t[0] === i ? "\u2192 " : "\u2190 ");
          (byKind[kind] = byKind[kind] || []).push({other: other, arrow: arrow, weight: t[6], reporters: t.length > 7 ? t[7] : null});
        });
        Object.keys(byKind).sort().forEach(function (kind) {
          var list = byKind[kind];
          card.appendChild(el("p", null, kind + " (" + list.length + ")"));
          var ul = el("ul");
          list.slice(0, 30).forEach(function (item) {
            var li = el("li", null, item.arrow);
            var b = el("button", {type: "button", "class": "link"}, nodes[item.other].label);
            b.addEventListener("click", function () { select(item.other); });
            li.appendChild(b);
            if (item.weight !== 1) { li.appendChild(document.createTextNode(" (" + fmt(item.weight) + ")")); }
            if (item.reporters !== null) {
              li.appendChild(el("span", {"class": "map-reporters"}, item.reporters ? " \u2014 reported by " + item.reporters : " \u2014 from records"));
            }
            ul.appendChild(li);
          });
          if (list.length > 30) { ul.appendChild(el("li", null, "and " + (list.length - 30) + " more")); }
          card.appendChild(ul);
        });
      }
      if (model.parents) {
        var path = [], v = i, guard = 0;
        while (v >= 0 && guard++ <= n) { path.unshift(v); v = model.parents[v]; }
        var p = el("p", {"class": "map-path"});
        if (model.parents[i] === -2) {
          p.textContent = model.pathCaption + ": not reached.";
        } else if (path.length === 1) {
          p.textContent = model.pathCaption + ": a first adopter.";
        } else {
          p.textContent = model.pathCaption + ": " + path.map(function (x) { return nodes[x].label; }).join(" \u2192 ")
            + (model.pathProbability ? " (chance " + fmt(model.pathProbability[i]) + ")" : "") + ".";
        }
        card.appendChild(p);
      }
    }
    function highlightPath(i) {
      lineEls.forEach(function (item) { item.el.classList.remove("on-path"); });
      if (!model.parents || i < 0) { return; }
      var onPath = {}, v = i, guard = 0;
      while (v >= 0 && model.parents[v] >= 0 && guard++ <= n) { onPath[model.parents[v] + " " + v] = true; v = model.parents[v]; }
      lineEls.forEach(function (item) {
        var l = item.line;
        if (onPath[l.a + " " + l.b] || onPath[l.b + " " + l.a]) { item.el.classList.add("on-path"); }
      });
    }
    function select(i) {
      if (selected >= 0) { nodeEls[selected].forEach(function (g) { g.removeAttribute("aria-selected"); }); }
      selected = i;
      if (i >= 0) { nodeEls[i].forEach(function (g) { g.setAttribute("aria-selected", "true"); }); }
      showCard(i);
      highlightPath(i);
      update();
    }
    function find(text) {
      var q = norm(text);
      if (!q) { return -1; }
      var i;
      for (i = 0; i < n; i++) { if (norm(nodes[i].id) === q || norm(nodes[i].label) === q) { return i; } }
      for (i = 0; i < n; i++) { if (norm(nodes[i].label).indexOf(q) === 0 || norm(nodes[i].id).indexOf(q) === 0) { return i; } }
      for (i = 0; i < n; i++) { if (norm(nodes[i].label).indexOf(q) >= 0) { return i; } }
      return -1;
    }
    function searchNow() {
      var i = find(search.value);
      if (i >= 0) { select(i); centreOn(i); status.textContent += ""; } else if (search.value) { status.textContent = "No stakeholder matches \u201c" + search.value + "\u201d."; }
    }
    search.addEventListener("change", searchNow);
    search.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); searchNow(); } });
    focusSelect.addEventListener("change", function () { focus = +focusSelect.value; update(); });

    // Pan and zoom, by the SVG's viewBox. Wheel and drag move a transformed picture (the browser
    // only moves what it has drawn, smooth on large maps) and set the viewBox when the gesture rests;
    // buttons and keys set it at once.
    var base = svg.viewBox.baseVal, home = {x: base.x, y: base.y, w: base.width, h: base.height};
    var box = {x: home.x, y: home.y, w: home.w, h: home.h}, drawn = {x: home.x, y: home.y, w: home.w, h: home.h};
    var commitTimer = null;
    svg.style.transformOrigin = "0 0";
    function commit() {
      if (commitTimer) { clearTimeout(commitTimer); commitTimer = null; }
      svg.style.transform = "";
      svg.style.willChange = "";
      svg.setAttribute("viewBox", box.x + " " + box.y + " " + box.w + " " + box.h);
      drawn = {x: box.x, y: box.y, w: box.w, h: box.h};
    }
    function apply(continuous) {
      if (!continuous) { commit(); return; }
      var width = svg.clientWidth || 1, height = svg.clientHeight || 1, s = drawn.w / box.w;
      svg.style.willChange = "transform";
      svg.style.transform = "translate(" + ((drawn.x - box.x) / box.w * width) + "px," + ((drawn.y - box.y) / box.h * height) + "px) scale(" + s + ")";
      if (commitTimer) { clearTimeout(commitTimer); }
      commitTimer = setTimeout(commit, 200);
    }
    function zoom(factor, cx, cy, continuous) {
      var w = Math.min(home.w * 4, Math.max(home.w / 40, box.w / factor));
      var f = box.w / w;
      if (cx === undefined) { cx = box.x + box.w / 2; cy = box.y + box.h / 2; }
      box.x = cx - (cx - box.x) / f; box.y = cy - (cy - box.y) / f;
      box.w = w; box.h = box.h / f;
      apply(continuous);
    }
    function pan(dx, dy, continuous) { box.x += dx; box.y += dy; apply(continuous); }
    function toSVG(clientX, clientY) {
      var r = view.getBoundingClientRect(), width = svg.clientWidth || 1, height = svg.clientHeight || 1;
      return {x: box.x + (clientX - r.left) / width * box.w, y: box.y + (clientY - r.top) / height * box.h};
    }
    function centreOn(i) {
      var g = nodeEls[i][0];
      if (!g || !g.getBBox) { return; }
      var b = g.getBBox(), ctm = g.getCTM(), root = svg.getCTM();
      if (!ctm || !root) { return; }
      var m = root.inverse().multiply(ctm);
      var cx = m.a * (b.x + b.width / 2) + m.c * (b.y + b.height / 2) + m.e, cy = m.b * (b.x + b.width / 2) + m.d * (b.y + b.height / 2) + m.f;
      if (cx < box.x || cx > box.x + box.w || cy < box.y || cy > box.y + box.h) { box.x = cx - box.w / 2; box.y = cy - box.h / 2; apply(false); }
    }
    view.addEventListener("wheel", function (e) {
      e.preventDefault();
      var p = toSVG(e.clientX, e.clientY);
      zoom(Math.exp(-e.deltaY * 0.0015), p.x, p.y, true);
    }, {passive: false});
    var drag = null;
    view.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) { return; }
      drag = {x: e.clientX, y: e.clientY, moved: false, id: e.pointerId};
    });
    view.addEventListener("pointermove", function (e) {
      if (!drag) { return; }
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
      if (!drag.moved) { drag.moved = true; view.classList.add("dragging"); try { view.setPointerCapture(drag.id); } catch (err) { /* capture is optional */ } }
      pan(-dx / (svg.clientWidth || 1) * box.w, -dy / (svg.clientHeight || 1) * box.h, true);
      drag.x = e.clientX; drag.y = e.clientY;
    });
    function endDrag(e) {
      if (!drag) { return; }
      var wasClick = !drag.moved;
      view.classList.remove("dragging");
      if (drag.moved) { commit(); }
      drag = null;
      if (wasClick && e.type === "pointerup") {
        var target = document.elementFromPoint(e.clientX, e.clientY);
        var g = target && target.closest ? target.closest("g.stakeholder") : null;
        if (g && root.contains(g)) {
          var m = /^(?:p\d+)?s(\d+)$/.exec(g.id);
          if (m) { select(+m[1]); }
        } else {
          select(-1);
        }
      }
    }
    view.addEventListener("pointerup", endDrag);
    view.addEventListener("pointercancel", endDrag);
    view.addEventListener("keydown", function (e) {
      var step = box.w * 0.1;
      var keys = {"+": function () { zoom(1.25); }, "=": function () { zoom(1.25); }, "-": function () { zoom(0.8); }, "0": resetView,
                  ArrowLeft: function () { pan(-step, 0); }, ArrowRight: function () { pan(step, 0); }, ArrowUp: function () { pan(0, -step); }, ArrowDown: function () { pan(0, step); },
                  Escape: function () { select(-1); }};
      if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
    });
    function resetView() { box = {x: home.x, y: home.y, w: home.w, h: home.h}; apply(false); }
    zoomIn.addEventListener("click", function () { zoom(1.25); });
    zoomOut.addEventListener("click", function () { zoom(0.8); });
    reset.addEventListener("click", resetView);

    update();
    showCard(-1);
    var api = {
      root: root,
      select: function (id) { var i = find(id); select(i); return i; },
      zoom: function (factor, continuous) { zoom(factor, undefined, undefined, !!continuous); },
      state: function () { return {selected: selected >= 0 ? nodes[selected].id : null, viewBox: [box.x, box.y, box.w, box.h], year: year, focus: focus}; }
    };
    maps.push(api);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("div.stakenet-map"), function (root, index) {
      try { init(root, index); } catch (error) {
        var status = root.querySelector(".map-status");
        if (status) { status.textContent = "The map's controls could not start: " + error.message; }
        throw error;
      }
    });
  }
  window.stakenetMaps = maps;
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
"""#
}
