"""inline: upstream's InlinerPass for func.call of func.func.

The call graph's strongly connected components are visited callees first.
Each component is simplified with its functions' pipelines (``op-pipelines``,
else ``default-pipeline``), then its calls are inlined, up to
``max-iterations`` rounds or until nothing more inlines. A call is not inlined
when the callee is a declaration, recursive (calls itself, or sits in the
caller's component), marked ``no_inline`` (the call or the function), has
several blocks while the call sits in a single-block region of another kind of
op, or is larger than ``inlining-threshold`` percent of the caller. Private
functions left without uses are erased, as upstream's call-graph use list does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import cf
from xdsl.ir import Block, Operation
from xdsl.passes import ModulePass
from xdsl.traits import IsTerminator, SingleBlockImplicitTerminator

from mlopt.passes.transforms.symbol_dce import own_references, visibility

_UNLIMITED = 4294967295


def _functions(root: Operation) -> list[Operation]:
    return [op for op in root.walk() if op.name == "func.func"]


def _calls(function: Operation) -> Iterator[Operation]:
    return (op for op in function.walk() if op.name == "func.call")


def _callee(call: Operation) -> Operation | None:
    """The func.func with a body that ``call`` refers to, if any."""
    from xdsl.utils.symbol_table import SymbolTable as Symbols

    callee = Symbols.lookup_nearest_symbol_from(call, call.properties["callee"])  # type: ignore[arg-type]
    if callee is None or callee.name != "func.func" or not callee.regions[0].blocks:
        return None
    return callee


def components(functions: list[Operation]) -> list[list[Operation]]:
    """Tarjan's strongly connected components of the call graph, callees first."""
    index: dict[Operation, int] = {}
    low: dict[Operation, int] = {}
    stack: list[Operation] = []
    on_stack: set[Operation] = set()
    found: list[list[Operation]] = []
    edges = {f: [c for call in _calls(f) if (c := _callee(call)) is not None] for f in functions}

    def visit(node: Operation) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, []):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member is node:
                    break
            found.append(component)

    for function in functions:
        if function not in index:
            visit(function)
    return found


def _op_count(op: Operation) -> int:
    return sum(1 for region in op.regions for block in region.blocks for inner in block.walk())


@dataclass
class _Inliner:
    threshold: int

    def should_inline(self, call: Operation, callee: Operation, component: list[Operation]) -> bool:
        caller = call.parent_op()
        while caller is not None and caller.name != "func.func":
            caller = caller.parent_op()
        if caller is None or "no_inline" in call.properties or "no_inline" in callee.properties:
            return False
        if callee in component and (len(component) > 1 or callee is caller):
            return False
        if call.has_trait(IsTerminator):
            return False
        body = callee.regions[0]
        parent = call.parent_op()
        if len(body.blocks) > 1 and parent is not None and parent.name != callee.name and _single_block(parent):
            return False
        if self.threshold != _UNLIMITED:
            caller_ops = _op_count(caller)
            if caller_ops and _op_count(callee) * 100 // caller_ops > self.threshold:
                return False
        return True

    def inline(self, call: Operation, callee: Operation) -> None:
        block = call.parent_block()
        assert block is not None
        body = callee.regions[0].clone()
        entry = body.first_block
        for arg, operand in zip(entry.args, call.operands, strict=True):
            arg.replace_all_uses_with(operand)
        if len(body.blocks) == 1:
            returned = _move_before(entry, call)
            call_results = list(call.results)
            for result, value in zip(call_results, returned.operands, strict=True):
                result.replace_all_uses_with(value)
            _drop(returned)
            _drop(call)
            return
        continuation = block.split_before(call, arg_types=[r.type for r in call.results])
        for result, arg in zip(call.results, continuation.args, strict=True):
            result.replace_all_uses_with(arg)
        _drop(call)
        for other in body.blocks:
            terminator = other.last_op
            if terminator is not None and terminator.name == "func.return":
                other.insert_op_before(cf.BranchOp(continuation, *terminator.operands), terminator)
                _drop(terminator)
        rest = list(body.blocks)[1:]
        for moved in entry.ops:
            moved.detach()
            block.add_op(moved)
        region = block.parent
        assert region is not None
        for moved_block in rest:
            body.detach_block(moved_block)
            region.insert_block_before(moved_block, continuation)


def _drop(op: Operation) -> None:
    op.detach()
    op.erase()


def _move_before(entry: Block, anchor: Operation) -> Operation:
    """Moves all of ``entry``'s ops but its terminator before ``anchor``; returns the terminator."""
    terminator = entry.last_op
    assert terminator is not None
    for moved in list(entry.ops):
        if moved is terminator:
            break
        moved.detach()
        anchor.parent_block().insert_op_before(moved, anchor)  # type: ignore[union-attr]
    return terminator


def _single_block(op: Operation) -> bool:
    """Whether ``op``'s regions hold one block only (upstream's SingleBlock trait)."""
    from xdsl.irdl import IRDLOperation, SingleBlockRegionDef

    if op.has_trait(SingleBlockImplicitTerminator):
        return True
    if not isinstance(op, IRDLOperation):
        return False
    return any(isinstance(region, SingleBlockRegionDef) for _, region in op.get_irdl_definition().regions)


@dataclass(frozen=True)
class InlinerPass(ModulePass):
    """Inline function calls"""

    name = "inline"
    display_name: ClassVar[str] = "InlinerPass"

    default_pipeline: str = field(
        default="canonicalize",
        metadata={"help": "The optimizer pipeline used for callables that do not have a dedicated optimizer pipeline in opPipelineList"},
    )
    inlining_threshold: int = field(
        default=_UNLIMITED,
        metadata={"help": "If the ratio between the number of the operations in the callee and the number of the operations in the caller exceeds this value (in percentage), then the callee is not inlined even if it is legal to inline it"},
    )
    max_iterations: int = field(default=4, metadata={"help": "Maximum number of iterations when inlining within an SCC"})
    op_pipelines: tuple[str, ...] = field(
        default=(),
        metadata={"help": "Callable operation specific optimizer pipelines (in the form of `dialect.op(pipeline)`)"},
    )

    def _simplifier(self, ctx: Context) -> Callable[[Operation], None]:
        """Runs a callable's pipeline on it: its entry of ``op-pipelines``, else ``default-pipeline``."""
        from mlopt.passes.bufferization.one_shot_bufferize import registry_of
        from mlopt.pass_runner import PassRunner
        from mlopt.pipeline import PipelineBuilder

        texts = {text.partition("(")[0].strip(): text for text in self.op_pipelines}
        managers = {}

        def simplify(function: Operation) -> None:
            if function.name not in managers:
                default = f"{function.name}({self.default_pipeline})" if self.default_pipeline else None
                text = texts.get(function.name, default)
                managers[function.name] = text and PipelineBuilder(registry_of(ctx)).from_text(text)
            if managers[function.name]:
                PassRunner(ctx, verify_each=False).run(managers[function.name], function)

        return simplify

    def apply(self, ctx: Context, op: Operation) -> None:
        inliner = _Inliner(self.inlining_threshold)
        simplify = self._simplifier(ctx)
        for component in components(_functions(op)):
            for _ in range(max(1, self.max_iterations)):
                for function in component:
                    simplify(function)
                inlined = False
                for function in component:
                    for call in list(_calls(function)):
                        callee = _callee(call)
                        if callee is not None and inliner.should_inline(call, callee, component):
                            inliner.inline(call, callee)
                            inlined = True
                if not inlined:
                    break
        _erase_unused_private_functions(op)


def _erase_unused_private_functions(root: Operation) -> None:
    """Erases private func.func definitions no symbol reference reaches, until none is left."""
    while True:
        used = {ref.root_reference.data for op in root.walk() for ref in own_references(op)}
        dead = [
            f for f in _functions(root)
            if f.regions[0].blocks and visibility(f) == "private" and f.properties["sym_name"].data not in used  # type: ignore[union-attr]
        ]  # fmt: skip
        if not dead:
            return
        for function in dead:
            _drop(function)
