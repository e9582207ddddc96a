"""buffer-results-to-out-params: memref results of functions become trailing
out-parameters the caller allocates, as upstream's BufferResultsToOutParams.

A function returns its memref results by copying them into the new
arguments; with ``hoist-static-allocs`` a returned static ``memref.alloc``
is replaced by the out-parameter itself, saving the copy. Callers allocate
the out-parameters before the call. Public functions keep their signature
unless ``modify-public-functions``; declarations are never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import memref
from xdsl.dialects.builtin import ArrayAttr, DictionaryAttr, FunctionType, MemRefType, ModuleOp, NoneAttr, UnitAttr
from xdsl.dialects.func import CallOp, FuncOp, ReturnOp
from xdsl.ir import SSAValue
from xdsl.passes import ModulePass
from xdsl.rewriter import InsertPoint, Rewriter

from mlopt.diagnostics import DiagnosticError
from mlopt.dialects.memref import CopyOp
from mlopt.passes.bufferization.rebuild import rebuilt


def _is_memref_type(attr) -> bool:
    return isinstance(attr, MemRefType)


@dataclass(frozen=True)
class BufferResultsToOutParamsPass(ModulePass):
    """Converts memref-typed function results to out-params"""

    name = "buffer-results-to-out-params"
    display_name: ClassVar[str] = "BufferResultsToOutParamsPass"

    add_result_attr: bool = field(
        default=False, metadata={"help": "Add the attribute 'bufferize.result' to all output parameters."}
    )
    hoist_dynamic_allocs: bool = field(default=False, metadata={"help": "Hoist dynamic allocations to call sites."})
    hoist_static_allocs: bool = field(default=False, metadata={"help": "Hoist static allocations to call sites."})
    modify_public_functions: bool = field(
        default=False, metadata={"help": "Modify function signatures of public functions."}
    )

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        converted: dict[str, list[int]] = {}
        for function in [f for f in op.walk() if isinstance(f, FuncOp)]:
            is_public = function.sym_visibility is None or function.sym_visibility.data == "public"
            if not function.body.blocks or (is_public and not self.modify_public_functions):
                continue
            outputs = function.function_type.outputs.data
            if not any(_is_memref_type(t) for t in outputs):
                continue
            converted[function.sym_name.data] = [i for i, t in enumerate(outputs) if _is_memref_type(t)]
            self._convert_function(function)
        for call in [c for c in op.walk() if isinstance(c, CallOp)]:
            if (indices := converted.get(call.callee.root_reference.data)) is not None:
                self._convert_call(call, indices)

    def _convert_function(self, function: FuncOp) -> None:
        inputs, outputs = list(function.function_type.inputs.data), list(function.function_type.outputs.data)
        out_types = [t for t in outputs if _is_memref_type(t)]
        entry = function.body.blocks[0]
        out_params = [entry.insert_arg(t, len(entry.args)) for t in out_types]
        for block in function.body.blocks:
            terminator = block.last_op
            if not isinstance(terminator, ReturnOp):
                continue
            results = list(terminator.operands)
            memref_results = [v for v in results if _is_memref_type(v.type)]
            for value, out_param in zip(memref_results, out_params):
                if self._hoistable(value):
                    value.replace_all_uses_with(out_param)
                    Rewriter.erase_op(value.owner)
                    continue
                Rewriter.insert_op(CopyOp.create(operands=[value, out_param]), InsertPoint.before(terminator))
            terminator.operands = [v for v in results if not _is_memref_type(v.type)]
        function.function_type = FunctionType.from_lists(inputs + out_types, [t for t in outputs if not _is_memref_type(t)])
        out_attrs = DictionaryAttr({"bufferize.result": UnitAttr()} if self.add_result_attr else {})
        arg_attrs = function.arg_attrs.data if function.arg_attrs is not None else (DictionaryAttr({}),) * len(inputs)
        if self.add_result_attr or function.arg_attrs is not None:
            function.arg_attrs = ArrayAttr([*arg_attrs, *[out_attrs] * len(out_types)])
        if function.res_attrs is not None:
            kept = [a for a, t in zip(function.res_attrs.data, outputs) if not _is_memref_type(t)]
            function.res_attrs = ArrayAttr(kept) if kept else None

    def _hoistable(self, value: SSAValue) -> bool:
        """A static allocation returned as is: the caller's buffer can replace it."""
        if not self.hoist_static_allocs or not isinstance(value.owner, memref.AllocOp):
            return False
        return all(size >= 0 for size in value.type.get_shape()) and not value.owner.symbol_operands

    def _convert_call(self, call: CallOp, indices: list[int]) -> None:
        out_buffers = []
        for index in indices:
            result_type = call.results[index].type
            if any(size < 0 for size in result_type.get_shape()):
                raise DiagnosticError.at(call, "cannot create out param for dynamically shaped result")
            if not isinstance(result_type.layout, NoneAttr):
                raise DiagnosticError.at(
                    call, "buffer-results-to-out-params: a result with a non-identity layout is not supported"
                )
            alloc = memref.AllocOp([], [], result_type)
            Rewriter.insert_op(alloc, InsertPoint.before(call))
            out_buffers.append(alloc.memref)
        kept = [r for i, r in enumerate(call.results) if i not in indices]
        new_call = rebuilt(call, [*call.operands, *out_buffers], [r.type for r in kept])
        new_results = iter(new_call.results)
        buffers = iter(out_buffers)
        replacements = [next(buffers) if i in indices else next(new_results) for i in range(len(call.results))]
        Rewriter.replace_op(call, new_call, replacements)
