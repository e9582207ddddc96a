"""The linalg dialect with upstream MLIR 22's named ops, syntax and bodies.

A named op's region is implicit in the custom form and explicit in the
generic form; mlopt builds it exactly as upstream does (operand order,
``cast_signed`` conversions), so both forms mean the same thing to mlir-opt.
xDSL has a handful of named ops; the rest are generated from the tables below
(elementwise, contractions, convolutions, poolings), sharing one syntax.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from xdsl.builder import Builder
from xdsl.rewriter import InsertPoint
from xdsl.dialects import arith, math
from xdsl.dialects.builtin import (
    AffineMapAttr,
    AnyFloat,
    ArrayAttr,
    DenseArrayBase,
    DenseIntOrFPElementsAttr,
    FloatAttr,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    ShapedType,
    TensorType,
    i64,
)
from xdsl.dialects.linalg import Linalg as XLinalg
from xdsl.dialects.linalg import attrs as xattrs
from xdsl.dialects.linalg import ops as xops
from xdsl.ir import Attribute, Block, BlockArgument, Dialect, Operation, Region, SSAValue
from xdsl.ir.affine import AffineDimExpr, AffineExpr, AffineMap
from xdsl.irdl import (
    AttrSizedOperandSegments,
    SameVariadicOperandSize,
    IRDLOperation,
    base,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    prop_def,
    region_def,
    result_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import EffectInstance, MemoryEffect, MemoryEffectKind, Pure
from xdsl.utils.exceptions import VerifyException

from mlopt.dialects.builtin import affine_map_text
from mlopt.dialects.extension import LazyCanonicalizationPatterns, extend_op, replace_ops
from mlopt.dialects.syntax import build_op, enum_attribute, parse_attr_dict, parse_type_list, print_attr_dict, resolve

TypeFnAttr = enum_attribute("linalg.type_fn", ["cast_signed", "cast_unsigned"], opaque=False)
ElementwiseKindAttr = enum_attribute(
    "linalg.elementwise_kind",
    ["exp", "log", "abs", "ceil", "floor", "negf", "reciprocal", "round", "sqrt", "rsqrt", "square", "tanh", "erf",
     "add", "sub", "mul", "div", "div_unsigned", "max_signed", "min_signed", "max_unsigned", "min_unsigned",
     "powf", "select"],  # fmt: skip
    opaque=False,
)
IteratorTypeAttr = xattrs.IteratorTypeAttr

_INHERENT = ("operandSegmentSizes", "linalg.memoized_indexing_maps")


class StructuredMemoryEffect(MemoryEffect):
    """Upstream's LinalgOp memory effects: a linalg op reads its memref
    inputs and writes its memref inits, reading an init too where the payload
    uses it (a relayout or softmax always reads it). Tensor operands are
    values, not memory: an op on tensors alone has no effect, so a dead one
    is erased and identical ones are merged. The payload's own ops are not
    looked at, as upstream."""

    @classmethod
    def get_effects(cls, op: Operation) -> set[EffectInstance]:
        inputs, inits = tuple(op.inputs), tuple(op.outputs)  # type: ignore[attr-defined]
        arguments = op.regions[0].block.args if op.regions and op.regions[0].blocks else ()
        effects = {EffectInstance(MemoryEffectKind.READ, v) for v in inputs if isinstance(v.type, MemRefType)}
        for position, init in enumerate(inits, len(inputs)):
            if not isinstance(init.type, MemRefType):
                continue
            if position >= len(arguments) or arguments[position].first_use is not None:
                effects.add(EffectInstance(MemoryEffectKind.READ, init))
            effects.add(EffectInstance(MemoryEffectKind.WRITE, init))
        return effects

# --------------------------------------------------------------------------- scalar bodies


def _is_float(type: Attribute) -> bool:
    return isinstance(type, AnyFloat)


def cast_scalar(builder: Builder, value: SSAValue, to: Attribute, *, unsigned: bool = False) -> SSAValue:
    """Upstream's TypeFn.cast_signed / cast_unsigned of one scalar."""
    source = value.type
    if source == to:
        return value
    if isinstance(source, IndexType) or isinstance(to, IndexType):
        op = (arith.IndexCastOp if not unsigned else _index_castui())(value, to)
    elif isinstance(source, IntegerType) and isinstance(to, IntegerType):
        if to.width.data > source.width.data:
            op = (arith.ExtUIOp if unsigned or source.width.data == 1 else arith.ExtSIOp)(value, to)
        else:
            op = arith.TruncIOp(value, to)
    elif isinstance(source, IntegerType):
        op = (arith.UIToFPOp if unsigned or source.width.data == 1 else arith.SIToFPOp)(value, to)
    elif isinstance(to, IntegerType):
        op = (arith.FPToUIOp if unsigned else arith.FPToSIOp)(value, to)
    elif to.bitwidth > source.bitwidth:
        op = arith.ExtFOp(value, to)
    else:
        op = arith.TruncFOp(value, to)
    builder.insert(op)
    return op.results[0]


def _index_castui():
    from mlopt.dialects.arith import IndexCastUIOp

    return lambda value, to: IndexCastUIOp.build(operands=[value], result_types=[to])


def _binary(float_op, int_op, bool_op=None):
    def make(builder: Builder, lhs: SSAValue, rhs: SSAValue) -> SSAValue:
        type = lhs.type
        if _is_float(type):
            op = float_op(lhs, rhs)
        elif bool_op is not None and type == IntegerType(1):
            op = bool_op(lhs, rhs)
        else:
            op = int_op(lhs, rhs)
        builder.insert(op)
        return op.results[0]

    return make


BINARY_FNS: dict[str, Callable[[Builder, SSAValue, SSAValue], SSAValue]] = {
    "add": _binary(arith.AddfOp, arith.AddiOp, arith.OrIOp),
    "sub": _binary(arith.SubfOp, arith.SubiOp),
    "mul": _binary(arith.MulfOp, arith.MuliOp, arith.AndIOp),
    "div": _binary(arith.DivfOp, arith.DivSIOp),
    "div_unsigned": _binary(arith.DivfOp, arith.DivUIOp),
    "max_signed": _binary(arith.MaximumfOp, arith.MaxSIOp),
    "min_signed": _binary(arith.MinimumfOp, arith.MinSIOp),
    "max_unsigned": _binary(arith.MaximumfOp, arith.MaxUIOp),
    "min_unsigned": _binary(arith.MinimumfOp, arith.MinUIOp),
    "powf": _binary(math.PowFOp, math.PowFOp),
}


def _unary(op_class):
    def make(builder: Builder, value: SSAValue) -> SSAValue:
        op = builder.insert(op_class(value))
        return op.results[0]

    return make


def _reciprocal(builder: Builder, value: SSAValue) -> SSAValue:
    one = builder.insert(arith.ConstantOp(FloatAttr(1.0, value.type)))
    return builder.insert(arith.DivfOp(one, value)).results[0]


def _square(builder: Builder, value: SSAValue) -> SSAValue:
    return builder.insert(arith.MulfOp(value, value)).results[0]


UNARY_FNS: dict[str, Callable[[Builder, SSAValue], SSAValue]] = {
    "exp": _unary(math.ExpOp),
    "log": _unary(math.LogOp),
    "abs": _unary(math.AbsFOp),
    "ceil": _unary(math.CeilOp),
    "floor": _unary(math.FloorOp),
    "negf": _unary(arith.NegfOp),
    "reciprocal": _reciprocal,
    "round": _unary(math.RoundOp),
    "sqrt": _unary(math.SqrtOp),
    "rsqrt": _unary(math.RsqrtOp),
    "square": _square,
    "tanh": _unary(math.TanhOp),
    "erf": _unary(math.ErfOp),
}


def _yield(builder: Builder, *values: SSAValue) -> None:
    builder.insert(xops.YieldOp(*values))


BodyFn = Callable[[Builder, Sequence[BlockArgument], dict[str, Attribute]], None]
"""Builds a named op's body from its block arguments (inputs, then outputs)
and its properties."""


def unary_body(fn: str) -> BodyFn:
    def body(builder, args, properties):
        _yield(builder, UNARY_FNS[fn](builder, args[0]))

    return body


def binary_body(fn: str) -> BodyFn:
    def body(builder, args, properties):
        _yield(builder, BINARY_FNS[fn](builder, args[0], args[1]))

    return body


def _select_body(builder, args, properties):
    _yield(builder, builder.insert(arith.SelectOp(args[0], args[1], args[2])).results[0])


def _fill_body(builder, args, properties):
    _yield(builder, args[0])


def _copy_body(builder, args, properties):
    _yield(builder, cast_scalar(builder, args[0], args[-1].type))


def _unsigned(properties: dict[str, Attribute]) -> bool:
    cast = properties.get("cast")
    return cast is not None and cast.data.value == "cast_unsigned"


def contraction_body(builder, args, properties):
    """out += cast(lhs) * cast(rhs)."""
    out_type = args[-1].type
    lhs = cast_scalar(builder, args[0], out_type, unsigned=_unsigned(properties))
    rhs = cast_scalar(builder, args[1], out_type, unsigned=_unsigned(properties))
    product = BINARY_FNS["mul"](builder, lhs, rhs)
    _yield(builder, BINARY_FNS["add"](builder, args[-1], product))


def _fill_rng_body(builder, args, properties):
    """Upstream's linear congruential generator: a value in [min, max) from
    the seed and the two loop indices, built in upstream's order."""
    from xdsl.dialects.builtin import f64, i32

    minimum, maximum, seed, out = args

    def constant(value, type) -> SSAValue:
        return builder.insert(arith.ConstantOp(IntegerAttr(value, type) if type == i64 else FloatAttr(value, type))).result

    def truncated(value: int) -> SSAValue:
        return cast_scalar(builder, constant(value, i64), i32)

    def index(dim: int) -> SSAValue:
        return cast_scalar(builder, builder.insert(IndexOp.build(properties={"dim": IntegerAttr(dim, i64)}, result_types=[IndexType()])).result, i32)

    offset = cast_scalar(builder, constant(2147483647, i64), f64)
    column, row = index(1), index(0)
    state = builder.insert(arith.AddiOp(row, seed)).result
    for position in (None, column):
        if position is not None:
            state = builder.insert(arith.AddiOp(position, state)).result
        state = builder.insert(arith.MuliOp(state, truncated(1103515245))).result
        state = builder.insert(arith.AddiOp(state, truncated(12345))).result
    shifted = builder.insert(arith.AddfOp(offset, cast_scalar(builder, state, f64))).result
    span = builder.insert(arith.SubfOp(maximum, minimum)).result
    scale = builder.insert(arith.MulfOp(span, constant(2.3283064e-10, f64))).result
    value = builder.insert(arith.AddfOp(builder.insert(arith.MulfOp(shifted, scale)).result, minimum)).result
    _yield(builder, cast_scalar(builder, value, out.type))


def quantized_contraction_body(builder, args, properties):
    """out += (cast(lhs) - cast(lhs_zp)) * (cast(rhs) - cast(rhs_zp))."""
    out_type = args[-1].type
    lhs = BINARY_FNS["sub"](builder, cast_scalar(builder, args[0], out_type), cast_scalar(builder, args[2], out_type))
    rhs = BINARY_FNS["sub"](builder, cast_scalar(builder, args[1], out_type), cast_scalar(builder, args[3], out_type))
    product = BINARY_FNS["mul"](builder, lhs, rhs)
    _yield(builder, BINARY_FNS["add"](builder, args[-1], product))


def pooling_body(fn: str, *, unsigned: bool = False) -> BodyFn:
    """out = fn(out, cast(in)); the window operand only shapes the loops."""

    def body(builder, args, properties):
        value = cast_scalar(builder, args[0], args[-1].type, unsigned=unsigned)
        _yield(builder, BINARY_FNS[fn](builder, args[-1], value))

    return body


def _elementwise_body(builder, args, properties):
    kind = properties["kind"].data.value
    if kind in UNARY_FNS:
        _yield(builder, UNARY_FNS[kind](builder, args[0]))
    elif kind == "select":
        _select_body(builder, args, properties)
    else:
        _yield(builder, BINARY_FNS[kind](builder, args[0], args[1]))


def _shape(type: Attribute) -> tuple[int, ...]:
    return tuple(type.get_shape()) if isinstance(type, ShapedType) else ()


def _element_type(type: Attribute) -> Attribute:
    return type.get_element_type() if isinstance(type, ShapedType) else type


def build_body(body: BodyFn, operands: Sequence[SSAValue], properties: dict[str, Attribute]) -> Region:
    block = Block(arg_types=[_element_type(v.type) for v in operands])
    body(Builder(InsertPoint.at_end(block)), block.args, properties)
    return Region(block)


# --------------------------------------------------------------------------- verification


_MATMUL_FAMILY = ("linalg.matmul", "linalg.batch_matmul", "linalg.batch_reduce_matmul")
"""Ops whose user-given indexing maps are checked as upstream's matmul verifiers do."""


def verify_static_shapes(op: Operation, maps: Sequence[AffineMap]) -> None:
    """Upstream's structured-op shape check: the static loop ranges, read off
    the operand dims that are plain loop dims, must reproduce every static
    operand size through the indexing maps."""
    shapes = [_shape(value.type) for value in op.operands]
    if len(maps) != len(shapes):
        raise VerifyException(
            f"expected the number of indexing_map ({len(maps)}) to be equal to the number of input/output "
            f"operands ({len(shapes)})"
        )
    for index, (map, shape) in enumerate(zip(maps, shapes)):
        if len(map.results) != len(shape):
            raise VerifyException(
                f"expected operand #{index} rank ({len(shape)}) to match the result rank of indexing_map "
                f"({len(map.results)})"
            )
    num_loops = maps[0].num_dims if maps else 0
    if any(m.num_dims != num_loops for m in maps):
        return  # the op's own verifier reports the loop count
    ranges: list[int | None] = [None] * num_loops
    for map, shape in zip(maps, shapes):
        for expr, size in zip(map.results, shape):
            if isinstance(expr, AffineDimExpr) and ranges[expr.position] is None:
                ranges[expr.position] = size
    if any(r is None or r < 0 for r in ranges):
        return  # dynamic loop ranges are only known at run time
    for index, (map, shape) in enumerate(zip(maps, shapes)):
        first = map.eval([0] * num_loops, [])
        last = map.eval([r - 1 for r in ranges], [])
        for position, (low, high) in enumerate(zip(first, last)):
            if shape[position] == 0:
                continue  # upstream ignores empty dimensions
            if min(low, high) < 0:
                raise VerifyException(
                    f"unexpected result less than 0 at expression #{position} in {affine_map_text(map)}"
                )
        for dim, size in enumerate(shape):
            if size <= 0:
                continue
            inferred = max(first[dim], last[dim]) + 1
            if isinstance(map.results[dim], AffineDimExpr):
                if inferred != size:
                    raise VerifyException(
                        f"inferred input/output operand #{index} has shape's dimension #{dim} to be {inferred}, "
                        f"but found {size}"
                    )
            elif inferred > size:
                raise VerifyException(
                    f"inferred input/output operand #{index} has shape's dimension #{dim} to be greater than or "
                    f"equal to {inferred}, but found {size}"
                )


# --------------------------------------------------------------------------- named op syntax


def _parse_operand_group(parser: Parser, keyword: str) -> list[SSAValue]:
    """``keyword(%a, %b : t1, t2)``, or nothing."""
    if not parser.parse_optional_keyword(keyword):
        return []
    parser.parse_punctuation("(")
    if parser.parse_optional_punctuation(")"):
        return []
    operands = [parser.parse_unresolved_operand()]
    while parser.parse_optional_punctuation(","):
        operands.append(parser.parse_unresolved_operand())
    parser.parse_punctuation(":")
    types = parse_type_list(parser)
    parser.parse_punctuation(")")
    return resolve(parser, operands, types)


def _print_operand_group(printer: Printer, keyword: str, values: Sequence[SSAValue]) -> None:
    if not values:
        return
    printer.print_string(f" {keyword}(")
    printer.print_list(values, printer.print_operand)
    printer.print_string(" : ")
    printer.print_list([v.type for v in values], printer.print_attribute)
    printer.print_string(")")


def _print_dense_i64_array(printer: Printer, keyword: str, values: DenseArrayBase) -> None:
    # Upstream's printDenseI64ArrayAttr ends with a space, even at the end of the line.
    printer.print_string(f" {keyword} = [" + ", ".join(map(str, values.get_values())) + "] ")


def _print_long_form_body(printer: Printer, op: Operation) -> None:
    """linalg.map's and linalg.reduce's body where no short form fits: on
    the next line, one level deeper, as upstream prints it."""
    with printer.indented():
        printer._print_new_line()
        printer.print_string("(")
        printer.print_list(op.regions[0].block.args, printer.print_block_argument)
        printer.print_string(") ")
        printer.print_region(op.regions[0], print_entry_block_args=False)


def _parse_result_types(parser: Parser) -> list[Attribute]:
    if not parser.parse_optional_punctuation("->"):
        return []
    if parser.parse_optional_punctuation("("):
        types = parse_type_list(parser)
        parser.parse_punctuation(")")
        return types
    return [parser.parse_type()]


def _print_result_types(printer: Printer, types: Sequence[Attribute]) -> None:
    if not types:
        return
    printer.print_string(" -> ")
    if len(types) == 1:
        printer.print_attribute(types[0])
    else:
        printer.print_string("(")
        printer.print_list(types, printer.print_attribute)
        printer.print_string(")")


def _unary_kind(name: str, properties: dict[str, Attribute]) -> bool:
    """Whether the op applies a unary function (upstream's UnaryFn: floats only)."""
    kind = properties.get("kind")
    if kind is not None:
        return kind.data.value in UNARY_FNS  # type: ignore[attr-defined]
    return name.removeprefix("linalg.") in UNARY_FNS


def _body_type_problem(name: str, properties, inputs: Sequence[SSAValue], outputs: Sequence[SSAValue]) -> str | None:
    """What upstream's region builder rejects in the element types, if anything:
    a unary function of a non-float, an unsigned max/min pooling of floats."""
    if _unary_kind(name, properties) and any(not _is_float(_element_type(v.type)) for v in inputs):
        return "unsupported non numeric type"
    short = name.removeprefix("linalg.")
    if short in POOLINGS and POOLINGS[short][1] and outputs and _is_float(_element_type(outputs[0].type)):
        return f"unsupported operation: unsigned {POOLINGS[short][0].split('_')[0]} not on uint"
    return None


def _region_arity(name: str, properties: dict[str, Attribute]) -> int | None:
    """How many operands (inputs and outputs) the op's implicit region takes."""
    short = name.removeprefix("linalg.")
    layout = _layout(name)
    if layout is not None:
        return layout.count("|")
    if short in ("fill", "copy") or _unary_kind(name, properties):
        return 2
    kind = properties.get("kind")
    if short == "select" or (kind is not None and kind.data.value == "select"):  # type: ignore[attr-defined]
        return 4
    if short in BINARY_OPS or kind is not None or short in ("matmul", "batch_matmul", "batch_reduce_matmul"):
        return 3
    return None


def _check_window_attributes(parser: Parser, name: str, attributes: dict[str, Attribute], start: int) -> None:
    """``strides``/``dilations`` hold one i64 per window dim, as upstream's ODS constraint says."""
    layout = _layout(name)
    if layout is None:
        return
    windows = max(operand.count("+") for operand in layout.split("|")[1:])
    for attribute in ("strides", "dilations"):
        value = attributes.get(attribute)
        if value is None:
            continue
        type = getattr(value, "type", None)
        if not (
            isinstance(value, DenseIntOrFPElementsAttr)
            and _element_type(type) == i64
            and _shape(type) == (windows,)
        ):
            parser.raise_error(
                f"custom op '{name}' '{name}' op attribute '{attribute}' failed to satisfy constraint: 64-bit "
                f"signless int elements attribute of shape [{windows}]",
                start,
                start + 1,
            )


class _NamedSyntax:
    """``linalg.X (kind=#k)? (indexing_maps = [...])? {attrs}? ins(...) outs(...) (-> types)?``.

    ``BODY`` builds the implicit region; ``DEFAULT_MAPS`` (when the op has
    an ``indexing_maps`` property) are left out of the custom form."""

    BODY: ClassVar[BodyFn]
    DEFAULT_MAPS: ClassVar[Callable[[], ArrayAttr] | None] = None
    KIND_KEYWORD: ClassVar[bool] = False

    @classmethod
    def parse(cls, parser: Parser):
        properties: dict[str, Attribute] = {}
        if cls.KIND_KEYWORD:
            parser.parse_keyword("kind")
            parser.parse_punctuation("=")
            properties["kind"] = parser.parse_attribute()
        if parser.parse_optional_keyword("indexing_maps"):
            parser.parse_punctuation("=")
            properties["indexing_maps"] = parser.parse_attribute()
        attributes_start = parser.pos
        attributes = parse_attr_dict(parser)
        _check_window_attributes(parser, cls.name, attributes, attributes_start)
        if cls.name == "linalg.contract" and "indexing_maps" not in properties:
            parser.raise_error(f"custom op '{cls.name}' expected 'indexing_maps' attribute")
        operands_start = parser.pos
        inputs = _parse_operand_group(parser, "ins")
        outputs = _parse_operand_group(parser, "outs")
        result_types = _parse_result_types(parser)
        attributes.update(parse_attr_dict(parser))
        arity = _region_arity(cls.name, properties)
        if arity is not None and arity != len(inputs) + len(outputs):
            parser.raise_error(
                f"custom op '{cls.name}' [parseNamedStructuredOpRegion] ods-gen generated region expects {arity} "
                f"args, got {len(inputs) + len(outputs)}"
            )
        if (problem := _body_type_problem(cls.name, properties, inputs, outputs)) is not None:
            parser.raise_error(f"custom op '{cls.name}' {problem}", operands_start, operands_start + 1)
        if "indexing_maps" not in properties:
            if cls.DEFAULT_MAPS is not None:
                properties["indexing_maps"] = cls.DEFAULT_MAPS()
            elif cls.KIND_KEYWORD and outputs:
                identity = AffineMapAttr(AffineMap.identity(len(_shape(outputs[0].type))))
                properties["indexing_maps"] = ArrayAttr([identity] * (len(inputs) + len(outputs)))
        attributes = {**properties, **attributes}
        region = build_body(cls.BODY, [*inputs, *outputs], attributes)
        return build_op(
            cls,
            operands=[inputs, outputs],
            result_types=[result_types],
            attributes=attributes,
            regions=[region],
        )

    def print(self, printer: Printer):
        elided = list(_INHERENT)
        kind = self.properties.get("kind")
        if self.KIND_KEYWORD and kind is not None:
            printer.print_string(" kind=")
            printer.print_attribute(kind)
            elided.append("kind")
        maps = self.properties.get("indexing_maps")
        if maps is not None:
            elided.append("indexing_maps")
            if maps != self._default_maps():
                printer.print_string(" indexing_maps = ")
                printer.print_attribute(maps)
        print_attr_dict(printer, self, elided)
        count = len(self.operands) - len(self.outputs)
        _print_operand_group(printer, "ins", self.operands[:count])
        _print_operand_group(printer, "outs", self.outputs)
        _print_result_types(printer, self.result_types)

    def _default_maps(self) -> ArrayAttr | None:
        if self.DEFAULT_MAPS is not None:
            return self.DEFAULT_MAPS()
        if self.KIND_KEYWORD and self.outputs:
            identity = AffineMapAttr(AffineMap.identity(len(_shape(self.outputs[0].type))))
            return ArrayAttr([identity] * len(self.operands))
        return None

    @classmethod
    def get_hidden_region(cls, inputs: Sequence[SSAValue], outputs: Sequence[SSAValue]) -> Region:
        return build_body(cls.BODY, [*inputs, *outputs], {})

    def verify_(self) -> None:
        verify_destination_style(self)
        if self.name == "linalg.fill":
            _verify_fill(self)
        if self.name in _MATMUL_FAMILY:
            _verify_matmul_maps(self)
        if self.name == "linalg.contract":
            _verify_contract_maps(self)
        verify_static_shapes(self, indexing_maps(self))
        block = self.regions[0].block
        if len(block.args) != len(self.operands):
            raise VerifyException(
                f"expects as many region arguments ({len(block.args)}) as operands ({len(self.operands)})"
            )


def _syntax_mixin(body: BodyFn, default_maps=None, kind_keyword: bool = False) -> type:
    return type(
        "_NamedOpSyntax",
        (_NamedSyntax,),
        {
            "__annotations__": {"BODY": ClassVar, "DEFAULT_MAPS": ClassVar, "KIND_KEYWORD": ClassVar},
            "BODY": staticmethod(body),
            "DEFAULT_MAPS": None if default_maps is None else staticmethod(default_maps),
            "KIND_KEYWORD": kind_keyword,
        },
    )


class NamedStructuredOp(IRDLOperation):
    """The operands, results and region every named linalg op has."""

    inputs = var_operand_def()
    outputs = var_operand_def(base(MemRefType) | base(TensorType))
    res = var_result_def(TensorType)
    region = region_def("single_block")

    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    traits = traits_def(StructuredMemoryEffect())


_CONV_PROPERTIES = {
    "strides": opt_prop_def(DenseIntOrFPElementsAttr),
    "dilations": opt_prop_def(DenseIntOrFPElementsAttr),
}
_CAST_PROPERTY = {"cast": opt_prop_def(TypeFnAttr)}


def _maps(*maps: Callable) -> Callable[[], ArrayAttr]:
    return lambda: ArrayAttr([AffineMapAttr(AffineMap.from_callable(m)) for m in maps])


MATMUL_MAPS = _maps(lambda m, n, k: (m, k), lambda m, n, k: (k, n), lambda m, n, k: (m, n))
BATCH_MATMUL_MAPS = _maps(lambda b, m, n, k: (b, m, k), lambda b, m, n, k: (b, k, n), lambda b, m, n, k: (b, m, n))
BATCH_REDUCE_MATMUL_MAPS = _maps(lambda b, m, n, k: (b, m, k), lambda b, m, n, k: (b, k, n), lambda b, m, n, k: (m, n))


def named_op(name: str, body: BodyFn, *, fields: dict | None = None, default_maps=None, kind_keyword: bool = False,
             doc: str = "") -> type[IRDLOperation]:  # fmt: skip
    """A new named op class with the shared syntax and ``body``."""
    class_name = "".join(part.title() for part in name.split(".", 1)[1].split("_")) + "Op"
    namespace = {
        "__doc__": doc or f"{name}: a named structured op (see upstream's LinalgNamedStructuredOps).",
        "__module__": __name__,
        "name": name,
        **(fields or {}),
    }
    return irdl_op_definition(type(class_name, (_syntax_mixin(body, default_maps, kind_keyword), NamedStructuredOp), namespace))


# --------------------------------------------------------------------------- the named ops

UNARY_OPS = ("exp", "log", "abs", "ceil", "floor", "negf", "reciprocal", "round", "sqrt", "rsqrt", "square", "tanh", "erf")
BINARY_OPS = {"add": "add", "sub": "sub", "mul": "mul", "div": "div", "div_unsigned": "div_unsigned",
              "max": "max_signed", "min": "min_signed", "powf": "powf"}  # fmt: skip
CONTRACTIONS = ("matvec", "vecmat", "batch_matvec", "batch_vecmat", "dot", "mmt4d", "batch_mmt4d")
CONVOLUTIONS = (
    "conv_1d_nwc_wcf", "conv_1d_ncw_fcw", "conv_2d_nhwc_hwcf", "conv_2d_nhwc_fhwc", "conv_2d_nchw_fchw",
    "conv_2d_ngchw_fgchw", "conv_2d_ngchw_gfchw", "conv_2d_nhwgc_gfhwc", "conv_3d_ndhwc_dhwcf", "conv_3d_ncdhw_fcdhw",
    "depthwise_conv_1d_nwc_wc", "depthwise_conv_1d_ncw_cw", "depthwise_conv_1d_nwc_wcm", "depthwise_conv_2d_nhwc_hwc",
    "depthwise_conv_2d_nchw_chw", "depthwise_conv_2d_nhwc_hwcm", "depthwise_conv_3d_ndhwc_dhwc",
    "depthwise_conv_3d_ncdhw_cdhw", "depthwise_conv_3d_ndhwc_dhwcm",
)  # fmt: skip
PLAIN_CONVOLUTIONS = ("conv_1d", "conv_2d", "conv_3d")
QUANTIZED_CONVOLUTIONS = (
    "conv_2d_nhwc_hwcf_q", "conv_2d_nhwc_fhwc_q", "conv_2d_nchw_fchw_q", "conv_2d_ngchw_gfchw_q",
    "conv_2d_nhwgc_gfhwc_q", "conv_3d_ndhwc_dhwcf_q", "depthwise_conv_2d_nhwc_hwc_q", "depthwise_conv_2d_nhwc_hwcm_q",
)  # fmt: skip
POOLINGS = {
    "pooling_nhwc_max": ("max_signed", False), "pooling_nhwc_max_unsigned": ("max_unsigned", True),
    "pooling_nhwc_min": ("min_signed", False), "pooling_nhwc_min_unsigned": ("min_unsigned", True),
    "pooling_nhwc_sum": ("add", False), "pooling_nchw_max": ("max_signed", False), "pooling_nchw_sum": ("add", False),
    "pooling_ncw_max": ("max_signed", False), "pooling_ncw_sum": ("add", False), "pooling_nwc_max": ("max_signed", False),
    "pooling_nwc_max_unsigned": ("max_unsigned", True), "pooling_nwc_min": ("min_signed", False),
    "pooling_nwc_min_unsigned": ("min_unsigned", True), "pooling_nwc_sum": ("add", False),
    "pooling_ndhwc_max": ("max_signed", False), "pooling_ndhwc_min": ("min_signed", False),
    "pooling_ndhwc_sum": ("add", False),
}  # fmt: skip

_XDSL_NAMED = {op.name: op for op in XLinalg.operations if isinstance(op, type) and issubclass(op, xops.NamedOperation)}
"""xDSL's named ops: extended (not replaced) so xDSL passes keep matching them."""


def _canonicalized(patterns: str) -> LazyCanonicalizationPatterns:
    return LazyCanonicalizationPatterns(f"mlopt.dialects.linalg_canonicalization:{patterns}")


def _named(name: str, body: BodyFn, **kwargs) -> type[IRDLOperation]:
    full = f"linalg.{name}"
    base_op = _XDSL_NAMED.get(full)
    if base_op is None:
        return named_op(full, body, **kwargs)
    return extend_op(
        base_op,
        fields=kwargs.get("fields"),
        mixin=_syntax_mixin(body, kwargs.get("default_maps"), kwargs.get("kind_keyword", False)),
        traits=(StructuredMemoryEffect(), *kwargs.get("traits", ())),
    )


NAMED_OPS: list[type[IRDLOperation]] = [
    *(_named(op, unary_body(op)) for op in UNARY_OPS),
    *(_named(op, binary_body(fn)) for op, fn in BINARY_OPS.items()),
    _named("select", _select_body),
    _named("fill", _fill_body),
    _named("copy", _copy_body, fields=_CAST_PROPERTY, traits=[_canonicalized("COPY_PATTERNS")]),
    _named("matmul", contraction_body, fields=_CAST_PROPERTY, default_maps=MATMUL_MAPS),
    _named("batch_matmul", contraction_body, fields={**_CAST_PROPERTY, "indexing_maps": prop_def(ArrayAttr)},
           default_maps=BATCH_MATMUL_MAPS),  # fmt: skip
    _named("batch_reduce_matmul", contraction_body, fields={**_CAST_PROPERTY, "indexing_maps": prop_def(ArrayAttr)},
           default_maps=BATCH_REDUCE_MATMUL_MAPS),  # fmt: skip
    *(_named(op, contraction_body, fields=_CAST_PROPERTY) for op in CONTRACTIONS),
    *(_named(op, contraction_body, fields=_CONV_PROPERTIES) for op in CONVOLUTIONS),
    *(_named(op, contraction_body) for op in PLAIN_CONVOLUTIONS),
    _named("quantized_matmul", quantized_contraction_body),
    _named("quantized_batch_matmul", quantized_contraction_body),
    *(_named(op, quantized_contraction_body, fields=_CONV_PROPERTIES) for op in QUANTIZED_CONVOLUTIONS),
    *(_named(op, pooling_body(fn, unsigned=unsigned), fields=_CONV_PROPERTIES) for op, (fn, unsigned) in POOLINGS.items()),
    named_op("linalg.fill_rng_2d", _fill_rng_body, doc="linalg.fill_rng_2d: pseudo-random values in [min, max) from a seed."),
    named_op("linalg.contract", contraction_body, fields={**_CAST_PROPERTY, "indexing_maps": prop_def(ArrayAttr)},
             doc="linalg.contract: a contraction given by its indexing maps."),  # fmt: skip
    named_op("linalg.elementwise", _elementwise_body,
             fields={"kind": prop_def(ElementwiseKindAttr), "indexing_maps": opt_prop_def(ArrayAttr)}, kind_keyword=True,
             doc="linalg.elementwise: an elementwise op of the given kind."),  # fmt: skip
]


NAMED_OP_CLASSES: dict[str, type[IRDLOperation]] = {op.name: op for op in NAMED_OPS}
"""The named op class of each name (``"linalg.matmul"`` → its class)."""


# --------------------------------------------------------------------------- indexing maps and iterators

STRUCTURED_LAYOUTS: dict[str, str] = {
    "conv_1d_nwc_wcf": "ppprr|0 1+3 4|3 4 2|0 1 2",
    "conv_1d_ncw_fcw": "ppprr|0 3 2+4|1 3 4|0 1 2",
    "conv_2d_nhwc_hwcf": "pppprrr|0 1+4 2+5 6|4 5 6 3|0 1 2 3",
    "conv_2d_nhwc_fhwc": "pppprrr|0 1+4 2+5 6|3 4 5 6|0 1 2 3",
    "conv_2d_nchw_fchw": "pppprrr|0 4 2+5 3+6|1 4 5 6|0 1 2 3",
    "conv_2d_ngchw_fgchw": "ppppprrr|0 1 5 3+6 4+7|2 1 5 6 7|0 1 2 3 4",
    "conv_2d_ngchw_gfchw": "ppppprrr|0 1 5 3+6 4+7|1 2 5 6 7|0 1 2 3 4",
    "conv_2d_nhwgc_gfhwc": "ppppprrr|0 1+5 2+6 3 7|3 4 5 6 7|0 1 2 3 4",
    "conv_3d_ndhwc_dhwcf": "ppppprrrr|0 1+5 2+6 3+7 8|5 6 7 8 4|0 1 2 3 4",
    "conv_3d_ncdhw_fcdhw": "ppppprrrr|0 5 2+6 3+7 4+8|1 5 6 7 8|0 1 2 3 4",
    "depthwise_conv_1d_nwc_wc": "pppr|0 1+3 2|3 2|0 1 2",
    "depthwise_conv_1d_ncw_cw": "pppr|0 2 1+3|2 3|0 2 1",
    "depthwise_conv_1d_nwc_wcm": "ppppr|0 1+4 2|4 2 3|0 1 2 3",
    "depthwise_conv_2d_nhwc_hwc": "pppprr|0 1+4 2+5 3|4 5 3|0 1 2 3",
    "depthwise_conv_2d_nchw_chw": "pppprr|0 3 1+4 2+5|3 4 5|0 3 1 2",
    "depthwise_conv_2d_nhwc_hwcm": "ppppprr|0 1+5 2+6 3|5 6 3 4|0 1 2 3 4",
    "depthwise_conv_3d_ndhwc_dhwc": "pppprrrp|0 1+4 2+5 3+6 7|4 5 6 7|0 1 2 3 7",
    "depthwise_conv_3d_ncdhw_cdhw": "pppprrrp|0 7 1+4 2+5 3+6|7 4 5 6|0 7 1 2 3",
    "depthwise_conv_3d_ndhwc_dhwcm": "ppppprrrp|0 1+5 2+6 3+7 8|5 6 7 8 4|0 1 2 3 8 4",
    "conv_1d": "pr|0+1|1|0",
    "conv_2d": "pprr|0+2 1+3|2 3|0 1",
    "conv_3d": "ppprrr|0+3 1+4 2+5|3 4 5|0 1 2",
    "pooling_nhwc": "pppprr|0 1+4 2+5 3|4 5|0 1 2 3",
    "pooling_nchw": "pppprr|0 1 2+4 3+5|4 5|0 1 2 3",
    "pooling_ncw": "pppr|0 1 2+3|3|0 1 2",
    "pooling_nwc": "pppr|0 1+3 2|3|0 1 2",
    "pooling_ndhwc": "ppppprrr|0 1+5 2+6 3+7 4|5 6 7|0 1 2 3 4",
    "matvec": "pr|0 1|1|0",
    "vecmat": "pr|1|1 0|0",
    "batch_matvec": "ppr|0 1 2|0 2|0 1",
    "batch_vecmat": "ppr|0 2|0 2 1|0 1",
    "dot": "r|0|0|",
    "mmt4d": "pprppr|0 2 3 5|1 2 4 5|0 1 3 4",
    "batch_mmt4d": "ppprppr|0 1 3 4 6|0 2 3 5 6|0 1 2 4 5",
    "fill_rng_2d": "pp|-|-|-|0 1",
    "quantized_matmul": "ppr|0 2|2 1|-|-|0 1",
    "quantized_batch_matmul": "pppr|0 1 3|0 3 2|-|-|0 1 2",
}
"""The loops (``p``arallel/``r``eduction) and, per operand, the loop dims that
index it, of the named ops whose maps are fixed (upstream's OpDSL
definitions). ``a+b`` is a window position, ``a * stride + b * dilation``
with the op's k-th stride and dilation; ``-`` is a scalar operand. The
``*_q`` convolutions add two scalar zero points; poolings share a layout."""


def _layout(name: str) -> str | None:
    short = name.removeprefix("linalg.")
    if short.endswith("_q") and short[:-2] in STRUCTURED_LAYOUTS:
        iterators, *operands = STRUCTURED_LAYOUTS[short[:-2]].split("|")
        return "|".join([iterators, *operands[:2], "-", "-", operands[2]])
    if short.startswith("pooling_"):
        short = "_".join(short.split("_")[:2])
    return STRUCTURED_LAYOUTS.get(short)


def _window_factors(op: Operation, name: str, count: int) -> list[int]:
    attr = op.properties.get(name, op.attributes.get(name))
    if isinstance(attr, DenseIntOrFPElementsAttr):
        return [int(v) for v in attr.get_values()]
    return [1] * count


def _layout_maps(op: Operation, layout: str) -> list[AffineMap]:
    iterators, *operands = layout.split("|")
    windows = max(operand.count("+") for operand in operands)
    strides = _window_factors(op, "strides", windows)
    dilations = _window_factors(op, "dilations", windows)
    maps = []
    for operand in operands:
        results = []
        windows_seen = 0
        for token in operand.split() if operand != "-" else ():
            if "+" in token:
                outer, inner = (AffineExpr.dimension(int(d)) for d in token.split("+"))
                results.append(outer * strides[windows_seen] + inner * dilations[windows_seen])
                windows_seen += 1
            else:
                results.append(AffineExpr.dimension(int(token)))
        maps.append(AffineMap(len(iterators), 0, tuple(results)))
    return maps


def _dims_map(rank: int, dropped: Sequence[int]) -> AffineMap:
    identity = AffineMap.identity(rank)
    return AffineMap(rank, 0, tuple(e for d, e in enumerate(identity.results) if d not in dropped))


def indexing_maps(op: Operation) -> list[AffineMap]:
    """The indexing maps of a structured linalg op, one per operand (inputs,
    then outputs), as upstream's ``getIndexingMapsArray``."""
    attr = op.properties.get("indexing_maps", op.attributes.get("indexing_maps"))
    if isinstance(attr, ArrayAttr):
        return [m.data for m in attr.data]  # type: ignore[attr-defined]
    default = getattr(op, "_default_maps", None)
    if default is not None and (maps := default()) is not None:
        return [m.data for m in maps.data]
    layout = _layout(op.name)
    if layout is not None:
        return _layout_maps(op, layout)
    inputs, outputs = list(op.inputs), list(op.outputs)  # type: ignore[attr-defined]
    if op.name == "linalg.transpose":
        permutation = list(op.properties["permutation"].get_values())  # type: ignore[attr-defined]
        inverse = [permutation.index(d) for d in range(len(permutation))]
        identity = AffineMap.identity(len(inverse))
        return [AffineMap(len(inverse), 0, tuple(identity.results[d] for d in inverse)), identity]
    if op.name in ("linalg.broadcast", "linalg.reduce"):
        dropped = list(op.properties["dimensions"].get_values())  # type: ignore[attr-defined]
        if op.name == "linalg.broadcast":
            rank = len(_shape(outputs[0].type))
            return [_dims_map(rank, dropped), AffineMap.identity(rank)]
        rank = len(_shape(inputs[0].type))
        return [AffineMap.identity(rank)] * len(inputs) + [_dims_map(rank, dropped)] * len(outputs)
    rank = len(_shape(outputs[0].type))
    return [AffineMap.identity(rank) if isinstance(v.type, ShapedType) else AffineMap(rank, 0, ()) for v in (*inputs, *outputs)]


def iterator_types(op: Operation) -> list[str]:
    """``"parallel"`` or ``"reduction"`` per loop of a structured linalg op."""
    attr = op.properties.get("iterator_types", op.attributes.get("iterator_types"))
    if isinstance(attr, ArrayAttr):
        return [str(getattr(t.data, "value", t.data)) for t in attr.data]  # type: ignore[attr-defined]
    layout = _layout(op.name)
    if layout is not None:
        return ["parallel" if c == "p" else "reduction" for c in layout.split("|")[0]]
    if op.name == "linalg.reduce":
        dropped = set(op.properties["dimensions"].get_values())  # type: ignore[attr-defined]
        return ["reduction" if d in dropped else "parallel" for d in range(len(_shape(op.operands[0].type)))]
    maps = indexing_maps(op)
    used = {e.position for e in maps[-1].results if hasattr(e, "position")}
    return ["parallel" if d in used else "reduction" for d in range(maps[0].num_dims)]


# --------------------------------------------------------------------------- ops with user regions


@irdl_op_definition
class IndexOp(IRDLOperation):
    """linalg.index: the current iteration index along a loop dimension."""

    name = "linalg.index"

    dim = prop_def(IntegerAttr)
    result = result_def(IndexType)

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> IndexOp:
        dim = IntegerAttr(parser.parse_integer(), i64)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        return build_op(cls, result_types=[parser.parse_type()], properties={"dim": dim}, attributes=attributes)

    def verify_(self) -> None:
        parent = verify_enclosing_structured_op(self)
        loops = len(iterator_types(parent)) if parent.name != "linalg.generic" else len(parent.iterator_types)
        if self.dim.value.data >= loops:
            raise VerifyException(
                f"expected dim ({self.dim.value.data}) to be lower than the number of loops ({loops}) of the "
                "enclosing LinalgOp"
            )

    def print(self, printer: Printer):
        printer.print_string(f" {self.dim.value.data}")
        print_attr_dict(printer, self, ("dim",))
        printer.print_string(" : ")
        printer.print_attribute(self.result.type)


def _parse_short_form_op(parser: Parser) -> str | None:
    """``{ arith.addf }``: the payload op's name in map/reduce's short form."""
    if parser.parse_optional_punctuation("{") is None:
        return None
    name = parser.parse_identifier()
    parser.parse_punctuation("}")
    return name


def short_form_payload(block: Block, operands: Sequence[SSAValue]) -> Operation | None:
    """The single op of a body ``yield(op(operands))``, if the body has that shape
    (upstream's findPayloadOp)."""
    ops = list(block.ops)
    if len(ops) != 2 or not isinstance(ops[1], xops.YieldOp):
        return None
    payload = ops[0]
    if payload.attributes or list(ops[1].operands) != list(payload.results) or payload.regions:
        return None
    from xdsl.dialects.arith import FastMathFlagsAttr

    if any(v != FastMathFlagsAttr("none") for v in payload.properties.values()):
        return None
    if list(payload.operands) != list(operands):
        return None
    return payload


def _payload_region(parser: Parser, op_name: str, arg_types: Sequence[Attribute], operands: Callable[[Block], list]) -> Region:
    op_type = parser.ctx.get_optional_op(op_name)
    if op_type is None:
        parser.raise_error(f"unknown payload op '{op_name}'")
    block = Block(arg_types=arg_types)
    payload = op_type.build(operands=operands(block), result_types=[arg_types[-1]])
    block.add_op(payload)
    block.add_op(xops.YieldOp(payload.results[0]))
    return Region(block)


class _MapSyntax:
    """``linalg.map ({ op })? ins(...) outs(...) (block args) region?``."""

    @classmethod
    def parse(cls, parser: Parser):
        short = _parse_short_form_op(parser)
        inputs = _parse_operand_group(parser, "ins")
        outputs = _parse_operand_group(parser, "outs")
        attributes = parse_attr_dict(parser)
        element_types = [_element_type(v.type) for v in (*inputs, *outputs)]
        if short is not None:
            region = _payload_region(parser, short, element_types, lambda block: list(block.args[:-1]))
        else:
            arguments = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, parser.parse_argument)
            region = parser.parse_region(arguments)
        if len(outputs) != 1:
            parser.raise_error("expected one output ('outs') operand")
        return build_op(
            cls,
            operands=[inputs, outputs[0]],
            result_types=[[v.type for v in outputs if isinstance(v.type, TensorType)]],
            attributes=attributes,
            regions=[region],
        )

    def print(self, printer: Printer):
        block = self.regions[0].block
        payload = short_form_payload(block, list(block.args[:-1]))
        if payload is not None:
            printer.print_string(f" {{ {payload.name} }}")
        _print_operand_group(printer, "ins", self.operands[:-1])
        _print_operand_group(printer, "outs", self.operands[-1:])
        print_attr_dict(printer, self, _INHERENT + ("dimensions",))
        if payload is None:
            _print_long_form_body(printer, self)


@irdl_op_definition
class MapOp(_MapSyntax, IRDLOperation):
    """linalg.map: apply the region elementwise to the inputs."""

    name = "linalg.map"

    inputs = var_operand_def()
    init = operand_def(base(MemRefType) | base(TensorType))
    result = var_result_def(TensorType)
    mapper = region_def("single_block")

    outputs = property(lambda self: (self.init,))

    def verify_(self) -> None:
        verify_destination_style(self)
        args = self.mapper.block.args
        if len(args) != len(self.operands):
            raise VerifyException(
                f"expects number of operands to match the arity of mapper, but got: {len(self.operands)} and {len(args)}"
            )
        for value, arg in zip(self.inputs, args):
            element = _element_type(value.type)
            if element != arg.type:
                raise VerifyException(f"expected element type of input '{element}' to match bbArg type '{arg.type}'")
        output_shape = _shape(self.init.type)
        for value in self.inputs:
            shape = _shape(value.type)
            if len(shape) != len(output_shape) or any(a != b and a >= 0 and b >= 0 for a, b in zip(shape, output_shape)):
                raise VerifyException(
                    f"expected shape of input ({', '.join(map(str, shape))}) to match shape of output "
                    f"({', '.join(map(str, output_shape))})"
                )
        verify_yield(self)

    traits = traits_def(StructuredMemoryEffect())


def _dims(values: Sequence[int]) -> str:
    return "[" + ", ".join(map(str, values)) + "]"


def verify_destination_style(op: Operation) -> None:
    """Upstream's DestinationStyleOpInterface checks: one result per tensor
    output, of its type, and tensors or buffers, not both."""
    outputs = list(op.outputs)  # type: ignore[attr-defined]
    tensor_outputs = [v for v in outputs if isinstance(v.type, TensorType)]
    if len(op.results) != len(tensor_outputs):
        raise VerifyException(
            f"expected the number of tensor results ({len(op.results)}) to be equal to the number of output "
            f"tensors ({len(tensor_outputs)})"
        )
    first_output = len(op.operands) - len(outputs)
    for result, output in zip(op.results, tensor_outputs):
        if result.type != output.type:
            raise VerifyException(
                f"expected type of operand #{first_output + outputs.index(output)} ('{output.type}') to match type "
                f"of corresponding result ('{result.type}')"
            )
    shaped = [v.type for v in op.operands if isinstance(v.type, ShapedType)]
    if any(isinstance(t, TensorType) for t in shaped) and any(isinstance(t, MemRefType) for t in shaped):
        raise VerifyException("expected to have pure tensor or buffer semantics")


def _verify_fill(op: Operation) -> None:
    from mlopt.diagnostics import DiagnosticError

    value, output = op.inputs[0], op.outputs[0]  # type: ignore[attr-defined]
    if isinstance(value.type, ShapedType):
        raise DiagnosticError.at(op, "expected op with scalar input")
    if value.type != _element_type(output.type):
        raise VerifyException(
            f"expected fill value type ('{value.type}') to match output element type ('{_element_type(output.type)}')"
        )


def _verify_matmul_maps(op: Operation) -> None:
    """A (batch) matmul's operands may drop (broadcast) but never add loop dims:
    A takes (b,) m, k; B (b,) k, n."""
    maps = indexing_maps(op)
    batch = maps[0].num_dims - 3
    m, n, k = batch, batch + 1, batch + 2
    allowed = [{*range(batch), m, k}, {*range(batch), k, n}]
    if op.name == "linalg.batch_reduce_matmul":
        allowed = [{0, 1, 3}, {0, 3, 2}]
    for affine_map, dims in zip(maps, allowed):
        if any(not isinstance(e, AffineDimExpr) or e.position not in dims for e in affine_map.results):
            raise VerifyException("Unexpected dim expression in map result.")
        if op.name == "linalg.matmul" and len(affine_map.results) == 1 and affine_map.results[0] != AffineExpr.dimension(k):
            raise VerifyException(f"Invalid broadcast requested, should be (d{k}).")
        if op.name == "linalg.batch_matmul" and len(affine_map.results) < 2:
            raise VerifyException("Invalid broadcast requested.")
    if op.name == "linalg.batch_matmul" and maps[2] != AffineMap(4, 0, tuple(AffineExpr.dimension(d) for d in range(3))):
        raise VerifyException("Invalid output map result dimension.")


def _verify_contract_maps(op: Operation) -> None:
    """Each map picks operand dims among the loops; every loop indexes the
    output (parallel) or both inputs (contracted). Upstream reports these
    without the op prefix."""
    from mlopt.diagnostics import DiagnosticError

    maps = indexing_maps(op)
    if any(not m.is_projected_permutation() for m in maps):
        raise DiagnosticError.at(op, "provided affine_map is not a projected permutation")
    if any(m.num_dims != maps[0].num_dims for m in maps):
        raise DiagnosticError.at(op, "iteration spaces of provided affine_maps differ")
    for value, affine_map in zip(op.operands, maps):
        if not isinstance(value.type, ShapedType) and affine_map.results:
            raise DiagnosticError.at(op, "affine_map specifies shaped access while operand has non-shaped type")
        if isinstance(value.type, ShapedType) and len(_shape(value.type)) != len(affine_map.results):
            raise DiagnosticError.at(op, "ranks of shaped operand and results of corresponding affine_map differ")
    lhs, rhs, out = ({e.position for e in m.results} for m in maps)  # type: ignore[attr-defined]
    for dim in range(maps[0].num_dims):
        if dim not in lhs | rhs | out:
            raise DiagnosticError.at(op, f"iteration space dim at index {dim} not used to access any operand")
        if dim not in out and not (dim in lhs and dim in rhs):
            raise DiagnosticError.at(
                op,
                f"iteration space dim at index {dim} is neither a contracting dim nor of parallel iteration type"
            )


def verify_invertible(op: Operation, maps: Sequence[AffineMap]) -> None:
    """Every loop is some operand dimension, so the loop ranges follow from the shapes."""
    if not maps:
        return
    concatenated = AffineMap(maps[0].num_dims, 0, tuple(e for m in maps for e in m.results))
    named = {e.position for e in concatenated.results if isinstance(e, AffineDimExpr)}
    if len(named) != concatenated.num_dims:
        raise VerifyException(f"invalid indexing maps are non-invertible: ({affine_map_text(concatenated)})")


def verify_enclosing_structured_op(op: Operation) -> Operation:
    """The linalg op a linalg.yield or linalg.index belongs to."""
    parent = op.parent_op()
    if parent is None or not parent.name.startswith("linalg.") or not hasattr(parent, "outputs"):
        raise VerifyException("expected parent op with LinalgOp interface")
    return parent


def verify_yield(op: Operation) -> None:
    """The region yields one value per output, of its element type."""
    from mlopt.diagnostics import DiagnosticError, location_of

    outputs = list(op.outputs)  # type: ignore[attr-defined]
    terminator = op.regions[0].block.last_op
    if terminator is None or terminator.name != "linalg.yield":
        return
    # An implicit body has no location of its own: upstream reports it at the op.
    where = terminator if location_of(terminator) is not None else op
    if len(terminator.operands) != len(outputs):
        raise DiagnosticError.at(
            where,
            f"'linalg.yield' op expected number of yield values ({len(terminator.operands)}) to match the number of "
            f"inits / outs operands of the enclosing LinalgOp ({len(outputs)})",
        )
    first_output = len(op.operands) - len(outputs)
    for index, (value, output) in enumerate(zip(terminator.operands, outputs)):
        element = _element_type(output.type)
        if value.type != element:
            raise DiagnosticError.at(
                where,
                f"'linalg.yield' op type of yield operand {first_output + index} ('{value.type}') doesn't match the "
                f"element type of the enclosing linalg.generic op ('{element}')",
            )


def _verify_transpose(op: Operation) -> None:
    verify_destination_style(op)
    permutation = list(op.permutation.get_values())  # type: ignore[attr-defined]
    input_shape, init_shape = _shape(op.operands[0].type), _shape(op.operands[1].type)
    if sorted(permutation) != list(range(len(permutation))):
        raise VerifyException("permutation is not valid")
    if len(input_shape) != len(init_shape):
        raise VerifyException(f"input rank {len(input_shape)} does not match init rank {len(init_shape)}")
    if len(permutation) != len(input_shape):
        raise VerifyException(
            f"size of permutation {len(permutation)} does not match the argument rank {len(input_shape)}"
        )
    for dim, (size, source) in enumerate(zip(init_shape, permutation)):
        if size >= 0 and input_shape[source] >= 0 and size != input_shape[source]:
            raise VerifyException(
                f"dim(result, {dim}) = {size} doesn't match dim(input, permutation[{dim}]) = {input_shape[source]}"
            )
    verify_yield(op)


def _verify_broadcast(op: Operation) -> None:
    verify_destination_style(op)
    dimensions = list(op.dimensions.get_values())  # type: ignore[attr-defined]
    input_shape, init_shape = _shape(op.operands[0].type), _shape(op.operands[1].type)
    if len(input_shape) + len(dimensions) != len(init_shape):
        raise VerifyException(
            f"input rank plus added dimensions does not match init rank. input rank: {len(input_shape)}, "
            f"dimensions size: {len(dimensions)}, init rank: {len(init_shape)}"
        )
    for index, dim in enumerate(dimensions):
        if not 0 <= dim < len(init_shape):
            raise VerifyException(
                f"dimension {index} is out of range. expected range: [0, {len(init_shape) - 1}], got: {dim}"
            )
    kept = [d for d in range(len(init_shape)) if d not in dimensions]
    for index, (size, dim) in enumerate(zip(input_shape, kept)):
        if size >= 0 and init_shape[dim] >= 0 and size != init_shape[dim]:
            raise VerifyException(
                f"input dim {index} should match init dim {dim}. input: {size}, init: {init_shape[dim]}"
            )
    verify_yield(op)


def _verify_reduce(op: Operation) -> None:
    dimensions = list(op.dimensions.get_values())  # type: ignore[attr-defined]
    if any(a >= b for a, b in zip(dimensions, dimensions[1:])):
        raise VerifyException(
            "attribute 'dimensions' failed to satisfy constraint: i64 dense array attribute should be in increasing "
            "order"
        )
    verify_destination_style(op)
    input_shape, init_shape = _shape(op.inputs[0].type), _shape(op.outputs[0].type)  # type: ignore[attr-defined]
    if any(not 0 <= d < len(input_shape) for d in dimensions):
        raise VerifyException(f"dimensions for reduction should be in the range [0, {len(input_shape) - 1}].")
    kept = [size for d, size in enumerate(input_shape) if d not in dimensions]
    if len(kept) != len(init_shape):
        raise VerifyException(
            f"number of dimensions after reduction {len(kept)} doesn't match the init rank {len(init_shape)}"
        )
    if any(a != b and a >= 0 and b >= 0 for a, b in zip(kept, init_shape)):
        raise VerifyException(
            f"init dimensions {_dims(init_shape)} doesn't match input dimensions after reduction {_dims(kept)}"
        )
    verify_yield(op)


class _ReduceSyntax:
    """``linalg.reduce ({ op })? ins(...) outs(...) dimensions = [...] (block args) region?``."""

    @classmethod
    def parse(cls, parser: Parser):
        short = _parse_short_form_op(parser)
        inputs = _parse_operand_group(parser, "ins")
        outputs = _parse_operand_group(parser, "outs")
        parser.parse_keyword("dimensions")
        parser.parse_punctuation("=")
        dimensions = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_integer)
        attributes = parse_attr_dict(parser)
        element_types = [_element_type(v.type) for v in (*inputs, *outputs)]
        if short is not None:
            # Reductions combine the init first: op(init, input).
            region = _payload_region(parser, short, element_types, lambda block: [block.args[1], block.args[0]])
        else:
            arguments = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, parser.parse_argument)
            region = parser.parse_region(arguments)
        return build_op(
            cls,
            operands=[inputs, outputs],
            result_types=[[v.type for v in outputs if isinstance(v.type, TensorType)]],
            properties={"dimensions": DenseArrayBase.from_list(i64, dimensions)},
            attributes=attributes,
            regions=[region],
        )

    def print(self, printer: Printer):
        block = self.regions[0].block
        payload = short_form_payload(block, [block.args[1], block.args[0]])
        if payload is not None:
            printer.print_string(f" {{ {payload.name} }}")
        half = len(self.operands) // 2
        _print_operand_group(printer, "ins", self.operands[:half])
        _print_operand_group(printer, "outs", self.operands[half:])
        _print_dense_i64_array(printer, "dimensions", self.properties["dimensions"])
        print_attr_dict(printer, self, ("dimensions",))
        if payload is None:
            _print_long_form_body(printer, self)


@irdl_op_definition
class ReduceOp(_ReduceSyntax, IRDLOperation):
    """linalg.reduce: combine each input along ``dimensions`` into its init,
    several inputs and inits at once (argmax keeps a value and an index).
    xDSL's op takes one input; upstream's any number."""

    name = "linalg.reduce"

    inputs = var_operand_def(base(MemRefType) | base(TensorType))
    inits = var_operand_def(base(MemRefType) | base(TensorType))
    result = var_result_def(TensorType)
    combiner = region_def("single_block")
    dimensions = prop_def(DenseArrayBase)

    irdl_options = (SameVariadicOperandSize(),)
    traits = traits_def(StructuredMemoryEffect())

    outputs = property(lambda self: tuple(self.inits))

    def verify_(self) -> None:
        _verify_reduce(self)


def copy_through_body(inputs: Sequence[SSAValue], outputs: Sequence[SSAValue]) -> Region:
    return build_body(lambda builder, args, _: _yield(builder, args[0]), [*inputs, *outputs], {})


def _dimension_op_syntax(keyword: str, *, grouped: bool) -> type:
    """``linalg.transpose|broadcast ins(...) outs(...) keyword = [...]``;
    ``grouped`` when the op's inputs and outputs are variadic operand groups."""

    class _Syntax:
        @classmethod
        def parse(cls, parser: Parser):
            inputs = _parse_operand_group(parser, "ins")
            outputs = _parse_operand_group(parser, "outs")
            parser.parse_keyword(keyword)
            parser.parse_punctuation("=")
            values = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_integer)
            attributes = parse_attr_dict(parser)
            return build_op(
                cls,
                operands=[inputs, outputs] if grouped else [*inputs, *outputs],
                result_types=[[v.type for v in outputs if isinstance(v.type, TensorType)]],
                properties={keyword: DenseArrayBase.from_list(i64, values)},
                attributes=attributes,
                regions=[copy_through_body(inputs, outputs)],
            )

        def print(self, printer: Printer):
            half = len(self.operands) // 2
            _print_operand_group(printer, "ins", self.operands[:half])
            _print_operand_group(printer, "outs", self.operands[half:])
            _print_dense_i64_array(printer, keyword, self.properties[keyword])
            print_attr_dict(printer, self, (keyword, "operandSegmentSizes"))

    return _Syntax


TransposeOp = extend_op(
    xops.TransposeOp,
    mixin=_dimension_op_syntax("permutation", grouped=True),
    methods={"verify_": _verify_transpose},
    traits=[StructuredMemoryEffect(), _canonicalized("TRANSPOSE_PATTERNS")],
)
BroadcastOp = extend_op(
    xops.BroadcastOp,
    mixin=_dimension_op_syntax("dimensions", grouped=False),
    traits=[StructuredMemoryEffect()],
    methods={
        "verify_": _verify_broadcast,
        "inputs": property(lambda self: (self.input,)),
        "outputs": property(lambda self: (self.init,)),
    },
)


class _GenericSyntax:
    """``linalg.generic {trait} ins(...) outs(...) (attrs = {...})? region (-> types)?``;
    the trait may be an attribute alias (``#trait``) of a dictionary."""

    @classmethod
    def parse(cls, parser: Parser):
        from xdsl.dialects.builtin import DictionaryAttr, StringAttr

        start = parser.pos
        trait = parser.parse_optional_attribute()
        if not isinstance(trait, DictionaryAttr):
            parser.raise_error("expected attribute value", start, parser.pos)
        entries = dict(trait.data)
        for required in ("indexing_maps", "iterator_types"):
            if required not in entries:
                parser.raise_error(f"expected {required} for linalg.generic", start, parser.pos)
        iterators = []
        for iterator in entries.pop("iterator_types").data:  # type: ignore[attr-defined]
            if isinstance(iterator, StringAttr):
                if iterator.data not in ("parallel", "reduction"):
                    parser.raise_error(f"custom op '{cls.name}' unexpected iterator_type ({iterator.data})")
                iterator = IteratorTypeAttr(xattrs.IteratorType(iterator.data))
            iterators.append(iterator)
        inputs = _parse_operand_group(parser, "ins")
        outputs = _parse_operand_group(parser, "outs")
        if parser.parse_optional_keyword("attrs"):
            parser.parse_punctuation("=")
            entries.update(parser.parse_optional_attr_dict())
        region = parser.parse_region()
        result_types = _parse_result_types(parser)
        entries.update(parse_attr_dict(parser))
        return build_op(
            cls,
            operands=[inputs, outputs],
            result_types=[result_types],
            properties={"iterator_types": ArrayAttr(iterators)},
            attributes=entries,
            regions=[region],
        )


    def verify_(self) -> None:
        maps = [m.data for m in self.indexing_maps.data]
        verify_destination_style(self)
        verify_static_shapes(self, maps)
        if all(m.num_dims == len(self.iterator_types) and not m.num_symbols for m in maps):
            verify_invertible(self, maps)
        if len(self.body.block.args) != len(self.operands):
            raise VerifyException(
                "expected as many non-induction variable region arguments as the number of input/output operands"
            )
        xops.GenericOp.verify_(self)
        verify_yield(self)


GenericOp = extend_op(
    xops.GenericOp, mixin=_GenericSyntax, traits=[StructuredMemoryEffect(), _canonicalized("GENERIC_PATTERNS")]
)
YieldOp = extend_op(xops.YieldOp, methods={"verify_": verify_enclosing_structured_op})


class _SoftmaxSyntax:
    """``linalg.softmax dimension(d) ins(%x : t) outs(%y : t) (-> t)?``."""

    @classmethod
    def parse(cls, parser: Parser):
        attributes = parse_attr_dict(parser)
        parser.parse_keyword("dimension")
        parser.parse_punctuation("(")
        dimension = IntegerAttr(parser.parse_integer(), i64)
        parser.parse_punctuation(")")
        inputs = _parse_operand_group(parser, "ins")
        outputs = _parse_operand_group(parser, "outs")
        return build_op(
            cls,
            operands=[inputs[0], outputs[0]],
            result_types=[_parse_result_types(parser)],
            properties={"dimension": dimension},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        print_attr_dict(printer, self, ("dimension",))
        printer.print_string(f" dimension({self.dimension.value.data})")
        _print_operand_group(printer, "ins", [self.input])
        _print_operand_group(printer, "outs", [self.output])
        _print_result_types(printer, self.result_types)


@irdl_op_definition
class SoftmaxOp(_SoftmaxSyntax, IRDLOperation):
    """linalg.softmax: exp(x - max) / sum(exp(x - max)) along ``dimension``."""

    name = "linalg.softmax"

    input = operand_def(base(MemRefType) | base(TensorType))
    output = operand_def(base(MemRefType) | base(TensorType))
    result = var_result_def(TensorType)
    dimension = prop_def(IntegerAttr)

    inputs = property(lambda self: (self.input,))
    outputs = property(lambda self: (self.output,))
    traits = traits_def(StructuredMemoryEffect())

    def verify_(self) -> None:
        input_shape, output_shape = _shape(self.input.type), _shape(self.output.type)
        if len(input_shape) != len(output_shape) or any(
            a != b and a >= 0 and b >= 0 for a, b in zip(input_shape, output_shape)
        ):
            raise VerifyException("incompatible output shape")
        if not 0 <= self.dimension.value.data < len(input_shape):
            raise VerifyException("incorrect dimension specified")


def _parse_tile_list(parser: Parser) -> tuple[list[int], list[SSAValue]]:
    """``[4, %n]``: the static tiles (DYNAMIC where an index operand stands) and those operands."""
    from mlopt.dialects.syntax import DYNAMIC

    static: list[int] = []
    dynamic = []

    def entry() -> None:
        operand = parser.parse_optional_unresolved_operand()
        static.append(DYNAMIC if operand is not None else parser.parse_integer())
        if operand is not None:
            dynamic.append(operand)

    parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, entry)
    return static, resolve(parser, dynamic, IndexType()) if dynamic else []


def _print_index_array(printer: Printer, keyword: str, values: Sequence[int]) -> None:
    printer.print_string(f" {keyword} = [" + ", ".join(map(str, values)) + "]")


class _RelayoutSyntax:
    """``linalg.pack|unpack %src (padding_value(%p : t))? (outer_dims_perm = [...])?
    inner_dims_pos = [...] inner_tiles = [...] into %dest attr-dict : t -> t``."""

    PACK: ClassVar[bool]

    @classmethod
    def parse(cls, parser: Parser):
        source = parser.parse_unresolved_operand()
        padding = []
        if cls.PACK and parser.parse_optional_keyword("padding_value"):
            parser.parse_punctuation("(")
            value = parser.parse_unresolved_operand()
            parser.parse_punctuation(":")
            padding = resolve(parser, [value], [parser.parse_type()])
            parser.parse_punctuation(")")
        properties: dict[str, Attribute] = {}
        for keyword in ("outer_dims_perm", "inner_dims_pos"):
            if keyword == "inner_dims_pos" or parser.parse_optional_keyword(keyword):
                if keyword == "inner_dims_pos":
                    parser.parse_keyword(keyword)
                parser.parse_punctuation("=")
                values = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_integer)
                properties[keyword] = DenseArrayBase.from_list(i64, values)
        parser.parse_keyword("inner_tiles")
        parser.parse_punctuation("=")
        static_tiles, tiles = _parse_tile_list(parser)
        properties["static_inner_tiles"] = DenseArrayBase.from_list(i64, static_tiles)
        parser.parse_keyword("into")
        dest = parser.parse_unresolved_operand()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        source_type = parser.parse_type()
        parser.parse_punctuation("->")
        dest_type = parser.parse_type()
        operands = resolve(parser, [source, dest], [source_type, dest_type])
        return build_op(
            cls,
            operands=[operands[0], operands[1], padding, tiles] if cls.PACK else [operands[0], operands[1], tiles],
            result_types=[[dest_type] if isinstance(dest_type, TensorType) else []],
            properties=properties,
            attributes=attributes,
        )

    def print(self, printer: Printer):
        from mlopt.dialects.syntax import DYNAMIC

        printer.print_string(" ")
        printer.print_operand(self.source)
        padding = getattr(self, "padding_value", None)
        if padding is not None:
            printer.print_string(" padding_value(")
            printer.print_operand(padding)
            printer.print_string(" : ")
            printer.print_attribute(padding.type)
            printer.print_string(")")
        perm = self.properties.get("outer_dims_perm")
        if perm is not None and perm.get_values():
            _print_index_array(printer, "outer_dims_perm", perm.get_values())
        _print_index_array(printer, "inner_dims_pos", self.inner_dims_pos.get_values())
        dynamic = iter(self.inner_tiles)
        printer.print_string(" inner_tiles = [")
        printer.print_list(
            self.static_inner_tiles.get_values(),
            lambda s: printer.print_operand(next(dynamic)) if s == DYNAMIC else printer.print_string(str(s)),
        )
        printer.print_string("] into ")
        printer.print_operand(self.dest)
        print_attr_dict(printer, self, ("outer_dims_perm", "inner_dims_pos", "static_inner_tiles", "operandSegmentSizes"))
        printer.print_string(" : ")
        printer.print_attribute(self.source.type)
        printer.print_string(" -> ")
        printer.print_attribute(self.dest.type)

    @property
    def inputs(self) -> tuple[SSAValue, ...]:
        return (self.source,)

    @property
    def outputs(self) -> tuple[SSAValue, ...]:
        return (self.dest,)

    def packed_and_unpacked(self) -> tuple[SSAValue, SSAValue]:
        """(the tiled operand, the plain one)."""
        return (self.dest, self.source) if self.PACK else (self.source, self.dest)

    def tile_of_dims(self) -> dict[int, int]:
        """The static tile size of each tiled dimension of the plain operand."""
        return dict(zip(self.inner_dims_pos.get_values(), self.static_inner_tiles.get_values()))

    def outer_permutation(self) -> list[int]:
        rank = len(_shape(self.packed_and_unpacked()[1].type))
        perm = self.properties.get("outer_dims_perm")
        return list(perm.get_values()) if perm is not None and perm.get_values() else list(range(rank))

    def _packed_shape(self, plain: Sequence[int], tiles: Sequence[int]) -> list[int]:
        """The packed shape the plain shape and tiles give: tiled dims divided
        (rounding up), the outer dims permuted, the tiles appended; -1 where unknown."""
        tile_of = self.tile_of_dims()
        outer = []
        for dim, size in enumerate(plain):
            tile = tile_of.get(dim)
            outer.append(size if tile is None else -1 if size < 0 or tile < 0 else -(-size // tile))
        return [outer[d] for d in self.outer_permutation()] + [t if t >= 0 else -1 for t in tiles]

    def verify_(self) -> None:
        from mlopt.diagnostics import DiagnosticError
        from mlopt.dialects.syntax import DYNAMIC

        packed, plain = (_shape(v.type) for v in self.packed_and_unpacked())
        positions = list(self.inner_dims_pos.get_values())
        tiles = list(self.static_inner_tiles.get_values())
        if len(tiles) != len(positions):
            raise DiagnosticError.at(self, "tiling factors must equal the number of dimensions to tile")
        if len(set(positions)) != len(positions) or any(not 0 <= p < len(plain) for p in positions):
            raise DiagnosticError.at(self, "invalid inner_dims_pos vector")
        perm = self.properties.get("outer_dims_perm")
        if perm is not None and perm.get_values() and sorted(perm.get_values()) != list(range(len(plain))):
            raise DiagnosticError.at(self, "outer_dims_perm must be a permutation or empty")
        if len(packed) != len(plain) + len(tiles):
            raise DiagnosticError.at(
                self,
                f"packed rank != (unpacked rank + num tiling factors), got {len(packed)} != {len(plain) + len(tiles)}"
            )
        for tile, size in zip(tiles, packed[len(plain) :]):
            if tile != size and not (tile == DYNAMIC and size < 0) and tile != DYNAMIC:
                raise DiagnosticError.at(
                    self, "mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type"
                )
            if tile == DYNAMIC and size >= 0:
                raise DiagnosticError.at(
                    self, "mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type"
                )
        expected = self._packed_shape(plain, tiles)
        if any(a != b and a >= 0 and b >= 0 for a, b in zip(expected, packed)):
            packed_type = self.packed_and_unpacked()[0].type
            expected_type = type(packed_type)(_element_type(packed_type), expected)
            raise DiagnosticError.at(
                self, f"expected '{expected_type}' for the packed domain value, got '{packed_type}'"
            )
        if self.PACK and getattr(self, "padding_value", None) is None:
            outer = self.outer_permutation()
            tile_of = self.tile_of_dims()
            for dim, size in enumerate(plain):
                tile = tile_of.get(dim)
                if tile is None or tile < 0 or size < 0:
                    continue
                outer_size = packed[outer.index(dim)]
                if size % tile or (outer_size >= 0 and outer_size * tile != size):
                    raise VerifyException(
                        "invalid tile factor or output size provided. Only full tiles are supported when "
                        "padding_value is not set"
                    )


@irdl_op_definition
class PackOp(_RelayoutSyntax, IRDLOperation):
    """linalg.pack: tile the source's ``inner_dims_pos`` dims into trailing dims
    of the destination, padding partial tiles with ``padding_value``.
    Also on memrefs (an mlopt extension: bufferized packs lower to loops)."""

    name = "linalg.pack"
    PACK: ClassVar[bool] = True

    source = operand_def(base(MemRefType) | base(TensorType))
    dest = operand_def(base(MemRefType) | base(TensorType))
    padding_value = opt_operand_def()
    inner_tiles = var_operand_def(IndexType)
    outer_dims_perm = opt_prop_def(DenseArrayBase)
    inner_dims_pos = prop_def(DenseArrayBase)
    static_inner_tiles = prop_def(DenseArrayBase)
    result = var_result_def(TensorType)

    inputs = property(lambda self: (self.source,))
    outputs = property(lambda self: (self.dest,))
    traits = traits_def(StructuredMemoryEffect(), _canonicalized("PACK_PATTERNS"))

    irdl_options = (AttrSizedOperandSegments(as_property=True),)


@irdl_op_definition
class UnPackOp(_RelayoutSyntax, IRDLOperation):
    """linalg.unpack: the inverse of linalg.pack (partial tiles are dropped).
    Also on memrefs (an mlopt extension: bufferized unpacks lower to loops)."""

    name = "linalg.unpack"
    PACK: ClassVar[bool] = False

    source = operand_def(base(MemRefType) | base(TensorType))
    dest = operand_def(base(MemRefType) | base(TensorType))
    inner_tiles = var_operand_def(IndexType)
    outer_dims_perm = opt_prop_def(DenseArrayBase)
    inner_dims_pos = prop_def(DenseArrayBase)
    static_inner_tiles = prop_def(DenseArrayBase)
    result = var_result_def(TensorType)

    inputs = property(lambda self: (self.source,))
    outputs = property(lambda self: (self.dest,))
    traits = traits_def(StructuredMemoryEffect())


Linalg: Dialect = replace_ops(
    XLinalg,
    *NAMED_OPS,
    GenericOp,
    YieldOp,
    SoftmaxOp,
    PackOp,
    UnPackOp,
    IndexOp,
    MapOp,
    ReduceOp,
    TransposeOp,
    BroadcastOp,
    attributes=[TypeFnAttr, ElementwiseKindAttr],
)
