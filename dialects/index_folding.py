"""Constant folding of the index dialect, as upstream's IndexOps.cpp.

``index`` has no fixed width until lowering, so a fold must hold on 32-bit and
64-bit targets alike: an op folds only when its 64-bit result truncated to 32
bits equals the 32-bit result (add, sub, mul and the bitwise ops always agree).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from xdsl.dialect_interfaces.constant_materialization import ConstantMaterializationInterface
from xdsl.dialects.builtin import BoolAttr, IndexType, IntegerAttr, IntegerType
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.traits import ConstantLike, HasFolder

WIDTHS = (64, 32)


def _unsigned(value: int, width: int) -> int:
    return value & ((1 << width) - 1)


def _signed(value: int, width: int) -> int:
    value = _unsigned(value, width)
    return value - (1 << width) if value >> (width - 1) else value


def _ceil_div(n: int, d: int) -> int:
    return -((-n) // d)


def _toward_zero_div(n: int, d: int) -> int:
    quotient = abs(n) // abs(d)
    return quotient if (n < 0) == (d < 0) else -quotient


def _shift(compute: Callable[[int, int, int], int]) -> Callable[[int, int, int], int | None]:
    def shifted(lhs: int, rhs: int, width: int) -> int | None:
        amount = _unsigned(rhs, width)
        return None if amount >= width else compute(lhs, amount, width)

    return shifted


def _nonzero_divisor(compute: Callable[[int, int, int], int]) -> Callable[[int, int, int], int | None]:
    def divided(lhs: int, rhs: int, width: int) -> int | None:
        return None if _unsigned(rhs, width) == 0 else compute(lhs, rhs, width)

    return divided


UNCHECKED = {
    "add": lambda a, b, w: a + b,
    "sub": lambda a, b, w: a - b,
    "mul": lambda a, b, w: a * b,
    "and": lambda a, b, w: _unsigned(a, w) & _unsigned(b, w),
    "or": lambda a, b, w: _unsigned(a, w) | _unsigned(b, w),
    "xor": lambda a, b, w: _unsigned(a, w) ^ _unsigned(b, w),
}
"""Ops whose result truncates the same at any width."""

CHECKED: dict[str, Callable[[int, int, int], int | None]] = {
    "divs": _nonzero_divisor(lambda a, b, w: _toward_zero_div(_signed(a, w), _signed(b, w))),
    "divu": _nonzero_divisor(lambda a, b, w: _unsigned(a, w) // _unsigned(b, w)),
    "ceildivs": _nonzero_divisor(lambda a, b, w: _ceil_div(_signed(a, w), _signed(b, w))),
    "ceildivu": _nonzero_divisor(lambda a, b, w: _ceil_div(_unsigned(a, w), _unsigned(b, w))),
    "floordivs": _nonzero_divisor(lambda a, b, w: _signed(a, w) // _signed(b, w)),
    "rems": _nonzero_divisor(
        lambda a, b, w: _signed(a, w) - _toward_zero_div(_signed(a, w), _signed(b, w)) * _signed(b, w)
    ),
    "remu": _nonzero_divisor(lambda a, b, w: _unsigned(a, w) % _unsigned(b, w)),
    "maxs": lambda a, b, w: max(_signed(a, w), _signed(b, w)),
    "maxu": lambda a, b, w: max(_unsigned(a, w), _unsigned(b, w)),
    "mins": lambda a, b, w: min(_signed(a, w), _signed(b, w)),
    "minu": lambda a, b, w: min(_unsigned(a, w), _unsigned(b, w)),
    "shl": _shift(lambda a, b, w: a << b),
    "shrs": _shift(lambda a, b, w: _signed(a, w) >> b),
    "shru": _shift(lambda a, b, w: _unsigned(a, w) >> b),
}
"""Ops whose 32-bit result may differ from the truncated 64-bit one."""

COMPARISONS: dict[str, Callable[[int, int, int], bool]] = {
    "eq": lambda a, b, w: _unsigned(a, w) == _unsigned(b, w),
    "ne": lambda a, b, w: _unsigned(a, w) != _unsigned(b, w),
    "slt": lambda a, b, w: _signed(a, w) < _signed(b, w),
    "sle": lambda a, b, w: _signed(a, w) <= _signed(b, w),
    "sgt": lambda a, b, w: _signed(a, w) > _signed(b, w),
    "sge": lambda a, b, w: _signed(a, w) >= _signed(b, w),
    "ult": lambda a, b, w: _unsigned(a, w) < _unsigned(b, w),
    "ule": lambda a, b, w: _unsigned(a, w) <= _unsigned(b, w),
    "ugt": lambda a, b, w: _unsigned(a, w) > _unsigned(b, w),
    "uge": lambda a, b, w: _unsigned(a, w) >= _unsigned(b, w),
}

REFLEXIVE_TRUE = frozenset({"eq", "sge", "sle", "uge", "ule"})
"""Predicates that hold when both sides are the same value."""


def constant_integer(value: SSAValue) -> int | None:
    """The integer a constant op defines (index or integer typed), else None."""
    attribute = ConstantLike.get_constant_value(value)
    if isinstance(attribute, IntegerAttr):
        return attribute.value.data
    return None


def _index(value: int) -> IntegerAttr:
    return IntegerAttr(_signed(value, 64), IndexType())


class IndexConstantFolder(HasFolder):
    """index.constant and index.bool.constant fold to their value."""

    @classmethod
    def fold(cls, op: Operation) -> Sequence[SSAValue | Attribute] | None:
        return (op.properties["value"],)


class BinaryFolder(HasFolder):
    """The binary ops: constants, and upstream's identities (x + 0, x * 1, x * 0)."""

    @classmethod
    def fold(cls, op: Operation) -> Sequence[SSAValue | Attribute] | None:
        mnemonic = op.name.removeprefix("index.")
        lhs, rhs = constant_integer(op.lhs), constant_integer(op.rhs)
        if rhs is not None and lhs is None:
            if rhs == 0 and mnemonic in ("add", "sub"):
                return (op.lhs,)
            if rhs == 1 and mnemonic == "mul":
                return (op.lhs,)
            if rhs == 0 and mnemonic == "mul":
                return (_index(0),)
            return None
        if lhs is None or rhs is None:
            return None
        if (compute := UNCHECKED.get(mnemonic)) is not None:
            return (_index(compute(lhs, rhs, 64)),)
        compute = CHECKED[mnemonic]
        results = [compute(lhs, rhs, width) for width in WIDTHS]
        if None in results or _unsigned(results[0], 32) != _unsigned(results[1], 32):
            return None
        return (_index(results[0]),)


def _ranges_of_bound(mnemonic: str, bound: int, width: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """The signed and unsigned ranges of ``mnemonic(x, bound)`` for any x (upstream's
    ConstantIntRanges::fromSigned/fromUnsigned of a max/min)."""
    smin, smax, umax = -(1 << (width - 1)), (1 << (width - 1)) - 1, (1 << width) - 1
    signed_bound, unsigned_bound = _signed(bound, width), _unsigned(bound, width)
    if mnemonic in ("maxs", "mins"):
        signed = (signed_bound, smax) if mnemonic == "maxs" else (smin, signed_bound)
        crosses_sign = signed[0] < 0 <= signed[1]
        unsigned = (0, umax) if crosses_sign else (_unsigned(signed[0], width), _unsigned(signed[1], width))
        return signed, unsigned
    unsigned = (unsigned_bound, umax) if mnemonic == "maxu" else (0, unsigned_bound)
    crosses_sign = unsigned[0] <= smax < unsigned[1]
    signed = (smin, smax) if crosses_sign else (_signed(unsigned[0], width), _signed(unsigned[1], width))
    return signed, unsigned


def _decided(predicate: str, signed: tuple[int, int], unsigned: tuple[int, int], value: int, width: int) -> bool | None:
    """Whether ``predicate(x, value)`` holds for every x in the ranges, for none, or either (None)."""
    if predicate in ("eq", "ne"):
        outside = not signed[0] <= _signed(value, width) <= signed[1] or not unsigned[0] <= _unsigned(value, width) <= unsigned[1]
        single = signed[0] == signed[1] == _signed(value, width)
        equal = True if single else False if outside else None
        return equal if equal is None or predicate == "eq" else not equal
    low, high = signed if predicate.startswith("s") else unsigned
    holds = COMPARISONS[predicate]
    at_low, at_high = holds(low, value, width), holds(high, value, width)
    return at_low if at_low == at_high else None


def _fold_cmp_of_bound(op: Operation, predicate: str, rhs: int | None) -> bool | None:
    """``cmp(maxs/mins/maxu/minu(x, a), b)`` decided by the range of the max/min alone."""
    bound_op = op.lhs.owner
    if rhs is None or not isinstance(bound_op, Operation):
        return None
    mnemonic = bound_op.name.removeprefix("index.")
    if mnemonic not in ("maxs", "mins", "maxu", "minu") or (bound := constant_integer(bound_op.operands[1])) is None:
        return None
    results = {_decided(predicate, *_ranges_of_bound(mnemonic, bound, width), rhs, width) for width in WIDTHS}
    return results.pop() if len(results) == 1 else None


class CmpFolder(HasFolder):
    """index.cmp of two constants (when 32 and 64 bits agree), of a value with
    itself, or of a max/min with a constant bound against a constant."""

    @classmethod
    def fold(cls, op: Operation) -> Sequence[SSAValue | Attribute] | None:
        predicate = op.pred.data.value
        if op.lhs is op.rhs:
            return (BoolAttr.from_bool(predicate in REFLEXIVE_TRUE),)
        lhs, rhs = constant_integer(op.lhs), constant_integer(op.rhs)
        if (decided := _fold_cmp_of_bound(op, predicate, rhs)) is not None:
            return (BoolAttr.from_bool(decided),)
        if lhs is None or rhs is None:
            return None
        results = {COMPARISONS[predicate](lhs, rhs, width) for width in WIDTHS}
        return (BoolAttr.from_bool(results.pop()),) if len(results) == 1 else None


class CastFolder(HasFolder):
    """index.casts / index.castu of an integer constant to index."""

    @classmethod
    def fold(cls, op: Operation) -> Sequence[SSAValue | Attribute] | None:
        source = op.input.type
        value = constant_integer(op.input)
        if value is None or not isinstance(source, IntegerType) or not isinstance(op.output.type, IndexType):
            return None
        width = source.width.data
        extend = _signed if op.name == "index.casts" else _unsigned
        return (_index(extend(value, width)),)


class IndexConstantMaterialization(ConstantMaterializationInterface):
    """Folded index values become index.constant, booleans index.bool.constant."""

    def materialize_constant(self, value: Attribute, type: Attribute) -> Operation | None:
        from mlopt.dialects.index import BoolConstantOp, ConstantOp
        from mlopt.dialects.syntax import build_op

        if isinstance(type, IndexType) and isinstance(value, IntegerAttr):
            return build_op(ConstantOp, result_types=[type], properties={"value": value})
        if isinstance(type, IntegerType) and type.width.data == 1 and isinstance(value, IntegerAttr):
            return build_op(BoolConstantOp, result_types=[type], properties={"value": value})
        return None
