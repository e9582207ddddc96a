"""The llvm dialect as upstream MLIR 22 writes it: xDSL's llvm dialect plus the
ops and syntax that upstream's conversions emit and xDSL lacks.

xDSL's classes are used where they parse and print upstream's syntax; the
others are subclassed (same op name, fixed syntax or constraints) or added
here. Intrinsics (``llvm.intr.*``) share one generic definition: operands,
an optional result, the properties upstream gives them, and upstream's
custom syntax ``llvm.intr.NAME(%a, %b) : (T, T) -> T`` or its generic form.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.dialects import llvm as xllvm
from xdsl.dialects.builtin import I1, AnyFloatConstr, DenseArrayBase, IntAttr, IntegerAttr, IntegerType, UnitAttr, VectorType, i32
from xdsl.ir import Attribute, Block, Operation, ParametrizedAttribute, SSAValue
from xdsl.irdl import (
    AnyAttr,
    base,
    irdl_attr_definition,
    AttrSizedOperandSegments,
    IRDLOperation,
    ParsePropInAttrDict,
    VarConstraint,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    opt_result_def,
    prop_def,
    result_def,
    successor_def,
    traits_def,
    var_operand_def,
    var_successor_def,
)
from xdsl.parser import AttrParser, Parser, UnresolvedOperand
from xdsl.printer import Printer
from xdsl.traits import IsTerminator, NoMemoryEffect, Pure
from xdsl.utils.exceptions import VerifyException

from mlopt.dialects.extension import extend_op, replace_ops

# --------------------------------------------------------------------------- values


@irdl_op_definition
class PoisonOp(IRDLOperation):
    """``llvm.mlir.poison : T``: a poison value of any LLVM type."""

    name = "llvm.mlir.poison"
    res = result_def()
    traits = traits_def(NoMemoryEffect())
    assembly_format = "attr-dict `:` type($res)"

    def __init__(self, result_type: Attribute):
        super().__init__(result_types=[result_type])


@irdl_op_definition
class FreezeOp(IRDLOperation):
    name = "llvm.freeze"
    T: ClassVar = VarConstraint("T", AnyAttr())
    val = operand_def(T)
    res = result_def(T)
    traits = traits_def(NoMemoryEffect())
    assembly_format = "$val attr-dict `:` type($val)"


@irdl_op_definition
class ExtractElementOp(IRDLOperation):
    """``llvm.extractelement %vec[%pos : i32] : vector<4xf32>``"""

    name = "llvm.extractelement"
    vector = operand_def(VectorType)
    position = operand_def(IntegerType)
    res = result_def()
    traits = traits_def(Pure())

    def __init__(self, vector: SSAValue | Operation, position: SSAValue | Operation):
        vector_type = SSAValue.get(vector).type
        assert isinstance(vector_type, VectorType)
        super().__init__(operands=[vector, position], result_types=[vector_type.element_type])

    @classmethod
    def parse(cls, parser: Parser) -> ExtractElementOp:
        vector = parser.parse_unresolved_operand()
        parser.parse_punctuation("[")
        position = parser.parse_unresolved_operand()
        parser.parse_punctuation(":")
        position_type = parser.parse_type()
        parser.parse_punctuation("]")
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        vector_type = parser.parse_type()
        if not isinstance(vector_type, VectorType):
            parser.raise_error("expected a vector type")
        op = cls(parser.resolve_operand(vector, vector_type), parser.resolve_operand(position, position_type))
        op.attributes.update(attributes)
        return op

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_ssa_value(self.vector)
        printer.print_string("[")
        printer.print_ssa_value(self.position)
        printer.print_string(" : ")
        printer.print_attribute(self.position.type)
        printer.print_string("]")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.vector.type)


def _print_constant(self, printer: Printer) -> None:
    # Upstream prints the value attribute whole: ``(0 : index) : i64``.
    with printer.in_parens():
        printer.print_attribute(self.value)
    printer.print_string(" : ")
    printer.print_attribute(self.result.type)


ConstantOp = extend_op(
    xllvm.ConstantOp, constraints={"value": AnyAttr()}, methods={"print": _print_constant}
)
"""xDSL's constant, printed like upstream and taking any value attribute
(strings for character arrays, dense elements for aggregates)."""


# --------------------------------------------------------------------------- memory

GEP_NO_WRAP_FLAGS = {"inbounds": 3, "nusw": 2, "nuw": 4}
"""Upstream's GEPNoWrapFlags keywords; ``inbounds`` implies ``nusw``."""
GEP_INBOUNDS_FLAG = 1


def gep_no_wrap_flags(op: Operation) -> int:
    """The no-wrap flags of a GEP, counting xDSL's ``inbounds`` unit property."""
    flags = op.properties.get("noWrapFlags")
    value = flags.value.data if isinstance(flags, IntegerAttr) else 0
    if op.properties.get("inbounds") is not None:
        value |= GEP_NO_WRAP_FLAGS["inbounds"]
    return value


def gep_flag_keywords(flags: int) -> list[str]:
    """Upstream's spelling: ``inbounds|nuw``; ``nusw`` only without ``inbounds``."""
    words = []
    if flags & GEP_INBOUNDS_FLAG:
        words.append("inbounds")
    elif flags & GEP_NO_WRAP_FLAGS["nusw"]:
        words.append("nusw")
    if flags & GEP_NO_WRAP_FLAGS["nuw"]:
        words.append("nuw")
    return words


def _parse_gep(cls, parser: Parser):
    flags = 0
    while (word := _optional_keyword(parser, GEP_NO_WRAP_FLAGS)) is not None:
        flags |= GEP_NO_WRAP_FLAGS[word]
        if parser.parse_optional_punctuation("|") is None:
            break
    op = xllvm.GEPOp.parse.__func__(cls, parser)
    op.properties["noWrapFlags"] = IntegerAttr(flags, i32)
    return op


def _optional_keyword(parser: Parser, words) -> str | None:
    for word in words:
        if parser.parse_optional_keyword(word) is not None:
            return word
    return None


def _print_gep(self, printer: Printer) -> None:
    words = gep_flag_keywords(gep_no_wrap_flags(self))
    if words:
        printer.print_string(" " + "|".join(words))
    inbounds = self.properties.pop("inbounds", None)
    try:
        xllvm.GEPOp.print(self, printer)
    finally:
        if inbounds is not None:
            self.properties["inbounds"] = inbounds


GEPOp = extend_op(
    xllvm.GEPOp,
    methods={"parse": classmethod(_parse_gep), "print": _print_gep},
    constraints={
        "ssa_indices": base(IntegerType) | VectorType.constr(base(IntegerType)),
        "result": base(xllvm.LLVMPointerType) | VectorType.constr(base(xllvm.LLVMPointerType)),
    },
)
"""xDSL's GEP with upstream's no-wrap flags (``inbounds|nuw``), also with a
vector of indices into a vector of pointers (what a gather addresses)."""


def _parse_global(cls, parser: Parser):
    op = xllvm.GlobalOp.parse.__func__(cls, parser)
    if op.properties.get("unnamed_addr") is None:
        op.properties["unnamed_addr"] = IntegerAttr(0, 64)
    return op


GlobalOp = extend_op(xllvm.GlobalOp, methods={"parse": classmethod(_parse_global)})
"""xDSL's global, parsed as upstream parses it: without a keyword, ``unnamed_addr`` is 0
(none), so the generic form says so too."""


# --------------------------------------------------------------------------- casts


@irdl_op_definition
class FPToSIOp(xllvm.GenericCastOp):
    name = "llvm.fptosi"


@irdl_op_definition
class FPToUIOp(xllvm.GenericCastOp):
    name = "llvm.fptoui"


@irdl_op_definition
class UIToFPOp(xllvm.GenericCastOp):
    name = "llvm.uitofp"


@irdl_op_definition
class AddrSpaceCastOp(xllvm.GenericCastOp):
    name = "llvm.addrspacecast"


# --------------------------------------------------------------------------- control flow


@irdl_op_definition
class SwitchOp(IRDLOperation):
    """``llvm.switch %v : i32, ^default(%a : i64) [ 1: ^bb1, 5: ^bb2(%b : i64) ]``"""

    name = "llvm.switch"
    value = operand_def(IntegerType)
    default_operands = var_operand_def()
    case_operands = var_operand_def()
    case_values = opt_prop_def(Attribute)
    case_operand_segments = prop_def(DenseArrayBase)
    branch_weights = opt_prop_def(DenseArrayBase)
    default_destination = successor_def()
    case_destinations = var_successor_def()
    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    traits = traits_def(IsTerminator(), Pure())

    def __init__(
        self,
        value: SSAValue | Operation,
        default_destination: Block,
        default_operands: Sequence[SSAValue | Operation],
        case_values: Sequence[int],
        case_destinations: Sequence[Block],
        case_operands: Sequence[Sequence[SSAValue | Operation]],
    ):
        value_type = SSAValue.get(value).type
        properties: dict[str, Attribute] = {
            "case_operand_segments": DenseArrayBase.from_list(i32, [len(ops) for ops in case_operands]),
        }
        if case_values:
            properties["case_values"] = _dense_case_values(case_values, value_type)
        super().__init__(
            operands=[value, default_operands, [o for ops in case_operands for o in ops]],
            successors=[default_destination, case_destinations],
            properties=properties,
        )

    def case_value_list(self) -> list[int]:
        if self.case_values is None:
            return []
        return [int(v) for v in _dense_values(self.case_values)]

    def case_operand_groups(self) -> list[Sequence[SSAValue]]:
        groups, start = [], 0
        for size in self.case_operand_segments.get_values():
            groups.append(self.case_operands[start : start + size])
            start += size
        return groups

    @classmethod
    def parse(cls, parser: Parser) -> SwitchOp:
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(":")
        value_type = parser.parse_type()
        parser.parse_punctuation(",")
        default_block, default_operands = _parse_successor_with_operands(parser)
        case_values: list[int] = []
        case_blocks: list[Block] = []
        case_operands: list[list[SSAValue]] = []
        parser.parse_punctuation("[")
        if parser.parse_optional_punctuation("]") is None:
            while True:
                case_values.append(parser.parse_integer())
                parser.parse_punctuation(":")
                block, operands = _parse_successor_with_operands(parser)
                case_blocks.append(block)
                case_operands.append(operands)
                if parser.parse_optional_punctuation(",") is None:
                    break
            parser.parse_punctuation("]")
        attributes = parser.parse_optional_attr_dict()
        op = cls(
            parser.resolve_operand(value, value_type),
            default_block,
            default_operands,
            case_values,
            case_blocks,
            case_operands,
        )
        op.attributes.update(attributes)
        return op

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_ssa_value(self.value)
        printer.print_string(" : ")
        printer.print_attribute(self.value.type)
        printer.print_string(", ")
        _print_successor_with_operands(printer, self.default_destination, self.default_operands)
        printer.print_string(" [")
        cases = list(zip(self.case_value_list(), self.case_destinations, self.case_operand_groups()))
        if cases:
            with printer.indented():
                for index, (value, block, operands) in enumerate(cases):
                    printer.print_string("\n" if index == 0 else ",\n")
                    printer.print_string(f"{value}: ")
                    _print_successor_with_operands(printer, block, operands)
            printer.print_string("\n")
        printer.print_string("]")
        printer.print_op_attributes(self.attributes, reserved_attr_names=())


def _dense_case_values(values: Sequence[int], value_type: Attribute) -> Attribute:
    from xdsl.dialects.builtin import DenseIntOrFPElementsAttr

    return DenseIntOrFPElementsAttr.from_list(VectorType(value_type, [len(values)]), list(values))


def _dense_values(attr: Attribute) -> list:
    get_values = getattr(attr, "get_values", None)
    if get_values is not None:
        return list(get_values())
    raise ValueError(f"expected dense case values, got {attr}")


def _parse_successor_with_operands(parser: Parser) -> tuple[Block, list[SSAValue]]:
    block = parser.parse_successor()
    operands: list[SSAValue] = []
    if parser.parse_optional_punctuation("(") is not None:
        unresolved: list[UnresolvedOperand] = parser.parse_comma_separated_list(
            parser.Delimiter.NONE, parser.parse_unresolved_operand
        )
        parser.parse_punctuation(":")
        types = parser.parse_comma_separated_list(parser.Delimiter.NONE, parser.parse_type)
        parser.parse_punctuation(")")
        operands = parser.resolve_operands(unresolved, types, parser.pos)
    return block, operands


def _print_successor_with_operands(printer: Printer, block: Block, operands: Sequence[SSAValue]) -> None:
    printer.print_block_name(block)
    if operands:
        printer.print_string("(")
        printer.print_list(operands, printer.print_ssa_value)
        printer.print_string(" : ")
        printer.print_list([o.type for o in operands], printer.print_attribute)
        printer.print_string(")")


# --------------------------------------------------------------------------- intrinsics


INTRINSIC_CUSTOM_FORMAT = "`(` $args `)` attr-dict `:` functional-type($args, results)"


def intrinsic(
    name: str,
    *,
    custom: bool = True,
    properties: Sequence[str] = (),
    fastmath: bool = False,
    pure: bool = True,
) -> type[IRDLOperation]:
    """An ``llvm.intr.NAME`` op: any operands, at most one result, the given
    properties (upstream's names), upstream's custom syntax or generic form."""
    fields: dict[str, object] = {
        "name": f"llvm.intr.{name}",
        "args": var_operand_def(),
        "res": opt_result_def(),
        "irdl_options": (ParsePropInAttrDict(),),
        "traits": traits_def(Pure()) if pure else traits_def(),
        "__doc__": f"The LLVM intrinsic llvm.{name}.",
    }
    for prop in properties:
        fields[prop] = opt_prop_def(Attribute)
    if fastmath:
        fields["fastmathFlags"] = prop_def(xllvm.FastMathAttr, default_value=xllvm.FastMathAttr(None))
    if custom:
        fields["assembly_format"] = INTRINSIC_CUSTOM_FORMAT
    class_name = "".join(part.capitalize() for part in name.replace(".", "_").split("_")) + "IntrOp"
    return irdl_op_definition(type(class_name, (IRDLOperation,), fields))


_FLOAT_UNARY = (
    "log10", "exp10", "tan", "tanh", "asin", "acos", "atan", "sinh", "cosh", "round", "roundeven",
    "trunc", "rint", "nearbyint",
)
_FLOAT_BINARY = ("maximum", "minimum", "atan2", "powi")
_INT_OPS = ("smax", "smin", "umax", "umin", "ctpop", "bitreverse", "bswap", "fshl", "fshr")
_FP_TO_INT = ("lround", "llround", "lrint", "llrint")
_CUSTOM_REDUCTIONS = ("vector.reduce.fmax", "vector.reduce.fmin", "vector.reduce.fmaximum", "vector.reduce.fminimum")
_GENERIC_REDUCTIONS = (
    "vector.reduce.add", "vector.reduce.mul", "vector.reduce.and", "vector.reduce.or",
    "vector.reduce.xor", "vector.reduce.smax", "vector.reduce.smin", "vector.reduce.umax",
    "vector.reduce.umin",
)
_MEMORY_PROPERTIES = ("isVolatile", "access_groups", "alias_scopes", "noalias_scopes", "tbaa", "arg_attrs", "res_attrs")
_WITH_OVERFLOW = tuple(f"{kind}.with.overflow" for kind in ("sadd", "uadd", "ssub", "usub", "smul", "umul"))

INTRINSICS: list[type[IRDLOperation]] = [
    *(intrinsic(n, fastmath=True) for n in _FLOAT_UNARY + _FLOAT_BINARY + ("fmuladd",)),
    *(intrinsic(n) for n in _INT_OPS + _FP_TO_INT),
    *(intrinsic(n, fastmath=True) for n in _CUSTOM_REDUCTIONS),
    *(intrinsic(n, custom=False) for n in _GENERIC_REDUCTIONS + _WITH_OVERFLOW),
    intrinsic("vector.reduce.fmul", custom=False, fastmath=True),
    intrinsic("ctlz", custom=False, properties=("is_zero_poison",)),
    intrinsic("cttz", custom=False, properties=("is_zero_poison",)),
    intrinsic("abs", custom=False, properties=("is_int_min_poison",)),
    intrinsic("is.fpclass", custom=False, properties=("bit",)),
    *(intrinsic(n, custom=False, properties=_MEMORY_PROPERTIES, pure=False) for n in ("memcpy", "memmove", "memset")),
    intrinsic("prefetch", custom=False, properties=("rw", "hint", "cache"), pure=False),
    *(intrinsic(n, custom=False, pure=False) for n in ("masked.expandload", "masked.compressstore")),
]


@irdl_op_definition
class TrapOp(IRDLOperation):
    name = "llvm.intr.trap"
    assembly_format = "attr-dict"


@irdl_op_definition
class LifetimeStartOp(IRDLOperation):
    name = "llvm.intr.lifetime.start"
    ptr = operand_def(xllvm.LLVMPointerType)
    assembly_format = "$ptr attr-dict `:` type($ptr)"


@irdl_op_definition
class LifetimeEndOp(IRDLOperation):
    name = "llvm.intr.lifetime.end"
    ptr = operand_def(xllvm.LLVMPointerType)
    assembly_format = "$ptr attr-dict `:` type($ptr)"


@irdl_op_definition
class MaskedLoadOp(IRDLOperation):
    """``llvm.intr.masked.load %ptr, %mask, %passthru {alignment = 4 : i32} : (...) -> T``"""

    name = "llvm.intr.masked.load"
    data = operand_def(xllvm.LLVMPointerType)
    mask = operand_def(VectorType)
    pass_thru = var_operand_def()
    res = result_def(VectorType)
    alignment = prop_def(IntegerAttr)
    nontemporal = opt_prop_def(Attribute)
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = (
        "operands attr-dict `:` functional-type(operands, results)"
    )


@irdl_op_definition
class MaskedStoreOp(IRDLOperation):
    """``llvm.intr.masked.store %v, %ptr, %mask {alignment = 4 : i32} : T, M into !llvm.ptr``
    (xDSL's accepts float vectors only)."""

    name = "llvm.intr.masked.store"
    value = operand_def(VectorType)
    data = operand_def(xllvm.LLVMPointerType)
    mask = operand_def(VectorType)
    alignment = prop_def(IntegerAttr)
    nontemporal = opt_prop_def(Attribute)
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = "$value `,` $data `,` $mask attr-dict `:` type($value) `,` type($mask) `into` type($data)"


@irdl_op_definition
class MaskedGatherOp(IRDLOperation):
    """``llvm.intr.masked.gather %ptrs, %mask, %passthru {alignment = 4 : i32} : (...) -> T``"""

    name = "llvm.intr.masked.gather"

    ptrs = operand_def(VectorType)
    mask = operand_def(VectorType)
    pass_thru = var_operand_def()
    res = result_def(VectorType)
    alignment = prop_def(IntegerAttr)

    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = "operands attr-dict `:` functional-type(operands, results)"


@irdl_op_definition
class MaskedScatterOp(IRDLOperation):
    """``llvm.intr.masked.scatter %value, %ptrs, %mask {alignment = 4 : i32} : T, M into P``"""

    name = "llvm.intr.masked.scatter"

    value = operand_def(VectorType)
    ptrs = operand_def(VectorType)
    mask = operand_def(VectorType)
    alignment = prop_def(IntegerAttr)

    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = "$value `,` $ptrs `,` $mask attr-dict `:` type($value) `,` type($mask) `into` type($ptrs)"


FCmpOp = extend_op(
    xllvm.FCmpOp,
    constraints={
        "lhs": AnyFloatConstr | VectorType.constr(AnyFloatConstr),
        "rhs": AnyFloatConstr | VectorType.constr(AnyFloatConstr),
        "res": I1 | VectorType.constr(I1),
    },
)
"""``llvm.fcmp``, also on vectors of floats (xDSL's takes scalars only)."""

SelectOp = extend_op(xllvm.SelectOp, constraints={"cond": I1 | VectorType.constr(I1)})
"""``llvm.select``, also with a vector of conditions (xDSL's takes an i1 only)."""



def _verify_var_callee_type(self) -> None:
    """Upstream's verifyCallOpVarCalleeType: ``vararg(...)`` describes this call's own operands and result."""
    var_callee_type = self.var_callee_type
    if var_callee_type is None:
        return
    if not var_callee_type.is_variadic:
        raise VerifyException("expected var_callee_type to be a variadic function type")
    params = var_callee_type.inputs.data
    if len(params) > len(self.args):
        raise VerifyException(f"expected var_callee_type to have at most {len(self.args)} parameters")
    for param, arg in zip(params, self.args):
        if param != arg.type:
            raise VerifyException(f"var_callee_type parameter type mismatch: '{param}' != '{arg.type}'")
    output = var_callee_type.output
    if self.returned is None:
        if not isinstance(output, xllvm.LLVMVoidType):
            raise VerifyException("expected var_callee_type to return void")
    elif self.returned.type != output:
        raise VerifyException(f"var_callee_type return type mismatch: '{output}' != '{self.returned.type}'")


def _verify_call(self) -> None:
    """Upstream's CallOp::verify and verifySymbolUses: the arguments and result
    match ``vararg(...)`` and the callee."""
    from xdsl.traits import SymbolTable

    _verify_var_callee_type(self)
    if self.callee is None:
        return
    callee = SymbolTable.lookup_symbol(self, self.callee)
    if not isinstance(callee, xllvm.FuncOp):
        return  # the symbol-use trait reports it
    function_type = callee.function_type
    if function_type.is_variadic and self.var_callee_type is None:
        raise VerifyException("missing var_callee_type attribute for vararg call")
    params = function_type.inputs.data
    if not function_type.is_variadic and len(self.args) != len(params):
        raise VerifyException(f"incorrect number of operands ({len(self.args)}) for callee (expecting: {len(params)})")
    if len(self.args) < len(params):
        raise VerifyException(
            f"incorrect number of operands ({len(self.args)}) for varargs callee (expecting at least: {len(params)})"
        )
    for index, (arg, param) in enumerate(zip(self.args, params)):
        if arg.type != param:
            raise VerifyException(f"operand type mismatch for operand {index}: '{arg.type}' != '{param}'")
    callee_result = function_type.output
    if isinstance(callee_result, xllvm.LLVMVoidType):
        if self.returned is not None:
            raise VerifyException("calling function with void result must not produce values")
    elif self.returned is None:
        raise VerifyException("expected function call to produce a value")
    elif self.returned.type != callee_result:
        raise VerifyException(f"result type mismatch: '{self.returned.type}' != '{callee_result}'")


CallOp = extend_op(xllvm.CallOp, methods={"verify_": _verify_call})
"""``llvm.call``, checked against its callee's signature as upstream."""

ATOMIC_BIN_OPS = (
    "xchg", "add", "sub", "_and", "nand", "_or", "_xor", "max", "min", "umax", "umin",
    "fadd", "fsub", "fmax", "fmin", "uinc_wrap", "udec_wrap", "usub_cond", "usub_sat", "fmaximum", "fminimum",
)  # fmt: skip
"""``bin_op`` numbers of llvm.atomicrmw, as upstream's AtomicBinOp enum."""


@irdl_op_definition
class AtomicRMWOp(IRDLOperation):
    """``llvm.atomicrmw fadd %ptr, %val acq_rel : !llvm.ptr, f32``"""

    name = "llvm.atomicrmw"
    ptr = operand_def(xllvm.LLVMPointerType)
    val = operand_def()
    res = result_def()
    bin_op = prop_def(IntegerAttr)
    ordering = prop_def(IntegerAttr)
    volatile_ = opt_prop_def(Attribute)
    alignment = opt_prop_def(IntegerAttr)

    @classmethod
    def parse(cls, parser: Parser) -> AtomicRMWOp:
        volatile = parser.parse_optional_keyword("volatile") is not None
        bin_op = ATOMIC_BIN_OPS.index(parser.parse_identifier())
        ptr = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        value = parser.parse_unresolved_operand()
        ordering = _ATOMIC_ORDERINGS[parser.parse_identifier()]
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        ptr_type = parser.parse_type()
        parser.parse_punctuation(",")
        value_type = parser.parse_type()
        properties: dict[str, Attribute] = {
            "bin_op": IntegerAttr(bin_op, 64),
            "ordering": IntegerAttr(ordering, 64),
        }
        if volatile:
            properties["volatile_"] = UnitAttr()
        if "alignment" in attributes:
            properties["alignment"] = attributes.pop("alignment")
        op = cls.create(
            operands=[parser.resolve_operand(ptr, ptr_type), parser.resolve_operand(value, value_type)],
            result_types=[value_type],
            properties=properties,
        )
        op.attributes.update(attributes)
        return op

    def print(self, printer: Printer) -> None:
        printer.print_string(" volatile" if self.volatile_ is not None else "")
        printer.print_string(f" {ATOMIC_BIN_OPS[self.bin_op.value.data]} ")
        printer.print_ssa_value(self.ptr)
        printer.print_string(", ")
        printer.print_ssa_value(self.val)
        printer.print_string(f" {xllvm.ATOMIC_ORDERING_KEYWORDS[self.ordering.value.data]}")
        attributes = dict(self.attributes)
        if self.alignment is not None:
            attributes["alignment"] = self.alignment
        printer.print_op_attributes(attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.ptr.type)
        printer.print_string(", ")
        printer.print_attribute(self.val.type)


_ATOMIC_ORDERINGS = {keyword: number for number, keyword in xllvm.ATOMIC_ORDERING_KEYWORDS.items()}


# --------------------------------------------------------------------------- attributes


@irdl_attr_definition
class ConstantRangeAttr(ParametrizedAttribute):
    """``#llvm.constant_range<i32, 0, 128>``: the integers in [lower, upper) of a
    type, as a range attribute on a call result (``nvvm.read.ptx.sreg.tid.x``)."""

    name = "llvm.constant_range"

    type: IntegerType
    lower: IntAttr
    upper: IntAttr

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        with parser.in_angle_brackets():
            type_ = parser.parse_type()
            if not isinstance(type_, IntegerType):
                parser.raise_error("expected an integer type for the range")
            parser.parse_punctuation(",")
            lower = parser.parse_integer()
            parser.parse_punctuation(",")
            upper = parser.parse_integer()
        return (type_, IntAttr(lower), IntAttr(upper))

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string("<")
        printer.print_attribute(self.type)
        printer.print_string(f", {self.lower.data}, {self.upper.data}>")


# --------------------------------------------------------------------------- the dialect


LLVM = replace_ops(
    xllvm.LLVM,
    ConstantOp,
    GlobalOp,
    PoisonOp,
    FreezeOp,
    ExtractElementOp,
    GEPOp,
    FPToSIOp,
    FPToUIOp,
    UIToFPOp,
    AddrSpaceCastOp,
    SwitchOp,
    TrapOp,
    LifetimeStartOp,
    LifetimeEndOp,
    MaskedLoadOp,
    MaskedStoreOp,
    MaskedGatherOp,
    MaskedScatterOp,
    FCmpOp,
    SelectOp,
    CallOp,
    AtomicRMWOp,
    *INTRINSICS,
    attributes=[ConstantRangeAttr],
)
