"""drop-equivalent-buffer-results: a memref result of a private function that
is always one of its arguments is dropped; callers use the argument they
passed (cast to the result type where the types differ), as upstream's
DropEquivalentBufferResults."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import ArrayAttr, FunctionType, MemRefType, ModuleOp, UnrankedMemRefType
from xdsl.dialects.func import CallOp, FuncOp, ReturnOp
from xdsl.ir import BlockArgument, SSAValue
from xdsl.passes import ModulePass
from xdsl.rewriter import InsertPoint, Rewriter

from mlopt.dialects.memref import CastOp
from mlopt.passes.bufferization.rebuild import rebuilt


def _argument_behind(value: SSAValue, function: FuncOp) -> int | None:
    """The index of the entry argument ``value`` is (through memref.cast), if any."""
    while isinstance(value.owner, CastOp):
        value = value.owner.source
    if isinstance(value, BlockArgument) and value.block is function.body.blocks[0]:
        return value.index
    return None


def _equivalent_arguments(function: FuncOp) -> dict[int, int]:
    """Result index → argument index, for memref results equal to one argument on every return."""
    returns = [block.last_op for block in function.body.blocks if isinstance(block.last_op, ReturnOp)]
    equivalent: dict[int, int] = {}
    for index, result_type in enumerate(function.function_type.outputs.data):
        if not isinstance(result_type, MemRefType | UnrankedMemRefType) or not returns:
            continue
        arguments = {_argument_behind(r.operands[index], function) for r in returns}
        if len(arguments) == 1 and (argument := arguments.pop()) is not None:
            equivalent[index] = argument
    return equivalent


@dataclass(frozen=True)
class DropEquivalentBufferResultsPass(ModulePass):
    """Remove MemRef return values that are equivalent to a bbArg"""

    name = "drop-equivalent-buffer-results"
    display_name: ClassVar[str] = "DropEquivalentBufferResultsPass"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        dropped: dict[str, dict[int, int]] = {}
        for function in [f for f in op.walk() if isinstance(f, FuncOp)]:
            if not function.body.blocks or function.sym_visibility is None or function.sym_visibility.data != "private":
                continue
            if equivalent := _equivalent_arguments(function):
                dropped[function.sym_name.data] = equivalent
                self._drop_results(function, equivalent)
        for call in [c for c in op.walk() if isinstance(c, CallOp)]:
            if (equivalent := dropped.get(call.callee.root_reference.data)) is not None:
                self._rewrite_call(call, equivalent)

    @staticmethod
    def _drop_results(function: FuncOp, equivalent: dict[int, int]) -> None:
        for block in function.body.blocks:
            if isinstance(terminator := block.last_op, ReturnOp):
                terminator.operands = [v for i, v in enumerate(terminator.operands) if i not in equivalent]
        outputs = function.function_type.outputs.data
        function.function_type = FunctionType.from_lists(
            function.function_type.inputs.data, [t for i, t in enumerate(outputs) if i not in equivalent]
        )
        if function.res_attrs is not None:
            function.res_attrs = ArrayAttr([a for i, a in enumerate(function.res_attrs.data) if i not in equivalent])

    @staticmethod
    def _rewrite_call(call: CallOp, equivalent: dict[int, int]) -> None:
        kept = [r for i, r in enumerate(call.results) if i not in equivalent]
        new_call = rebuilt(call, call.operands, [r.type for r in kept])
        Rewriter.insert_op(new_call, InsertPoint.before(call))
        new_results = iter(new_call.results)
        replacements = []
        for index, result in enumerate(call.results):
            if index not in equivalent:
                replacements.append(next(new_results))
                continue
            argument = call.operands[equivalent[index]]
            if argument.type != result.type:
                cast = CastOp.create(operands=[argument], result_types=[result.type])
                Rewriter.insert_op(cast, InsertPoint.before(call))
                argument = cast.results[0]
            replacements.append(argument)
        Rewriter.replace_op(call, [], replacements)
