"""Compile speed: mlopt against xdsl-opt (the same xDSL underneath) and
mlir-opt 22, each run as a process on the same file.

Tasks: start-up on a tiny file; parse+print, canonicalize+cse and full
lowering to LLVM IR on generated modules (func + arith + scf + memref). Full
lowering is end to end, one process for mlopt (``mltranslate --mlir-to-llvmir
--pass-pipeline=lower-to-llvm``), ``mlir-opt | mlir-translate`` for upstream
with the same passes.
"""

from __future__ import annotations

import functools
import math
import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field

from mlopt.bench.measure import Contender, Repeats, Sample, Series, alternate, installed_script, python_tool, run_pipeline
from mlopt.testing.features import llvm_tool, llvm_tool_missing

TOOLS = ("mlopt", "xdsl-opt", "mlir-opt")
PARSE_PRINT = "parse+print"
CANONICALIZE_CSE = "canonicalize+cse"
LOWER = "lower to LLVM IR"
TASKS = (PARSE_PRINT, CANONICALIZE_CSE, LOWER)

TINY_MODULE = "func.func @id(%a: i32) -> i32 {\n  return %a : i32\n}\n"

# One realistic function: a 2-D loop nest with loads, arithmetic, a
# reduction carried through iter_args, a branch with results, a heap buffer,
# and work for canonicalize and cse (a duplicate constant).
FUNCTION = """func.func @kernel{i}(%A: memref<?x?xf32>, %B: memref<?xf32>, %n: index, %s: f32) -> f32 {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c1_dup = arith.constant 1 : index
  %zero = arith.constant 0.000000e+00 : f32
  %bias = arith.constant {i}.5 : f32
  %m = memref.dim %A, %c1 : memref<?x?xf32>
  %tmp = memref.alloc(%m) : memref<?xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> (f32) {{
    %row = scf.for %j = %c0 to %m step %c1_dup iter_args(%acc2 = %acc) -> (f32) {{
      %a = memref.load %A[%i, %j] : memref<?x?xf32>
      %b = memref.load %B[%j] : memref<?xf32>
      %p = arith.mulf %a, %b : f32
      %q = arith.addf %p, %s : f32
      %q2 = arith.addf %q, %bias : f32
      %pos = arith.cmpf ogt, %q2, %zero : f32
      %v = arith.select %pos, %q2, %zero : f32
      memref.store %v, %tmp[%j] : memref<?xf32>
      %acc3 = arith.addf %acc2, %v : f32
      scf.yield %acc3 : f32
    }}
    %ii = arith.index_cast %i : index to i64
    %period = arith.constant {period} : i64
    %rem = arith.remsi %ii, %period : i64
    %c0_i64 = arith.constant 0 : i64
    %even = arith.cmpi eq, %rem, %c0_i64 : i64
    %next = scf.if %even -> (f32) {{
      %h = arith.mulf %row, %s : f32
      scf.yield %h : f32
    }} else {{
      %first = memref.load %tmp[%c0] : memref<?xf32>
      %g = arith.subf %row, %first : f32
      scf.yield %g : f32
    }}
    scf.yield %next : f32
  }}
  memref.dealloc %tmp : memref<?xf32>
  func.return %r : f32
}}
"""

OPS_PER_FUNCTION = sum(1 for line in FUNCTION.splitlines() if not line.strip().startswith("}"))
"""Every line that does not close a region holds one op."""


def generated_module(ops: int) -> tuple[str, int]:
    """A module of about ``ops`` operations; returns its text and its exact op
    count (the implicit builtin.module included)."""
    functions = max(1, round(ops / OPS_PER_FUNCTION))
    text = "\n".join(FUNCTION.format(i=i, period=i % 5 + 2) for i in range(functions))
    return text, functions * OPS_PER_FUNCTION + 1


# --------------------------------------------------------------------------- the tools


MLOPT_OWN_PASSES = frozenset({"check-llvm-legality"})
"""Passes of lower-to-llvm that check rather than lower."""


def _lowering_items() -> list:
    from mlopt.passes.pipelines import LowerToLLVMPipeline
    from mlopt.pipeline import parse_pipeline_text

    return parse_pipeline_text(LowerToLLVMPipeline().expand(), anchored=False)


def _pass_names(items) -> list[str]:
    from mlopt.pipeline import NestElement

    names = []
    for item in items:
        names += _pass_names(item.items) if isinstance(item, NestElement) else [item.name]
    return names


def upstream_lowering_pipeline() -> tuple[str, list[str]]:
    """mlopt's lower-to-llvm, pass for pass, as an mlir-opt pipeline; and the
    passes left out because mlir-opt has no such pass."""
    from mlopt.pipeline import NestElement

    known = _mlir_opt_passes()

    def render(items) -> list[str]:
        kept = []
        for item in items:
            if isinstance(item, NestElement):
                inner = render(item.items)
                if inner:
                    kept.append(f"{item.op_name}({','.join(inner)})")
            elif item.name in known:
                kept.append(item.name + (f"{{{item.options}}}" if item.options is not None else ""))
        return kept

    items = _lowering_items()
    dropped = [name for name in _pass_names(items) if name not in known]
    return f"builtin.module({','.join(render(items))})", dropped


@functools.cache
def _mlir_opt_passes() -> frozenset[str]:
    help_text = subprocess.run([llvm_tool("mlir-opt"), "--help"], capture_output=True, text=True).stdout
    return frozenset(re.findall(r"^\s+--([a-z0-9][a-z0-9-]*)", help_text, re.MULTILINE))


def xdsl_missing_lowering_passes() -> list[str]:
    from xdsl.transforms import get_all_passes

    available = get_all_passes()
    return sorted({name for name in _pass_names(_lowering_items()) if name not in available and name not in MLOPT_OWN_PASSES})


def commands(tool: str, task: str, path: str) -> list[list[str]] | str:
    """The processes (piped) that do ``task`` on ``path`` with ``tool``, or
    why that tool cannot do it."""
    if tool == "mlir-opt":
        missing = llvm_tool_missing("mlir-opt") or (task == LOWER and llvm_tool_missing("mlir-translate"))
        if missing:
            return missing
        mlir_opt = llvm_tool("mlir-opt")
        if task == LOWER:
            pipeline, _ = upstream_lowering_pipeline()
            return [[mlir_opt, f"--pass-pipeline={pipeline}", path], [llvm_tool("mlir-translate"), "--mlir-to-llvmir"]]
        return [[mlir_opt, path, *(["--canonicalize", "--cse"] if task == CANONICALIZE_CSE else [])]]
    if tool == "xdsl-opt":
        xdsl_opt = installed_script("xdsl-opt")
        if xdsl_opt is None:
            return "xdsl-opt not found beside the Python interpreter nor on PATH"
        if task == LOWER:
            missing = ", ".join(xdsl_missing_lowering_passes())
            return f"xDSL has no pass for {missing}; nothing lowers this mix to the llvm dialect"
        return [[xdsl_opt, path, *(["-p", "canonicalize,cse"] if task == CANONICALIZE_CSE else [])]]
    if task == LOWER:
        return [[*python_tool("mltranslate", "mlopt.tools.mltranslate"), "--mlir-to-llvmir", "--pass-pipeline=lower-to-llvm", path]]
    return [[*python_tool("mlopt", "mlopt.tools.mlopt"), path, *(["--canonicalize", "--cse"] if task == CANONICALIZE_CSE else [])]]


def _contender(tool: str, task: str, path: str) -> Contender:
    found = commands(tool, task, path)
    if isinstance(found, str):
        return Contender(tool, None, found)

    def measure() -> Sample:
        # mlopt's tools compile in their own process, as the others do: a warm
        # compile server left running (by lit, say) would be timed instead
        # (what it saves is the start-up section's to show).
        wall, _ = run_pipeline(found, env={**os.environ, "MLOPT_SERVER": "0"})
        return Sample(wall, wall)

    return Contender(tool, measure)


# --------------------------------------------------------------------------- results


@dataclass
class CompileResults:
    startup: dict[str, Series] = field(default_factory=dict)
    sizes: list[int] = field(default_factory=list)
    """Exact op counts of the generated modules."""
    timings: dict[str, dict[int, dict[str, Series]]] = field(default_factory=dict)
    """task → ops → tool → series."""
    lowering_pipeline: str = ""
    lowering_dropped: list[str] = field(default_factory=list)

    def excess(self, task: str, ops: int, tool: str) -> float | None:
        """Median time beyond the tool's start-up median."""
        series = self.timings[task][ops][tool]
        start = self.startup.get(tool)
        if not series.ran or start is None or not start.ran:
            return None
        return series.stats.median - start.stats.median

    def per_op_us(self, task: str, ops: int, tool: str) -> float | None:
        excess = self.excess(task, ops, tool)
        return None if excess is None else 1e6 * excess / ops

    def growth(self, task: str, tool: str) -> float | None:
        """Least-squares slope of log(time beyond start-up) over log(ops): 1
        is linear. None where a time beyond start-up is not positive."""
        points = [(ops, self.excess(task, ops, tool)) for ops in self.sizes]
        if len(points) < 2 or any(e is None or e <= 0 for _, e in points):
            return None
        xs = [math.log(ops) for ops, _ in points]
        ys = [math.log(e) for _, e in points]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def run(sizes: Sequence[int], repeats: Repeats, workdir: str, log=print) -> CompileResults:
    results = CompileResults()
    if not llvm_tool_missing("mlir-opt"):
        results.lowering_pipeline, results.lowering_dropped = upstream_lowering_pipeline()
    tiny = os.path.join(workdir, "tiny.mlir")
    with open(tiny, "w") as f:
        f.write(TINY_MODULE)
    log("compile speed: start-up")
    results.startup = alternate([_contender(tool, PARSE_PRINT, tiny) for tool in TOOLS], repeats)
    results.timings = {task: {} for task in TASKS}
    for requested in sizes:
        text, ops = generated_module(requested)
        path = os.path.join(workdir, f"generated-{ops}.mlir")
        with open(path, "w") as f:
            f.write(text)
        results.sizes.append(ops)
        for task in TASKS:
            log(f"compile speed: {task}, {ops} ops")
            results.timings[task][ops] = alternate([_contender(tool, task, path) for tool in TOOLS], repeats)
    return results


def not_run(results: CompileResults) -> list[tuple[str, str]]:
    """(what, why) for every measurement a tool could not take."""
    found = []
    for tool, series in results.startup.items():
        if series.not_run:
            found.append((f"start-up: {tool}", series.not_run))
    for task, by_size in results.timings.items():
        reasons: dict[tuple[str, str], list[int]] = {}
        for ops, by_tool in by_size.items():
            for tool, series in by_tool.items():
                if series.not_run:
                    reasons.setdefault((tool, series.not_run), []).append(ops)
        for (tool, reason), sizes in reasons.items():
            found.append((f"{task}: {tool} ({', '.join(map(str, sizes))} ops)", reason))
    return found

