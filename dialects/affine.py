"""The affine dialect with upstream MLIR 22's syntax and ops.

Memory accesses take upstream's affine expressions of SSA values, where a
plain value is a dimension and ``symbol(%v)`` a symbol (xDSL makes every value
a symbol, which changes the ops' maps). Adds the custom syntax of affine.if
and affine.parallel, and the ops xDSL lacks: affine.max, affine.prefetch,
affine.dma_start/dma_wait, affine.delinearize_index, affine.linearize_index.
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects import affine as xaffine
from xdsl.dialects.builtin import (
    AffineMapAttr,
    AffineSetAttr,
    ArrayAttr,
    BoolAttr,
    DenseArrayBase,
    DenseIntOrFPElementsAttr,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    TensorType,
    UnitAttr,
    VectorType,
    i32,
    i64,
)
from xdsl.ir import Attribute, Block, Dialect, Region, SSAValue
from xdsl.ir.affine import AffineExpr, AffineMap
from xdsl.irdl import (
    AttrSizedOperandSegments,
    IRDLOperation,
    base,
    irdl_op_definition,
    operand_def,
    prop_def,
    result_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser, UnresolvedOperand
from xdsl.parser.affine_parser import AffineParser
from xdsl.printer import Printer
from xdsl.traits import IsTerminator, MemoryReadEffect, MemoryWriteEffect, Pure
from xdsl.utils.exceptions import VerifyException
from xdsl.utils.mlir_lexer import MLIRTokenKind

from mlopt.dialects.builtin import write_affine_expr
from mlopt.dialects.extension import extend_op, replace_ops
from mlopt.dialects.memref import ATOMIC_RMW_KINDS
from mlopt.dialects.syntax import (
    PREFETCH_HINTS,
    parse_prefetch_hints,
    print_prefetch_hints,
    build_op,
    parse_mixed_list,
    print_mixed_list,
    parse_attr_dict,
    parse_operand_list,
    parse_optional_arrow_types,
    print_arrow_types,
    print_attr_dict,
    print_values,
    resolve,
)


# --------------------------------------------------------------------------- affine maps of SSA values


class _SSAAffineSpace:
    """Numbers the SSA values of affine expressions as upstream does: plain
    values are dimensions, ``symbol(%v)`` values symbols, each in order of
    first appearance; the operands are the dimensions, then the symbols."""

    def __init__(self, parser: Parser):
        self._parser = parser
        self._affine = AffineParser(parser._parser_state)
        self._dims: dict[tuple[str, int], UnresolvedOperand] = {}
        self._symbols: dict[tuple[str, int], UnresolvedOperand] = {}

    def expr(self) -> AffineExpr:
        return self._affine._parse_affine_expr(self._leaf)

    def _leaf(self) -> AffineExpr | None:
        parser = self._parser
        if parser._current_token.kind == MLIRTokenKind.BARE_IDENT and parser._current_token.text == "symbol":
            parser.parse_keyword("symbol")
            parser.parse_punctuation("(")
            operand = parser.parse_unresolved_operand()
            parser.parse_punctuation(")")
            table, make = self._symbols, AffineExpr.symbol
        else:
            operand = parser.parse_optional_unresolved_operand()
            if operand is None:
                return None
            table, make = self._dims, AffineExpr.dimension
        key = (operand.operand_name, operand.index)
        table.setdefault(key, operand)
        return make(list(table).index(key))

    def map(self, exprs: Sequence[AffineExpr]) -> AffineMap:
        return AffineMap(len(self._dims), len(self._symbols), tuple(exprs))

    @property
    def operands(self) -> list[UnresolvedOperand]:
        return [*self._dims.values(), *self._symbols.values()]


def parse_ssa_affine_map(parser: Parser, delimiter: Parser.Delimiter) -> tuple[AffineMap, list[UnresolvedOperand]]:
    """``[%i, %j + 1, symbol(%n)]``: the map and its operands (dims, then symbols)."""
    space = _SSAAffineSpace(parser)
    exprs = parser.parse_comma_separated_list(delimiter, space.expr)
    return space.map(exprs), space.operands


def print_ssa_affine_map(printer: Printer, map: AffineMap, operands: Sequence[SSAValue], open: str = "[", close: str = "]") -> None:
    """The inverse of :func:`parse_ssa_affine_map`."""

    def symbol(position: int) -> None:
        printer.print_string("symbol(")
        printer.print_operand(operands[map.num_dims + position])
        printer.print_string(")")

    printer.print_string(open)
    for index, expr in enumerate(map.results):
        if index:
            printer.print_string(", ")
        write_affine_expr(expr, printer.print_string, lambda p: printer.print_operand(operands[p]), symbol)
    printer.print_string(close)


def parse_map_with_operands(parser: Parser) -> tuple[AffineMapAttr, list[SSAValue]]:
    """``#map(%d0, ...)[%s0, ...]`` as in affine.apply/min/max."""
    start = parser.pos
    map_attr = parser.parse_attribute()
    if not isinstance(map_attr, AffineMapAttr):
        parser.raise_error("expected an affine map")
    dims = parser.parse_optional_comma_separated_list(Parser.Delimiter.PAREN, parser.parse_unresolved_operand) or []
    symbols = parser.parse_optional_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_unresolved_operand) or []
    if len(dims) != map_attr.data.num_dims or len(symbols) != map_attr.data.num_symbols:
        parser.raise_error("dimension or symbol index mismatch", start, parser.pos)
    return map_attr, resolve(parser, dims + symbols, IndexType())


def print_map_with_operands(printer: Printer, map_attr: Attribute, operands: Sequence[SSAValue]) -> None:
    printer.print_attribute(map_attr)
    num_dims = map_attr.data.num_dims
    printer.print_string("(")
    print_values(printer, operands[:num_dims])
    printer.print_string(")")
    if len(operands) > num_dims:
        printer.print_string("[")
        print_values(printer, operands[num_dims:])
        printer.print_string("]")


# --------------------------------------------------------------------------- apply, min, max


class _MapOpSyntax:
    """``affine.apply|min|max #map(%dims)[%symbols] attr-dict``."""

    @classmethod
    def parse(cls, parser: Parser):
        map_attr, operands = parse_map_with_operands(parser)
        return build_op(
            cls,
            operands=[operands],
            result_types=[IndexType()],
            properties={"map": map_attr},
            attributes=parse_attr_dict(parser),
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        print_map_with_operands(printer, self.properties["map"], self.operands)
        print_attr_dict(printer, self, ("map",))


ApplyOp = extend_op(xaffine.ApplyOp, mixin=_MapOpSyntax)
MinOp = extend_op(xaffine.MinOp, mixin=_MapOpSyntax)


@irdl_op_definition
class MaxOp(_MapOpSyntax, IRDLOperation):
    """affine.max: the maximum of an affine map's results."""

    name = "affine.max"

    arguments = var_operand_def(IndexType)
    map = prop_def(AffineMapAttr)
    result = result_def(IndexType)

    traits = traits_def(Pure())

    def verify_(self) -> None:
        if len(self.arguments) != self.map.data.num_dims + self.map.data.num_symbols:
            raise VerifyException("operand count and affine map dimension and symbol count must match")


# --------------------------------------------------------------------------- memory accesses


def _parse_access(parser: Parser) -> tuple[UnresolvedOperand, AffineMap, list[UnresolvedOperand]]:
    memref = parser.parse_unresolved_operand()
    map, operands = parse_ssa_affine_map(parser, Parser.Delimiter.SQUARE)
    return memref, map, operands


class _LoadSyntax:
    """``affine.load %m[map] attr-dict : type`` (vector_load adds ``, vector type``)."""

    @classmethod
    def parse(cls, parser: Parser):
        memref, map, indices = _parse_access(parser)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        memref_type = parser.parse_type()
        result_type = memref_type.element_type if isinstance(memref_type, MemRefType) else memref_type
        if parser.parse_optional_punctuation(","):
            result_type = parser.parse_type()
        return build_op(
            cls,
            operands=[resolve(parser, [memref], memref_type)[0], resolve(parser, indices, IndexType())],
            result_types=[result_type],
            properties={"map": AffineMapAttr(map)},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        memref, *indices = self.operands
        printer.print_string(" ")
        printer.print_operand(memref)
        print_ssa_affine_map(printer, self.properties["map"].data, indices)
        print_attr_dict(printer, self, ("map",))
        printer.print_string(" : ")
        printer.print_attribute(memref.type)
        if isinstance(self.results[0].type, VectorType):
            printer.print_string(", ")
            printer.print_attribute(self.results[0].type)

    def verify_(self) -> None:
        _verify_access(self, self.operands[0], self.operands[1:])


class _StoreSyntax:
    """``affine.store %v, %m[map] attr-dict : type`` (vector_store adds ``, vector type``)."""

    @classmethod
    def parse(cls, parser: Parser):
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        memref, map, indices = _parse_access(parser)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        memref_type = parser.parse_type()
        value_type = memref_type.element_type if isinstance(memref_type, MemRefType) else memref_type
        if parser.parse_optional_punctuation(","):
            value_type = parser.parse_type()
        return build_op(
            cls,
            operands=[*resolve(parser, [value, memref], [value_type, memref_type]), resolve(parser, indices, IndexType())],
            properties={"map": AffineMapAttr(map)},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        value, memref, *indices = self.operands
        printer.print_string(" ")
        printer.print_operand(value)
        printer.print_string(", ")
        printer.print_operand(memref)
        print_ssa_affine_map(printer, self.properties["map"].data, indices)
        print_attr_dict(printer, self, ("map",))
        printer.print_string(" : ")
        printer.print_attribute(memref.type)
        if isinstance(value.type, VectorType):
            printer.print_string(", ")
            printer.print_attribute(value.type)

    def verify_(self) -> None:
        _verify_access(self, self.operands[1], self.operands[2:])


def _verify_access(op, memref: SSAValue, indices: Sequence[SSAValue]) -> None:
    map = op.properties["map"].data
    if isinstance(memref.type, MemRefType) and len(map.results) != memref.type.get_num_dims():
        raise VerifyException("affine map num results must equal memref rank")
    if len(indices) != map.num_dims + map.num_symbols:
        raise VerifyException("expects as many subscripts as affine map inputs")


LoadOp = extend_op(xaffine.LoadOp, mixin=_LoadSyntax)
StoreOp = extend_op(xaffine.StoreOp, mixin=_StoreSyntax)
VectorLoadOp = extend_op(xaffine.VectorLoadOp, mixin=_LoadSyntax)
VectorStoreOp = extend_op(xaffine.VectorStoreOp, mixin=_StoreSyntax)


@irdl_op_definition
class PrefetchOp(IRDLOperation):
    """affine.prefetch: a prefetch hint at an affine access."""

    name = "affine.prefetch"

    memref = operand_def(MemRefType)
    indices = var_operand_def(IndexType)
    isWrite = prop_def(BoolAttr)
    localityHint = prop_def(IntegerAttr[IntegerType])
    isDataCache = prop_def(BoolAttr)
    map = prop_def(AffineMapAttr)

    @classmethod
    def parse(cls, parser: Parser) -> PrefetchOp:
        memref, map, indices = _parse_access(parser)
        hints = parse_prefetch_hints(parser)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        memref_type = parser.parse_type()
        return build_op(
            cls,
            operands=[resolve(parser, [memref], memref_type)[0], resolve(parser, indices, IndexType())],
            properties={**hints, "map": AffineMapAttr(map)},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.memref)
        print_ssa_affine_map(printer, self.map.data, self.indices)
        print_prefetch_hints(printer, self)
        print_attr_dict(printer, self, (*PREFETCH_HINTS, "map"))
        printer.print_string(" : ")
        printer.print_attribute(self.memref.type)


_DMA_MAPS = ("src_map", "dst_map", "tag_map")


@irdl_op_definition
class DmaStartOp(IRDLOperation):
    """affine.dma_start: src[map], dst[map], tag[map], num (, stride, per-stride).

    The maps are attributes (``src_map``, ``dst_map``, ``tag_map``); each map's
    input count says how many index operands follow its memref."""

    name = "affine.dma_start"

    operands_ = var_operand_def()

    traits = traits_def(MemoryReadEffect(), MemoryWriteEffect())

    @classmethod
    def parse(cls, parser: Parser) -> DmaStartOp:
        accesses = []
        for index in range(3):
            if index:
                parser.parse_punctuation(",")
            accesses.append(_parse_access(parser))
        parser.parse_punctuation(",")
        counts = parse_operand_list(parser)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        types = [parser.parse_type()]
        for _ in range(2):
            parser.parse_punctuation(",")
            types.append(parser.parse_type())
        index = IndexType()
        operands: list[SSAValue] = []
        for (memref, _, indices), type in zip(accesses, types):
            operands += resolve(parser, [memref], type) + resolve(parser, indices, index)
        operands += resolve(parser, counts, index)
        for name, (_, map, _) in zip(_DMA_MAPS, accesses):
            attributes[name] = AffineMapAttr(map)
        return build_op(cls, operands=[operands], attributes=attributes)

    def _accesses(self) -> tuple[list[tuple[SSAValue, list[SSAValue], AffineMap]], list[SSAValue]]:
        operands = list(self.operands)
        accesses = []
        position = 0
        for name in _DMA_MAPS:
            map = self.attributes[name].data
            count = map.num_dims + map.num_symbols
            accesses.append((operands[position], operands[position + 1 : position + 1 + count], map))
            position += 1 + count
        return accesses, operands[position:]

    def print(self, printer: Printer):
        accesses, counts = self._accesses()
        printer.print_string(" ")
        for index, (memref, indices, map) in enumerate(accesses):
            if index:
                printer.print_string(", ")
            printer.print_operand(memref)
            print_ssa_affine_map(printer, map, indices)
        printer.print_string(", ")
        print_values(printer, counts)
        print_attr_dict(printer, self, _DMA_MAPS)
        printer.print_string(" : ")
        printer.print_list([memref.type for memref, _, _ in accesses], printer.print_attribute)


@irdl_op_definition
class DmaWaitOp(IRDLOperation):
    """affine.dma_wait: tag[map], num; the map is the ``tag_map`` attribute."""

    name = "affine.dma_wait"

    operands_ = var_operand_def()

    traits = traits_def(MemoryReadEffect(), MemoryWriteEffect())

    @classmethod
    def parse(cls, parser: Parser) -> DmaWaitOp:
        tag, map, indices = _parse_access(parser)
        parser.parse_punctuation(",")
        num = parser.parse_unresolved_operand()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        tag_type = parser.parse_type()
        attributes["tag_map"] = AffineMapAttr(map)
        operands = resolve(parser, [tag], tag_type) + resolve(parser, indices + [num], IndexType())
        return build_op(cls, operands=[operands], attributes=attributes)

    def print(self, printer: Printer):
        tag, *rest = self.operands
        printer.print_string(" ")
        printer.print_operand(tag)
        print_ssa_affine_map(printer, self.attributes["tag_map"].data, rest[:-1])
        printer.print_string(", ")
        printer.print_operand(rest[-1])
        print_attr_dict(printer, self, ("tag_map",))
        printer.print_string(" : ")
        printer.print_attribute(tag.type)


# --------------------------------------------------------------------------- if and parallel


class _IfSyntax:
    """``affine.if #set(%dims)[%symbols] (-> types)? region (else region)? attr-dict``."""

    @classmethod
    def parse(cls, parser: Parser):
        condition = parser.parse_attribute()
        if not isinstance(condition, AffineSetAttr):
            parser.raise_error("expected an integer set")
        dims = parser.parse_optional_comma_separated_list(Parser.Delimiter.PAREN, parser.parse_unresolved_operand) or []
        symbols = parser.parse_optional_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_unresolved_operand) or []
        result_types = parse_optional_arrow_types(parser)
        then_region = parser.parse_region()
        else_region = parser.parse_region() if parser.parse_optional_keyword("else") else Region()
        op = build_op(
            cls,
            operands=[resolve(parser, dims + symbols, IndexType())],
            result_types=[result_types],
            properties={"condition": condition},
            attributes=parse_attr_dict(parser),
            regions=[then_region, else_region],
        )
        for region in op.regions:
            if region.blocks and (region.block.last_op is None or not region.block.last_op.has_trait(IsTerminator)):
                region.block.add_op(xaffine.YieldOp.get())
        if not then_region.blocks:
            then_region.add_block(Block([xaffine.YieldOp.get()]))
        return op

    def print(self, printer: Printer):
        condition = self.properties["condition"]
        printer.print_string(" ")
        printer.print_attribute(condition)
        num_dims = condition.data.num_dims
        printer.print_string("(")
        print_values(printer, self.operands[:num_dims])
        printer.print_string(")")
        if len(self.operands) > num_dims:
            printer.print_string("[")
            print_values(printer, self.operands[num_dims:])
            printer.print_string("]")
        print_arrow_types(printer, self.result_types)
        printer.print_string(" ")
        terminators = bool(self.results)
        printer.print_region(self.regions[0], print_entry_block_args=False, print_block_terminators=terminators)
        else_region = self.regions[1]
        if else_region.blocks and (terminators or len(else_region.block.ops) > 1):
            printer.print_string(" else ")
            printer.print_region(else_region, print_entry_block_args=False, print_block_terminators=terminators)
        print_attr_dict(printer, self, ("condition",))


IfOp = extend_op(xaffine.IfOp, mixin=_IfSyntax)


def _parse_bound_list(parser: Parser, keyword: str) -> tuple[AffineMap, list[int], list[UnresolvedOperand]]:
    """``(e0, max(e1, e2), ...)`` of SSA-valued affine expressions: the map of the
    flattened results, the group sizes, and the operands."""
    exprs: list[AffineExpr] = []
    groups: list[int] = []
    space = _SSAAffineSpace(parser)

    def group() -> None:
        if parser.parse_optional_keyword(keyword):
            members = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, space.expr)
        else:
            members = [space.expr()]
        exprs.extend(members)
        groups.append(len(members))

    parser.parse_comma_separated_list(Parser.Delimiter.PAREN, group)
    return space.map(exprs), groups, space.operands


def _print_bound_list(printer: Printer, map: AffineMap, groups: Sequence[int], operands: Sequence[SSAValue], keyword: str) -> None:
    def symbol(position: int) -> None:
        printer.print_string("symbol(")
        printer.print_operand(operands[map.num_dims + position])
        printer.print_string(")")

    def expr(e: AffineExpr) -> None:
        write_affine_expr(e, printer.print_string, lambda p: printer.print_operand(operands[p]), symbol)

    printer.print_string("(")
    start = 0
    for index, size in enumerate(groups):
        if index:
            printer.print_string(", ")
        members = map.results[start : start + size]
        if size == 1:
            expr(members[0])
        else:
            printer.print_string(f"{keyword}(")
            printer.print_list(members, expr)
            printer.print_string(")")
        start += size
    printer.print_string(")")


def _groups_attr(groups: Sequence[int]) -> DenseIntOrFPElementsAttr:
    return DenseIntOrFPElementsAttr.from_list(TensorType(i32, [len(groups)]), groups)


class _ParallelSyntax:
    """``affine.parallel (ivs) = (lbs) to (ubs) (step (s))? (reduce ("k") -> (t))? region``."""

    @classmethod
    def parse(cls, parser: Parser):
        ivs = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, lambda: parser.parse_argument(expect_type=False))
        parser.parse_punctuation("=")
        lower, lower_groups, lower_operands = _parse_bound_list(parser, "max")
        parser.parse_keyword("to")
        upper, upper_groups, upper_operands = _parse_bound_list(parser, "min")
        steps = [1] * len(ivs)
        if parser.parse_optional_keyword("step"):
            steps = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, parser.parse_integer)
        reductions: list[Attribute] = []
        result_types: list[Attribute] = []
        if parser.parse_optional_keyword("reduce"):

            def reduction() -> None:
                kind = parser.parse_str_literal()
                if kind not in ATOMIC_RMW_KINDS:
                    parser.raise_error(f"invalid reduction value: \"{kind}\"")
                reductions.append(IntegerAttr(ATOMIC_RMW_KINDS.index(kind), i64))

            parser.parse_comma_separated_list(Parser.Delimiter.PAREN, reduction)
            result_types = parse_optional_arrow_types(parser)
        index = IndexType()
        region = parser.parse_region([iv.resolve(index) for iv in ivs])
        if not region.block.ops or not region.block.last_op.has_trait(IsTerminator):
            region.block.add_op(xaffine.YieldOp.get())
        operands = resolve(parser, lower_operands + upper_operands, index)
        return build_op(
            cls,
            operands=[operands],
            result_types=[result_types],
            properties={
                "reductions": ArrayAttr(reductions),
                "lowerBoundsMap": AffineMapAttr(lower),
                "lowerBoundsGroups": _groups_attr(lower_groups),
                "upperBoundsMap": AffineMapAttr(upper),
                "upperBoundsGroups": _groups_attr(upper_groups),
                "steps": ArrayAttr([IntegerAttr(s, i64) for s in steps]),
            },
            attributes=parse_attr_dict(parser),
            regions=[region],
        )

    def print(self, printer: Printer):
        lower = self.properties["lowerBoundsMap"].data
        upper = self.properties["upperBoundsMap"].data
        num_lower = lower.num_dims + lower.num_symbols
        printer.print_string(" (")
        print_values(printer, self.regions[0].block.args)
        printer.print_string(") = ")
        _print_bound_list(printer, lower, self.properties["lowerBoundsGroups"].get_values(), self.operands[:num_lower], "max")
        printer.print_string(" to ")
        _print_bound_list(printer, upper, self.properties["upperBoundsGroups"].get_values(), self.operands[num_lower:], "min")
        steps = [s.value.data for s in self.properties["steps"].data]
        if any(s != 1 for s in steps):
            printer.print_string(" step (" + ", ".join(map(str, steps)) + ")")
        reductions = self.properties["reductions"].data
        if reductions:
            printer.print_string(" reduce (")
            printer.print_list(reductions, lambda r: printer.print_string_literal(ATOMIC_RMW_KINDS[r.value.data]))
            printer.print_string(")")
            print_arrow_types(printer, self.result_types)
        printer.print_string(" ")
        printer.print_region(self.regions[0], print_entry_block_args=False, print_block_terminators=bool(self.results))
        print_attr_dict(
            printer, self,
            ("reductions", "lowerBoundsMap", "lowerBoundsGroups", "upperBoundsMap", "upperBoundsGroups", "steps"),
        )  # fmt: skip

    def verify_(self) -> None:
        lower = self.properties["lowerBoundsMap"].data
        upper = self.properties["upperBoundsMap"].data
        expected = lower.num_dims + lower.num_symbols + upper.num_dims + upper.num_symbols
        if len(self.operands) != expected:
            raise VerifyException(f"expects {expected} map operands, got {len(self.operands)}")
        rank = len(self.regions[0].block.args)
        for name in ("lowerBoundsGroups", "upperBoundsGroups", "steps"):
            values = self.properties[name]
            count = len(values.data) if isinstance(values, ArrayAttr) else len(values.get_values())
            if count != rank:
                raise VerifyException(f"the number of region arguments ({rank}) and the number of map groups for {name} ({count}) don't match")
        if len(self.properties["reductions"].data) != len(self.results):
            raise VerifyException("a reduction must be specified for each output")


ParallelOp = extend_op(xaffine.ParallelOp, constraints={"reductions": ArrayAttr}, mixin=_ParallelSyntax)


# --------------------------------------------------------------------------- index (de)linearization


@irdl_op_definition
class DelinearizeIndexOp(IRDLOperation):
    """affine.delinearize_index: split a linear index along a basis."""

    name = "affine.delinearize_index"

    linear_index = operand_def(base(IndexType) | base(IntegerType))
    dynamic_basis = var_operand_def(base(IndexType) | base(IntegerType))
    static_basis = prop_def(DenseArrayBase.constr(i64))
    multi_index = var_result_def()

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> DelinearizeIndexOp:
        linear = parser.parse_unresolved_operand()
        parser.parse_keyword("into")
        static, dynamic = parse_mixed_list(parser)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        types = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
        return build_op(
            cls,
            operands=[resolve(parser, [linear], IndexType())[0], resolve(parser, dynamic, IndexType())],
            result_types=[types],
            properties={"static_basis": DenseArrayBase.from_list(i64, static)},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.linear_index)
        printer.print_string(" into ")
        print_mixed_list(printer, self.static_basis.get_values(), self.dynamic_basis)
        print_attr_dict(printer, self, ("static_basis",))
        printer.print_string(" : ")
        printer.print_list(self.result_types, printer.print_attribute)

    def verify_(self) -> None:
        for index, type in enumerate(self.result_types):
            if not isinstance(type, IndexType):
                raise VerifyException(f"result #{index} must be variadic of index, but got '{type}'")
        basis = len(self.static_basis.get_values())
        if len(self.results) not in (basis, basis + 1):
            raise VerifyException("should return an index for each basis element and up to one extra index")


@irdl_op_definition
class LinearizeIndexOp(IRDLOperation):
    """affine.linearize_index: combine a multi-index along a basis."""

    name = "affine.linearize_index"

    multi_index = var_operand_def(base(IndexType) | base(IntegerType))
    dynamic_basis = var_operand_def(base(IndexType) | base(IntegerType))
    static_basis = prop_def(DenseArrayBase.constr(i64))
    disjoint = prop_def(base(UnitAttr) | base(BoolAttr))
    linear_index = result_def(base(IndexType) | base(IntegerType))

    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> LinearizeIndexOp:
        disjoint = parser.parse_optional_keyword("disjoint") is not None
        indices = parse_operand_list(parser, Parser.Delimiter.SQUARE)
        parser.parse_keyword("by")
        static, dynamic = parse_mixed_list(parser)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        type = parser.parse_type()
        return build_op(
            cls,
            operands=[resolve(parser, indices, type), resolve(parser, dynamic, type)],
            result_types=[type],
            properties={
                "static_basis": DenseArrayBase.from_list(i64, static),
                # Upstream's UnitProp: absent is stored (and printed) as false.
                "disjoint": UnitAttr() if disjoint else BoolAttr.from_bool(False),
            },
            attributes=attributes,
        )

    def print(self, printer: Printer):
        if isinstance(self.disjoint, UnitAttr) or self.disjoint == BoolAttr.from_bool(True):
            printer.print_string(" disjoint")
        printer.print_string(" [")
        print_values(printer, self.multi_index)
        printer.print_string("] by ")
        print_mixed_list(printer, self.static_basis.get_values(), self.dynamic_basis)
        print_attr_dict(printer, self, ("static_basis", "disjoint"))
        printer.print_string(" : ")
        printer.print_attribute(self.linear_index.type)


Affine: Dialect = replace_ops(
    xaffine.Affine,
    ApplyOp,
    MinOp,
    MaxOp,
    LoadOp,
    StoreOp,
    VectorLoadOp,
    VectorStoreOp,
    PrefetchOp,
    DmaStartOp,
    DmaWaitOp,
    IfOp,
    ParallelOp,
    DelinearizeIndexOp,
    LinearizeIndexOp,
)
