"""Test-case reduction: shrink a module while a test still finds it interesting.

Candidates are made by mutating a clone of the best module so far:

- erase ops, in chunks chosen by delta debugging (halving the chunk size when
  no chunk can go), replacing the results still used with the simplest value
  of their type (``arith.constant 0`` for scalars, ``ub.poison`` otherwise);
- inline the single block of a region into the op's place (``scf.if``,
  ``scf.for``, ``scf.execute_region``, ...), its block arguments becoming
  simple values and the terminator's operands the op's results;
- drop a function's arguments and results, at its calls too;
- simplify types: a value of a shaped type becomes a simple value of the type.

A candidate is only tested when it verifies and is smaller (fewer ops, then
shorter text), so the output is always valid IR and the search terminates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from xdsl.dialects import arith, builtin, func, ub
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.traits import ConstantLike, IsolatedFromAbove, IsTerminator, SymbolOpInterface

from mlopt.asm import print_to_string
from mlopt.verifier import verify, walk_preorder

Mutation = Callable[[Operation], bool]
"""Changes a module in place; False when it does not apply."""


# --------------------------------------------------------------------------- simple values


def simple_value_op(type: Attribute) -> Operation:
    """An op making the simplest value of ``type``."""
    if isinstance(type, builtin.IntegerType | builtin.IndexType):
        return arith.ConstantOp(builtin.IntegerAttr(0, type))
    if isinstance(type, builtin.AnyFloat):
        return arith.ConstantOp(builtin.FloatAttr(0.0, type))
    return ub.PoisonOp(type)


def _is_simple_value(op: Operation) -> bool:
    return op.has_trait(ConstantLike) and len(op.results) == 1 and not op.regions


def _replace_with_simple_values(values: list[SSAValue], before: Operation) -> None:
    """Give the uses of ``values`` simple values, made right before ``before``."""
    block = before.parent_block()
    assert block is not None
    for value in values:
        if value.uses:
            simple = simple_value_op(value.type)
            block.insert_op_before(simple, before)
            value.replace_all_uses_with(simple.results[0])


# --------------------------------------------------------------------------- mutations


def _ops(module: Operation) -> list[Operation]:
    return list(walk_preorder(module))


def erasable(op: Operation, module: Operation) -> bool:
    """Whether erasing ``op`` could make the module smaller and still valid."""
    if op is module or op.has_trait(IsTerminator):
        return False
    # A used constant would only be replaced by another one.
    return not (_is_simple_value(op) and any(result.uses for result in op.results))


def erase_ops(indices: list[int]) -> Mutation:
    """Erase the ops at these preorder positions (what uses their results gets simple values)."""

    def mutate(module: Operation) -> bool:
        ops = _ops(module)
        # Innermost and last first, so every op is still in place when its turn comes.
        for index in sorted(indices, reverse=True):
            op = ops[index]
            if op.parent_block() is None:
                continue
            _replace_with_simple_values(list(op.results), op)
            op.detach()
            op.erase(safe_erase=False)
        return True

    return mutate


def inline_region(index: int, name: str, region_index: int) -> Mutation:
    """Replace the op at ``index`` (named ``name``) by the body of its region ``region_index``."""

    def mutate(module: Operation) -> bool:
        op = _ops(module)[index]
        if op.name != name or region_index >= len(op.regions):
            return False
        region = op.regions[region_index]
        if len(region.blocks) != 1 or op.has_trait(IsolatedFromAbove) or op.parent_block() is None:
            return False
        block = region.blocks.first
        assert block is not None
        _replace_with_simple_values(list(block.args), op)
        terminator = block.last_op if block.last_op is not None and block.last_op.has_trait(IsTerminator) else None
        for inner in list(block.ops):
            if inner is terminator:
                continue
            inner.detach()
            op.parent_block().insert_op_before(inner, op)
        yielded = list(terminator.operands) if terminator is not None else []
        if [value.type for value in yielded] == [result.type for result in op.results]:
            for result, value in zip(op.results, yielded):
                result.replace_all_uses_with(value)
        else:
            _replace_with_simple_values(list(op.results), op)
        op.detach()
        op.erase(safe_erase=False)
        return True

    return mutate


def _function(module: Operation, name: str) -> func.FuncOp:
    return next(op for op in walk_preorder(module) if isinstance(op, func.FuncOp) and op.sym_name.data == name)


def _calls_to(module: Operation, name: str) -> list[func.CallOp]:
    return [op for op in walk_preorder(module) if isinstance(op, func.CallOp) and op.callee.root_reference.data == name]


def _rebuild_call(call: func.CallOp, keep_args: list[int], keep_results: list[int]) -> None:
    arguments = [call.arguments[i] for i in keep_args]
    new_call = func.CallOp(call.callee, arguments, [call.results[i].type for i in keep_results])
    for name, value in call.attributes.items():
        new_call.attributes[name] = value
    dropped = [result for i, result in enumerate(call.results) if i not in keep_results]
    _replace_with_simple_values(dropped, call)
    for new_result, i in zip(new_call.results, keep_results):
        call.results[i].replace_all_uses_with(new_result)
    call.parent_block().insert_op_before(new_call, call)
    call.detach()
    call.erase(safe_erase=False)


def _without(array: builtin.ArrayAttr | None, index: int) -> builtin.ArrayAttr | None:
    if array is None:
        return None
    return builtin.ArrayAttr([item for i, item in enumerate(array.data) if i != index])


def drop_function_argument(name: str, argument: int) -> Mutation:
    def mutate(module: Operation) -> bool:
        function = _function(module, name)
        inputs = list(function.function_type.inputs.data)
        if function.body.blocks:
            entry = function.body.blocks.first
            value = entry.args[argument]
            if value.uses:
                simple = simple_value_op(value.type)
                entry.insert_op_before(simple, entry.first_op) if entry.first_op else entry.add_op(simple)
                value.replace_all_uses_with(simple.results[0])
            entry.erase_arg(value)
        del inputs[argument]
        function.function_type = builtin.FunctionType.from_lists(inputs, list(function.function_type.outputs.data))
        function.arg_attrs = _without(function.arg_attrs, argument)
        outputs = range(len(function.function_type.outputs.data))
        for call in _calls_to(module, name):
            _rebuild_call(call, [i for i in range(len(call.arguments)) if i != argument], list(outputs))
        return True

    return mutate


def drop_function_result(name: str, result: int) -> Mutation:
    def mutate(module: Operation) -> bool:
        function = _function(module, name)
        outputs = list(function.function_type.outputs.data)
        for op in list(function.walk()):
            if isinstance(op, func.ReturnOp) and op.parent_op() is function:
                values = [value for i, value in enumerate(op.operands) if i != result]
                op.parent_block().insert_op_before(func.ReturnOp(*values), op)
                op.detach()
                op.erase(safe_erase=False)
        del outputs[result]
        function.function_type = builtin.FunctionType.from_lists(list(function.function_type.inputs.data), outputs)
        function.res_attrs = _without(function.res_attrs, result)
        for call in _calls_to(module, name):
            _rebuild_call(call, list(range(len(call.arguments))), [i for i in range(len(call.results)) if i != result])
        return True

    return mutate


def simplify_shaped_value(index: int) -> Mutation:
    """The op at ``index`` with a shaped result: its uses take a simple value
    (``ub.poison``) instead, so what computed it can go."""

    def mutate(module: Operation) -> bool:
        op = _ops(module)[index]
        shaped = [r for r in op.results if r.uses and isinstance(r.type, builtin.ShapedType) and not _is_simple_value(op)]
        if not shaped:
            return False
        after = op.next_op
        if after is None:
            return False
        _replace_with_simple_values(shaped, after)
        return True

    return mutate


# --------------------------------------------------------------------------- the search


def _size(module: Operation, text: str) -> tuple[int, int]:
    """What a reduction makes smaller: the ops and block arguments, constants
    not counted (a constant in place of a computed value or an argument is
    simpler), then the text."""
    count = 0
    for op in walk_preorder(module):
        count += 0 if _is_simple_value(op) else 1
        count += sum(len(block.args) for region in op.regions for block in region.blocks)
    return (count, len(text))


def op_count(module: Operation) -> int:
    return sum(1 for _ in walk_preorder(module))


def _erase_dead_simple_values(module: Operation) -> None:
    for op in reversed(list(walk_preorder(module))):
        if _is_simple_value(op) and not op.results[0].uses and op.parent_block() is not None:
            op.detach()
            op.erase()


@dataclass
class Reducer:
    """Keeps the best (smallest interesting) module and tries candidates against it."""

    module: Operation
    context: object
    interesting: Callable[[str], bool]
    progress: Callable[[str], None]

    def __post_init__(self) -> None:
        self.text = print_to_string(self.module, context=self.context)
        self.size = _size(self.module, self.text)
        self.tested = 0

    def attempt(self, mutation: Mutation, what: str) -> bool:
        candidate = self.module.clone()
        try:
            if not mutation(candidate):
                return False
            _erase_dead_simple_values(candidate)
            verify(candidate)
            text = print_to_string(candidate, context=self.context)
        except Exception:  # noqa: BLE001 - a mutation that breaks the IR is just a bad candidate
            return False
        size = _size(candidate, text)
        if size >= self.size:
            return False
        self.tested += 1
        if not self.interesting(text):
            return False
        self.progress(f"{op_count(self.module)} -> {op_count(candidate)} ops ({what}; {self.tested} candidates tested)")
        self.module, self.text, self.size = candidate, text, size
        return True

    def run(self) -> str:
        """Reduce until no strategy makes progress; the reduced module's text."""
        while any([self.erase_ops(), self.inline_regions(), self.drop_function_signature(), self.simplify_types()]):
            pass
        return self.text

    def erase_ops(self) -> bool:
        """Delta debugging over the erasable ops."""
        changed, granularity = False, 2
        while True:
            ops = _ops(self.module)
            indices = [i for i, op in enumerate(ops) if erasable(op, self.module)]
            if not indices:
                return changed
            granularity = min(granularity, len(indices))
            chunks = _split(indices, granularity)
            if any(self.attempt(erase_ops(chunk), f"erased {len(chunk)} op(s)") for chunk in chunks):
                changed = True
                granularity = max(granularity - 1, 2)
            elif granularity >= len(indices):
                return changed
            else:
                granularity = min(granularity * 2, len(indices))

    def inline_regions(self) -> bool:
        changed = False
        for index, region_index, name in self._region_candidates():
            # Positions before ``index`` are unchanged by an inlining at ``index``.
            changed |= self.attempt(inline_region(index, name, region_index), f"inlined a region of {name}")
        return changed

    def _region_candidates(self) -> Iterator[tuple[int, int, str]]:
        ops = _ops(self.module)
        for index in reversed(range(len(ops))):
            op = ops[index]
            if op.regions and not op.has_trait(IsolatedFromAbove) and not op.has_trait(SymbolOpInterface):
                for region_index in range(len(op.regions)):
                    yield index, region_index, op.name

    def drop_function_signature(self) -> bool:
        changed = False
        # Declarations stay as they are: their signature is the callee's, outside the module.
        signatures = [
            (op.sym_name.data, op.function_type)
            for op in walk_preorder(self.module)
            if isinstance(op, func.FuncOp) and op.body.blocks
        ]
        for name, function_type in signatures:
            for result in reversed(range(len(function_type.outputs.data))):
                changed |= self.attempt(drop_function_result(name, result), f"dropped result {result} of @{name}")
            for argument in reversed(range(len(function_type.inputs.data))):
                changed |= self.attempt(drop_function_argument(name, argument), f"dropped argument {argument} of @{name}")
        return changed

    def simplify_types(self) -> bool:
        changed = False
        for index in reversed(range(len(_ops(self.module)))):
            changed |= self.attempt(simplify_shaped_value(index), "replaced a shaped value by ub.poison")
        return changed


def _split(items: list[int], parts: int) -> list[list[int]]:
    size, extra = divmod(len(items), parts)
    chunks, start = [], 0
    for part in range(parts):
        end = start + size + (1 if part < extra else 0)
        chunks.append(items[start:end])
        start = end
    return [chunk for chunk in chunks if chunk]
