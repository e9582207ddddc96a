"""toy-shape-inference: give every value of a function a static shape (chapter 4).

Ops with an unshaped result are inferred in dependency order: an op is ready
once all its operands are ranked, and ops implementing ``ShapeInferenceOpInterface``
then set their result type. Run it after ``toy-inline``, when function
arguments no longer hide the shapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import TensorType
from xdsl.ir import Operation
from xdsl.passes import ModulePass

from xdsl.utils.exceptions import VerifyException

from mlopt.diagnostics import DiagnosticError
from mlopt_toy.dialect import ShapeInferenceOpInterface


@dataclass(frozen=True)
class ShapeInferencePass(ModulePass):
    """Shape Inference"""

    name = "toy-shape-inference"
    display_name: ClassVar[str] = "ShapeInferencePass"
    anchor: ClassVar[str] = "toy.func"

    def apply(self, ctx: Context, op: Operation) -> None:
        pending = [inner for inner in op.walk() if inner is not op and _returns_unshaped(inner)]
        while pending:
            ready = next((inner for inner in pending if _operands_shaped(inner)), None)
            if ready is None:
                break
            pending.remove(ready)
            if not isinstance(ready, ShapeInferenceOpInterface):
                raise DiagnosticError.at(
                    ready, "unable to infer shape of operation without shape inference interface"
                )
            ready.infer_shapes()
            # Shapes that meet only now (adding a 2-vector to a 3-vector) are
            # an error in the program, reported at the op as its verifier says.
            try:
                ready.verify_()
            except VerifyException as error:
                raise DiagnosticError.at(ready, f"'{ready.name}' op {error}") from None
        if pending:
            raise DiagnosticError.at(
                op,
                f"Shape inference failed, {len(pending)} operations couldn't be inferred",
                notes=[(pending[0], "this operation's operands have no shape")],
            )


def _returns_unshaped(op: Operation) -> bool:
    return any(not isinstance(result.type, TensorType) for result in op.results)


def _operands_shaped(op: Operation) -> bool:
    return all(isinstance(operand.type, TensorType) for operand in op.operands)
