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
from xdsl.ir import Block, BlockArgument, SSAValue
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
        sizes_by_function: dict[str, dict[int, list[int] | None]] = {}
        for function in [f for f in op.walk() if isinstance(f, FuncOp)]:
            is_public = function.sym_visibility is None or function.sym_visibility.data == "public"
            if not function.body.blocks or (is_public and not self.modify_public_functions):
                continue
            if any(_is_memref_type(t) for t in function.function_type.outputs.data):
                sizes_by_function[function.sym_name.data] = self._convert_function(function)
        for call in [c for c in op.walk() if isinstance(c, CallOp)]:
            if (sizes := sizes_by_function.get(call.callee.root_reference.data)) is not None:
                self._convert_call(call, sizes)

    def _convert_function(self, function: FuncOp) -> dict[int, list[int] | None]:
        """Result index → the arguments giving its dynamic sizes ([] when
        static, None when the caller cannot know them), for each memref result."""
        inputs, outputs = list(function.function_type.inputs.data), list(function.function_type.outputs.data)
        result_indices = [i for i, t in enumerate(outputs) if _is_memref_type(t)]
        entry = function.body.blocks[0]
        out_params = [entry.insert_arg(outputs[i], len(entry.args)) for i in result_indices]
        sizes: dict[int, list[int] | None] = {
            i: [] if all(size >= 0 for size in outputs[i].get_shape()) else None for i in result_indices
        }
        returns = [block.last_op for block in function.body.blocks if isinstance(block.last_op, ReturnOp)]
        for terminator in returns:
            results = list(terminator.operands)
            for index, out_param in zip(result_indices, out_params):
                value = results[index]
                hoisted_sizes = self._hoisted_sizes(value, entry) if len(returns) == 1 else None
                if hoisted_sizes is not None:
                    sizes[index] = hoisted_sizes
                    value.replace_all_uses_with(out_param)
                    Rewriter.erase_op(value.owner)
                    continue
                Rewriter.insert_op(CopyOp.create(operands=[value, out_param]), InsertPoint.before(terminator))
            terminator.operands = [v for v in results if not _is_memref_type(v.type)]
        out_types = [outputs[i] for i in result_indices]
        function.function_type = FunctionType.from_lists(inputs + out_types, [t for t in outputs if not _is_memref_type(t)])
        out_attrs = DictionaryAttr({"bufferize.result": UnitAttr()} if self.add_result_attr else {})
        arg_attrs = function.arg_attrs.data if function.arg_attrs is not None else (DictionaryAttr({}),) * len(inputs)
        if self.add_result_attr or function.arg_attrs is not None:
            function.arg_attrs = ArrayAttr([*arg_attrs, *[out_attrs] * len(out_types)])
        if function.res_attrs is not None:
            kept = [a for a, t in zip(function.res_attrs.data, outputs) if not _is_memref_type(t)]
            function.res_attrs = ArrayAttr(kept) if kept else None
        return sizes

    def _hoisted_sizes(self, value: SSAValue, entry: Block) -> list[int] | None:
        """For a returned allocation the caller can make instead (static, or
        sized by the function's arguments, as the options allow): the argument
        index of each dynamic size. None when it stays in the function."""
        alloc = value.owner
        if not isinstance(alloc, memref.AllocOp) or alloc.symbol_operands:
            return None
        if not alloc.dynamic_sizes:
            return [] if self.hoist_static_allocs else None
        if not self.hoist_dynamic_allocs:
            return None
        if not all(isinstance(size, BlockArgument) and size.block is entry for size in alloc.dynamic_sizes):
            return None
        return [size.index for size in alloc.dynamic_sizes]

    def _convert_call(self, call: CallOp, sizes: dict[int, list[int] | None]) -> None:
        out_buffers = []
        for index, size_arguments in sizes.items():
            result_type = call.results[index].type
            if size_arguments is None:
                raise DiagnosticError.at(call, "cannot create out param for dynamically shaped result")
            if not isinstance(result_type.layout, NoneAttr):
                raise DiagnosticError.at(
                    call, "buffer-results-to-out-params: a result with a non-identity layout is not supported"
                )
            alloc = memref.AllocOp([call.operands[i] for i in size_arguments], [], result_type)
            Rewriter.insert_op(alloc, InsertPoint.before(call))
            out_buffers.append(alloc.memref)
        kept = [r for i, r in enumerate(call.results) if i not in sizes]
        new_call = rebuilt(call, [*call.operands, *out_buffers], [r.type for r in kept])
        new_results = iter(new_call.results)
        buffers = iter(out_buffers)
        replacements = [next(buffers) if i in sizes else next(new_results) for i in range(len(call.results))]
        Rewriter.replace_op(call, new_call, replacements)
