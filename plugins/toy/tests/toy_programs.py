"""Toy programs with their expected output, computed independently with numpy,
and the oracle that runs mlopt's affine-level output with upstream's tools."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

import numpy as np

from mlopt.testing.features import llvm_tool


def toyc_print(value: np.ndarray) -> str:
    """What toyc's ``print`` writes: ``"%f "`` per element, a newline after
    each row of every dimension but the last."""
    if value.ndim == 0:
        return "%f " % value
    if value.ndim == 1:
        return "".join("%f " % x for x in value)
    return "".join(toyc_print(row) + "\n" for row in value)


@dataclass(frozen=True)
class Program:
    name: str
    source: str
    printed: tuple[np.ndarray, ...]

    @property
    def expected_output(self) -> str:
        return "".join(toyc_print(value) for value in self.printed)


A = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])

PROGRAMS = (
    Program(
        "tutorial",
        """
        def multiply_transpose(a, b) {
          return transpose(a) * transpose(b);
        }
        def main() {
          var a<2, 3> = [[1, 2, 3], [4, 5, 6]];
          var b<2, 3> = [1, 2, 3, 4, 5, 6];
          var c = multiply_transpose(a, b);
          var d = multiply_transpose(b, a);
          print(d);
        }
        """,
        (A.T * A.T,),
    ),
    Program(
        "jit",
        "def main() { print([[1, 2], [3, 4]]); }",
        (np.array([[1.0, 2.0], [3.0, 4.0]]),),
    ),
    Program(
        "vector-and-scalar",
        """
        def main() {
          var v = [0.5, 1.25, 2];
          print(v + v * v);
          print(3.75);
          var s<2, 2> = 5.5;
          print(s);
        }
        """,
        (np.array([0.5, 1.25, 2.0]) * (1 + np.array([0.5, 1.25, 2.0])), np.array(3.75), np.full((2, 2), 5.5)),
    ),
    Program(
        "nested-calls-and-reshape",
        """
        def square(x) { return x * x; }
        def sum_of_squares(a, b) { return square(a) + square(b); }
        def main() {
          var a<2, 3> = [1, 2, 3, 4, 5, 6];
          var t = transpose(a);
          var flat<6> = t + t;
          print(sum_of_squares(flat, [1, 1, 1, 1, 1, 1]));
          print(transpose(transpose(a)));
        }
        """,
        ((2 * A.T).reshape(6) ** 2 + 1, A),
    ),
    Program(
        "rank-3",
        """
        def main() {
          var a = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]];
          print(transpose(a) * a);
        }
        """,
        (np.arange(1.0, 9.0).reshape(2, 2, 2).transpose() * np.arange(1.0, 9.0).reshape(2, 2, 2),),
    ),
)

# The affine-level pipeline: toy-to-llvm without its final core lowering.
CORE_LOWERING = ",lower-to-llvm"

PRINTF_RUNTIME = r"""
  llvm.mlir.global internal constant @toy_element_format("%f \00") {addr_space = 0 : i32}
  llvm.mlir.global internal constant @toy_newline("\0A\00") {addr_space = 0 : i32}
  llvm.func @printf(!llvm.ptr, ...) -> i32
  func.func @mlopt_toy_print_f64(%x: f64) {
    %format = llvm.mlir.addressof @toy_element_format : !llvm.ptr
    %0 = llvm.call @printf(%format, %x) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr, f64) -> i32
    return
  }
  func.func @mlopt_toy_print_newline() {
    %format = llvm.mlir.addressof @toy_newline : !llvm.ptr
    %0 = llvm.call @printf(%format) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr) -> i32
    return
  }
"""
"""The Toy runtime as toyc has it (printf), for upstream's runner."""


def run_with_upstream(affine_level_module: str) -> subprocess.CompletedProcess:
    """Lower mlopt's affine-level output with mlir-opt and run it with mlir-runner,
    with the runtime's print functions defined on printf."""
    declarations = re.compile(r"^\s*func\.func private @mlopt_toy_print_\w+\(.*$\n", re.MULTILINE)
    text = declarations.sub("", affine_level_module)
    end = text.rindex("}")
    module = text[:end] + PRINTF_RUNTIME + text[end:]
    lowered = subprocess.run(
        [
            llvm_tool("mlir-opt"),
            "--pass-pipeline=builtin.module(lower-affine,convert-scf-to-cf,convert-to-llvm,reconcile-unrealized-casts)",
        ],
        input=module,
        capture_output=True,
        text=True,
        check=True,
    )
    return subprocess.run(
        [llvm_tool("mlir-runner"), "-e", "main", "-entry-point-result=void"],
        input=lowered.stdout,
        capture_output=True,
        text=True,
        check=True,
    )
