"""report.md and the plots of mlopt-bench."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from mlopt.bench import codegen, compile_speed, tensor_kernels
from mlopt.bench.codegen import CodegenResults
from mlopt.bench.compile_speed import TASKS, TOOLS, CompileResults
from mlopt.bench.machine import Peak
from mlopt.bench.measure import Series, Stats
from mlopt.bench.tensor_kernels import TensorKernelResults

TOOL_COLORS = {"mlopt": "tab:blue", "xdsl-opt": "tab:orange", "mlir-opt": "tab:green"}

PLOT_FILES = {
    "compile_time.png": "Compile time against module size (log-log; bars: min–max; dotted: start-up)",
    "compile_per_op.png": "Compile cost per op beyond start-up (log-log)",
    "codegen_gflops.png": "Generated code: GFLOP/s per kernel and contender (log scale; line: measured peak)",
}


@dataclass
class Report:
    command: str
    mode: str
    machine: dict[str, str]
    peak: Peak | None
    method: list[str]
    compile: CompileResults | None = None
    codegen: CodegenResults | None = None
    kernels: TensorKernelResults | None = None
    gpu_lines: list[str] = field(default_factory=list)
    not_run: list[tuple[str, str]] = field(default_factory=list)
    plots: list[str] = field(default_factory=list)
    plots_missing: str | None = None
    elapsed_s: float = 0.0


# --------------------------------------------------------------------------- formatting


def seconds(value: float | None) -> str:
    if value is None:
        return "–"
    if abs(value) >= 1:
        return f"{value:.2f} s"
    if abs(value) >= 1e-3:
        return f"{value * 1e3:.3g} ms"
    return f"{value * 1e6:.3g} µs"


def spread(stats: Stats) -> str:
    return f"{seconds(stats.low)}–{seconds(stats.high)}"


def cell(series: Series | None) -> str:
    if series is None or not series.ran:
        return "could not run"
    stats = series.stats
    return f"{seconds(stats.median)} [{spread(stats)}] n={stats.n}"


def ratio(numerator: Series | None, denominator: Series | None) -> str:
    if numerator is None or denominator is None or not (numerator.ran and denominator.ran):
        return "–"
    return f"{numerator.stats.median / denominator.stats.median:.3g}×"


def number(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}g}"


def kernel_rows(results: Sequence, contenders: Sequence[str], describe) -> list[list[str]]:
    """One row per kernel result: its name, then ``describe(result, contender)``
    for each contender ("could not run" where that is None)."""
    rows = []
    for result in results:
        values = (describe(result, name) for name in contenders)
        rows.append([result.kernel.name, *("could not run" if value is None else value for value in values)])
    return rows


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


# --------------------------------------------------------------------------- sections


def compile_tables(results: CompileResults) -> list[str]:
    lines = ["### Start-up (parse and print a 3-line file)", ""]
    mlir = results.startup.get("mlir-opt")
    lines += table(
        ["tool", "wall time, median [min–max]", "vs mlir-opt"],
        [[tool, cell(results.startup[tool]), ratio(results.startup[tool], mlir)] for tool in TOOLS],
    )
    for task in TASKS:
        lines += ["", f"### {task}", ""]
        rows = []
        for ops in results.sizes:
            by_tool = results.timings[task][ops]
            rows.append(
                [f"{ops}", *(cell(by_tool[tool]) for tool in TOOLS), ratio(by_tool["mlopt"], by_tool["xdsl-opt"]), ratio(by_tool["mlopt"], by_tool["mlir-opt"])]
            )
        lines += table(["ops", *TOOLS, "mlopt / xdsl-opt", "mlopt / mlir-opt"], rows)
    lines += ["", "### Cost per op beyond start-up (µs/op) and growth", ""]
    lines += [
        "(median − the tool's start-up median) / ops. Growth: slope of log(time beyond start-up) over log(ops); 1 is linear.",
        "",
    ]
    rows = []
    for task in TASKS:
        for tool in TOOLS:
            per_op = [number(results.per_op_us(task, ops, tool)) for ops in results.sizes]
            if any(value != "–" for value in per_op):
                rows.append([task, tool, *per_op, number(results.growth(task, tool), 2)])
    lines += table(["task", "tool", *(f"{ops} ops" for ops in results.sizes), "growth"], rows)
    if results.lowering_pipeline:
        lines += [
            "",
            "Full lowering, end to end: `mltranslate --mlir-to-llvmir --pass-pipeline=lower-to-llvm FILE` (one process) against "
            "`mlir-opt --pass-pipeline=… FILE | mlir-translate --mlir-to-llvmir` (two processes), with mlopt's passes:",
            "",
            f"    {results.lowering_pipeline}",
            "",
            f"(left out for mlir-opt, which has no such pass: {', '.join(results.lowering_dropped) or 'nothing'}).",
        ]
    return lines


def codegen_tables(results: CodegenResults, peak: Peak | None) -> list[str]:
    peak_gflops = peak.measured_gflops if peak else None
    lines = ["### GFLOP/s (% of the measured single-core peak)", ""]

    def rate(result, name: str) -> str | None:
        value = result.gflops(name)
        if value is None:
            return None
        return f"{value:.3g} ({100 * value / peak_gflops:.2g}%)" if peak_gflops else f"{value:.3g}"

    lines += table(["kernel", *codegen.CONTENDERS], kernel_rows(results.kernels, codegen.CONTENDERS, rate))
    lines += ["", "### Details", ""]
    rows = []
    for result in results.kernels:
        kernel = result.kernel
        for name in codegen.CONTENDERS:
            series = result.series[name]
            if not series.ran:
                rows.append([kernel.name, name, "could not run", "–", "–", "–", "–", "–", "–"])
                continue
            rows.append(
                [
                    kernel.name,
                    name,
                    cell(series),
                    number(result.gflops(name)),
                    number(100 * result.gflops(name) / peak_gflops, 2) if peak_gflops else "–",
                    number(result.gbytes(name)),
                    ratio(series, result.series[codegen.UPSTREAM]),
                    seconds(result.latency(name)),
                    result.mismatches.get(name, "ok" if result.reference else "no reference"),
                ]
            )
    lines += table(
        ["kernel", "contender", "kernel time, median [min–max]", "GFLOP/s", "% peak", "GB/s", "time vs mlir-runner", "latency", "checksum"],
        rows,
    )
    lines += [
        "",
        f"`{codegen.MLOPT}`: mlrun lowers the program itself (`lower-to-llvm`); `{codegen.UPSTREAM_LOWERING_MLRUN}` and "
        f"`{codegen.UPSTREAM}` run `mlir-opt --test-lower-to-llvm`'s output; all at {codegen.OPT_LEVEL}. "
        "GB/s counts the least traffic (each input read once, each output written once).",
    ]
    lines += ["", "Kernels:", ""]
    lines += [
        f"- **{r.kernel.name}**: {r.kernel.shape}; {r.kernel.flops / 1e6:.4g} MFLOP, {r.kernel.bytes / 2**20:.4g} MiB least traffic"
        for r in results.kernels
    ]
    if isinstance(results.engine_latency, dict):
        lines += [
            "",
            f"`mlopt.ExecutionEngine`, source text to the first call's return: {seconds(results.engine_latency['cold'])} for a "
            f"process's first engine (imports included), {seconds(results.engine_latency['warm'])} for the next one.",
        ]
    return lines


def _against_bar(bar: float | None, speed: float | None) -> str:
    if bar is None:
        return "–"
    if speed is None:
        return f"≥ {bar:g}×: not measured"
    return f"≥ {bar:g}×: {'met' if speed >= bar else 'not met'}"


def tensor_kernel_tables(results: TensorKernelResults, peak: Peak | None) -> list[str]:
    from mlopt.bench import tensor_kernels as tk

    peak_gflops = peak.measured_gflops if peak else None
    lines = ["### Speed against numpy (numpy's time / the contender's: above 1 is faster; median kernel time)", ""]

    def speed(result, name: str) -> str | None:
        if name not in result.series:
            return "–"
        value = result.speed_vs_numpy(name)
        return None if value is None else f"{value:.3g}× ({seconds(result.seconds(name))})"

    rows = kernel_rows(results.kernels, tk.CONTENDERS, speed)
    for row, result in zip(rows, results.kernels):
        row.append(_against_bar(result.kernel.bar, result.speed_vs_numpy(tk.MLOPT_OPTIMIZED)))
    lines += table(["kernel", *tk.CONTENDERS, f"issue-11 bar for {tk.MLOPT_OPTIMIZED}"], rows)
    lines += ["", "### Kernels on tensors: details", ""]
    rows = []
    for result in results.kernels:
        for name in tk.CONTENDERS:
            series = result.series.get(name)
            if series is None:
                continue
            compile_s = seconds(result.compile_s.get(name)) if name in result.compile_s else "–"
            if not series.ran:
                rows.append([result.kernel.name, name, compile_s, "could not run", "–", "–", "–", "–"])
                continue
            gflops = result.gflops(name)
            rows.append(
                [
                    result.kernel.name,
                    name,
                    compile_s,
                    cell(series),
                    number(gflops),
                    number(100 * gflops / peak_gflops, 2) if peak_gflops and gflops else "–",
                    number(result.gbytes(name)),
                    number(result.speed_vs_numpy(name)),
                ]
            )
    lines += table(["kernel", "contender", "compile", "kernel time, median [min–max]", "GFLOP/s", "% peak", "GB/s", "speed vs numpy"], rows)
    lines += [
        "",
        f"Each contender is checked against a float64 numpy reference on its first call (a mismatch is listed under "
        f"\"Could not run\" and never timed). Compile: `mlopt.ExecutionEngine(text, opt_level={tk.OPT_LEVEL}[, optimize=True])` "
        f"construction; IREE: `iree.compiler.compile_str(text, target_backends=[\"llvm-cpu\"], extra_args=[{', '.join(tk.IREE_FLAGS)}, "
        f"{tk.IREE_DATA_TILING_FLAG}=true|false])` and loading the module, run on the `local-sync` driver (one thread), "
        f"inputs on the device before timing, the result copied to the host in the timing. numpy: {results.numpy_threads}.",
        "",
        "Kernels (one linalg op per step, on tensors):",
        "",
    ]
    lines += [f"- **{r.kernel.name}**: {r.kernel.description}; {r.kernel.flops / 1e6:.4g} MFLOP, {r.kernel.bytes / 2**20:.4g} MiB least traffic" for r in results.kernels]
    return lines


NOT_ASKED = "Not run: not asked for (--only)."


def render(report: Report) -> str:
    lines = [
        "# mlopt benchmark report",
        "",
        f"Command: `{report.command}` ({report.mode}); took {report.elapsed_s / 60:.1f} min.",
        "",
        "## Machine",
        "",
    ]
    lines += table(["", ""], [[key, value] for key, value in report.machine.items()])
    lines += ["", "## Method", ""] + [f"- {line}" for line in report.method]
    if report.peak:
        nominal = f"{report.peak.nominal_gflops:.1f} GFLOP/s" if report.peak.nominal_gflops else "unknown"
        lines += [
            "",
            "## Peak (f32, one core)",
            "",
            f"- **{report.peak.measured_gflops:.1f} GFLOP/s**, {report.peak.measured_how}. Fractions of peak use this figure.",
            f"- Nominal: {nominal} = {report.peak.nominal_how}.",
        ]
    lines += ["", "## Compile speed", ""]
    lines += compile_tables(report.compile) if report.compile else [NOT_ASKED]
    lines += ["", "## Generated code (CPU)", ""]
    lines += codegen_tables(report.codegen, report.peak) if report.codegen else [NOT_ASKED]
    lines += ["", "## Kernels on tensors (--optimize, numpy, IREE)", ""]
    lines += tensor_kernel_tables(report.kernels, report.peak) if report.kernels else [NOT_ASKED]
    lines += ["", "## GPU", ""] + report.gpu_lines
    lines += ["", "## Could not run", ""]
    lines += [f"- {what}: {why}" for what, why in report.not_run] or ["Everything ran."]
    lines += ["", "## Plots", ""]
    if report.plots_missing:
        lines.append(f"No plots: {report.plots_missing}.")
    lines += [f"![{PLOT_FILES[name]}]({name})" for name in report.plots]
    return "\n".join(lines) + "\n"


def not_run(report: Report) -> list[tuple[str, str]]:
    found = []
    if report.compile:
        found += compile_speed.not_run(report.compile)
    if report.codegen:
        found += codegen.not_run(report.codegen)
    if report.kernels:
        found += tensor_kernels.not_run(report.kernels)
    return found


# --------------------------------------------------------------------------- plots


def plot(report: Report, out_dir: str) -> None:
    """Write the PNGs; without matplotlib, say why in the report."""
    try:
        import matplotlib
    except ImportError:
        report.plots_missing = "matplotlib is not installed (pip install 'mlopt[bench]')"
        return
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if report.compile and report.compile.sizes:
        _plot_compile(plt, report.compile, out_dir)
        report.plots += ["compile_time.png", "compile_per_op.png"]
    if report.codegen and report.codegen.kernels:
        _plot_codegen(plt, report.codegen, report.peak, out_dir)
        report.plots.append("codegen_gflops.png")


def _task_panels(plt, draw, ylabel: str, out_dir: str, name: str) -> None:
    """One log-log panel per compile task; ``draw(ax, task)`` draws its lines."""
    figure, axes = plt.subplots(1, len(TASKS), figsize=(5 * len(TASKS), 4), squeeze=False)
    for ax, task in zip(axes[0], TASKS):
        draw(ax, task)
        ax.set(xscale="log", yscale="log", title=task, xlabel="ops in the module", ylabel=ylabel)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
    figure.tight_layout()
    figure.savefig(os.path.join(out_dir, name), dpi=110)
    plt.close(figure)


def _plot_compile(plt, results: CompileResults, out_dir: str) -> None:
    def times(ax, task: str) -> None:
        for tool in TOOLS:
            points = [(ops, results.timings[task][ops][tool]) for ops in results.sizes if results.timings[task][ops][tool].ran]
            if not points:
                continue
            medians = [s.stats.median for _, s in points]
            errors = [[m - s.stats.low for m, (_, s) in zip(medians, points)], [s.stats.high - m for m, (_, s) in zip(medians, points)]]
            ax.errorbar([ops for ops, _ in points], medians, yerr=errors, marker="o", capsize=3, label=tool, color=TOOL_COLORS[tool])
            if results.startup[tool].ran:
                ax.axhline(results.startup[tool].stats.median, color=TOOL_COLORS[tool], linestyle=":", linewidth=1)

    def per_op(ax, task: str) -> None:
        for tool in TOOLS:
            points = [(ops, results.per_op_us(task, ops, tool)) for ops in results.sizes]
            points = [(ops, cost) for ops, cost in points if cost is not None and cost > 0]
            if points:
                ax.plot(*zip(*points), marker="o", label=tool, color=TOOL_COLORS[tool])

    _task_panels(plt, times, "wall time (s)", out_dir, "compile_time.png")
    _task_panels(plt, per_op, "µs per op beyond start-up", out_dir, "compile_per_op.png")


def _plot_codegen(plt, results: CodegenResults, peak: Peak | None, out_dir: str) -> None:
    figure, ax = plt.subplots(figsize=(12, 4.5))
    width = 0.8 / len(codegen.CONTENDERS)
    for index, name in enumerate(codegen.CONTENDERS):
        xs, ys = [], []
        for position, result in enumerate(results.kernels):
            value = result.gflops(name)
            if value:
                xs.append(position + (index - (len(codegen.CONTENDERS) - 1) / 2) * width)
                ys.append(value)
        ax.bar(xs, ys, width, label=name)
    if peak:
        ax.axhline(peak.measured_gflops, color="black", linestyle="--", linewidth=1, label=f"peak {peak.measured_gflops:.0f}")
    ax.set_xticks(range(len(results.kernels)), [r.kernel.name for r in results.kernels])
    ax.set(yscale="log", ylabel="GFLOP/s (one core)")
    ax.grid(True, axis="y", which="both", alpha=0.3)
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    figure.tight_layout()
    figure.savefig(os.path.join(out_dir, "codegen_gflops.png"), dpi=110)
    plt.close(figure)
