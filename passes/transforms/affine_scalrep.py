"""affine-scalrep: upstream's AffineScalarReplacement, within a block.

An affine.load reads the value of the last affine.store to the same place (the
same memref, map and operands) or of an identical earlier load, when nothing
between them may write that memref; a store overwritten by a store to the same
place with no read of the memref in between is dead; a local allocation that
is then only stored to goes away with its stores. As in upstream's affine
analysis, distinct memref values are taken not to alias. Accesses to the same
memref stop the search unless their indices differ by a constant (upstream's
dependence analysis proves more accesses independent, across loops too).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from xdsl.context import Context
from xdsl.ir import Block, Operation, SSAValue
from xdsl.ir.affine import AffineMap
from xdsl.passes import ModulePass
from xdsl.traits import is_side_effect_free

_LOAD, _STORE = "affine.load", "affine.store"


def _memref(op: Operation) -> SSAValue:
    return op.operands[0] if op.name == _LOAD else op.operands[1]


def _place(op: Operation) -> tuple:
    """What an access touches: memref, map and index operands."""
    indices = op.operands[1:] if op.name == _LOAD else op.operands[2:]
    return (_memref(op), op.properties["map"], tuple(indices))


def _disjoint(a: tuple, b: tuple) -> bool:
    """Whether two accesses with the same index operands provably touch
    different elements: in some dimension their (linear) indices differ by a
    non-zero constant."""
    (_, map_a, operands_a), (_, map_b, operands_b) = a, b
    map_a, map_b = map_a.data, map_b.data
    if operands_a != operands_b or (map_a.num_dims, map_a.num_symbols) != (map_b.num_dims, map_b.num_symbols):
        return False
    dims, symbols = map_a.num_dims, map_a.num_symbols
    for expr_a, expr_b in zip(map_a.results, map_b.results, strict=True):
        if any(word in str(e) for e in (expr_a, expr_b) for word in ("floordiv", "ceildiv", "mod")):
            continue  # not linear: no constant difference to read off

        def difference(point: list[int]) -> int:
            values = (point[:dims], point[dims:])
            return AffineMap(dims, symbols, (expr_a,)).eval(*values)[0] - AffineMap(dims, symbols, (expr_b,)).eval(*values)[0]

        origin = difference([0] * (dims + symbols))
        unit = [[int(i == j) for j in range(dims + symbols)] for i in range(dims + symbols)]
        if origin != 0 and all(difference(point) == origin for point in unit):
            return True
    return False


def _may_write(op: Operation, place: tuple) -> bool:
    """Whether ``op`` may write the element ``place`` of an access names."""
    if op.name == _LOAD:
        return False
    if op.name == _STORE:
        return _memref(op) is place[0] and not _disjoint(_place(op), place)
    return not is_side_effect_free(op)


def _earlier(op: Operation) -> Iterator[Operation]:
    current = op.prev_op
    while current is not None:
        yield current
        current = current.prev_op


def _later(op: Operation) -> Iterator[Operation]:
    current = op.next_op
    while current is not None:
        yield current
        current = current.next_op


def forwarded_value(load: Operation) -> SSAValue | None:
    """The value ``load`` reads, when an earlier store or load in its block gives it."""
    place = _place(load)
    for op in _earlier(load):
        if op.name in (_LOAD, _STORE) and _place(op) == place:
            return op.operands[0] if op.name == _STORE else op.results[0]
        if _may_write(op, place):
            return None
    return None


def is_dead_store(store: Operation) -> bool:
    """Whether a later store in the block overwrites ``store`` before anything may read it."""
    place = _place(store)
    for op in _later(store):
        if op.name == _STORE and _place(op) == place:
            return True
        if op.name == _LOAD and _memref(op) is place[0]:
            return False
        if op.name != _STORE and not is_side_effect_free(op):
            return False
    return False


def _scalar_replace(block: Block) -> None:
    for op in list(block.ops):
        if op.name == _LOAD and (value := forwarded_value(op)) is not None:
            op.results[0].replace_all_uses_with(value)
            op.detach()
            op.erase()
    for op in list(block.ops):
        if op.name == _STORE and is_dead_store(op):
            op.detach()
            op.erase()


def _erase_store_only_allocations(root: Operation) -> None:
    for alloc in [op for op in root.walk() if op.name in ("memref.alloc", "memref.alloca")]:
        users = [use.operation for use in alloc.results[0].uses]
        if all(u.name == "memref.dealloc" or (u.name == _STORE and u.operands[1] is alloc.results[0]) for u in users):
            for user in users:
                user.detach()
                user.erase()
            alloc.detach()
            alloc.erase()


class AffineScalarReplacement(ModulePass):
    """Replace affine memref accesses by scalars by forwarding stores to loads and eliminating redundant loads"""

    name = "affine-scalrep"
    display_name: ClassVar[str] = "AffineScalarReplacement"
    anchor: ClassVar[str] = "func.func"

    def apply(self, ctx: Context, op: Operation) -> None:
        for block in list(op.walk_blocks()):
            _scalar_replace(block)
        _erase_store_only_allocations(op)
