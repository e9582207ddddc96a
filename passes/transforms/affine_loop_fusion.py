"""affine-loop-fusion: upstream's LoopFusion for nests over the same iteration
space.

Two perfect affine.for nests of a block with the same bounds and steps fuse
into one when every element crosses between them in the same iteration:
- producer-consumer (``mode=producer``): the consumer reads what the producer
  stores, through the same indices; nothing else the producer touches is
  written by the consumer. A local buffer used by the two nests only becomes a
  one-element buffer (upstream's private memref);
- sibling (``mode=sibling``): the nests share an input and neither writes what
  the other touches.
``mode=greedy`` (the default) does producer-consumer fusion, then sibling
fusion. The producer's body runs first in the fused body. Nests whose accesses
differ (shifted or transposed), whose bounds differ, or with effects other
than affine loads and stores are left apart (upstream computes slices for
some of them); ``compute-tolerance``, ``maximal``, ``fast-mem-space`` and
``local-buf-threshold`` do not change what this pass fuses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from xdsl.context import Context
from xdsl.dialects.affine import ForOp
from xdsl.dialects.builtin import AffineMapAttr, MemRefType
from xdsl.ir import Block, Operation, SSAValue
from xdsl.ir.affine import AffineExpr, AffineMap
from xdsl.passes import ModulePass
from xdsl.traits import is_side_effect_free

from mlopt.passes.transforms.affine_loop_tile import perfect_band

_LOAD, _STORE = "affine.load", "affine.store"


@dataclass
class Nest:
    """A perfect band with what its innermost body reads and writes."""

    band: list[ForOp]
    loads: dict[SSAValue, set[tuple]]
    stores: dict[SSAValue, set[tuple]]

    @property
    def touched(self) -> set[SSAValue]:
        return set(self.loads) | set(self.stores)


def _analyze(loop: ForOp) -> Nest | None:
    band = perfect_band(loop)
    if any(l.inits or l.results for l in band):
        return None
    ivs = {l.body.block.args[0]: depth for depth, l in enumerate(band)}
    nest = Nest(band, {}, {})
    for op in band[-1].body.block.ops:
        if op.name in (_LOAD, _STORE):
            memref = op.operands[0] if op.name == _LOAD else op.operands[1]
            indices = op.operands[1:] if op.name == _LOAD else op.operands[2:]
            place = (op.properties["map"], tuple(("iv", ivs[v]) if v in ivs else v for v in indices))
            (nest.loads if op.name == _LOAD else nest.stores).setdefault(memref, set()).add(place)
        elif op.regions or not is_side_effect_free(op):
            return None
    return nest


def _same_space(a: Sequence[ForOp], b: Sequence[ForOp]) -> bool:
    return len(a) == len(b) and all(
        x.lowerBoundMap == y.lowerBoundMap and x.upperBoundMap == y.upperBoundMap and x.step == y.step
        and list(x.operands) == list(y.operands)
        for x, y in zip(a, b)
    )  # fmt: skip


def producer_consumer(producer: Nest, consumer: Nest) -> bool:
    """Whether the consumer reads what the producer stores, element for element."""
    shared = set(producer.stores) & set(consumer.loads)
    if not shared:
        return False
    for memref in shared:
        places = producer.stores[memref] | consumer.loads[memref]
        if len(places) != 1 or memref in producer.loads or memref in consumer.stores:
            return False
    return not (set(consumer.stores) & producer.touched)


def siblings(first: Nest, second: Nest) -> bool:
    """Whether two nests share an input and neither writes what the other touches."""
    if not set(first.loads) & set(second.loads):
        return False
    return not (set(first.stores) & second.touched or set(second.stores) & first.touched)


def _between_is_harmless(first: Operation, second: Operation) -> bool:
    op = first.next_op
    while op is not None and op is not second:
        if not is_side_effect_free(op):
            return False
        op = op.next_op
    return op is second


def fuse(first: Nest, second: Nest) -> None:
    """Moves the first nest's body to the start of the second's innermost body."""
    target = second.band[-1].body.block
    anchor = target.first_op
    assert anchor is not None
    for source_loop, target_loop in zip(first.band, second.band):
        source_loop.body.block.args[0].replace_all_uses_with(target_loop.body.block.args[0])
    source = first.band[-1].body.block
    terminator = source.last_op
    for op in list(source.ops):
        if op is terminator:
            break
        op.detach()
        target.insert_op_before(op, anchor)
    outer = first.band[0]
    outer.detach()
    outer.erase()


def privatize(memref: SSAValue, nest: Nest) -> None:
    """A local buffer only the fused nest uses → one element, at index 0 everywhere."""
    alloc = memref.owner
    if not isinstance(alloc, Operation) or alloc.name != "memref.alloc" or alloc.operands:
        return
    body = nest.band[-1].body.block
    if any(use.operation.parent_block() is not body for use in memref.uses):
        return
    old_type = memref.type
    assert isinstance(old_type, MemRefType)
    new_type = MemRefType(old_type.element_type, [1] * len(old_type.get_shape()))
    new_alloc = type(alloc).create(
        result_types=[new_type], properties=dict(alloc.properties), attributes=dict(alloc.attributes)
    )
    alloc.parent_block().insert_op_before(new_alloc, alloc)  # type: ignore[union-attr]
    zeros = AffineMapAttr(AffineMap(0, 0, tuple(AffineExpr.constant(0) for _ in old_type.get_shape())))
    for use in list(memref.uses):
        access = use.operation
        keep = 1 if access.name == _LOAD else 2
        access.operands = [new_alloc.results[0] if v is memref else v for v in access.operands[:keep]]
        access.properties["map"] = zeros
    alloc.detach()
    alloc.erase()


def _fuse_in_block(block: Block, test, private: bool) -> bool:
    loops = [op for op in block.ops if isinstance(op, ForOp)]
    for first, second in zip(loops, loops[1:]):
        a, b = _analyze(first), _analyze(second)
        if a is None or b is None or not _same_space(a.band, b.band) or not _between_is_harmless(first, second):
            continue
        if not test(a, b):
            continue
        shared = set(a.stores) & set(b.loads)
        fuse(a, b)
        if private:
            for memref in shared:
                privatize(memref, b)
        return True
    return False


@dataclass(frozen=True)
class LoopFusion(ModulePass):
    """Fuse affine loop nests"""

    name = "affine-loop-fusion"
    display_name: ClassVar[str] = "LoopFusion"

    compute_tolerance: float = field(
        default=0.3, metadata={"help": "Fractional increase in additional computation tolerated while fusing"}
    )
    fast_mem_space: int = field(default=0, metadata={"help": "Faster memory space number to promote fusion buffers to"})
    local_buf_threshold: int = field(
        default=0, metadata={"help": "Threshold size (KiB) for promoting local buffers to fast memory space"}
    )
    maximal: bool = field(default=False, metadata={"help": "Enables maximal loop fusion"})
    mode: Literal["greedy", "producer", "sibling"] = field(default="greedy", metadata={"help": "fusion mode to attempt"})

    def apply(self, ctx: Context, op: Operation) -> None:
        blocks = list(op.walk_blocks())
        if self.mode in ("greedy", "producer"):
            for block in blocks:
                while _fuse_in_block(block, producer_consumer, private=True):
                    pass
        if self.mode in ("greedy", "sibling"):
            for block in blocks:
                while _fuse_in_block(block, siblings, private=False):
                    pass
