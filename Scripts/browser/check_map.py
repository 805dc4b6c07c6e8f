"""Drives a StakeNet interactive map (render -o map.html, or a report) in headless Chromium through its DOM
contract, and reports as JSON on standard output what happened: searching and selecting, the card, the
kind, sector and tie-kind filters, zooming (button and wheel), the year slider, focus, resources fetched,
console errors and dialogs, and (with --frames) frame times while zooming and panning. Saves a screenshot
after selecting.

Usage: check_map.py PAGE.html SCREENSHOT.png [--frames] [--select TEXT]
Needs chromium and websocket-client (Scripts/test installs both).
"""
import base64
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_report import Page  # noqa: E402

HELPERS = r"""
window.__m = {
  root: function () { return document.querySelector('div.stakenet-map'); },
  model: function () { return JSON.parse(this.root().querySelector('script.map-model').textContent); },
  shownIds: function () {
    return Array.from(this.root().querySelectorAll('svg [data-id]'))
      .filter(function (g) { return getComputedStyle(g).display !== 'none'; })
      .map(function (g) { return g.getAttribute('data-id'); });
  },
  shownTies: function () {
    return Array.from(this.root().querySelectorAll('svg g.tie'))
      .filter(function (g) { return getComputedStyle(g).display !== 'none'; }).length;
  },
  viewBox: function () { return this.root().querySelector('.map-view svg').getAttribute('viewBox'); },
  frame: function () { return new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(r); }); }); }
};
true
"""


def main():
    page_path, screenshot = sys.argv[1], sys.argv[2]
    frames = "--frames" in sys.argv
    choose = sys.argv[sys.argv.index("--select") + 1] if "--select" in sys.argv else None
    page = Page("file://" + os.path.abspath(page_path))
    try:
        time.sleep(0.3)
        page.evaluate(HELPERS)
        ev = page.evaluate
        result = {}
        model = ev("__m.model()")
        nodes = model["nodes"]
        result["stakeholders"] = len(nodes)
        result["status"] = ev("__m.root().querySelector('.map-status').textContent")
        result["lines"] = len(model["lines"])
        result["data_ids"] = ev("document.querySelectorAll('div.stakenet-map svg [data-id]').length")
        result["search_fields"] = ev("document.querySelectorAll('div.stakenet-map input[type=search]').length")
        result["kind_checkboxes"] = ev("Array.from(__m.root().querySelectorAll('input[type=checkbox]')).map(function (b) { return b.value; })")
        result["kinds"] = sorted(set(n["kind"] for n in nodes)) if model["hasKinds"] else []
        result["suggestions"] = ev("__m.root().querySelectorAll('datalist option').length")

        # Search and select: by label, through the search field.
        target = choose or max(nodes, key=lambda n: len(n["label"]))["label"]
        ev("(function (t) { var s = __m.root().querySelector('input[type=search]'); s.value = t;"
           " s.dispatchEvent(new Event('change')); })(%s)" % json.dumps(target))
        ev("__m.frame()")
        result["searched"] = target
        result["selected"] = ev("Array.from(__m.root().querySelectorAll('[aria-selected=true]')).map(function (g) { return g.getAttribute('data-id'); })")
        result["card"] = ev("(function () { var c = __m.root().querySelector('.map-card'); return c.hidden ? null : c.textContent; })()")
        result["card_heading"] = ev("(function () { var h = __m.root().querySelector('.map-card h3'); return h ? h.textContent : null; })()")
        shot = page.call("Page.captureScreenshot", format="png")
        with open(screenshot, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))

        # Clicking a stakeholder's shape selects it.
        clicked = nodes[0]["id"]
        point = ev("(function (id) { var g = Array.from(__m.root().querySelectorAll('svg [data-id]')).find(function (e) { return e.getAttribute('data-id') === id; });"
                   " g.scrollIntoView({block: 'center'}); var r = g.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })(%s)" % json.dumps(clicked))
        for kind in ("mousePressed", "mouseReleased"):
            page.call("Input.dispatchMouseEvent", type=kind, x=point[0], y=point[1], button="left", clickCount=1, pointerType="mouse")
        ev("__m.frame()")
        result["clicked"] = clicked
        result["selected_after_click"] = ev("Array.from(__m.root().querySelectorAll('[aria-selected=true]')).map(function (g) { return g.getAttribute('data-id'); })")

        # Kind filter: unchecking a kind hides exactly its stakeholders.
        result["kind_filter"] = None
        if result["kind_checkboxes"]:
            kind = result["kind_checkboxes"][0]
            ev("(function (k) { var b = Array.from(__m.root().querySelectorAll('input[type=checkbox]')).find(function (x) { return x.value === k; });"
               " b.click(); })(%s)" % json.dumps(kind))
            hidden_expected = sorted(n["id"] for n in nodes if n["kind"] == kind)
            shown = ev("__m.shownIds()")
            result["kind_filter"] = {"kind": kind, "expected_hidden": hidden_expected,
                                     "hidden": sorted(set(n["id"] for n in nodes) - set(shown)),
                                     "shown_count": len(shown)}
            ev("(function (k) { Array.from(__m.root().querySelectorAll('input[type=checkbox]')).find(function (x) { return x.value === k; }).click(); })(%s)" % json.dumps(kind))
            result["kind_filter"]["restored"] = len(ev("__m.shownIds()"))

        # Sector filter (toggle buttons).
        result["sector_filter"] = None
        sectors = ev("Array.from(__m.root().querySelectorAll('.map-sectors button')).map(function (b) { return b.getAttribute('data-value'); })")
        if sectors:
            sector = sectors[0]
            ev("(function (v) { Array.from(__m.root().querySelectorAll('.map-sectors button')).find(function (b) { return b.getAttribute('data-value') === v; }).click(); })(%s)" % json.dumps(sector))
            shown = ev("__m.shownIds()")
            result["sector_filter"] = {"sector": sector, "expected_hidden": sorted(n["id"] for n in nodes if n["sector"] == sector),
                                       "hidden": sorted(set(n["id"] for n in nodes) - set(shown)),
                                       "pressed": ev("__m.root().querySelector('.map-sectors button[aria-pressed=false]').getAttribute('data-value')")}
            ev("(function (v) { Array.from(__m.root().querySelectorAll('.map-sectors button')).find(function (b) { return b.getAttribute('data-value') === v; }).click(); })(%s)" % json.dumps(sector))

        # Tie-kind filter: lines of that kind only disappear.
        result["tie_filter"] = None
        tie_kinds = ev("Array.from(__m.root().querySelectorAll('.map-tie-kinds button')).map(function (b) { return b.getAttribute('data-value'); })")
        if tie_kinds:
            before = ev("__m.shownTies()")
            ev("__m.root().querySelector('.map-tie-kinds button').click()")
            after = ev("__m.shownTies()")
            kind_index = model["tieKinds"].index(tie_kinds[0])
            only_that_kind = sum(1 for line in model["lines"].values() if line["ties"] and all(model["ties"][t][2] == kind_index for t in line["ties"]))
            result["tie_filter"] = {"kind": tie_kinds[0], "before": before, "after": after, "expected_after": before - only_that_kind}
            ev("__m.root().querySelector('.map-tie-kinds button').click()")

        # Zoom: the button and the wheel narrow the view; reset restores it.
        first = ev("__m.viewBox()")
        ev("__m.root().querySelector('.map-zoom-in').click()")
        ev("__m.frame()")
        zoomed = ev("__m.viewBox()")
        view = ev("(function () { var r = __m.root().querySelector('.map-view').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        page.call("Input.dispatchMouseEvent", type="mouseWheel", x=view[0], y=view[1], deltaX=0, deltaY=-300)
        ev("__m.frame()")
        time.sleep(0.4)  # the view is set when the wheel rests
        wheeled = ev("__m.viewBox()")
        ev("__m.root().querySelector('.map-reset').click()")
        ev("__m.frame()")
        result["zoom"] = {"initial": first, "button": zoomed, "wheel": wheeled, "reset": ev("__m.viewBox()")}

        # Year slider: ties shown are those active in the year.
        result["years"] = None
        if model.get("years"):
            low, high = model["years"]
            year = (low + high) // 2
            ev("(function (y) { var s = __m.root().querySelector('input[type=range].map-year'); s.value = String(y); s.dispatchEvent(new Event('input')); })(%d)" % year)
            ev("__m.frame()")
            active = [i for i, t in enumerate(model["ties"]) if (t[4] is None or t[4] <= year) and (t[5] is None or t[5] >= year)]
            expected_lines = sum(1 for line in model["lines"].values() if any(t in active for t in line["ties"]))
            result["years"] = {"year": year, "shown_lines": ev("__m.shownTies()"), "expected_lines": expected_lines,
                               "status": ev("__m.root().querySelector('.map-status').textContent")}
            ev("__m.root().querySelector('.map-all-years').click()")

        # Focus: one step around the chosen stakeholder.
        ev("window.stakenetMaps[0].select(%s)" % json.dumps(nodes[0]["id"]))
        ev("(function () { var f = __m.root().querySelector('select.map-focus'); f.value = '1'; f.dispatchEvent(new Event('change')); })()")
        neighbours = {nodes[0]["id"]}
        for t in model["ties"]:
            if t[0] == 0:
                neighbours.add(nodes[t[1]]["id"])
            if t[1] == 0:
                neighbours.add(nodes[t[0]]["id"])
        result["focus"] = {"shown": sorted(ev("__m.shownIds()")), "expected": sorted(neighbours)}
        ev("(function () { var f = __m.root().querySelector('select.map-focus'); f.value = '0'; f.dispatchEvent(new Event('change')); })()")

        if frames:
            result["frames"] = ev(r"""
(async function () {
  var api = window.stakenetMaps[0], times = [], last = performance.now();
  // Continuous zooming, as the wheel does: 120 steps in and out, one per frame.
  for (var i = 0; i < 120; i++) {
    api.zoom(i < 60 ? 1.03 : 1 / 1.03, true);
    await new Promise(function (r) { requestAnimationFrame(r); });
    var now = performance.now(); times.push(now - last); last = now;
  }
  await new Promise(function (r) { setTimeout(r, 400); });
  // A view set at once (button, key, the end of a gesture): one full redraw.
  var redraws = [];
  for (var k = 0; k < 6; k++) {
    var start = performance.now();
    api.zoom(k % 2 ? 0.8 : 1.25);
    await new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(r); }); });
    redraws.push(performance.now() - start);
  }
  redraws.sort(function (a, b) { return a - b; });
  var t0 = performance.now();
  var box = __m.root().querySelector('input[type=checkbox]');
  if (box) { box.click(); box.click(); }
  var filter = (performance.now() - t0) / 2;
  times.sort(function (a, b) { return a - b; });
  return {median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1], filter_ms: filter,
          redraw_median: redraws[3]};
})()
""")

        result["external_resources"] = ev("performance.getEntriesByType('resource').map(function (r) { return r.name; })")
        result["scripts"] = ev("document.querySelectorAll('script').length")
        result["images"] = ev("document.querySelectorAll('img, iframe, object, embed').length")
        result["event_handler_attributes"] = ev(
            "Array.from(document.querySelectorAll('*')).filter(function (e) {"
            " return Array.from(e.attributes).some(function (a) { return a.name.indexOf('on') === 0; }); }).length")
        time.sleep(0.2)
        errors, dialogs = [], []
        for event in page.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append(json.dumps(params["exceptionDetails"])[:400])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", "")) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                errors.append(params["entry"].get("text", "error"))
            elif method == "Page.javascriptDialogOpening":
                dialogs.append(params.get("message", ""))
        result["console_errors"] = errors
        result["dialogs"] = dialogs
        print(json.dumps(result))
    finally:
        page.close()


if __name__ == "__main__":
    main()
