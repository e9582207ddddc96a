"""toy-inline: inline every ``toy.generic_call`` (the tutorial's chapter 4).

Upstream runs MLIR's generic ``inline`` pass with a Toy inliner interface;
this pass does the same job for Toy alone: the callee's body replaces the
call, a ``toy.cast`` bridges each argument whose type differs from the
parameter's (``tensor<2x3xf64>`` to ``tensor<*xf64>``), inlined ops get a
call-site location, and private functions left without callers are removed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import CallSiteLoc, ModuleOp
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.passes import ModulePass

from mlopt.diagnostics import DiagnosticError
from mlopt_toy.dialect import CastOp, FuncOp, GenericCallOp, ReturnOp


@dataclass(frozen=True)
class ToyInline(ModulePass):
    """Inline toy.generic_call calls and remove the private functions left unused"""

    name = "toy-inline"
    display_name: ClassVar[str] = "ToyInlinerPass"
    anchor: ClassVar[str] = "builtin.module"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        functions = {f.sym_name.data: f for f in op.body.block.ops if isinstance(f, FuncOp)}
        for function in functions.values():
            for call in _calls_in(function):
                _inline(call, functions, (function.sym_name.data,))
        # Every call is inlined now, so no private function is referenced.
        for function in functions.values():
            if function.is_private:
                function.detach()
                function.erase()


def _calls_in(function: FuncOp) -> list[GenericCallOp]:
    return [op for op in function.body.block.ops if isinstance(op, GenericCallOp)]


def _inline(call: GenericCallOp, functions: dict[str, FuncOp], callers: tuple[str, ...]) -> None:
    """Replace ``call`` by its callee's body, then inline the calls that body made."""
    name = call.callee_name
    callee = functions.get(name)
    if callee is None:
        raise DiagnosticError.at(call, f"'toy.generic_call' op '{name}' does not reference a valid function")
    if name in callers:
        raise DiagnosticError.at(
            call,
            f"recursive call of '{name}' cannot be inlined",
            notes=[(callee, f"'{name}' is defined here")],
        )
    params = callee.body.block.args
    if len(params) != len(call.inputs):
        raise DiagnosticError.at(
            call, f"'toy.generic_call' op passes {len(call.inputs)} arguments to '{name}', which takes {len(params)}"
        )
    block = call.parent_block()
    assert block is not None

    def insert(op: Operation) -> Operation:
        block.insert_op_before(op, call)
        return op

    values: dict[SSAValue, SSAValue] = {
        param: _converted(argument, param.type, call, insert) for param, argument in zip(params, call.inputs)
    }
    inlined_calls = []
    returned: ReturnOp | None = None
    for op in callee.body.block.ops:
        if isinstance(op, ReturnOp):
            returned = op
            break
        clone = insert(op.clone(values))
        clone.location = CallSiteLoc(op.location, call.location)
        if isinstance(clone, GenericCallOp):
            inlined_calls.append(clone)
    if call.output.uses:
        if returned is None or not returned.input:
            raise DiagnosticError.at(call, f"the result of '{name}' is used, but '{name}' returns no value")
        result = _converted(values.get(returned.input[0], returned.input[0]), call.output.type, call, insert)
        call.output.replace_all_uses_with(result)
    call.detach()
    call.erase()
    for inner in inlined_calls:
        _inline(inner, functions, (*callers, name))


def _converted(
    value: SSAValue, target_type: Attribute, call: GenericCallOp, insert: Callable[[Operation], Operation]
) -> SSAValue:
    """``value`` itself, or a ``toy.cast`` of it when its type is not ``target_type``."""
    if value.type == target_type:
        return value
    cast = CastOp(value, target_type)
    cast.location = call.location
    return insert(cast).output
