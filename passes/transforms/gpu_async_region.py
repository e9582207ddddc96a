"""gpu-async-region: make the GPU ops of a function asynchronous, as
upstream's GpuAsyncRegionPass (its token-threading part).

In each block, the async-capable ops (gpu.alloc, dealloc, memcpy, memset,
launch_func) are chained on one async token, started by a ``gpu.wait async``;
before the block's terminator and before any other op with memory effects
(a host load of a copied buffer, a call) a synchronous ``gpu.wait`` waits for
the chain. The effect is the same as running the ops synchronously, with the
host only waiting where it must.

Unlike upstream, ops that already chain their own tokens are left as they
are, and an op that passes the token on (``scf.yield`` of a loop-carried
token) does not wait for it: explicitly asynchronous code stays asynchronous.
"""

from __future__ import annotations

from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.gpu import AsyncTokenType
from xdsl.ir import Block, Operation, SSAValue
from xdsl.irdl import VarOperandDef, VarResultDef
from xdsl.passes import ModulePass
from xdsl.traits import IsTerminator, is_side_effect_free

from mlopt.diagnostics import DiagnosticError

ASYNC_OPS = frozenset({"gpu.alloc", "gpu.dealloc", "gpu.memcpy", "gpu.memset", "gpu.launch_func"})
"""The ops implementing upstream's AsyncOpInterface (besides gpu.wait)."""


class GpuAsyncRegionPass(ModulePass):
    """Make GPU ops async"""

    name = "gpu-async-region"
    display_name: ClassVar[str] = "GpuAsyncRegionPass"
    anchor: ClassVar[str] = "func.func"

    def apply(self, ctx: Context, op: Operation) -> None:
        blocks = list(op.walk_blocks())
        for block in blocks:
            thread_tokens(block)


def thread_tokens(block: Block) -> None:
    token: SSAValue | None = None
    for op in list(block.ops):
        if op.name == "gpu.launch":
            raise DiagnosticError.at(op, "'gpu.launch' op replace with gpu.launch_func first (run gpu-kernel-outlining)")
        if op.name == "gpu.wait":
            if token is not None:
                op = with_dependency(op, token)
            token = op.results[0] if op.results else None
            continue
        if op.name in ASYNC_OPS:
            if _already_chained(op, token):
                token = op.results[-1]
                continue
            if token is None:
                token = _wait(block, op, async_=True, dependencies=[])
            op = with_dependency(op, token, make_async=True)
            token = op.results[-1]
            continue
        if token is None:
            continue
        if token in op.operands:
            # The op takes the chain over (a loop carrying the token, the
            # scf.yield passing it on): whoever uses its results waits.
            token = None
            continue
        if op.has_trait(IsTerminator) or not is_side_effect_free(op):
            _wait(block, op, async_=False, dependencies=[token])
            token = None


def _already_chained(op: Operation, token: SSAValue | None) -> bool:
    """An op that is async already and depends on the current token (or on
    tokens of its own when there is none) is left as written: upstream would
    add a fresh ``gpu.wait async`` dependency, which only costs a stream."""
    if not op.results or not isinstance(op.results[-1].type, AsyncTokenType):
        return False
    dependencies = [v for v in op.operands if isinstance(v.type, AsyncTokenType)]
    return token in dependencies if token is not None else bool(dependencies)


def _wait(block: Block, before: Operation, *, async_: bool, dependencies: list[SSAValue]) -> SSAValue | None:
    from mlopt.dialects.gpu import WaitOp

    wait = WaitOp.build(operands=[dependencies], result_types=[[AsyncTokenType()] if async_ else []])
    wait.location = before.location
    block.insert_op_before(wait, before)
    return wait.results[0] if async_ else None


def with_dependency(op: Operation, token: SSAValue, *, make_async: bool = False) -> Operation:
    """``op`` rebuilt with ``token`` as its first async dependency (unless it
    is one already) and, when ``make_async``, an async token result; it
    replaces ``op``."""
    definition = type(op).get_irdl_definition()
    operands: list = []
    for name, operand_def in definition.operands:
        value = getattr(op, name)
        if name == "asyncDependencies":
            operands.append(list(value) if token in value else [token, *value])
        elif isinstance(operand_def, VarOperandDef):
            operands.append([] if value is None else list(value) if not isinstance(value, SSAValue) else [value])
        else:
            operands.append(value)
    result_types: list = []
    for name, result_def in definition.results:
        value = getattr(op, name)
        if name == "asyncToken":
            result_types.append([AsyncTokenType()] if make_async or value is not None else [])
        elif isinstance(result_def, VarResultDef):
            result_types.append([] if value is None else [v.type for v in value] if not isinstance(value, SSAValue) else [value.type])
        else:
            result_types.append(value.type)
    properties = {k: v for k, v in op.properties.items() if k != "operandSegmentSizes"}
    attributes = {k: v for k, v in op.attributes.items() if k != "operandSegmentSizes"}
    rebuilt = type(op).build(operands=operands, result_types=result_types, properties=properties, attributes=attributes)
    rebuilt.location = op.location
    block = op.parent_block()
    assert block is not None
    block.insert_op_before(rebuilt, op)
    for old, new in zip(op.results, rebuilt.results):
        old.replace_all_uses_with(new)
        new.name_hint = old.name_hint
    op.detach()
    op.erase()
    return rebuilt
