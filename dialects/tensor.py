"""The tensor dialect with upstream MLIR 22's syntax, verifiers and messages.

xDSL's op classes are the bases (``xdsl.dialects.tensor``), so code written
against them keeps matching, with xDSL's accessor names (``source``, ``dest``,
``offsets``, ``static_offsets``, ``dynamic_sizes``, ``src``, ...). The ops xDSL
lacks (generate, rank, bitcast, parallel_insert_slice, gather, scatter) are
defined here with upstream's operand and attribute names in snake_case.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from xdsl.dialects import tensor as xtensor
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    ArrayAttr,
    DenseArrayBase,
    IndexType,
    IntegerAttr,
    IntegerType,
    AnyFloat,
    TensorType,
    UnitAttr,
    UnrankedTensorType,
    i64,
)
from xdsl.dialects.utils import DynamicIndexList
from xdsl.ir import Attribute, Block, Dialect, Operation
from xdsl.irdl import (
    AttrSizedOperandSegments,
    IRDLOperation,
    base,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    region_def,
    result_def,
    traits_def,
    var_operand_def,
)
from xdsl.irdl.declarative_assembly_format import AttributeVariable, CustomDirective, ParsingState, PrintingState
from xdsl.irdl.declarative_assembly_format import irdl_custom_directive
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import HasCanonicalizationPatternsTrait, Pure, RecursiveMemoryEffect, SingleBlockImplicitTerminator
from xdsl.utils.exceptions import VerifyException

from mlopt.diagnostics import DiagnosticError
from mlopt.dialects.extension import LazyCanonicalizationPatterns, extend_op, replace_ops
from mlopt.dialects.shapes import compatible_shapes
from mlopt.dialects.syntax import build_op, parse_attr_dict, parse_operand_list, print_attr_dict, print_values, resolve

AnyTensor = base(TensorType) | base(UnrankedTensorType)


def _is_dynamic(size: int) -> bool:
    return size == DYNAMIC_INDEX


def _shape(type: Attribute) -> tuple[int, ...]:
    return tuple(type.get_shape())


def _with_shape(like: TensorType, shape: Sequence[int]) -> TensorType:
    return TensorType(like.element_type, shape, like.encoding)


def _verify_dynamic_count(values: Sequence, type: TensorType) -> None:
    expected = sum(1 for size in _shape(type) if _is_dynamic(size))
    if len(values) != expected:
        raise VerifyException(f"incorrect number of dynamic sizes, has {len(values)}, expected {expected}")


def _element_type_of(type: Attribute) -> Attribute | None:
    return type.element_type if isinstance(type, TensorType | UnrankedTensorType) else None


TypeRelation = Callable[[Operation], str | None]
"""What an op breaks of one of upstream's TypesMatchWith relations, or None."""


def _same_type(what: str, of: str, message: str) -> TypeRelation:
    return lambda op: None if getattr(op, what).type == getattr(op, of).type else message


def _same_element_type(what: str, of: str, message: str) -> TypeRelation:
    def broken(op: Operation) -> str | None:
        expected = _element_type_of(getattr(op, of).type)
        return None if expected is None or getattr(op, what).type == expected else message

    return broken


def _check_type_relations_first(op_class: type[IRDLOperation], *relations: TypeRelation) -> None:
    """Make ``op_class`` check upstream's TypesMatchWith relations before its
    definition, whose constraint variables would reject the same ops first with
    xDSL's words instead of upstream's."""
    definition_verify = op_class.verify_

    def verify_(self) -> None:
        for relation in relations:
            if (message := relation(self)) is not None:
                raise VerifyException(f"failed to verify that {message}")
        definition_verify(self)

    op_class.verify_ = verify_


# --------------------------------------------------------------------------- canonicalization


@dataclass(frozen=True)
class _Canonicalized(HasCanonicalizationPatternsTrait):
    """The op's patterns, by name in :mod:`mlopt.dialects.tensor_canonicalization`,
    imported when canonicalize first asks for them."""

    patterns: str

    def get_patterns(self, op: type[Operation]):
        from mlopt.dialects import tensor_canonicalization

        return getattr(tensor_canonicalization, self.patterns)

    @classmethod
    def get_canonicalization_patterns(cls):
        return ()


def _linalg_patterns(patterns: str) -> LazyCanonicalizationPatterns:
    """Linalg's patterns rooted at a tensor op (upstream adds them to the tensor
    ops from the linalg dialect), imported when canonicalize first asks for them."""
    return LazyCanonicalizationPatterns(f"mlopt.dialects.linalg_canonicalization:{patterns}")


# --------------------------------------------------------------------------- casts


def _compatible_shapes(a: Attribute, b: Attribute) -> bool:
    """Upstream's verifyCompatibleShape on tensor types."""
    if not isinstance(a, TensorType) or not isinstance(b, TensorType):
        return True
    return compatible_shapes(a, b)


def _bitwidth(type: Attribute) -> int | None:
    if isinstance(type, IntegerType):
        return type.width.data
    if isinstance(type, AnyFloat):
        return type.bitwidth
    return None


class _CastVerifier:
    def verify_(self) -> None:
        source, dest = self.operands[0].type, self.results[0].type
        if source.element_type != dest.element_type or not _compatible_shapes(source, dest):
            raise VerifyException(f"operand type '{source}' and result type '{dest}' are cast incompatible")


CastOp = extend_op(
    xtensor.CastOp,
    mixin=_CastVerifier,
    traits=[
        _Canonicalized("CAST_PATTERNS"),
        _linalg_patterns("TENSOR_CAST_PATTERNS"),
    ],
)


@irdl_op_definition
class BitcastOp(IRDLOperation):
    """tensor.bitcast: reinterpret the elements as another type of the same width."""

    name = "tensor.bitcast"

    source = operand_def(AnyTensor)
    dest = result_def(AnyTensor)

    traits = traits_def(Pure(), _Canonicalized("BITCAST_PATTERNS"))
    assembly_format = "$source attr-dict `:` type($source) `to` type($dest)"

    def verify_(self) -> None:
        source, dest = self.source.type, self.dest.type
        for position, type in (("operand #0", source), ("result #0", dest)):
            if _bitwidth(type.element_type) is None:
                raise VerifyException(
                    f"{position} must be tensor of signless integer or unsigned integer or signed integer or "
                    f"floating-point values, but got '{type}'"
                )
        if _bitwidth(source.element_type) != _bitwidth(dest.element_type) or not _compatible_shapes(source, dest):
            raise VerifyException(f"operand type '{source}' and result type '{dest}' are cast incompatible")


# --------------------------------------------------------------------------- shape queries


class _DimVerifier:
    def verify_(self) -> None:
        type = self.source.type
        if isinstance(type, TensorType) and type.get_num_dims() == 0:
            raise VerifyException(f"operand #0 must be non-0-ranked or unranked tensor, but got '{type}'")


DimOp = extend_op(xtensor.DimOp, mixin=_DimVerifier, traits=[_Canonicalized("DIM_PATTERNS")])


@irdl_op_definition
class RankOp(IRDLOperation):
    """tensor.rank: the rank of a tensor, as an index."""

    name = "tensor.rank"

    tensor = operand_def(AnyTensor)
    result = result_def(IndexType)

    traits = traits_def(Pure(), _Canonicalized("RANK_PATTERNS"))
    assembly_format = "$tensor attr-dict `:` type($tensor)"

    def __init__(self, tensor):
        super().__init__(operands=[tensor], result_types=[IndexType()])


# --------------------------------------------------------------------------- creation


class _EmptyVerifier:
    def verify_(self) -> None:
        _verify_dynamic_count(self.dynamic_sizes, self.tensor.type)


EmptyOp = extend_op(
    xtensor.EmptyOp,
    assembly_format="`(` $dynamic_sizes `)` attr-dict `:` type($tensor)",
    mixin=_EmptyVerifier,
    traits=[_Canonicalized("EMPTY_PATTERNS")],
)


class _SplatVerifier:
    def verify_(self) -> None:
        _verify_dynamic_count(self.dynamicSizes, self.result.type)


SplatOp = extend_op(xtensor.SplatOp, mixin=_SplatVerifier, traits=[_Canonicalized("SPLAT_PATTERNS")])
_check_type_relations_first(SplatOp, _same_element_type("input", "result", "operand type matches element type of result"))


class _FromElementsSyntax:
    """``tensor.from_elements %a, %b attr-dict : type``: one operand per element."""

    @classmethod
    def parse(cls, parser: Parser):
        start = parser.pos
        elements = parse_operand_list(parser)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        type_start = parser.pos
        result_type = parser.parse_type()
        if not isinstance(result_type, TensorType) or not result_type.has_static_shape():
            parser.raise_error(
                f"custom op '{cls.name}' 'result' must be statically shaped tensor of any type values, "
                f"but got '{result_type}'",
                type_start,
                parser.pos,
            )
        count = result_type.element_count()
        if len(elements) != count:
            parser.raise_error(
                f"custom op '{cls.name}' number of operands and types do not match: "
                f"got {len(elements)} operands and {count} types",
                start,
                start + 1,
            )
        operands = resolve(parser, elements, result_type.element_type)
        return build_op(cls, operands=[operands], result_types=[result_type], attributes=attributes)

    def print(self, printer: Printer):
        if self.elements:
            printer.print_string(" ")
            print_values(printer, self.elements)
        print_attr_dict(printer, self)
        printer.print_string(" : ")
        printer.print_attribute(self.result.type)

    def verify_(self) -> None:
        result_type = self.result.type
        if not result_type.has_static_shape() or result_type.element_count() != len(self.elements) or any(
            value.type != result_type.element_type for value in self.elements
        ):
            raise VerifyException("failed to verify that operand types match result element type")


FromElementsOp = extend_op(
    xtensor.FromElementsOp,
    mixin=_FromElementsSyntax,
    constraints={"result": TensorType},
    traits=[_Canonicalized("FROM_ELEMENTS_PATTERNS")],
)


class _YieldVerifier:
    @property
    def value(self):
        """The yielded element (upstream's single ``value`` operand)."""
        return self.operands[0]

    def verify_(self) -> None:
        if len(self.operands) != 1:
            raise VerifyException("requires a single operand")


YieldOp = extend_op(xtensor.YieldOp, mixin=_YieldVerifier, traits=[Pure()])


class _RegionWithIndices:
    """Shared by generate and pad, whose body yields one element of the result."""

    def _body_yield_type(self) -> Attribute | None:
        terminator = self.regions[0].block.last_op
        if not isinstance(terminator, xtensor.YieldOp):
            return None
        if len(terminator.operands) != 1:
            # Upstream verifies the yield before the region of its parent.
            raise DiagnosticError.at(terminator, f"'{terminator.name}' op requires a single operand")
        return terminator.operands[0].type


@irdl_op_definition
class GenerateOp(_RegionWithIndices, IRDLOperation):
    """tensor.generate: a tensor whose elements the body computes from their indices."""

    name = "tensor.generate"

    dynamic_extents = var_operand_def(IndexType)
    result = result_def(TensorType)
    body = region_def("single_block")

    traits = traits_def(
        RecursiveMemoryEffect(), SingleBlockImplicitTerminator(xtensor.YieldOp), _Canonicalized("GENERATE_PATTERNS")
    )

    @classmethod
    def parse(cls, parser: Parser) -> GenerateOp:
        extents = parse_operand_list(parser)
        body = parser.parse_region()
        if not body.blocks:
            body.add_block(Block())
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        result_type = parser.parse_type()
        return build_op(
            cls,
            operands=[resolve(parser, extents, IndexType())],
            result_types=[result_type],
            regions=[body],
            attributes=attributes,
        )

    def print(self, printer: Printer):
        # Upstream spaces around the (possibly empty) extents: "tensor.generate  {".
        printer.print_string(" ")
        print_values(printer, self.dynamic_extents)
        printer.print_string(" ")
        printer.print_region(self.body)
        print_attr_dict(printer, self)
        printer.print_string(" : ")
        printer.print_attribute(self.result.type)

    def verify_(self) -> None:
        result_type = self.result.type
        _verify_dynamic_count(self.dynamic_extents, result_type)
        args = self.body.block.args
        if not all(isinstance(arg.type, IndexType) for arg in args):
            raise DiagnosticError.at(self, "all body arguments must be index")
        if len(args) != result_type.get_num_dims():
            raise DiagnosticError.at(self, "must have one body argument per input dimension")
        if self._body_yield_type() != result_type.element_type:
            raise VerifyException("body must be terminated with a `yield` operation of the tensor element type")


# --------------------------------------------------------------------------- elements


class _ExtractVerifier:
    def verify_(self) -> None:
        if len(self.indices) != self.tensor.type.get_num_dims():
            raise VerifyException("incorrect number of indices for extract_element")


ExtractOp = extend_op(
    xtensor.ExtractOp,
    mixin=_ExtractVerifier,
    traits=[_Canonicalized("EXTRACT_PATTERNS"), _linalg_patterns("EXTRACT_PATTERNS")],
)
_check_type_relations_first(ExtractOp, _same_element_type("result", "tensor", "result type matches element type of tensor"))


class _InsertVerifier:
    def verify_(self) -> None:
        if len(self.indices) != self.dest.type.get_num_dims():
            raise VerifyException("incorrect number of indices")


InsertOp = extend_op(xtensor.InsertOp, mixin=_InsertVerifier, traits=[_Canonicalized("INSERT_PATTERNS")])
_check_type_relations_first(
    InsertOp,
    _same_element_type("scalar", "dest", "scalar type matches element type of dest"),
    _same_type("result", "dest", "result type matches type of dest"),
)


# --------------------------------------------------------------------------- slices

SLICE_LISTS = ("offset", "size", "stride")


def _verify_mixed_lists(op: Operation, rank: int) -> None:
    """Upstream's OffsetSizeAndStrideOpInterface verifier."""
    static = {kind: op.properties[f"static_{kind}s"].get_values() for kind in SLICE_LISTS}
    dynamic = {kind: getattr(op, f"{kind}s") for kind in SLICE_LISTS}
    if len(static["offset"]) != len(static["size"]):
        raise DiagnosticError.at(
            op,
            f"expected mixed offsets rank to match mixed sizes rank ({len(static['offset'])} vs "
            f"{len(static['size'])}) so the rank of the result type is well-formed.",
        )
    if len(static["size"]) != len(static["stride"]):
        raise DiagnosticError.at(
            op,
            f"expected mixed sizes rank to match mixed strides rank ({len(static['size'])} vs "
            f"{len(static['stride'])}) so the rank of the result type is well-formed.",
        )
    for kind in SLICE_LISTS:
        if len(static[kind]) != rank:
            raise DiagnosticError.at(op, f"expected {rank} {kind} values, got {len(static[kind])}")
        expected_dynamic = sum(1 for value in static[kind] if _is_dynamic(value))
        if len(dynamic[kind]) != expected_dynamic:
            raise DiagnosticError.at(
                op,
                f"expected the number of '{kind}s' to match the number of dynamic entries in "
                f"'static_{kind}s' ({len(dynamic[kind])} vs {expected_dynamic})",
            )
    for kind in ("offset", "size"):
        for value in static[kind]:
            if value < 0 and not _is_dynamic(value):
                raise DiagnosticError.at(op, f"expected {kind}s to be non-negative, but got {value}")


def _out_of_bounds(shape: Sequence[int], offsets: Sequence[int], sizes: Sequence[int], strides: Sequence[int]) -> str | None:
    """Upstream's verifyInBoundsSlice on the static entries: what runs out of bounds, if anything."""
    for dim, extent in enumerate(shape):
        if _is_dynamic(extent) or _is_dynamic(offsets[dim]):
            continue
        if offsets[dim] >= extent:
            return f"offset {dim} is out-of-bounds: {offsets[dim]} >= {extent}"
        if _is_dynamic(sizes[dim]) or _is_dynamic(strides[dim]):
            continue
        last = offsets[dim] + (sizes[dim] - 1) * strides[dim]
        if last >= extent:
            return f"slice along dimension {dim} runs out-of-bounds: {last} >= {extent}"
    return None


def slice_in_bounds(shape: Sequence[int], offsets: Sequence[int], sizes: Sequence[int], strides: Sequence[int]) -> bool:
    """Whether the static parts of a slice stay inside ``shape``."""
    return _out_of_bounds(shape, offsets, sizes, strides) is None


def _verify_in_bounds(op: Operation, shape: Sequence[int]) -> None:
    lists = (op.properties[f"static_{kind}s"].get_values() for kind in SLICE_LISTS)
    problem = _out_of_bounds(shape, *lists)
    if problem is not None:
        raise DiagnosticError.at(op, problem)


def rank_reduction_mask(original: Sequence[int], reduced: Sequence[int], *, match_dynamic: bool = False) -> set[int] | None:
    """The dimensions of ``original`` that ``reduced`` drops (all of size 1), or
    None when ``reduced`` is no rank-reduction of ``original`` (upstream's
    computeRankReductionMask; ``match_dynamic`` lets a dynamic size on either
    side match any size but 1)."""
    dropped: set[int] = set()
    position = 0
    for dim, size in enumerate(original):
        if (
            match_dynamic
            and position < len(reduced)
            and size != 1
            and (_is_dynamic(size) or _is_dynamic(reduced[position]))
        ):
            position += 1
            continue
        if position < len(reduced) and size == reduced[position]:
            position += 1
            continue
        if size != 1:
            return None
        dropped.add(dim)
    return dropped if position == len(reduced) else None


def slice_type_mismatch(expected: TensorType, actual: TensorType) -> str | None:
    """Why ``actual`` is neither ``expected`` nor a rank reduction of it, if it is
    not (upstream's isRankReducedType and produceSliceErrorMsg)."""
    if expected == actual:
        return None
    if actual.get_num_dims() > expected.get_num_dims():
        return "expected rank to be smaller or equal to the other rank. "
    if rank_reduction_mask(_shape(expected), _shape(actual)) is None:
        return f"expected type to be '{expected}' or a rank-reduced version. (size mismatch) "
    if expected.element_type != actual.element_type:
        return f"expected element type to be '{expected.element_type}'"
    return None


def _verify_slice_type(op: Operation, expected: TensorType, actual: TensorType) -> None:
    if (problem := slice_type_mismatch(expected, actual)) is not None:
        raise DiagnosticError.at(op, problem)


def inferred_slice_type(source: TensorType, static_sizes: Sequence[int]) -> TensorType:
    """The type of an extract_slice of ``source`` with ``static_sizes``, before rank reduction."""
    return _with_shape(source, static_sizes)


class _ExtractSliceVerifier:
    def verify_(self) -> None:
        source = self.source.type
        _verify_mixed_lists(self, source.get_num_dims())
        expected = inferred_slice_type(source, self.static_sizes.get_values())
        _verify_slice_type(self, expected, self.result.type)
        _verify_in_bounds(self, _shape(source))


ExtractSliceOp = extend_op(
    xtensor.ExtractSliceOp, mixin=_ExtractSliceVerifier, traits=[_Canonicalized("EXTRACT_SLICE_PATTERNS")]
)


class _InsertSliceVerifier:
    def verify_(self) -> None:
        dest = self.dest.type
        _verify_mixed_lists(self, dest.get_num_dims())
        expected = inferred_slice_type(dest, self.static_sizes.get_values())
        _verify_slice_type(self, expected, self.source.type)
        _verify_in_bounds(self, _shape(dest))


InsertSliceOp = extend_op(
    xtensor.InsertSliceOp, mixin=_InsertSliceVerifier, traits=[_Canonicalized("INSERT_SLICE_PATTERNS")]
)
_check_type_relations_first(InsertSliceOp, _same_type("result", "dest", "expected result type to match dest type"))


@irdl_op_definition
class ParallelInsertSliceOp(_InsertSliceVerifier, IRDLOperation):
    """tensor.parallel_insert_slice: insert_slice as a terminator of scf.forall.in_parallel."""

    name = "tensor.parallel_insert_slice"

    source = operand_def(TensorType)
    dest = operand_def(TensorType)
    offsets = var_operand_def(IndexType)
    sizes = var_operand_def(IndexType)
    strides = var_operand_def(IndexType)
    static_offsets = prop_def(DenseArrayBase.constr(i64))
    static_sizes = prop_def(DenseArrayBase.constr(i64))
    static_strides = prop_def(DenseArrayBase.constr(i64))

    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    traits = traits_def(_Canonicalized("PARALLEL_INSERT_SLICE_PATTERNS"))
    assembly_format = (
        "$source `into` $dest ``"
        "custom<DynamicIndexList>($offsets, $static_offsets)"
        "custom<DynamicIndexList>($sizes, $static_sizes)"
        "custom<DynamicIndexList>($strides, $static_strides)"
        "attr-dict `:` type($source) `into` type($dest)"
    )
    custom_directives = (DynamicIndexList,)

    def verify_(self) -> None:
        parent = self.parent_op()
        # Upstream accepts any op of InParallelOpInterface; scf.forall.in_parallel is the one there is.
        if parent is not None and parent.name != "scf.forall.in_parallel":
            raise DiagnosticError.at(self, f"expected InParallelOpInterface parent, got: '{parent.name}'")
        _InsertSliceVerifier.verify_(self)


# --------------------------------------------------------------------------- reshapes


@irdl_custom_directive
class Reassociation(CustomDirective):
    """``[[0, 1], [2]]``: the groups of expanded dimensions, one per collapsed one."""

    reassociation: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> bool:
        def group() -> ArrayAttr:
            return ArrayAttr(
                IntegerAttr(index, i64)
                for index in parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_integer)
            )

        self.reassociation.set(state, ArrayAttr(parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, group)))
        return True

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        groups = reassociation_indices(self.reassociation.get(op))
        printer.print_string("[" + ", ".join("[" + ", ".join(map(str, g)) + "]" for g in groups) + "]")


def reassociation_indices(reassociation: ArrayAttr) -> list[list[int]]:
    """The groups of a reassociation attribute as lists of dimensions."""
    return [[index.value.data for index in group.data] for group in reassociation.data]


def _verify_reshape(op: Operation, expanded: TensorType, collapsed: TensorType) -> None:
    """Upstream's verifyReshapeLikeTypes and verifyTensorReshapeOp."""
    groups = reassociation_indices(op.reassociation)
    expanded_rank, collapsed_rank = expanded.get_num_dims(), collapsed.get_num_dims()
    if expanded_rank < collapsed_rank:
        raise VerifyException(
            f"expected the expanded type, '{expanded}' to have a higher (or same) rank than the collapsed type, "
            f"'{collapsed}'."
        )
    if collapsed_rank != len(groups):
        raise VerifyException(
            f"expected collapsed rank ({collapsed_rank}) to equal the number of reassociation maps ({len(groups)})."
        )
    map_dims = max((max(group, default=-1) for group in groups), default=-1) + 1
    for index in range(len(groups)):
        if map_dims != expanded_rank:
            raise VerifyException(
                f"expected reassociation map #{index} to have size equal to the expanded rank "
                f"({expanded_rank}), but it is  {map_dims}."
            )
    next_dim = 0
    for index, group in enumerate(groups):
        for dim in group:
            if dim != next_dim:
                raise VerifyException(f"expected reassociation map #{index} to be valid and contiguous.")
            next_dim += 1
    if groups and next_dim != map_dims:
        raise VerifyException(f"expected reassociation map #{len(groups) - 1} to be valid and contiguous.")
    expanded_shape, collapsed_shape = _shape(expanded), _shape(collapsed)
    start = 0
    for index, group in enumerate(groups):
        sizes = expanded_shape[start : start + len(group)]
        start += len(group)
        if any(_is_dynamic(size) for size in sizes):
            if not _is_dynamic(collapsed_shape[index]):
                raise VerifyException(
                    f"expected dimension {index} of collapsed type to be dynamic since one or more of the "
                    "corresponding dimensions in the expanded type is dynamic"
                )
            continue
        product = 1
        for size in sizes:
            product *= size
        if collapsed_shape[index] != product:
            raise VerifyException(f"expected dimension {index} of collapsed type to be static value of {product}")
    expected = inferred_collapsed_type(expanded, groups)
    if expected.element_type != collapsed.element_type or _shape(expected) != _shape(collapsed):
        raise VerifyException(f"expected collapsed type to be '{expected}', but got '{collapsed}'")


def inferred_collapsed_type(expanded: TensorType, groups: Sequence[Sequence[int]]) -> TensorType:
    """``expanded`` with each group of dimensions collapsed into one (dynamic if any is)."""
    shape = _shape(expanded)
    sizes = []
    for group in groups:
        extents = [shape[dim] for dim in group]
        product = 1
        for extent in extents:
            product *= extent
        sizes.append(DYNAMIC_INDEX if any(map(_is_dynamic, extents)) else product)
    return _with_shape(expanded, sizes)


class _CollapseVerifier:
    def verify_(self) -> None:
        _verify_reshape(self, self.src.type, self.result.type)


CollapseShapeOp = extend_op(
    xtensor.CollapseShapeOp,
    assembly_format="$src custom<Reassociation>($reassociation) attr-dict `:` type($src) `into` type($result)",
    custom_directives=[Reassociation],
    constraints={"reassociation": ArrayAttr},
    mixin=_CollapseVerifier,
    traits=[_Canonicalized("RESHAPE_PATTERNS"), _linalg_patterns("RESHAPE_PATTERNS")],
)


class _ExpandVerifier:
    def verify_(self) -> None:
        result_type = self.result.type
        static_shape = self.static_output_shape.get_values()
        if len(static_shape) != result_type.get_num_dims():
            raise VerifyException(
                f"expected number of static shape dims to be equal to the output rank "
                f"({result_type.get_num_dims()}) but found {len(static_shape)} inputs instead"
            )
        dynamic_count = sum(1 for size in static_shape if _is_dynamic(size))
        if len(self.dynamic_output_shape) != dynamic_count:
            raise VerifyException(
                f"mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has "
                f"{dynamic_count} dynamic dims while output_shape has {len(self.dynamic_output_shape)} values"
            )
        _verify_reshape(self, result_type, self.src.type)


ExpandShapeOp = extend_op(
    xtensor.ExpandShapeOp,
    assembly_format=(
        "$src custom<Reassociation>($reassociation) `output_shape` "
        "custom<DynamicIndexList>($dynamic_output_shape, $static_output_shape) "
        "attr-dict `:` type($src) `into` type($result)"
    ),
    custom_directives=[Reassociation, DynamicIndexList],
    constraints={"reassociation": ArrayAttr},
    mixin=_ExpandVerifier,
    traits=[_Canonicalized("RESHAPE_PATTERNS"), _linalg_patterns("RESHAPE_PATTERNS")],
)


class _ReshapeVerifier:
    def verify_(self) -> None:
        source, result = self.source.type, self.result.type
        if source.element_type != result.element_type:
            raise VerifyException("element types of source and destination tensor types should be the same")
        shape_type = self.shape.type
        if shape_type.get_num_dims() != 1 or not isinstance(shape_type.element_type, IntegerType | IndexType):
            raise VerifyException(
                f"operand #1 must be 1D tensor of signless integer or index values, but got '{shape_type}'"
            )
        (shape_length,) = _shape(shape_type)
        if not isinstance(result, TensorType):
            return
        if isinstance(source, TensorType) and source.has_static_shape() and result.has_static_shape():
            if source.element_count() != result.element_count():
                raise VerifyException("source and destination tensor should have the same number of elements")
        if _is_dynamic(shape_length):
            raise VerifyException(
                "cannot use shape operand with dynamic length to reshape to statically-ranked tensor type"
            )
        if shape_length != result.get_num_dims():
            raise VerifyException("length of shape operand differs from the result's tensor rank")


ReshapeOp = extend_op(
    xtensor.ReshapeOp,
    assembly_format="$source `(` $shape `)` attr-dict `:` functional-type(operands, results)",
    constraints={"source": AnyTensor, "result": AnyTensor, "shape": TensorType},
    mixin=_ReshapeVerifier,
)


# --------------------------------------------------------------------------- concat and pad


class _ConcatVerifier:
    def verify_(self) -> None:
        if not self.inputs:
            raise VerifyException("requires at least one input")
        result_type = self.result.type
        rank = result_type.get_num_dims()
        input_types = [value.type for value in self.inputs]
        if any(type.get_num_dims() != rank for type in input_types):
            raise VerifyException("rank of concatenated inputs must match result rank")
        if any(type.element_type != result_type.element_type for type in input_types):
            raise VerifyException("inputs and result element type must match")
        dim = self.dim.value.data
        if dim >= rank:
            raise VerifyException("concatenation dim must be less than the tensor rank")
        sizes: list[int] = []
        for index in range(rank):
            extents = [_shape(type)[index] for type in input_types]
            if index == dim:
                sizes.append(DYNAMIC_INDEX if any(map(_is_dynamic, extents)) else sum(extents))
                continue
            static = {extent for extent in extents if not _is_dynamic(extent)}
            if len(static) > 1:
                raise VerifyException(f"static concatenation size mismatch along non-concatenated dimension {index}")
            sizes.append(static.pop() if static else DYNAMIC_INDEX)
        inferred = TensorType(input_types[0].element_type, sizes)
        for inferred_size, actual in zip(sizes, _shape(result_type)):
            if not _is_dynamic(inferred_size) and not _is_dynamic(actual) and inferred_size != actual:
                raise VerifyException(
                    f"result type '{result_type}'does not match inferred shape '{inferred}' static sizes"
                )


ConcatOp = extend_op(
    xtensor.ConcatOp,
    constraints={"inputs": TensorType, "result": TensorType},
    mixin=_ConcatVerifier,
    traits=[_Canonicalized("CONCAT_PATTERNS")],
)


def inferred_pad_type(source: TensorType, static_low: Sequence[int], static_high: Sequence[int]) -> TensorType | None:
    """The result type of padding ``source`` (upstream's PadOp::inferResultType)."""
    shape = _shape(source)
    if len(static_low) != len(shape) or len(static_high) != len(shape):
        return None
    return _with_shape(
        source,
        [
            DYNAMIC_INDEX if any(map(_is_dynamic, (size, low, high))) else size + low + high
            for size, low, high in zip(shape, static_low, static_high)
        ],
    )


class _PadVerifier(_RegionWithIndices):
    def verify_(self) -> None:
        source, result = self.source.type, self.result.type
        expected = inferred_pad_type(source, self.static_low.get_values(), self.static_high.get_values())
        if expected is None:
            raise DiagnosticError.at(
                self, f"failed to infer expectedType from sourceType '{source}', specified resultType is '{result}'"
            )
        mismatch = DiagnosticError.at(
            self, f"specified type '{result}' does not match the inferred type '{expected}'"
        )
        if result.get_num_dims() != expected.get_num_dims():
            raise mismatch
        for size, inferred in zip(_shape(result), _shape(expected)):
            if size != inferred and not _is_dynamic(inferred):
                raise mismatch
        block = self.region.block
        if len(block.args) != result.get_num_dims():
            raise DiagnosticError.at(self, f"expected the block to have {result.get_num_dims()} arguments")
        for position, arg in enumerate(block.args, start=1):
            if not isinstance(arg.type, IndexType):
                raise VerifyException(f"expected block argument {position} to be an index")
        if self._body_yield_type() != result.element_type:
            raise VerifyException("expected yield type to match shape element type")


PadOp = extend_op(xtensor.PadOp, mixin=_PadVerifier, traits=[_Canonicalized("PAD_PATTERNS")])


# --------------------------------------------------------------------------- gather and scatter


def _verify_gather_dims(op: Operation, dims: Sequence[int], indices_shape: Sequence[int], rank: int,
                        kind: str, operand: str) -> None:  # fmt: skip
    if not dims:
        raise VerifyException(f"{kind}_dims must be non-empty")
    if len(dims) > rank:
        raise VerifyException(f"{kind}_dims overflow {operand} rank")
    if not indices_shape or indices_shape[-1] != len(dims):
        raise VerifyException(f"{kind}_dims length must match the size of last dimension of indices")
    for value in dims:
        if value < 0:
            raise VerifyException(f"{kind}_dims value must be non-negative")
        if value >= rank:
            raise VerifyException(f"{kind}_dims value must be smaller than {operand} rank")
    if any(a >= b for a, b in zip(dims, dims[1:])):
        raise VerifyException(f"{kind}_dims values must be strictly increasing")


def inferred_gather_type(source: TensorType, indices: TensorType, dims: Sequence[int], *, rank_reduced: bool) -> TensorType:
    """The result of gathering ``source`` at ``indices`` along ``dims`` (upstream's GatherOp::inferResultType)."""
    shape = list(_shape(indices)[:-1])
    for dim, size in enumerate(_shape(source)):
        if dim in dims:
            if not rank_reduced:
                shape.append(1)
            continue
        shape.append(size)
    return _with_shape(source, shape)


def _check_gathered_type(actual: TensorType, source: TensorType, indices: TensorType, dims: Sequence[int], what: str) -> None:
    full = inferred_gather_type(source, indices, dims, rank_reduced=False)
    reduced = inferred_gather_type(source, indices, dims, rank_reduced=True)
    if actual not in (full, reduced):
        raise VerifyException(
            f"{what} type mismatch: expected '{full}' or its rank-reduced variant '{reduced}' (got: '{actual}')"
        )


_GATHER_SYNTAX = (
    "`[` $indices `]` `{kind}_dims` `(` custom<DimensionList>(${kind}_dims) `)` (`unique` $unique^)? "
    "attr-dict `:` functional-type(operands, results)"
)


@irdl_custom_directive
class DimensionList(CustomDirective):
    """``[0, 2]``: a dense i64 array written as a list."""

    dims: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> bool:
        values = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_integer)
        self.dims.set(state, DenseArrayBase.from_list(i64, values))
        return True

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        printer.print_string("[" + ", ".join(map(str, self.dims.get(op).get_values())) + "]")


@irdl_op_definition
class GatherOp(IRDLOperation):
    """tensor.gather: slices of ``source`` at the coordinates in ``indices``."""

    name = "tensor.gather"

    source = operand_def(TensorType)
    indices = operand_def(TensorType)
    gather_dims = prop_def(DenseArrayBase.constr(i64))
    unique = opt_prop_def(UnitAttr)
    result = result_def(TensorType)

    traits = traits_def(Pure())
    assembly_format = "$source " + _GATHER_SYNTAX.format(kind="gather")
    custom_directives = (DimensionList,)

    def verify_(self) -> None:
        source, indices = self.source.type, self.indices.type
        dims = self.gather_dims.get_values()
        _verify_gather_dims(self, dims, _shape(indices), source.get_num_dims(), "gather", "source")
        _check_gathered_type(self.result.type, source, indices, dims, "result")


@irdl_op_definition
class ScatterOp(IRDLOperation):
    """tensor.scatter: ``dest`` with slices of ``source`` written at the coordinates in ``indices``."""

    name = "tensor.scatter"

    source = operand_def(TensorType)
    dest = operand_def(TensorType)
    indices = operand_def(TensorType)
    scatter_dims = prop_def(DenseArrayBase.constr(i64))
    unique = opt_prop_def(UnitAttr)
    result = result_def(TensorType)

    traits = traits_def(Pure())
    assembly_format = "$source `into` $dest " + _GATHER_SYNTAX.format(kind="scatter")
    custom_directives = (DimensionList,)

    def verify_(self) -> None:
        dest, indices = self.dest.type, self.indices.type
        dims = self.scatter_dims.get_values()
        _verify_gather_dims(self, dims, _shape(indices), dest.get_num_dims(), "scatter", "dest")
        if self.unique is None:
            raise VerifyException("requires 'unique' attribute to be set")
        _check_gathered_type(self.source.type, dest, indices, dims, "source")
        if self.result.type != dest:
            raise VerifyException("failed to verify that result type matches type of dest")


Tensor: Dialect = replace_ops(
    xtensor.Tensor,
    CastOp,
    BitcastOp,
    DimOp,
    RankOp,
    EmptyOp,
    SplatOp,
    FromElementsOp,
    GenerateOp,
    ExtractOp,
    InsertOp,
    ExtractSliceOp,
    InsertSliceOp,
    ParallelInsertSliceOp,
    CollapseShapeOp,
    ExpandShapeOp,
    ReshapeOp,
    ConcatOp,
    PadOp,
    GatherOp,
    ScatterOp,
    YieldOp,
)
