"""The reducer's strategies, driven by an in-process test: what they keep,
what they take away, and that every result is valid IR mlir-opt reads."""

import subprocess

import pytest

from mlopt.diagnostics import SourceText
from mlopt.asm import parse_source
from mlopt.verifier import verify, walk_preorder
from mlopt.plugins import load_plugins
from mlopt.reduction import Reducer
from mlopt.registry import Registry
from mlopt.testing.features import llvm_tool, llvm_tool_missing

PROGRAM = """\
func.func @callee(%a: i32, %b: i32, %t: tensor<4xf32>) -> (i32, tensor<4xf32>) {
  %c = arith.constant 3 : i32
  %0 = arith.addi %a, %c : i32
  %1 = arith.muli %0, %b : i32
  %2 = tensor.empty() : tensor<4xf32>
  return %1, %2 : i32, tensor<4xf32>
}

func.func @main(%flag: i1, %n: index, %t: tensor<4xf32>) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %x = arith.constant 5 : i32
  %r = scf.if %flag -> (i32) {
    %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (i32) {
      %v, %w = func.call @callee(%acc, %x, %t) : (i32, i32, tensor<4xf32>) -> (i32, tensor<4xf32>)
      %d = tensor.dim %w, %c0 : tensor<4xf32>
      scf.yield %v : i32
    }
    scf.yield %s : i32
  } else {
    %y = arith.subi %x, %x : i32
    scf.yield %y : i32
  }
  return %r : i32
}
"""


def _reduce(text, interesting):
    context = Registry(load_plugins()).make_context()
    module = parse_source(context, SourceText("input.mlir", text))
    progress = []
    reducer = Reducer(module, context, interesting, progress.append)
    assert interesting(reducer.text)
    reduced = reducer.run()
    verify(parse_source(context, SourceText("reduced.mlir", reduced)))
    return reduced, reducer, progress


def _ops(text):
    context = Registry(load_plugins()).make_context()
    return sum(1 for _ in walk_preorder(parse_source(context, SourceText("x.mlir", text))))


def test_one_op_is_isolated_from_loops_branches_and_calls():
    reduced, reducer, progress = _reduce(PROGRAM, lambda text: "arith.muli" in text)
    assert _ops(reduced) - reduced.count("arith.constant") <= 4, reduced  # module, func, the multiplication, return
    assert "scf." not in reduced and "call @" not in reduced and "tensor" not in reduced
    assert progress[0].startswith(f"{_ops(PROGRAM)} -> "), "each accepted candidate is reported"
    assert reducer.tested >= len(progress)


def test_a_call_kept_by_the_test_loses_the_arguments_and_results_it_does_not_need():
    def interesting(text):
        return "call @callee" in text and "arith.muli" in text

    reduced, _, _ = _reduce(PROGRAM, interesting)
    assert "func.func @callee() {" in reduced, reduced
    assert "call @callee() : () -> ()" in reduced


def test_a_used_tensor_is_replaced_by_poison_when_what_made_it_goes():
    def interesting(text):
        return "tensor.dim" in text

    reduced, _, _ = _reduce(PROGRAM, interesting)
    assert "ub.poison : tensor<4xf32>" in reduced or "tensor<4xf32>) -> " in reduced, reduced
    assert "scf.for" not in reduced and "arith.muli" not in reduced


@pytest.mark.skipif(llvm_tool_missing("mlir-opt") is not None, reason=str(llvm_tool_missing("mlir-opt")))
@pytest.mark.parametrize("needle", ["arith.muli", "tensor.dim", "arith.subi"])
def test_mlir_opt_reads_every_reduced_module(needle, tmp_path):
    reduced, _, _ = _reduce(PROGRAM, lambda text: needle in text)
    path = tmp_path / "reduced.mlir"
    path.write_text(reduced)
    upstream = subprocess.run([llvm_tool("mlir-opt"), str(path)], capture_output=True, text=True)
    assert upstream.returncode == 0, upstream.stderr + reduced
    assert needle in upstream.stdout
