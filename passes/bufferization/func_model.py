"""Bufferization of the func dialect (upstream's FuncBufferizableOpInterfaceImpl).

With ``bufferize-function-boundaries``, function signatures take and return
buffers: callees are analyzed first, and what each one reads, writes and
returns (which results are its arguments' buffers) makes calls as precise as
the ops inside. Without it, a function's tensor arguments are read-only values
from outside and its results stay tensors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from xdsl.dialects.builtin import ArrayAttr, FunctionType, IntegerAttr, StringAttr, SymbolRefAttr, i64
from xdsl.ir import BlockArgument, Operation, OpResult

from mlopt.passes.bufferization.bufferize import memref_type_for
from mlopt.passes.bufferization.rebuild import rebuilt
from mlopt.passes.bufferization.interface import BufferizableOpModel, BufferRelation, UnknownOpModel, is_tensor

ACCESS_ATTR = "bufferization.access"
WRITABLE_ATTR = "bufferization.writable"
EQUIVALENT_ARGS_ATTR = "__equivalent_func_args__"


@dataclass
class FunctionFacts:
    """What the analysis of one function body found (upstream's FuncAnalysisState)."""

    read_args: set[int] = field(default_factory=set)
    written_args: set[int] = field(default_factory=set)
    equivalent_arg: dict[int, int] = field(default_factory=dict)
    """result index → the argument whose buffer it is."""
    aliasing_results: dict[int, list[int]] = field(default_factory=dict)
    """argument index → the results that may be its buffer."""


@dataclass
class ModuleFacts:
    functions: dict[Operation, FunctionFacts] = field(default_factory=dict)
    bufferize_boundaries: bool = False


def _arg_attr(func: Operation, index: int, name: str):
    arg_attrs = getattr(func, "arg_attrs", None)
    if arg_attrs is None or index >= len(arg_attrs.data):
        return None
    return arg_attrs.data[index].data.get(name)


def _facts(state) -> ModuleFacts | None:
    facts = state.function_state
    return facts if isinstance(facts, ModuleFacts) else None


def callee_of(call: Operation) -> Operation | None:
    callee = call.properties.get("callee") or call.attributes.get("callee")
    if not isinstance(callee, SymbolRefAttr):
        return None
    module = call
    while module.parent_op() is not None:
        module = module.parent_op()  # type: ignore[assignment]
    from xdsl.traits import SymbolTable

    return SymbolTable.lookup_symbol(module, callee)


class FuncModel(BufferizableOpModel):
    """func.func: arguments are writable buffers unless ``bufferization.writable = false``."""

    supports_unstructured_control_flow = True

    def is_writable(self, op, value, state):
        facts = _facts(state)
        if facts is None or not facts.bufferize_boundaries or not isinstance(value, BlockArgument):
            return False
        writable = _arg_attr(op, value.index, WRITABLE_ATTR)
        return not isinstance(writable, IntegerAttr) or bool(writable.value.data)

    def buffer_type(self, value, bufferizer):
        assert isinstance(value, BlockArgument)
        return memref_type_for(value.type, argument_layout(bufferizer.options.function_boundary_type_conversion))

    def bufferize(self, op, bufferizer):
        if not bufferizer.options.bufferize_function_boundaries:
            return
        block = op.body.blocks.first
        if block is None:
            # A declaration: arguments and results in the boundary layout.
            op.properties["function_type"] = FunctionType.from_lists(
                [boundary_type(t, bufferizer, argument=True) for t in op.function_type.inputs.data],
                [boundary_type(t, bufferizer, argument=False) for t in op.function_type.outputs.data],
            )
            return
        bufferizer.replace_block_arguments(
            block, [self.buffer_type(arg, bufferizer) if is_tensor(arg) else None for arg in block.args]
        )
        op.properties["function_type"] = FunctionType.from_lists(
            [arg.type for arg in block.args], list(op.function_type.outputs.data)
        )


def argument_layout(conversion: str) -> str:
    return "identity-layout-map" if conversion == "identity-layout-map" else "fully-dynamic-layout-map"


def boundary_type(type_, bufferizer, *, argument: bool):
    if not is_tensor(type_):
        return type_
    conversion = bufferizer.options.function_boundary_type_conversion
    layout = argument_layout(conversion) if argument or conversion != "infer-layout-map" else "fully-dynamic-layout-map"
    return memref_type_for(type_, layout)


class ReturnModel(BufferizableOpModel):
    """func.return: reads its operands; with function boundaries the function
    returns their buffers and its result types become theirs."""

    def bufferize(self, op, bufferizer):
        if not bufferizer.options.bufferize_function_boundaries:
            return
        func = op.parent_op()
        assert func is not None
        conversion = bufferizer.options.function_boundary_type_conversion
        operands = []
        for value in op.operands:
            if not is_tensor(value):
                operands.append(value)
                continue
            buffer = bufferizer.get_buffer(value)
            if conversion != "infer-layout-map":
                buffer = bufferizer.cast(buffer, memref_type_for(value.type, argument_layout(conversion)))
            operands.append(buffer)
        func.properties["function_type"] = FunctionType.from_lists(
            list(func.function_type.inputs.data), [v.type for v in operands]  # type: ignore[attr-defined]
        )
        bufferizer.insert(rebuilt(op, operands, []))
        bufferizer.replace(op, [])


class CallModel(BufferizableOpModel):
    """func.call: as precise as the callee's analysis; a callee without a body
    may read and write every argument and return any of them."""

    def _callee_facts(self, op, state) -> FunctionFacts | None:
        facts = _facts(state)
        callee = callee_of(op)
        return facts.functions.get(callee) if facts is not None and callee is not None else None

    def reads(self, op, index, state):
        facts = self._callee_facts(op, state)
        return True if facts is None else index in facts.read_args

    def writes(self, op, index, state):
        facts = self._callee_facts(op, state)
        return True if facts is None else index in facts.written_args

    def aliasing_results(self, op, index, state):
        facts = self._callee_facts(op, state)
        if facts is None:
            return UnknownOpModel().aliasing_results(op, index, state)
        results = facts.aliasing_results.get(index, [])
        equivalent = len(results) == 1 and facts.equivalent_arg.get(results[0]) == index
        relation = BufferRelation.EQUIVALENT if equivalent else BufferRelation.UNKNOWN
        return [(op.results[r], relation) for r in results]

    def buffer_type(self, value, bufferizer):
        callee = callee_of(value.op)  # type: ignore[attr-defined]
        assert isinstance(value, OpResult) and callee is not None
        return callee.function_type.outputs.data[value.index]

    def bufferize(self, op, bufferizer):
        if not bufferizer.options.bufferize_function_boundaries:
            return
        callee = callee_of(op)
        assert callee is not None
        signature = callee.function_type
        operands = [
            bufferizer.cast(bufferizer.get_buffer(v), signature.inputs.data[i]) if is_tensor(v) else v
            for i, v in enumerate(op.operands)
        ]
        new_call = bufferizer.insert(rebuilt(op, operands, list(signature.outputs.data)))
        bufferizer.replace(op, list(new_call.results))


def record_function_facts(func: Operation, state, facts: ModuleFacts, *, annotate: bool) -> None:
    """After analyzing ``func``'s body: what it reads, writes and returns."""
    block = func.body.blocks.first  # type: ignore[attr-defined]
    function = FunctionFacts()
    facts.functions[func] = function
    inputs = func.function_type.inputs.data  # type: ignore[attr-defined]
    for index, type_ in enumerate(inputs):
        if not is_tensor(type_):
            continue
        access = _arg_attr(func, index, ACCESS_ATTR)
        if isinstance(access, StringAttr):
            read, written = access.data in ("read", "read-write"), access.data in ("write", "read-write")
        elif block is None:
            read = written = True  # a declaration: nothing is known
        else:
            read, written = state.is_value_read(block.args[index]), state.is_value_written(block.args[index])
        if annotate:
            _annotate_access(func, index, read, written)
        if read:
            function.read_args.add(index)
        if written:
            function.written_args.add(index)
    if block is None:
        return
    returns = [op for op in func.walk() if op.name == "func.return" and op.parent_op() is func]
    for return_op in returns:
        for position, value in enumerate(return_op.operands):
            if not is_tensor(value):
                continue
            for arg in block.args:
                if not is_tensor(arg):
                    continue
                if state.are_equivalent(value, arg):
                    function.equivalent_arg[position] = arg.index
                    if annotate:
                        _annotate_equivalent_arg(return_op, position, arg.index)
                if state.are_aliasing(value, arg):
                    function.aliasing_results.setdefault(arg.index, []).append(position)


def _annotate_equivalent_arg(return_op: Operation, position: int, arg_index: int) -> None:
    existing = return_op.attributes.get(EQUIVALENT_ARGS_ATTR)
    values = [a.value.data for a in existing.data] if isinstance(existing, ArrayAttr) else [-1] * len(return_op.operands)  # type: ignore[attr-defined]
    values[position] = arg_index
    return_op.attributes[EQUIVALENT_ARGS_ATTR] = ArrayAttr([IntegerAttr(v, i64) for v in values])


def _annotate_access(func: Operation, index: int, read: bool, written: bool) -> None:
    from xdsl.dialects.builtin import DictionaryAttr

    access = "read-write" if read and written else "read" if read else "write" if written else "none"
    arg_attrs = func.arg_attrs  # type: ignore[attr-defined]
    count = len(func.function_type.inputs.data)  # type: ignore[attr-defined]
    entries = [dict(d.data) for d in arg_attrs.data] if arg_attrs is not None else [{} for _ in range(count)]
    entries[index][ACCESS_ATTR] = StringAttr(access)
    func.arg_attrs = ArrayAttr([DictionaryAttr(e) for e in entries])  # type: ignore[attr-defined]


MODELS = {"func.func": FuncModel(), "func.return": ReturnModel(), "func.call": CallModel()}
