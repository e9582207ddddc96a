"""arith-emulate-wide-int: integers twice as wide as the widest supported one
(i64 with ``widest-int-supported=32``) computed with ops on their two halves,
as upstream's WideIntEmulation. A wide value crosses function boundaries as
upstream represents it, ``vector<2xiW>`` (low half first); inside a function
it lives as its two halves.

Emulated: ``arith.constant``, ``addi``, ``subi``, ``muli``, ``andi``,
``ori``, ``xori``, ``shli``, ``shrui``, ``shrsi``, ``cmpi``, ``select``,
``maxsi``/``maxui``/``minsi``/``minui``, ``extsi``/``extui`` into the wide
type, ``trunci`` out of it, and ``func.func``/``func.call``/``func.return``
signatures. Wide scalars only: any other op on a wide value (a vector of wide
integers, an integer wider still) is upstream's error at that op, ``failed to
legalize operation '...' that was explicitly marked illegal``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith as xarith
from xdsl.dialects import func
from xdsl.dialects.builtin import FunctionType, IntegerAttr, IntegerType, ModuleOp, VectorType, i1
from xdsl.ir import Attribute, Block, Operation, OpResult, SSAValue
from xdsl.passes import ModulePass
from xdsl.rewriter import InsertPoint, Rewriter

from mlopt.diagnostics import DiagnosticError
from mlopt.passes.transforms.arith_expand import CMPI_PREDICATES

Halves = tuple[SSAValue, SSAValue]


def _illegal(op: Operation) -> DiagnosticError:
    return DiagnosticError.at(op, f"failed to legalize operation '{op.name}' that was explicitly marked illegal")


_UNSIGNED_PREDICATE = {"slt": "ult", "sle": "ule", "sgt": "ugt", "sge": "uge"}
_MIN_MAX_PREDICATE = {"arith.maxsi": "sgt", "arith.maxui": "ugt", "arith.minsi": "slt", "arith.minui": "ult"}
_BITWISE = {"arith.andi": xarith.AndIOp, "arith.ori": xarith.OrIOp, "arith.xori": xarith.XOrIOp}


class WideIntEmulator:
    """Rewrites functions so that no integer wider than ``widest`` bits remains."""

    def __init__(self, widest: int):
        self.half = IntegerType(widest)
        self.wide = IntegerType(2 * widest)
        self.pair = VectorType(self.half, [2])

    # Types ------------------------------------------------------------------

    def is_wide(self, type_: Attribute) -> bool:
        return isinstance(type_, IntegerType) and type_.width.data > self.half.width.data

    def converted(self, type_: Attribute, where: Operation) -> Attribute:
        if type_ == self.wide:
            return self.pair
        if self.is_wide(type_) or (isinstance(type_, VectorType) and self.is_wide(type_.element_type)):
            raise _illegal(where)
        return type_

    def convert_signature(self, function: func.FuncOp) -> None:
        inputs = [self.converted(t, function) for t in function.function_type.inputs.data]
        outputs = [self.converted(t, function) for t in function.function_type.outputs.data]
        function.function_type = FunctionType.from_lists(inputs, outputs)

    # A function's body ------------------------------------------------------

    def emulate_body(self, function: func.FuncOp, *, keep_signature: bool) -> None:
        """Emulate the wide ops of ``function``; ``keep_signature``: wide
        arguments and results stay wide, bridged by ``llvm.bitcast`` (as
        upstream's test pass)."""
        if not function.body.blocks:
            return
        halves: dict[SSAValue, Halves] = {}
        original_ops = list(function.body.walk())
        self._split_arguments(function.body.blocks[0], halves, keep_signature)
        replaced: list[Operation] = []
        for op in original_ops:
            if any(self.is_wide(t) for t in op.result_types) or any(
                value in halves or self.is_wide(value.type) for value in op.operands
            ):
                self._emulate(op, halves, keep_signature)
                replaced.append(op)
            elif any(isinstance(t, VectorType) and self.is_wide(t.element_type) for t in (*op.operand_types, *op.result_types)):
                raise _illegal(op)
        for op in reversed(replaced):
            op.detach()
            op.erase()

    def _split_arguments(self, entry: Block, halves: dict[SSAValue, Halves], keep_signature: bool) -> None:
        for block in entry.parent.blocks:
            for argument in block.args:
                if self.is_wide(argument.type) and (block is not entry or argument.type != self.wide):
                    raise _illegal(entry.parent.parent)
        builder = _Builder(self, InsertPoint.at_start(entry))
        for argument in entry.args:
            if argument.type != self.wide:
                continue
            if keep_signature:
                halves[argument] = builder.unpack(builder.bitcast(argument, self.pair))
            else:
                pair = Rewriter.replace_value_with_new_type(argument, self.pair)
                halves[pair] = builder.unpack(pair)

    def _emulate(self, op: Operation, halves: dict[SSAValue, Halves], keep_signature: bool) -> None:
        build = _Builder(self, InsertPoint.before(op))

        def operand(index: int) -> Halves:
            value = op.operands[index]
            if value not in halves:
                raise _illegal(op)
            return halves[value]

        def produce(*results: Halves) -> None:
            for result, pair in zip(op.results, results):
                halves[result] = pair

        def replace_narrow(value: SSAValue) -> None:
            op.results[0].replace_all_uses_with(value)

        name = op.name
        if name == "arith.constant" and op.result_types[0] == self.wide:
            value = op.properties["value"].value.data % (1 << self.wide.width.data)
            width = self.half.width.data
            produce((build.constant(value & ((1 << width) - 1)), build.constant(value >> width)))
        elif name in ("arith.addi", "arith.subi"):
            produce(build.add_or_sub(name == "arith.addi", operand(0), operand(1)))
        elif name == "arith.muli":
            produce(build.multiply(operand(0), operand(1)))
        elif name in _BITWISE:
            (a_low, a_high), (b_low, b_high) = operand(0), operand(1)
            produce((build.binary(_BITWISE[name], a_low, b_low), build.binary(_BITWISE[name], a_high, b_high)))
        elif name in ("arith.shli", "arith.shrui", "arith.shrsi"):
            produce(build.shift(name, operand(0), operand(1)[0]))
        elif name == "arith.cmpi":
            predicate = CMPI_PREDICATES[op.properties["predicate"].value.data]
            replace_narrow(build.compare(predicate, operand(0), operand(1)))
        elif name in _MIN_MAX_PREDICATE:
            a, b = operand(0), operand(1)
            produce(build.select_halves(build.compare(_MIN_MAX_PREDICATE[name], a, b), a, b))
        elif name == "arith.select" and op.operand_types[0] == i1:
            produce(build.select_halves(op.operands[0], operand(1), operand(2)))
        elif name in ("arith.extsi", "arith.extui") and op.result_types[0] == self.wide and not self.is_wide(op.operand_types[0]):
            produce(build.extend(op.operands[0], signed=name == "arith.extsi"))
        elif name == "arith.trunci" and op.operand_types[0] == self.wide and not self.is_wide(op.result_types[0]):
            replace_narrow(build.truncate(operand(0)[0], op.result_types[0]))
        elif name == "func.return":
            values = [self._boundary_value(build, value, halves, keep_signature, op) for value in op.operands]
            build.insert(func.ReturnOp(*values))
        elif name == "func.call":
            arguments = [self._boundary_value(build, value, halves, keep_signature, op) for value in op.operands]
            result_types = [self.converted(t, op) if not keep_signature else t for t in op.result_types]
            call = build.insert(func.CallOp(op.properties["callee"], arguments, result_types))
            for old, new in zip(op.results, call.results):
                if old.type != self.wide:
                    old.replace_all_uses_with(new)
                else:
                    halves[old] = build.unpack(new if not keep_signature else build.bitcast(new, self.pair))
        else:
            raise _illegal(op)

    def _boundary_value(
        self, build: _Builder, value: SSAValue, halves: dict[SSAValue, Halves], keep_signature: bool, op: Operation
    ) -> SSAValue:
        """``value`` as it leaves the function: a packed pair (or, keeping
        the signature, the wide integer again)."""
        if value.type != self.wide:
            return value
        if value not in halves:
            raise _illegal(op)
        pair = _unpacked_from(*halves[value]) or build.pack(*halves[value])
        return build.bitcast(pair, self.wide) if keep_signature else pair


def _unpacked_from(low: SSAValue, high: SSAValue) -> SSAValue | None:
    """The pair ``low`` and ``high`` were extracted from, if they were."""
    sources = []
    for index, half in enumerate((low, high)):
        if not isinstance(half, OpResult) or half.op.name != "vector.extract":
            return None
        if list(half.op.properties["static_position"].get_values()) != [index]:
            return None
        sources.append(half.op.operands[0])
    return sources[0] if sources[0] is sources[1] else None


class _Builder:
    """Inserts half-width ops at ``point``."""

    def __init__(self, emulator: WideIntEmulator, point: InsertPoint):
        self.half = emulator.half
        self.pair = emulator.pair
        self.point = point

    def insert(self, op: Operation) -> Operation:
        Rewriter.insert_op(op, self.point)
        return op

    def emit(self, op: Operation) -> SSAValue:
        return self.insert(op).results[0]

    def constant(self, value: int, type_: Attribute | None = None) -> SSAValue:
        return self.emit(xarith.ConstantOp(IntegerAttr(value, type_ or self.half)))

    def binary(self, op_class: type[Operation], a: SSAValue, b: SSAValue) -> SSAValue:
        return self.emit(op_class(a, b))

    def cmpi(self, predicate: str, a: SSAValue, b: SSAValue) -> SSAValue:
        from mlopt.dialects.arith import CmpiOp

        return self.emit(
            CmpiOp.create(
                operands=[a, b],
                result_types=[i1],
                properties={"predicate": IntegerAttr(CMPI_PREDICATES.index(predicate), 64)},
            )
        )

    def select(self, condition: SSAValue, if_true: SSAValue, if_false: SSAValue) -> SSAValue:
        from mlopt.dialects.arith import SelectOp

        return self.emit(SelectOp(condition, if_true, if_false))

    def select_halves(self, condition: SSAValue, a: Halves, b: Halves) -> Halves:
        return self.select(condition, a[0], b[0]), self.select(condition, a[1], b[1])

    def bitcast(self, value: SSAValue, type_: Attribute) -> SSAValue:
        from xdsl.dialects.llvm import BitcastOp

        return self.emit(BitcastOp(value, type_))

    def pack(self, low: SSAValue, high: SSAValue) -> SSAValue:
        from mlopt.dialects.vector import FromElementsOp

        return self.emit(FromElementsOp.create(operands=[low, high], result_types=[self.pair]))

    def unpack(self, pair: SSAValue) -> Halves:
        from mlopt.dialects.vector import ExtractOp

        low, high = (self.emit(ExtractOp(pair, [index], self.half)) for index in (0, 1))
        return low, high

    def add_or_sub(self, add: bool, a: Halves, b: Halves) -> Halves:
        """The low halves' carry (or borrow) goes into the high half."""
        from mlopt.dialects.arith import ExtUIOp

        if add:
            low = self.binary(xarith.AddiOp, a[0], b[0])
            carry = self.emit(ExtUIOp(self.cmpi("ult", low, a[0]), self.half))
            high = self.binary(xarith.AddiOp, self.binary(xarith.AddiOp, a[1], b[1]), carry)
        else:
            low = self.binary(xarith.SubiOp, a[0], b[0])
            borrow = self.emit(ExtUIOp(self.cmpi("ult", a[0], b[0]), self.half))
            high = self.binary(xarith.SubiOp, self.binary(xarith.SubiOp, a[1], b[1]), borrow)
        return low, high

    def multiply(self, a: Halves, b: Halves) -> Halves:
        """(a_h·2^W + a_l)(b_h·2^W + b_l) mod 2^2W: the full product of the low
        halves plus the low halves of the cross products, shifted."""
        product = self.insert(xarith.MulUIExtendedOp(a[0], b[0]))
        low, carried = product.results
        cross = self.binary(xarith.AddiOp, self.binary(xarith.MuliOp, a[0], b[1]), self.binary(xarith.MuliOp, a[1], b[0]))
        return low, self.binary(xarith.AddiOp, carried, cross)

    def shift(self, name: str, value: Halves, amount: SSAValue) -> Halves:
        """A shift by ``amount`` (below twice the width): by less than the
        half width the halves exchange the bits crossing the middle; by more,
        one half moves into the other. A shift by the full half width or more
        is poison in LLVM, so each such candidate is selected away."""
        width = self.half.width.data
        low, high = value
        half_width = self.constant(width)
        zero = self.constant(0)
        within = self.cmpi("ult", amount, half_width)
        unshifted = self.cmpi("eq", amount, zero)
        crossing_amount = self.binary(xarith.SubiOp, half_width, amount)
        beyond_amount = self.binary(xarith.SubiOp, amount, half_width)
        if name == "arith.shli":
            crossing = self.select(unshifted, zero, self.binary(xarith.ShRUIOp, low, crossing_amount))
            near = (
                self.binary(xarith.ShLIOp, low, amount),
                self.binary(xarith.OrIOp, self.binary(xarith.ShLIOp, high, amount), crossing),
            )
            far = (zero, self.binary(xarith.ShLIOp, low, beyond_amount))
        else:
            arithmetic = name == "arith.shrsi"
            shift_right = xarith.ShRSIOp if arithmetic else xarith.ShRUIOp
            crossing = self.select(unshifted, zero, self.binary(xarith.ShLIOp, high, crossing_amount))
            near = (
                self.binary(xarith.OrIOp, self.binary(xarith.ShRUIOp, low, amount), crossing),
                self.binary(shift_right, high, amount),
            )
            sign = self.binary(xarith.ShRSIOp, high, self.constant(width - 1)) if arithmetic else zero
            far = (self.binary(shift_right, high, beyond_amount), sign)
        return self.select_halves(within, near, far)

    def compare(self, predicate: str, a: Halves, b: Halves) -> SSAValue:
        """The high halves decide (with the predicate's signedness) unless
        equal; then the low halves do, unsigned."""
        if predicate in ("eq", "ne"):
            combine = xarith.AndIOp if predicate == "eq" else xarith.OrIOp
            return self.binary(combine, self.cmpi(predicate, a[0], b[0]), self.cmpi(predicate, a[1], b[1]))
        high_equal = self.cmpi("eq", a[1], b[1])
        by_low = self.cmpi(_UNSIGNED_PREDICATE.get(predicate, predicate), a[0], b[0])
        by_high = self.cmpi(predicate, a[1], b[1])
        return self.select(high_equal, by_low, by_high)

    def extend(self, value: SSAValue, *, signed: bool) -> Halves:
        from mlopt.dialects.arith import ExtSIOp, ExtUIOp

        low = value
        if value.type != self.half:
            low = self.emit((ExtSIOp if signed else ExtUIOp)(value, self.half))
        if signed:
            return low, self.binary(xarith.ShRSIOp, low, self.constant(self.half.width.data - 1))
        return low, self.constant(0)

    def truncate(self, low: SSAValue, type_: Attribute) -> SSAValue:
        from mlopt.dialects.arith import TruncIOp

        return low if type_ == self.half else self.emit(TruncIOp(low, type_))


def check_widest_int_supported(widest: int, where: Operation) -> None:
    if widest < 2 or widest & (widest - 1):
        raise DiagnosticError.at(where, f"widest-int-supported must be a power of two, at least 2 (got {widest})")


@dataclass(frozen=True)
class ArithEmulateWideIntPass(ModulePass):
    """Emulate 2*N-bit integer operations using N-bit operations"""

    name = "arith-emulate-wide-int"
    display_name: ClassVar[str] = "ArithEmulateWideInt"
    anchor: ClassVar[str] = "builtin.module"

    widest_int_supported: int = field(default=32, metadata={"help": "Widest integer type supported by the target"})

    def apply(self, ctx: Context, op: Operation) -> None:
        assert isinstance(op, ModuleOp)
        check_widest_int_supported(self.widest_int_supported, op)
        emulator = WideIntEmulator(self.widest_int_supported)
        for function in [f for f in op.walk() if isinstance(f, func.FuncOp)]:
            emulator.emulate_body(function, keep_signature=False)
            emulator.convert_signature(function)
