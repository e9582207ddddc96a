"""The pass explorer: ``--explore=report.html`` records what each pass did and
writes one self-contained HTML page (no network, no external files).

For every pass execution (a pass on one op: the module, or each function of a
nested pipeline) it keeps the time, the op counts by dialect before and after,
and the IR before and after; the page shows the pipeline as a tree, a chart of
IR size and time across the executions, a unified or side-by-side diff of the
selected execution (long unchanged stretches folded), the diagnostics linked to
the input's lines, and a search box over passes and IR.

Snapshots are stored as lists of indices into one table of distinct lines, so a
pass that changes a few lines of a large module costs little in the page.
"""

from __future__ import annotations

import html
import json
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlopt.pass_runner import Instrumentation


_RECORDING: ContextVar[tuple[Explorer, ...]] = ContextVar("mlopt_explorers", default=())


@contextmanager
def recording(explorer: Explorer) -> Iterator[Explorer]:
    """Within the block, every pipeline that mlrun's and ExecutionEngine's
    lowering runs (optimize, bufferization, lower-to-llvm) is recorded."""
    token = _RECORDING.set((*_RECORDING.get(), explorer))
    try:
        yield explorer
    finally:
        _RECORDING.reset(token)


def active_explorers() -> tuple[Explorer, ...]:
    return _RECORDING.get()


@contextmanager
def exploring_to(path: str | None, *, source_name: str, source_text: str) -> Iterator[None]:
    """Record the pipelines run within the block and write the page to
    ``path`` at its end, failure or not (nothing to do when ``path`` is None)."""
    if path is None:
        yield
        return
    from mlopt.diagnostics import DiagnosticError

    explorer = Explorer(title=f"mlopt {source_name}", source_name=source_name, source_text=source_text)
    try:
        with recording(explorer):
            yield
    except DiagnosticError as error:
        for diagnostic in error.diagnostics:
            explorer.record_diagnostic(diagnostic)
        raise
    finally:
        explorer.write(path)


@dataclass
class Execution:
    """One pass run on one op."""

    pass_argument: str
    pass_name: str
    plugin: str
    target: str
    nesting: list[str]
    before: int
    counts_before: dict[str, int]
    seconds: float = 0.0
    after: int | None = None
    counts_after: dict[str, int] = field(default_factory=dict)
    module_ops: int = 0
    failed: bool = False


class _Snapshots:
    """IR texts as line-index lists over one interned line table."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._line_ids: dict[str, int] = {}
        self.texts: list[list[int]] = []
        self._text_ids: dict[str, int] = {}

    def add(self, text: str) -> int:
        known = self._text_ids.get(text)
        if known is not None:
            return known
        ids = []
        for line in text.rstrip("\n").split("\n"):
            line_id = self._line_ids.get(line)
            if line_id is None:
                line_id = self._line_ids[line] = len(self.lines)
                self.lines.append(line)
            ids.append(line_id)
        self.texts.append(ids)
        self._text_ids[text] = len(self.texts) - 1
        return len(self.texts) - 1


def _describe_target(op) -> str:
    symbol = op.properties.get("sym_name") or op.attributes.get("sym_name")
    return f"{op.name} @{symbol.data}" if symbol is not None else op.name


def _dialect_counts(op) -> dict[str, int]:
    return dict(Counter(inner.name.split(".", 1)[0] for inner in op.walk()))


def _root(op):
    while (parent := op.parent_op()) is not None:
        op = parent
    return op


class Explorer(Instrumentation):
    """Records pass executions for the HTML report."""

    def __init__(self, context=None, *, title: str = "mlopt pass explorer", source_name: str = "", source_text: str = ""):
        self.context = context
        self.title = title
        self.source_name = source_name
        self.source_text = source_text
        self.pipeline_text = ""
        self.executions: list[Execution] = []
        self.diagnostics: list[dict[str, Any]] = []
        self._snapshots = _Snapshots()
        self._nesting: list[str] = []
        self._pipelines_run = 0
        self._last: tuple[Any, int] | None = None
        self._started = 0.0

    # Instrumentation --------------------------------------------------------

    def before_run(self, pm) -> None:
        self.pipeline_text += pm.dump()

    def before_pipeline(self, pm) -> None:
        self._pipelines_run += 1
        self._nesting.append(f"{pm.op_name}#{self._pipelines_run}")

    def after_pipeline(self, pm) -> None:
        self._nesting.pop()

    def before_pass(self, scheduled, op) -> None:
        if self._last is not None and self._last[0] is op:
            before = self._last[1]
        else:
            before = self._snapshots.add(self._print(op))
        self.executions.append(
            Execution(
                scheduled.argument,
                scheduled.display_name,
                scheduled.plugin.describe(),
                _describe_target(op),
                list(self._nesting),
                before,
                _dialect_counts(op),
            )
        )
        self._started = time.perf_counter()

    def after_pass(self, scheduled, op) -> None:
        self._finish(op, failed=False)

    def after_failed_pass(self, scheduled, op) -> None:
        self._finish(op, failed=True)

    def _finish(self, op, *, failed: bool) -> None:
        execution = self.executions[-1]
        execution.seconds = time.perf_counter() - self._started
        execution.failed = failed
        execution.after = self._snapshots.add(self._print(op))
        execution.counts_after = _dialect_counts(op)
        execution.module_ops = sum(1 for _ in _root(op).walk())
        self._last = (op, execution.after)

    def _print(self, op) -> str:
        from mlopt.asm import print_to_string

        return print_to_string(op, context=self.context)

    # Diagnostics --------------------------------------------------------------

    def observing(self, handler):
        """A diagnostics handler that records each diagnostic, then calls ``handler``."""

        def handle(diagnostic) -> None:
            self.record_diagnostic(diagnostic)
            handler(diagnostic)

        return handle

    def record_diagnostic(self, diagnostic) -> None:
        location = diagnostic.location
        self.diagnostics.append(
            {
                "severity": diagnostic.severity,
                "message": diagnostic.message,
                "file": location.file if location else "",
                "line": location.line if location else 0,
                "col": location.col if location else 0,
                "execution": len(self.executions) - 1,
            }
        )

    # Output -------------------------------------------------------------------

    def write(self, path: str | Path) -> None:
        """Write the page atomically (a failed write leaves no half file)."""
        from mlopt.cli import write_output

        write_output(str(path), self.html(), None)

    def html(self) -> str:
        data = {
            "title": self.title,
            "pipeline": self.pipeline_text,
            "source": {"name": self.source_name, "lines": self.source_text.split("\n") if self.source_text else []},
            "lines": self._snapshots.lines,
            "texts": self._snapshots.texts,
            "executions": [execution.__dict__ for execution in self.executions],
            "diagnostics": self.diagnostics,
        }
        payload = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
        return (
            PAGE.replace("%TITLE%", html.escape(self.title))
            .replace("%CHART%", self._chart())
            .replace("%DATA%", payload)
        )

    def _chart(self) -> str:
        """An SVG of each execution's time (bars) and the module's op count after it (line)."""
        if not self.executions:
            return ""
        width, height, pad = 900, 120, 4
        count = len(self.executions)
        step = (width - 2 * pad) / count
        longest = max(e.seconds for e in self.executions) or 1.0
        largest = max(e.module_ops for e in self.executions) or 1
        bars, points = [], []
        for index, execution in enumerate(self.executions):
            x = pad + index * step
            bar = (height - 20) * execution.seconds / longest
            bars.append(
                f'<rect class="bar" data-exec="{index}" x="{x:.1f}" y="{height - 10 - bar:.1f}" '
                f'width="{max(step - 1, 1):.1f}" height="{bar:.1f}"><title>{html.escape(execution.pass_argument)} on '
                f"{html.escape(execution.target)}: {execution.seconds * 1000:.2f} ms, {execution.module_ops} ops</title></rect>"
            )
            points.append(f"{x + step / 2:.1f},{height - 10 - (height - 20) * execution.module_ops / largest:.1f}")
        return (
            f'<svg id="chart" viewBox="0 0 {width} {height}" preserveAspectRatio="none" role="img" '
            f'aria-label="time per pass (bars) and IR size (line)">{"".join(bars)}'
            f'<polyline points="{" ".join(points)}" fill="none" stroke="#c05" stroke-width="1.5"/></svg>'
        )


PAGE = r"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%TITLE%</title>
<style>
body{margin:0;font:13px/1.4 system-ui,sans-serif;color:#222;display:grid;grid-template-columns:330px 1fr;grid-template-rows:auto 1fr;height:100vh}
header{grid-column:1/3;padding:6px 10px;border-bottom:1px solid #ccc;background:#f6f6f6}
header h1{font-size:15px;margin:0 0 4px}
#chart{width:100%;height:90px;background:#fff;border:1px solid #ddd}
#chart .bar{fill:#6a9fd8;cursor:pointer}#chart .bar.sel{fill:#e08a00}
nav{overflow:auto;border-right:1px solid #ccc;padding:6px}
nav input{width:100%;box-sizing:border-box;margin-bottom:6px}
nav ul{list-style:none;margin:0;padding-left:12px}nav>ul{padding-left:0}
.pipe{color:#666;font-style:italic}
.exec{cursor:pointer;padding:1px 3px;border-radius:3px;white-space:nowrap}
.exec:hover{background:#eef}.exec.sel{background:#dde6ff}
.exec.same{color:#999}.exec.failed{color:#b00;font-weight:bold}
.delta{color:#666;font-size:11px}
main{overflow:auto;padding:6px 10px}
.tabs button{margin-right:4px}.tabs button.on{font-weight:bold}
pre{font:12px/1.35 ui-monospace,Menlo,Consolas,monospace;margin:0}
.ir td{font:12px/1.35 ui-monospace,Menlo,Consolas,monospace;white-space:pre;padding:0 6px;vertical-align:top}
.ir{border-collapse:collapse;width:100%}
.ir .n{color:#999;text-align:right;user-select:none}
.add{background:#e6ffec}.del{background:#ffebe9}.fold{color:#06c;cursor:pointer;background:#f3f3f3}
mark{background:#ff0}
table.counts td,table.counts th{padding:1px 8px;text-align:right}
#diags li{cursor:pointer}.error{color:#b00}.warning{color:#a60}.remark,.note{color:#06c}
#source .hl{background:#fff3b0}
</style></head><body>
<header><h1>%TITLE%</h1>%CHART%<div id="summary"></div></header>
<nav><input id="search" type="search" placeholder="search passes and IR"><ul id="tree"></ul>
<h3>Diagnostics</h3><ul id="diags"></ul></nav>
<main><div class="tabs"><button data-view="unified" class="on">unified diff</button><button data-view="split">side by side</button>
<button data-view="before">before</button><button data-view="after">after</button><button data-view="counts">op counts</button>
<button data-view="source">input</button><button data-view="pipeline">pipeline</button></div>
<div id="title"></div><div id="view"></div></main>
<script type="application/json" id="data">%DATA%</script>
<script>
"use strict";
const D = JSON.parse(document.getElementById("data").textContent);
const $ = (id) => document.getElementById(id);
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
let current = -1, view = "unified", query = "";
window.addEventListener("error", (e) => document.body.setAttribute("data-errors", (document.body.getAttribute("data-errors") || "") + e.message + ";"));

function text(id) { return D.texts[id] || []; }
function mark(s) {
  const e = esc(s);
  if (!query) return e;
  const q = esc(query).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return e.replace(new RegExp(q, "gi"), (m) => "<mark>" + m + "</mark>");
}
// Myers' O(ND) diff over line ids: a list of [op, lineA, lineB] with op in " -+".
function diff(a, b) {
  const n = a.length, m = b.length, max = n + m, v = new Int32Array(2 * max + 2), trace = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = (k === -d || (k !== d && v[max + k - 1] < v[max + k + 1])) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[max + k] = x;
      if (x >= n && y >= m) { done = true; break; }
    }
  }
  const out = [];
  let x = n, y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const t = trace[d], k = x - y;
    const prevK = (k === -d || (k !== d && t[max + k - 1] < t[max + k + 1])) ? k + 1 : k - 1;
    const px = t[max + prevK], py = px - prevK;
    while (x > px && y > py) { out.push([" ", x - 1, y - 1]); x--; y--; }
    if (d > 0) { if (x === px) out.push(["+", -1, y - 1]); else out.push(["-", x - 1, -1]); }
    x = px; y = py;
  }
  return out.reverse();
}
function row(cls, na, nb, line) {
  return '<tr class="' + cls + '"><td class="n">' + na + '</td><td class="n">' + nb + "</td><td>" + mark(line) + "</td></tr>";
}
function folded(count, rows) {
  return '<tr class="fold" data-rows="' + esc(rows) + '" onclick="this.outerHTML=this.dataset.rows"><td></td><td></td><td>\u2026 ' +
         count + " unchanged lines (click to show)</td></tr>";
}
const SHOWN_ROWS = 3000;
function table(rows) {
  // A huge diff renders its first rows; the rest on request, so large modules stay responsive.
  if (rows.length > SHOWN_ROWS) {
    const rest = rows.splice(SHOWN_ROWS);
    rows.push('<tr class="fold" data-rows="' + esc(rest.join("")) + '" onclick="this.outerHTML=this.dataset.rows"><td></td><td></td><td>\u2026 ' +
              rest.length + " more rows (click to show)</td></tr>");
  }
  return '<table class="ir">' + rows.join("") + "</table>";
}
function unified(a, b) {
  const ops = diff(a, b), rows = [];
  let keep = [];
  const flush = (last) => {
    const ctx = 3;
    if (keep.length > 2 * ctx + 1 || (last && keep.length > ctx)) {
      const head = rows.length ? keep.slice(0, ctx) : [], tail = last ? [] : keep.slice(-ctx);
      const hidden = keep.slice(head.length, keep.length - tail.length);
      head.forEach((r) => rows.push(r));
      if (hidden.length) rows.push(folded(hidden.length, hidden.join("")));
      tail.forEach((r) => rows.push(r));
    } else keep.forEach((r) => rows.push(r));
    keep = [];
  };
  for (const [op, i, j] of ops) {
    if (op === " ") { keep.push(row("", i + 1, j + 1, D.lines[a[i]])); continue; }
    flush(false);
    rows.push(op === "-" ? row("del", i + 1, "", D.lines[a[i]]) : row("add", "", j + 1, D.lines[b[j]]));
  }
  flush(true);
  return table(rows);
}
function split(a, b) {
  const rows = [];
  for (const [op, i, j] of diff(a, b)) {
    const left = i >= 0 ? D.lines[a[i]] : "", right = j >= 0 ? D.lines[b[j]] : "";
    const cls = op === " " ? "" : op === "-" ? "del" : "add";
    rows.push('<tr><td class="n">' + (i >= 0 ? i + 1 : "") + '</td><td class="' + (op === "+" ? "" : cls) + '">' + mark(left) +
              '</td><td class="n">' + (j >= 0 ? j + 1 : "") + '</td><td class="' + (op === "-" ? "" : cls) + '">' + mark(right) + "</td></tr>");
  }
  return table(rows);
}
function plain(ids) { return "<pre>" + ids.map((id) => mark(D.lines[id])).join("\n") + "</pre>"; }
function counts(e) {
  const names = [...new Set(Object.keys(e.counts_before).concat(Object.keys(e.counts_after)))].sort();
  return '<table class="counts"><tr><th>dialect</th><th>before</th><th>after</th><th>change</th></tr>' + names.map((n) => {
    const b = e.counts_before[n] || 0, a = e.counts_after[n] || 0;
    return "<tr><td>" + esc(n) + "</td><td>" + b + "</td><td>" + a + "</td><td>" + (a - b > 0 ? "+" : "") + (a - b) + "</td></tr>";
  }).join("") + "</table>";
}
function source(line) {
  const rows = D.source.lines.map((l, i) => '<tr id="src-' + (i + 1) + '"' + (i + 1 === line ? ' class="hl"' : "") +
    '><td class="n">' + (i + 1) + "</td><td>" + mark(l) + "</td></tr>");
  return "<div id=\"source\"><b>" + esc(D.source.name) + '</b><table class="ir">' + rows.join("") + "</table></div>";
}
function render(line) {
  document.querySelectorAll(".tabs button").forEach((b) => b.classList.toggle("on", b.dataset.view === view));
  const e = D.executions[current];
  if (view === "source") { $("title").textContent = ""; $("view").innerHTML = source(line || 0); if (line) $("src-" + line).scrollIntoView(); return; }
  if (view === "pipeline") { $("title").textContent = ""; $("view").innerHTML = "<pre>" + esc(D.pipeline) + "</pre>"; return; }
  if (!e) { $("view").innerHTML = "<p>No pass ran.</p>"; return; }
  $("title").innerHTML = "<h2>" + esc(e.pass_name) + " (" + esc(e.pass_argument) + ") on " + esc(e.target) + "</h2><p>" +
    (e.seconds * 1000).toFixed(2) + " ms \u00b7 " + esc(e.plugin) + (e.failed ? ' \u00b7 <b class="error">failed</b>' : "") + "</p>";
  const a = text(e.before), b = e.after === null ? a : text(e.after);
  $("view").innerHTML = view === "unified" ? unified(a, b) : view === "split" ? split(a, b) :
    view === "before" ? plain(a) : view === "after" ? plain(b) : counts(e);
}
function select(i) {
  current = i;
  document.querySelectorAll(".exec,.bar").forEach((el) => el.classList.toggle("sel", +el.dataset.exec === i));
  if (view === "source" || view === "pipeline") view = "unified";
  render();
}
function changed(e) { return e.after !== e.before; }
function buildTree() {
  // Consecutive executions inside the same run of a nested pipeline share a node.
  const root = {items: []};
  let open = [];
  D.executions.forEach((e, i) => {
    const path = e.nesting;
    let depth = 0;
    while (depth < open.length && depth < path.length && open[depth].key === path[depth]) depth++;
    open = open.slice(0, depth);
    for (let d = depth; d < path.length; d++) {
      const node = {name: path[d].split("#")[0], items: []};
      (d ? open[d - 1].node : root).items.push(node);
      open.push({key: path[d], node});
    }
    (open.length ? open[open.length - 1].node : root).items.push(i);
  });
  const draw = (node) => node.items.map((item) => {
    if (typeof item !== "number") {
      const inner = draw(item);
      return inner ? '<li><span class="pipe">' + esc(item.name) + " pipeline</span><ul>" + inner + "</ul></li>" : "";
    }
    const e = D.executions[item];
    const hay = (e.pass_argument + " " + e.pass_name + " " + e.target).toLowerCase();
    const inIR = query && [e.before, e.after].some((t) => t !== null && text(t).some((id) => D.lines[id].toLowerCase().includes(query.toLowerCase())));
    if (query && !hay.includes(query.toLowerCase()) && !inIR) return "";
    const ops = (t) => Object.values(t).reduce((s, c) => s + c, 0);
    const delta = ops(e.counts_after) - ops(e.counts_before);
    return '<li class="exec' + (changed(e) ? "" : " same") + (e.failed ? " failed" : "") + (item === current ? " sel" : "") + '" data-exec="' + item + '">' +
      esc(e.pass_argument) + ' <span class="delta">' + esc(e.target) + " \u00b7 " + (e.seconds * 1000).toFixed(1) + " ms" +
      (delta ? " \u00b7 " + (delta > 0 ? "+" : "") + delta + " ops" : "") + (changed(e) ? "" : " \u00b7 unchanged") + "</span></li>";
  }).join("");
  $("tree").innerHTML = draw(root);
}
function init() {
  const total = D.executions.reduce((s, e) => s + e.seconds, 0);
  $("summary").textContent = D.executions.length + " pass executions, " + (total * 1000).toFixed(1) + " ms; " +
    D.executions.filter(changed).length + " changed the IR. Bars: time per execution; line: ops in the module.";
  buildTree();
  $("diags").innerHTML = D.diagnostics.map((d, i) => '<li class="' + esc(d.severity) + '" data-diag="' + i + '">' +
    esc(d.file + ":" + d.line + ":" + d.col + ": " + d.severity + ": " + d.message) + "</li>").join("") || "<li>none</li>";
  document.addEventListener("click", (ev) => {
    const t = ev.target.closest("[data-exec],[data-view],[data-diag]");
    if (!t) return;
    if (t.dataset.view) { view = t.dataset.view; render(); }
    else if (t.dataset.diag !== undefined) { const d = D.diagnostics[+t.dataset.diag]; view = "source"; render(d.line); }
    else select(+t.dataset.exec);
  });
  $("search").addEventListener("input", (ev) => { query = ev.target.value; buildTree(); render(); });
  const first = D.executions.findIndex(changed);
  select(first >= 0 ? first : 0);
  if (location.hash === "#selftest") selftest();
}
function selftest() {
  const result = {executions: D.executions.length, listed: document.querySelectorAll("#tree .exec").length};
  const target = D.executions.findIndex(changed);
  select(target);
  result.selected = document.querySelector("#tree .exec.sel") ? +document.querySelector("#tree .exec.sel").dataset.exec : -1;
  result.added = document.querySelectorAll("#view tr.add").length;
  result.removed = document.querySelectorAll("#view tr.del").length;
  view = "split"; render(); result.split_rows = document.querySelectorAll("#view tr").length;
  view = "unified"; render();
  document.body.setAttribute("data-selftest", JSON.stringify(result));
}
init();
</script></body></html>
"""
