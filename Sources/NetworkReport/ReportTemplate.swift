/// The report's page: a Mustache template (HTML escaping for every `{{…}}`), with its styles and its one
/// script (sorting tables) inline, so the file works offline.
enum ReportTemplate {
    static let html = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="StakeNet {{version}}">
<title>{{title}}</title>
<style>
:root { --ink: #1b1b1b; --muted: #555; --line: #d0d0d0; --accent: #0072B2; --paper: #fff; --band: #f4f6f8; }
* { box-sizing: border-box; }
body { font: 16px/1.5 "DejaVu Sans", system-ui, sans-serif; color: var(--ink); background: var(--paper); margin: 0; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; border-bottom: 3px solid var(--accent); }
h1 { font-size: 1.9rem; margin: 0 0 .3rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 .4rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .3rem; }
p.lead { font-size: 1.1rem; color: var(--muted); margin: 0 0 1rem; }
p.what { font-style: italic; color: var(--muted); }
nav ol { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; list-style: none; padding: 0; margin: .5rem 0 1rem; }
nav a { color: var(--accent); }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
/* Data tables keep each row on one line; a long name is cut with an ellipsis and shown whole on hover. */
table.rows td { white-space: nowrap; max-width: 22rem; overflow: hidden; text-overflow: ellipsis; }
th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; color: var(--ink); }
th button::after { content: " \2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \2191"; }
th[aria-sort="descending"] button::after { content: " \2193"; }
.scroll { overflow-x: auto; }
figure { margin: 1rem 0; }
figcaption { color: var(--muted); font-size: .92rem; }
svg.map { max-height: 85vh; border: 1px solid var(--line); background: #fff; }
svg.chart { max-width: 44rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
.significant { border-left: 4px solid #D55E00; padding-left: .6rem; }
code, .mono { font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; word-break: break-all; }
footer { color: var(--muted); font-size: .85rem; margin-top: 3rem; padding-bottom: 2rem; border-top: 1px solid var(--line); }
{{{mapStyle}}}
@media print {
  nav, th button::after { display: none; }
  body { font-size: 11pt; }
  h2 { break-before: page; }
  h2#summary { break-before: avoid; }
  figure, table { break-inside: avoid; }
  svg.map { max-height: none; border: 0; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<header>
<h1>{{title}}</h1>
<p class="lead">{{lead}}</p>
<nav aria-label="Sections"><ol>
<li><a href="#summary">Summary</a></li><li><a href="#map">Map</a></li><li><a href="#key-stakeholders">Key stakeholders</a></li>
<li><a href="#communities">Communities</a></li><li><a href="#diffusion">Innovation diffusion</a></li>
{{#hasTime}}<li><a href="#time">Change over time</a></li>{{/hasTime}}{{#hasViews}}<li><a href="#views">Whose view?</a></li>{{/hasViews}}{{#hasComparison}}<li><a href="#comparison">Comparison</a></li>{{/hasComparison}}<li><a href="#provenance">Provenance</a></li>
</ol></nav>
</header>
<main>
<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
<p class="what">{{summarySentence}}</p>
<table>
<caption>The network in figures</caption>
<tbody>{{#figures}}<tr><th scope="row">{{name}}</th><td>{{value}}</td></tr>{{/figures}}</tbody>
</table>
<div class="grid">
<table><caption>Stakeholders by kind</caption><thead><tr><th scope="col">kind</th><th scope="col" class="number">stakeholders</th></tr></thead>
<tbody>{{#stakeholdersByKind}}<tr><td>{{name}}</td><td class="number">{{value}}</td></tr>{{/stakeholdersByKind}}</tbody></table>
{{#hasSectors}}<table><caption>Stakeholders by sector</caption><thead><tr><th scope="col">sector</th><th scope="col" class="number">stakeholders</th></tr></thead>
<tbody>{{#stakeholdersBySector}}<tr><td>{{name}}</td><td class="number">{{value}}</td></tr>{{/stakeholdersBySector}}</tbody></table>{{/hasSectors}}
<table><caption>Ties by kind</caption><thead><tr><th scope="col">kind</th><th scope="col" class="number">ties</th></tr></thead>
<tbody>{{#tiesByKind}}<tr><td>{{name}}</td><td class="number">{{value}}</td></tr>{{/tiesByKind}}</tbody></table>
</div>
</section>

<section aria-labelledby="map">
<h2 id="map">The stakeholder map</h2>
<p class="what">Who is tied to whom: every stakeholder is a shape and every tie a line between two of them.</p>
{{#hasMapNote}}<p>{{mapNote}}</p>{{/hasMapNote}}
{{#hasOverview}}<figure>{{{overview.svg}}}<figcaption>{{overview.caption}}</figcaption></figure>{{/hasOverview}}
<figure>{{{map.svg}}}<figcaption>{{map.caption}}</figcaption></figure>
{{#hasGroupMaps}}
<h3>Each group on its own</h3>
<p class="what">{{groupMapsSentence}}</p>
<div class="grid">{{#groupMaps}}<figure>{{{svg}}}<figcaption>{{caption}}</figcaption></figure>{{/groupMaps}}</div>
{{/hasGroupMaps}}
</section>

<section aria-labelledby="key-stakeholders">
<h2 id="key-stakeholders">Key stakeholders</h2>
<p class="what">Who holds a central position, by several measures of centrality; click a column heading to sort by it.</p>
<p>{{stakeholderNote}}</p>
<div class="scroll">
<table class="sortable rows" id="stakeholders-table">
<caption>Centrality of stakeholders (sortable)</caption>
<thead><tr>{{#stakeholderColumns}}<th scope="col" title="{{help}}"><button type="button">{{name}}</button></th>{{/stakeholderColumns}}</tr></thead>
<tbody>{{#stakeholderRows}}<tr>{{#cells}}<td data-value="{{sort}}" title="{{text}}">{{text}}</td>{{/cells}}</tr>{{/stakeholderRows}}</tbody>
</table>
</div>
<h3>Brokers</h3>
<p class="what">{{brokerSentence}}</p>
{{#hasBrokers}}<div class="scroll"><table class="sortable rows" id="brokers-table"><caption>The ten stakeholders brokering most</caption>
<thead><tr>{{#brokerColumns}}<th scope="col"><button type="button">{{.}}</button></th>{{/brokerColumns}}</tr></thead>
<tbody>{{#brokerRows}}<tr>{{#cells}}<td data-value="{{.}}" title="{{.}}">{{.}}</td>{{/cells}}</tr>{{/brokerRows}}</tbody></table></div>{{/hasBrokers}}
</section>

<section aria-labelledby="communities">
<h2 id="communities">Communities</h2>
<p class="what">{{communitySentence}}</p>
<table><caption>Communities, largest first</caption>
<thead><tr><th scope="col">community</th><th scope="col" class="number">size</th><th scope="col">kinds</th><th scope="col">members (most central first)</th></tr></thead>
<tbody>{{#communities}}<tr><td>{{number}}</td><td class="number">{{size}}</td><td>{{kinds}}</td><td>{{members}}</td></tr>{{/communities}}</tbody></table>
</section>

<section aria-labelledby="diffusion">
<h2 id="diffusion">Innovation diffusion</h2>
<p class="what">{{diffusionSentence}}</p>
<p>{{seedSentence}}</p>
<figure>{{{chart}}}<figcaption>The adoption curve: the line is the mean number of adopters by each step, the shaded band its 95% interval.</figcaption></figure>
{{#hasTreeMap}}<figure>{{{treeMap.svg}}}<figcaption>{{treeMap.caption}}</figcaption></figure>{{/hasTreeMap}}
<table class="rows"><caption>The stakeholders most likely to adopt (first adopters left out)</caption>
<thead><tr><th scope="col">stakeholder</th><th scope="col">kind</th><th scope="col" class="number">chance of adopting</th><th scope="col" class="number">mean step</th></tr></thead>
<tbody>{{#adopterRows}}<tr>{{#cells}}<td title="{{.}}">{{.}}</td>{{/cells}}</tr>{{/adopterRows}}</tbody></table>
</section>

{{#hasTime}}
<section aria-labelledby="time">
<h2 id="time">Change over time</h2>
<p class="what">{{timeSentence}}</p>
<figure>{{{timeChart}}}<figcaption>The timeline: ties (blue) and stakeholders with a tie (black, dashed) in each period; bars: pairs of stakeholders tied since the period before (green) and no longer tied (vermilion).</figcaption></figure>
<table class="rows"><caption>Period by period</caption>
<thead><tr><th scope="col">period</th><th scope="col" class="number">stakeholders</th><th scope="col" class="number">ties</th><th scope="col" class="number">density</th><th scope="col" class="number">pairs newly tied</th><th scope="col" class="number">pairs no longer tied</th><th scope="col" class="number">Jaccard (pairs kept)</th></tr></thead>
<tbody>{{#timeRows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/timeRows}}</tbody></table>
{{#hasTimePanels}}<figure>{{{timePanels.svg}}}<figcaption>{{timePanels.caption}}</figcaption></figure>{{/hasTimePanels}}
{{#hasTimeDiffusion}}<p>{{timeDiffusionSentence}}</p>
<figure>{{{timeDiffusionChart}}}<figcaption>Adoption by calendar year when ties pass the innovation on only while they are active: the line is the mean number of adopters by each year, the shaded band its 95% interval.</figcaption></figure>{{/hasTimeDiffusion}}
</section>
{{/hasTime}}

{{#hasViews}}
<section aria-labelledby="views">
<h2 id="views">Whose view?</h2>
<p class="what">{{viewsSentence}}</p>
<table><caption>Respondents by role</caption><thead><tr><th scope="col">role</th><th scope="col" class="number">respondents</th></tr></thead>
<tbody>{{#viewsRoles}}<tr><td>{{name}}</td><td class="number">{{value}}</td></tr>{{/viewsRoles}}</tbody></table>
{{#viewsAgreement}}<p>{{.}}</p>{{/viewsAgreement}}
<table class="rows"><caption>The respondents whose reports are furthest from the consensus</caption>
<thead><tr><th scope="col">respondent</th><th scope="col">role</th><th scope="col">organisation</th><th scope="col" class="number">ties reported</th><th scope="col" class="number">Jaccard</th><th scope="col" class="number">reported, not in consensus</th><th scope="col" class="number">in consensus, not reported</th><th scope="col" class="number">competence</th></tr></thead>
<tbody>{{#viewsFurthest}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/viewsFurthest}}</tbody></table>
{{#hasViewsScatter}}<h3>Perceived and structural influence</h3>
<p>{{viewsPerceptionSentence}}</p>
<figure>{{{viewsScatter}}}<figcaption>Each stakeholder rated by its rank in perceived influence (mean tower height) and in PageRank; on the dashed diagonal the two agree. The stakeholders furthest from it are named.</figcaption></figure>{{/hasViewsScatter}}
{{#hasViewsDisputed}}<table class="rows"><caption>Ties in dispute: reported by some of the respondents who could report them</caption>
<thead><tr><th scope="col">from</th><th scope="col">to</th><th scope="col">kind</th><th scope="col" class="number">reported by</th><th scope="col">in the consensus</th></tr></thead>
<tbody>{{#viewsDisputed}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/viewsDisputed}}</tbody></table>{{/hasViewsDisputed}}
</section>
{{/hasViews}}

{{#hasComparison}}
<section aria-labelledby="comparison">
<h2 id="comparison">Comparing groups</h2>
<p class="what">{{comparisonSentence}}</p>
<h3>What differs, in words</h3>
{{#hasSignificant}}<ul>{{#significant}}<li class="significant">{{.}}</li>{{/significant}}</ul>{{/hasSignificant}}
{{^hasSignificant}}<p>No difference between the groups is significant at the 0.05 level.</p>{{/hasSignificant}}
<p><strong>Not significant:</strong> {{notSignificant}}.</p>
{{#hasUntested}}<p><strong>Not tested</strong> (undefined for some group): {{untested}}.</p>{{/hasUntested}}
<p>{{caution}}</p>
<div class="scroll"><table><caption>Every figure by group (brackets: bootstrap 95% interval)</caption>
<thead><tr>{{#comparisonColumns}}<th scope="col">{{.}}</th>{{/comparisonColumns}}</tr></thead>
<tbody>{{#comparisonRows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/comparisonRows}}</tbody></table></div>
</section>
{{/hasComparison}}

<section aria-labelledby="provenance">
<h2 id="provenance">Provenance</h2>
<p class="what">Where every figure comes from, so that it can be checked and made again.</p>
<table><caption>Input files</caption><thead><tr><th scope="col">file</th><th scope="col" class="number">bytes</th><th scope="col">SHA-256</th></tr></thead>
<tbody>{{#inputs}}<tr><td class="mono">{{path}}</td><td class="number">{{bytes}}</td><td class="mono">{{sha256}}</td></tr>{{/inputs}}</tbody></table>
<table><caption>Settings</caption><tbody>{{#settings}}<tr><th scope="row">{{name}}</th><td>{{value}}</td></tr>{{/settings}}</tbody></table>
<p>Made with <code>{{invocation}}</code> on {{date}}.</p>
</section>
</main>
<footer><p>StakeNet {{version}} · {{date}} · Self-contained: this page fetches nothing.</p></footer>
<script>
(function () {
  "use strict";
  function value(row, column) { return row.cells[column].getAttribute("data-value") || ""; }
  function sortTable(table, column) {
    var headers = table.tHead.rows[0].cells;
    var ascending = headers[column].getAttribute("aria-sort") !== "ascending";
    for (var i = 0; i < headers.length; i++) { headers[i].removeAttribute("aria-sort"); }
    headers[column].setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, column), y = value(b, column);
      if (x === "" || y === "") { return x === y ? 0 : (x === "" ? 1 : -1); }
      var nx = Number(x), ny = Number(y);
      var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var buttons = table.tHead.rows[0].querySelectorAll("button");
    Array.prototype.forEach.call(buttons, function (button, column) {
      button.addEventListener("click", function () { sortTable(table, column); });
    });
  });
})();
{{{mapScript}}}
</script>
</body>
</html>
"""#
}
