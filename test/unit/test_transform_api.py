"""The Python API for writing transform ops, as a plugin uses it: an IRDL op
with the TransformOp mixin reads its handles' payload from the state, sets
its results, consumes operands (invalidating handles) and reports
silenceable failures."""

from __future__ import annotations

from typing import ClassVar

from conftest import run_mlopt
from xdsl.dialects.builtin import StringAttr
from xdsl.dialects.transform import TransformOpHandleType
from xdsl.ir import Dialect, Operation
from xdsl.irdl import IRDLOperation, irdl_op_definition, operand_def, prop_def, result_def

from mlopt import hookimpl
from mlopt.diagnostics import emit_remark
from mlopt.dialects.transform.state import SilenceableFailure, TransformOp, TransformState, apply_each


@irdl_op_definition
class RenameOp(TransformOp, IRDLOperation):
    """test_transform.rename: each payload op gets a ``test.name``; the result
    holds the same ops. Consumes its operand; fails silenceably on func.func."""

    name = "test_transform.rename"
    target = operand_def(TransformOpHandleType)
    label = prop_def(StringAttr)
    renamed = result_def(TransformOpHandleType)
    assembly_format = "$target `to` $label attr-dict `:` functional-type(operands, results)"
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def apply(self, state: TransformState) -> None:
        def rename(target: Operation) -> list[list[Operation]]:
            if target.name == "func.func":
                raise SilenceableFailure(self, "cannot rename a function", [(target, "target op")])
            target.attributes["test.name"] = self.label
            return [[target]]

        apply_each(state, self, state.payload_ops(self.target), rename)


@irdl_op_definition
class CountOp(TransformOp, IRDLOperation):
    """test_transform.count: a remark at the transform op with the payload size."""

    name = "test_transform.count"
    target = operand_def(TransformOpHandleType)
    assembly_format = "$target attr-dict `:` type($target)"

    def apply(self, state: TransformState) -> None:
        emit_remark(self, f"{len(state.payload_ops(self.target))} ops")


class TestTransformPlugin:
    @hookimpl
    def mlopt_register_dialects(self):
        return {"test_transform": lambda: Dialect("test_transform", [RenameOp, CountOp], [])}


PAYLOAD = """
func.func @f(%x: index) -> index {
  %0 = arith.addi %x, %x : index
  %1 = arith.addi %0, %x : index
  return %1 : index
}
"""


def schedule(body: str) -> str:
    return PAYLOAD + (
        "module attributes {transform.with_named_sequence} {\n"
        "  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {\n"
        '    %adds = transform.structured.match ops{["arith.addi"]} in %root : (!transform.any_op) -> !transform.any_op\n'
        f"{body}"
        "    transform.yield\n  }\n}\n"
    )


def run(body: str):
    return run_mlopt(["--transform-interpreter"], schedule(body), plugins=[("test-transform", TestTransformPlugin())])


def test_results_are_set_per_target():
    result = run(
        "    %r = test_transform.rename %adds to \"a\" : (!transform.any_op) -> !transform.any_op\n"
        "    test_transform.count %r : !transform.any_op\n"
    )
    assert result.code == 0, result.err
    assert result.out.count('{test.name = "a"}') == 2
    assert "remark: 2 ops" in result.err


def test_a_consumed_handle_cannot_be_used_again():
    result = run(
        "    %r = test_transform.rename %adds to \"a\" : (!transform.any_op) -> !transform.any_op\n"
        "    test_transform.count %adds : !transform.any_op\n"
    )
    assert result.code == 1
    assert "error: op uses a handle invalidated by a previously executed transform op" in result.err
    assert "note: invalidated by this transform op that consumes its operand #0" in result.err


def test_a_silenceable_failure_is_reported_at_the_transform_op_with_the_payload_as_note():
    result = run(
        '    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op\n'
        "    %r = test_transform.rename %f to \"b\" : (!transform.any_op) -> !transform.any_op\n"
    )
    assert result.code == 1
    lines = result.err.splitlines()
    error = next(line for line in lines if "error: cannot rename a function" in line)
    note = next(line for line in lines if "note: target op" in line)
    assert error.startswith("<stdin>:11:")  # the transform op
    assert note.startswith("<stdin>:2:")  # the function


def test_a_suppressed_failure_lets_the_schedule_go_on():
    result = run(
        '    %f = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op\n'
        "    transform.sequence %root : !transform.any_op failures(suppress) {\n"
        "    ^bb0(%arg0: !transform.any_op):\n"
        "      %r = test_transform.rename %f to \"b\" : (!transform.any_op) -> !transform.any_op\n"
        "    }\n"
        '    %again = transform.structured.match ops{["arith.addi"]} in %root : (!transform.any_op) -> !transform.any_op\n'
        "    test_transform.count %again : !transform.any_op\n"
    )
    assert result.code == 0, result.err
    assert "remark: 2 ops" in result.err
