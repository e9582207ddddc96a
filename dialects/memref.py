"""The memref dialect with upstream MLIR 22's syntax and ops.

xDSL's classes are kept (as bases) where they are right; the subclasses here
add upstream's custom syntax, properties xDSL lacks (``alignment`` of
load/store) and the ops xDSL has not got (realloc, transpose, reshape,
prefetch, generic_atomic_rmw, atomic_yield, distinct_objects) or models
differently from upstream (dma_start/dma_wait take plain operand lists).
"""

from __future__ import annotations


from xdsl.dialects import memref as xmemref
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    AffineMapAttr,
    ArrayAttr,
    BoolAttr,
    DenseIntOrFPElementsAttr,
    DenseResourceAttr,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    NoneAttr,
    StringAttr,
    TensorType,
    TypedAttribute,
    UnitAttr,
    UnrankedMemRefType,
    i64,
)
from xdsl.ir import Attribute, Block, Dialect, Operation, SSAValue
from xdsl.ir.affine import AffineDimExpr
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    ParsePropInAttrDict,
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
from xdsl.traits import (
    HasCanonicalizationPatternsTrait,
    HasParent,
    IsTerminator,
    MemoryReadEffect,
    MemoryWriteEffect,
    NoMemoryEffect,
    Pure,
)
from xdsl.utils.exceptions import ParseError, VerifyException

from mlopt.dialects.extension import LazyCanonicalizationPatterns, extend_op, replace_ops
from mlopt.dialects.shapes import compatible_shapes
from mlopt.dialects.syntax import (
    PREFETCH_HINTS,
    parse_prefetch_hints,
    print_prefetch_hints,
    parse_type_list,
    build_op,
    parse_attr_dict,
    parse_keyword_of,
    parse_operand_list,
    print_attr_dict,
    print_indexed,
    print_values,
    resolve,
)

AnyMemRef = base(MemRefType) | base(UnrankedMemRefType)

# --------------------------------------------------------------------------- casts and simple ops

MemorySpaceCastOp = extend_op(
    xmemref.MemorySpaceCastOp, assembly_format="$source attr-dict `:` type($source) `to` type($dest)"
)
ExtractAlignedPointerAsIndexOp = extend_op(
    xmemref.ExtractAlignedPointerAsIndexOp,
    assembly_format="$source `:` type($source) `->` type($aligned_pointer) attr-dict",
)
RankOp = extend_op(
    xmemref.RankOp,
    assembly_format="$source attr-dict `:` type($source)",
    constraints={"source": AnyMemRef},
    traits=[LazyCanonicalizationPatterns("mlopt.dialects.memref_canonicalization:RANK_PATTERNS")],
)


class _CopyVerifier:
    def verify_(self) -> None:
        source, target = (value.type for value in self.operands)
        if source.element_type != target.element_type:
            raise VerifyException("requires the same element type for all operands")
        # Upstream's SameOperandsShape: a dynamic size matches any size.
        if isinstance(source, MemRefType) and isinstance(target, MemRefType) and not compatible_shapes(source, target):
            raise VerifyException("requires the same shape for all operands")


class _EraseSelfCopy(RewritePattern):
    """``memref.copy %m, %m`` copies nothing (upstream's FoldSelfCopy); bufferizing
    in place leaves such copies, and each one is a runtime call."""

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter, /) -> None:
        if isinstance(op, xmemref.CopyOp) and op.source == op.destination:
            rewriter.erase(op)


class _CopyCanonicalization(HasCanonicalizationPatternsTrait):
    @classmethod
    def get_canonicalization_patterns(cls) -> tuple[RewritePattern, ...]:
        return (_EraseSelfCopy(),)


CopyOp = extend_op(
    xmemref.CopyOp,
    assembly_format="$source `,` $destination attr-dict `:` type($source) `to` type($destination)",
    constraints={"source": AnyMemRef, "destination": AnyMemRef},
    traits=[_CopyCanonicalization(), LazyCanonicalizationPatterns("mlopt.dialects.memref_canonicalization:COPY_PATTERNS")],
    mixin=_CopyVerifier,
)

def cast_compatible(source: Attribute, target: Attribute) -> bool:
    """Upstream's memref.cast compatibility: same element type and memory
    space, and, when both are ranked, the same rank with matching static sizes."""
    if isinstance(source, UnrankedMemRefType) and isinstance(target, UnrankedMemRefType):
        return False
    if source.element_type != target.element_type or source.memory_space != target.memory_space:
        return False
    if isinstance(source, MemRefType) and isinstance(target, MemRefType):
        return compatible_shapes(source, target)
    return True


class _CastVerifier:
    def verify_(self) -> None:
        source, target = self.operands[0].type, self.results[0].type
        if not cast_compatible(source, target):
            raise VerifyException(f"operand type '{source}' and result type '{target}' are cast incompatible")


CastOp = extend_op(
    xmemref.CastOp,
    assembly_format="$source attr-dict `:` type($source) `to` type($dest)",
    mixin=_CastVerifier,
    traits=[LazyCanonicalizationPatterns("mlopt.dialects.memref_canonicalization:CAST_PATTERNS")],
)


class _GetGlobalVerifier:
    def verify_(self) -> None:
        from xdsl.traits import SymbolTable

        name = self.properties["name"]
        found = SymbolTable.lookup_symbol(self, name)
        if not isinstance(found, xmemref.GlobalOp):
            raise VerifyException(f"'{name.root_reference.data}' does not reference a valid global memref")
        if found.properties["type"] != self.results[0].type:
            raise VerifyException(
                f"result type '{self.results[0].type}' does not match type '{found.properties['type']}' "
                f"of the global memref @{name.root_reference.data}"
            )


GetGlobalOp = extend_op(xmemref.GetGlobalOp, mixin=_GetGlobalVerifier)


class _SubviewVerifier:
    def verify_(self) -> None:
        rank = self.operands[0].type.get_num_dims()
        for kind in ("offset", "size", "stride"):
            count = len(self.properties[f"static_{kind}s"].get_values())
            if count != rank:
                raise VerifyException(f"expected {rank} {kind} values, got {count}")
        _SUBVIEW_VERIFY(self)


_SUBVIEW_VERIFY = xmemref.SubviewOp.verify_
SubviewOp = extend_op(
    xmemref.SubviewOp,
    traits=[Pure(), LazyCanonicalizationPatterns("mlopt.dialects.memref_canonicalization:SUBVIEW_PATTERNS")],
    mixin=_SubviewVerifier,
)  # upstream's is Pure: LICM hoists it
_ALLOC_PATTERNS = LazyCanonicalizationPatterns("mlopt.dialects.memref_canonicalization:ALLOC_PATTERNS")
AllocOp = extend_op(xmemref.AllocOp, traits=[_ALLOC_PATTERNS])
AllocaOp = extend_op(xmemref.AllocaOp, traits=[_ALLOC_PATTERNS])
DimOp = extend_op(
    xmemref.DimOp, traits=[LazyCanonicalizationPatterns("mlopt.dialects.memref_canonicalization:DIM_PATTERNS")]
)


def _static_or_dynamic(value: int) -> str:
    return "dynamic" if value == DYNAMIC_INDEX else str(value)


def _verify_reinterpret_cast(self) -> None:
    """Upstream's ReinterpretCastOp::verify, whose errors carry no op prefix."""
    from mlopt.diagnostics import DiagnosticError

    source, result = self.source.type, self.result.type
    offsets, sizes, strides = (self.properties[f"static_{kind}"].get_values() for kind in ("offsets", "sizes", "strides"))
    for kind, values, expected in (("offset", offsets, 1), ("size", sizes, result.get_num_dims()), ("stride", strides, result.get_num_dims())):
        if len(values) != expected:
            raise DiagnosticError.at(self, f"expected {expected} {kind} values, got {len(values)}")
    if source.memory_space != result.memory_space:
        raise DiagnosticError.at(
            self, f"different memory spaces specified for source type '{source}' and result memref type '{result}'"
        )
    if source.element_type != result.element_type:
        raise DiagnosticError.at(
            self, f"different element types specified for source type '{source}' and result memref type '{result}'"
        )
    for dim, (actual, expected) in enumerate(zip(result.get_shape(), sizes)):
        if actual != DYNAMIC_INDEX and actual != expected:
            raise DiagnosticError.at(
                self, f"expected result type with size = {_static_or_dynamic(expected)} instead of {actual} in dim = {dim}"
            )
    offset, result_strides = result.get_offset(), result.get_strides()
    if offset is not None and offset != offsets[0]:
        raise DiagnosticError.at(
            self, f"expected result type with offset = {_static_or_dynamic(offsets[0])} instead of {offset}"
        )
    for dim, (actual, expected) in enumerate(zip(result_strides or (), strides)):
        if actual is not None and actual != expected:
            raise DiagnosticError.at(
                self, f"expected result type with stride = {_static_or_dynamic(expected)} instead of {actual} in dim = {dim}"
            )


ReinterpretCastOp = extend_op(
    xmemref.ReinterpretCastOp, constraints={"source": AnyMemRef}, methods={"verify_": _verify_reinterpret_cast}
)
"""``memref.reinterpret_cast``, also of an unranked memref, checked as upstream."""

_ALIGNMENT = opt_prop_def(IntegerAttr[IntegerType])


def _verify_load(self) -> None:
    rank = self.memref.type.get_num_dims()
    if len(self.indices) != rank:
        raise VerifyException(f"incorrect number of indices for load, expected {rank} but got {len(self.indices)}")


def _verify_store(self) -> None:
    if len(self.indices) != self.memref.type.get_num_dims():
        raise VerifyException("store index operand count not equal to memref rank")


LoadOp = extend_op(xmemref.LoadOp, fields={"alignment": _ALIGNMENT}, methods={"verify_": _verify_load})
StoreOp = extend_op(xmemref.StoreOp, fields={"alignment": _ALIGNMENT}, methods={"verify_": _verify_store})
"""``memref.load``/``memref.store`` with upstream's index-count messages."""


class _AllocaScopeSyntax:
    """``memref.alloca_scope (-> (types))? region attr-dict``."""

    @classmethod
    def parse(cls, parser: Parser):
        result_types: list[Attribute] = []
        if parser.parse_optional_punctuation("->"):
            parser.parse_punctuation("(")
            if not parser.parse_optional_punctuation(")"):
                result_types = parse_type_list(parser)
                parser.parse_punctuation(")")
        region = parser.parse_region()
        if not region.blocks:
            region.add_block(Block())
        block = region.block
        if block.last_op is None or not block.last_op.has_trait(IsTerminator):
            block.add_op(AllocaScopeReturnOp.build(operands=[[]]))
        return build_op(cls, result_types=[result_types], regions=[region], attributes=parse_attr_dict(parser))

    def print(self, printer: Printer):
        if self.results:
            printer.print_string(" -> (")
            printer.print_list(self.result_types, printer.print_attribute)
            printer.print_string(")")
        printer.print_string(" ")
        block = self.regions[0].block
        elide_terminator = not self.results and isinstance(block.last_op, xmemref.AllocaScopeReturnOp)
        printer.print_region(self.regions[0], print_entry_block_args=False, print_block_terminators=not elide_terminator)
        print_attr_dict(printer, self)


AllocaScopeOp = extend_op(xmemref.AllocaScopeOp, mixin=_AllocaScopeSyntax)
AllocaScopeReturnOp = extend_op(
    xmemref.AllocaScopeReturnOp, assembly_format="attr-dict ($ops^ `:` type($ops))?"
)


# --------------------------------------------------------------------------- globals

# --------------------------------------------------------------------------- reshapes


def _verify_collapsed_shape(op: Operation, collapsed: MemRefType, expanded: MemRefType) -> None:
    """Upstream's verifyCollapsedShape (MemRefOps.cpp), shared by expand_shape and collapse_shape."""
    collapsed_shape, expanded_shape = collapsed.get_shape(), expanded.get_shape()
    groups = [[index.value.data for index in group.data] for group in op.reassociation.data]
    if len(collapsed_shape) != len(groups):
        raise VerifyException(
            f"invalid number of reassociation groups: found {len(groups)}, expected {len(collapsed_shape)}"
        )
    next_dim = 0
    for collapsed_dim, group in enumerate(groups):
        dynamic = False
        for expanded_dim in group:
            if expanded_dim != next_dim:
                raise VerifyException("reassociation indices must be contiguous")
            next_dim += 1
            if expanded_dim >= len(expanded_shape):
                raise VerifyException(f"reassociation index {expanded_dim} is out of bounds")
            dynamic = dynamic or expanded_shape[expanded_dim] == DYNAMIC_INDEX
        if (collapsed_shape[collapsed_dim] == DYNAMIC_INDEX) != dynamic:
            raise VerifyException(
                f"collapsed dim ({collapsed_dim}) must be dynamic if and only if reassociation group is dynamic"
            )
        if not dynamic:
            size = 1
            for expanded_dim in group:
                size *= expanded_shape[expanded_dim]
            if size != collapsed_shape[collapsed_dim]:
                raise VerifyException(
                    f"collapsed dim size ({collapsed_shape[collapsed_dim]}) must equal reassociation group size ({size})"
                )
    if not collapsed_shape:
        if any(size != 1 for size in expanded_shape):
            raise VerifyException("rank 0 memrefs can only be extended/collapsed with/from ones")
    elif next_dim != len(expanded_shape):
        raise VerifyException(
            f"expanded rank ({len(expanded_shape)}) inconsistent with number of reassociation indices ({next_dim})"
        )


def _contiguous_like(source: MemRefType, result: MemRefType) -> MemRefType | None:
    """The result type a reshape of an identity-layout source must have (None for
    other layouts, whose strided result upstream computes and mlopt does not check)."""
    if not isinstance(source.layout, NoneAttr):
        return None
    return MemRefType(source.element_type, result.get_shape(), NoneAttr(), source.memory_space)


class _ExpandShapeVerifier:
    def verify_(self) -> None:
        source, result = self.src.type, self.result.type
        if source.get_num_dims() > result.get_num_dims():
            r0, r1 = source.get_num_dims(), result.get_num_dims()
            raise VerifyException(
                f"has source rank {r0} and result rank {r1}. This is not an expansion ({r0} > {r1})."
            )
        _verify_collapsed_shape(self, source, result)
        expected = _contiguous_like(source, result)
        if expected is not None and expected != result:
            raise VerifyException(f"expected expanded type to be '{expected}' but found '{result}'")
        static_shape = self.static_output_shape.get_values()
        if len(static_shape) != result.get_num_dims():
            raise VerifyException(
                "expected number of static shape bounds to be equal to the output rank "
                f"({result.get_num_dims()}) but found {len(static_shape)} inputs instead"
            )
        dynamic = sum(1 for size in static_shape if size == DYNAMIC_INDEX)
        if len(self.output_shape) != dynamic:
            raise VerifyException(
                "mismatch in dynamic dims in output_shape and static_output_shape: static_output_shape has "
                f"{dynamic} dynamic dims while output_shape has {len(self.output_shape)} values"
            )
        for pos, size in enumerate(result.get_shape()):
            if size != DYNAMIC_INDEX and size != static_shape[pos]:
                raise VerifyException(f"invalid output shape provided at pos {pos}")


class _CollapseShapeVerifier:
    def verify_(self) -> None:
        source, result = self.src.type, self.result.type
        if source.get_num_dims() < result.get_num_dims():
            r0, r1 = source.get_num_dims(), result.get_num_dims()
            raise VerifyException(f"has source rank {r0} and result rank {r1}. This is not a collapse ({r0} < {r1}).")
        _verify_collapsed_shape(self, result, source)
        expected = _contiguous_like(source, result)
        if expected is not None and expected != result:
            raise VerifyException(f"expected collapsed type to be '{expected}' but found '{result}'")


# xDSL's constraint reports non-contiguous groups in its own words, before the verifier.
_RESHAPE_PATTERNS = LazyCanonicalizationPatterns("mlopt.dialects.memref_canonicalization:RESHAPE_PATTERNS")
ExpandShapeOp = extend_op(
    xmemref.ExpandShapeOp,
    constraints={"reassociation": ArrayAttr},
    mixin=_ExpandShapeVerifier,
    traits=[_RESHAPE_PATTERNS],
)
CollapseShapeOp = extend_op(
    xmemref.CollapseShapeOp,
    constraints={"reassociation": ArrayAttr},
    mixin=_CollapseShapeVerifier,
    traits=[_RESHAPE_PATTERNS],
)


_TYPE_OF_GLOBAL = "type"


class _GlobalSyntax:
    """``memref.global "private"? constant? @name : type (= value | = uninitialized)? attr-dict``."""

    @classmethod
    def parse(cls, parser: Parser):
        visibility = parser.parse_optional_str_literal()
        constant = parser.parse_optional_keyword("constant")
        name = parser.parse_symbol_name()
        parser.parse_punctuation(":")
        type = parser.parse_type()
        # Upstream's parser checks these, reporting them at the op.
        if not isinstance(type, MemRefType) or DYNAMIC_INDEX in type.get_shape():
            raise VerifyException(f"custom op '{cls.name}' type should be static shaped memref, but got '{type}'")
        initial_value: Attribute | None = None
        if parser.parse_optional_punctuation("="):
            if parser.parse_optional_keyword("uninitialized"):
                initial_value = UnitAttr()
            else:
                initial_value = _parse_initial_value(parser, type)
                if not isinstance(initial_value, DenseIntOrFPElementsAttr | DenseResourceAttr):
                    raise VerifyException(f"custom op '{cls.name}' initial value should be a unit or elements attribute")
        properties = {
            "sym_name": name,
            "type": type,
            "sym_visibility": None if visibility is None else StringAttr(visibility),
            "constant": UnitAttr() if constant else None,
            "initial_value": initial_value,
        }
        return build_op(cls, properties=properties, attributes=parse_attr_dict(parser))

    def print(self, printer: Printer):
        visibility = self.properties.get("sym_visibility")
        if visibility is not None:
            printer.print_string(" ")
            printer.print_string_literal(visibility.data)
        if "constant" in self.properties:
            printer.print_string(" constant")
        printer.print_string(" ")
        printer.print_symbol_name(self.properties["sym_name"].data)
        printer.print_string(" : ")
        printer.print_attribute(self.properties[_TYPE_OF_GLOBAL])
        initial_value = self.properties.get("initial_value")
        if initial_value is not None:
            printer.print_string(" = ")
            if isinstance(initial_value, UnitAttr):
                printer.print_string("uninitialized")
            elif isinstance(initial_value, TypedAttribute):
                initial_value.print_without_type(printer)
            else:
                printer.print_attribute(initial_value)
        print_attr_dict(printer, self, ("sym_visibility", "constant", "sym_name", "type", "initial_value"))

    def verify_(self) -> None:
        visibility = self.properties.get("sym_visibility")
        if visibility is not None and visibility.data not in ("public", "private", "nested"):
            raise VerifyException(
                f'visibility expected to be one of ["public", "private", "nested"], but got "{visibility.data}"'
            )
        type = self.properties[_TYPE_OF_GLOBAL]
        if not isinstance(type, MemRefType):
            raise VerifyException(f"type should be static shaped memref, but got {type}")
        value = self.properties.get("initial_value")
        if isinstance(value, DenseIntOrFPElementsAttr):
            expected = _tensor_type_of(type)
            if value.type != expected:
                raise VerifyException(
                    f"initial value expected to be of type {expected}, but was of type {value.type}"
                )
        alignment = self.properties.get("alignment")
        if alignment is not None:
            value = alignment.value.data
            if value <= 0 or value & (value - 1):
                raise VerifyException("alignment attribute value " + str(value) + " is not a power of 2")


def _tensor_type_of(memref_type: MemRefType) -> TensorType:
    return TensorType(memref_type.element_type, memref_type.get_shape())


def _parse_initial_value(parser: Parser, memref_type: Attribute) -> Attribute:
    start = parser.pos
    if isinstance(memref_type, MemRefType) and parser.parse_optional_keyword("dense"):
        try:
            return parser.parse_dense_int_or_fp_elements_attr(_tensor_type_of(memref_type))
        except ParseError as err:
            parser.raise_error(err.msg, start, start + len("dense"))
    return parser.parse_attribute()


GlobalOp = extend_op(
    xmemref.GlobalOp,
    fields={
        "sym_visibility": opt_prop_def(StringAttr),
        "initial_value": opt_prop_def(AnyAttr()),
    },
    mixin=_GlobalSyntax,
)


# --------------------------------------------------------------------------- atomics

ATOMIC_RMW_KINDS = (
    "addf", "addi", "andi", "assign", "maximumf", "maxnumf", "maxs", "maxu",
    "minimumf", "minnumf", "mins", "minu", "mulf", "muli", "ori", "xori",
)  # fmt: skip
"""arith::AtomicRMWKind, in enum order (the property stores the index)."""


class _AtomicRMWSyntax:
    """``memref.atomic_rmw kind %value, %memref[%indices] : (vt, mt) -> vt``."""

    @classmethod
    def parse(cls, parser: Parser):
        kind = parse_keyword_of(parser, ATOMIC_RMW_KINDS, "atomic rmw kind")
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        memref = parser.parse_unresolved_operand()
        indices = parse_operand_list(parser, Parser.Delimiter.SQUARE)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        function_type = parser.parse_function_type()
        if len(function_type.inputs) != 2 or len(function_type.outputs) != 1:
            parser.raise_error("expected (value type, memref type) -> result type")
        value_type, memref_type = function_type.inputs.data
        operands = resolve(parser, [value, memref], [value_type, memref_type])
        return build_op(
            cls,
            operands=[operands[0], operands[1], resolve(parser, indices, IndexType())],
            result_types=[function_type.outputs.data[0]],
            properties={"kind": IntegerAttr(ATOMIC_RMW_KINDS.index(kind), i64)},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(f" {ATOMIC_RMW_KINDS[self.properties['kind'].value.data]} ")
        printer.print_operand(self.operands[0])
        printer.print_string(", ")
        print_indexed(printer, self.operands[1], self.operands[2:])
        print_attr_dict(printer, self, ("kind",))
        printer.print_string(" : (")
        printer.print_attribute(self.operands[0].type)
        printer.print_string(", ")
        printer.print_attribute(self.operands[1].type)
        printer.print_string(") -> ")
        printer.print_attribute(self.results[0].type)


AtomicRMWOp = extend_op(xmemref.AtomicRMWOp, mixin=_AtomicRMWSyntax)


@irdl_op_definition
class GenericAtomicRMWOp(IRDLOperation):
    """memref.generic_atomic_rmw: an atomic read-modify-write with a region."""

    name = "memref.generic_atomic_rmw"

    memref = operand_def(MemRefType)
    indices = var_operand_def(IndexType)
    result = result_def()
    atomic_body = region_def("single_block")

    traits = traits_def(MemoryReadEffect(), MemoryWriteEffect())

    @classmethod
    def parse(cls, parser: Parser) -> GenericAtomicRMWOp:
        memref = parser.parse_unresolved_operand()
        indices = parse_operand_list(parser, Parser.Delimiter.SQUARE)
        parser.parse_punctuation(":")
        memref_type = parser.parse_type()
        element_type = memref_type.element_type if isinstance(memref_type, MemRefType) else memref_type
        region = parser.parse_region()
        return build_op(
            cls,
            operands=[resolve(parser, [memref], memref_type)[0], resolve(parser, indices, IndexType())],
            result_types=[element_type],
            regions=[region],
            attributes=parse_attr_dict(parser),
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        print_indexed(printer, self.memref, self.indices)
        printer.print_string(" : ")
        printer.print_attribute(self.memref.type)
        printer.print_string(" ")
        printer.print_region(self.atomic_body)
        print_attr_dict(printer, self)

    def verify_(self) -> None:
        block = self.atomic_body.block
        if len(block.args) != 1 or block.args[0].type != self.result.type:
            raise VerifyException("expected single number of entry block arguments of the result type")


@irdl_op_definition
class AtomicYieldOp(IRDLOperation):
    """memref.atomic_yield: the terminator of generic_atomic_rmw."""

    name = "memref.atomic_yield"

    result = operand_def()

    traits = traits_def(IsTerminator(), HasParent(GenericAtomicRMWOp), Pure())
    assembly_format = "$result attr-dict `:` type($result)"


# --------------------------------------------------------------------------- new view ops


@irdl_op_definition
class ReallocOp(IRDLOperation):
    """memref.realloc: grow or shrink a 1-D memref."""

    name = "memref.realloc"

    source = operand_def(MemRefType)
    dynamicResultSize = opt_operand_def(IndexType)
    result = result_def(MemRefType)
    alignment = opt_prop_def(IntegerAttr[IntegerType])

    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = "$source (`(` $dynamicResultSize^ `)`)? attr-dict `:` type($source) `to` type($result)"

    def verify_(self) -> None:
        for value in (self.source, self.result):
            if value.type.get_num_dims() != 1:
                raise VerifyException(f"operand #0 must be 1D memref of any type values, but got '{value.type}'")


@irdl_op_definition
class TransposeOp(IRDLOperation):
    """memref.transpose: a view with permuted dimensions."""

    name = "memref.transpose"

    in_ = operand_def(MemRefType)
    permutation = prop_def(AffineMapAttr)
    result = result_def(MemRefType)

    traits = traits_def(NoMemoryEffect())

    def verify_(self) -> None:
        permutation = self.permutation.data
        dims = [result.position for result in permutation.results if isinstance(result, AffineDimExpr)]
        is_permutation = (
            permutation.num_symbols == 0
            and len(dims) == len(permutation.results) == permutation.num_dims
            and len(set(dims)) == len(dims)
        )
        if not is_permutation:
            raise VerifyException("expected a permutation map")
        if permutation.num_dims != self.in_.type.get_num_dims():
            raise VerifyException("expected a permutation map of same rank as the input")

    @classmethod
    def parse(cls, parser: Parser) -> TransposeOp:
        source = parser.parse_unresolved_operand()
        permutation = AffineMapAttr(parser.parse_affine_map())
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        source_type = parser.parse_type()
        parser.parse_keyword("to")
        result_type = parser.parse_type()
        return build_op(
            cls,
            operands=resolve(parser, [source], source_type),
            result_types=[result_type],
            properties={"permutation": permutation},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.in_)
        printer.print_string(" ")
        printer.print_string(str(self.permutation.data))
        print_attr_dict(printer, self, ("permutation",))
        printer.print_string(" : ")
        printer.print_attribute(self.in_.type)
        printer.print_string(" to ")
        printer.print_attribute(self.result.type)


@irdl_op_definition
class ReshapeOp(IRDLOperation):
    """memref.reshape: a view with the shape given by a 1-D memref."""

    name = "memref.reshape"

    source = operand_def(AnyMemRef)
    shape = operand_def(MemRefType)
    result = result_def(AnyMemRef)

    traits = traits_def(NoMemoryEffect())
    assembly_format = "$source `(` $shape `)` attr-dict `:` functional-type(operands, results)"

    def verify_(self) -> None:
        source, result = self.source.type, self.result.type
        if source.element_type != result.element_type:
            raise VerifyException("element types of source and destination memref types should be the same")
        if isinstance(source, MemRefType) and not isinstance(source.layout, NoneAttr):
            raise VerifyException("source memref type should have identity affine map")
        if isinstance(result, MemRefType):
            if not isinstance(result.layout, NoneAttr):
                raise VerifyException("result memref type should have identity affine map")
            length = self.shape.type.get_shape()[0]
            if length == DYNAMIC_INDEX:
                raise VerifyException(
                    "cannot use shape operand with dynamic length to reshape to statically-ranked memref type"
                )
            if length != result.get_num_dims():
                raise VerifyException("length of shape operand differs from the result's memref rank")


@irdl_op_definition
class PrefetchOp(IRDLOperation):
    """memref.prefetch: a hint to prefetch a memref element."""

    name = "memref.prefetch"

    memref = operand_def(MemRefType)
    indices = var_operand_def(IndexType)
    isWrite = prop_def(BoolAttr)
    localityHint = prop_def(IntegerAttr[IntegerType])
    isDataCache = prop_def(BoolAttr)

    @classmethod
    def parse(cls, parser: Parser) -> PrefetchOp:
        memref = parser.parse_unresolved_operand()
        indices = parse_operand_list(parser, Parser.Delimiter.SQUARE)
        hints = parse_prefetch_hints(parser)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        memref_type = parser.parse_type()
        return build_op(
            cls,
            operands=[resolve(parser, [memref], memref_type)[0], resolve(parser, indices, IndexType())],
            properties=hints,
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        print_indexed(printer, self.memref, self.indices)
        print_prefetch_hints(printer, self)
        print_attr_dict(printer, self, PREFETCH_HINTS)
        printer.print_string(" : ")
        printer.print_attribute(self.memref.type)


@irdl_op_definition
class DistinctObjectsOp(IRDLOperation):
    """memref.distinct_objects: asserts that the memrefs do not alias."""

    name = "memref.distinct_objects"

    operands_ = var_operand_def(MemRefType)
    results_ = var_result_def(MemRefType)

    @classmethod
    def parse(cls, parser: Parser) -> DistinctObjectsOp:
        operands = parse_operand_list(parser)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        types = parse_type_list(parser)
        return build_op(cls, operands=[resolve(parser, operands, types)], result_types=[types], attributes=attributes)

    def print(self, printer: Printer):
        printer.print_string(" ")
        print_values(printer, self.operands)
        print_attr_dict(printer, self)
        printer.print_string(" : ")
        printer.print_list(self.operand_types, printer.print_attribute)


# --------------------------------------------------------------------------- DMA


@irdl_op_definition
class DmaStartOp(IRDLOperation):
    """memref.dma_start: operands are src[idx], dst[idx], num, tag[idx] (, stride, per-stride)."""

    name = "memref.dma_start"

    operands_ = var_operand_def()

    traits = traits_def(MemoryReadEffect(), MemoryWriteEffect())

    def _groups(self) -> tuple[SSAValue, list[SSAValue], SSAValue, list[SSAValue], SSAValue, SSAValue, list[SSAValue], list[SSAValue]]:
        ops = list(self.operands)
        src = ops[0]
        n_src = _rank(src.type)
        dst = ops[1 + n_src]
        n_dst = _rank(dst.type)
        num = ops[2 + n_src + n_dst]
        tag = ops[3 + n_src + n_dst]
        n_tag = _rank(tag.type)
        start = 4 + n_src + n_dst
        return (src, ops[1 : 1 + n_src], dst, ops[2 + n_src : 2 + n_src + n_dst], num, tag,
                ops[start : start + n_tag], ops[start + n_tag :])  # fmt: skip

    @classmethod
    def parse(cls, parser: Parser) -> DmaStartOp:
        src = parser.parse_unresolved_operand()
        src_indices = parse_operand_list(parser, Parser.Delimiter.SQUARE)
        parser.parse_punctuation(",")
        dst = parser.parse_unresolved_operand()
        dst_indices = parse_operand_list(parser, Parser.Delimiter.SQUARE)
        parser.parse_punctuation(",")
        num = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        tag = parser.parse_unresolved_operand()
        tag_indices = parse_operand_list(parser, Parser.Delimiter.SQUARE)
        strides = []
        if parser.parse_optional_punctuation(","):
            strides = [parser.parse_unresolved_operand()]
            parser.parse_punctuation(",")
            strides.append(parser.parse_unresolved_operand())
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        src_type = parser.parse_type()
        parser.parse_punctuation(",")
        dst_type = parser.parse_type()
        parser.parse_punctuation(",")
        tag_type = parser.parse_type()
        index = IndexType()
        operands = (
            resolve(parser, [src], src_type) + resolve(parser, src_indices, index)
            + resolve(parser, [dst], dst_type) + resolve(parser, dst_indices, index)
            + resolve(parser, [num], index) + resolve(parser, [tag], tag_type)
            + resolve(parser, tag_indices, index) + resolve(parser, strides, index)
        )  # fmt: skip
        return build_op(cls, operands=[operands], attributes=attributes)

    def print(self, printer: Printer):
        src, src_indices, dst, dst_indices, num, tag, tag_indices, strides = self._groups()
        printer.print_string(" ")
        print_indexed(printer, src, src_indices)
        printer.print_string(", ")
        print_indexed(printer, dst, dst_indices)
        printer.print_string(", ")
        printer.print_operand(num)
        printer.print_string(", ")
        print_indexed(printer, tag, tag_indices)
        if strides:
            printer.print_string(", ")
            print_values(printer, strides)
        print_attr_dict(printer, self)
        printer.print_string(" : ")
        printer.print_list([src.type, dst.type, tag.type], printer.print_attribute)


@irdl_op_definition
class DmaWaitOp(IRDLOperation):
    """memref.dma_wait: operands are tag[idx], num."""

    name = "memref.dma_wait"

    operands_ = var_operand_def()

    traits = traits_def(MemoryReadEffect(), MemoryWriteEffect())

    @classmethod
    def parse(cls, parser: Parser) -> DmaWaitOp:
        tag = parser.parse_unresolved_operand()
        tag_indices = parse_operand_list(parser, Parser.Delimiter.SQUARE)
        parser.parse_punctuation(",")
        num = parser.parse_unresolved_operand()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        tag_type = parser.parse_type()
        operands = resolve(parser, [tag], tag_type) + resolve(parser, tag_indices + [num], IndexType())
        return build_op(cls, operands=[operands], attributes=attributes)

    def print(self, printer: Printer):
        tag, *rest = self.operands
        printer.print_string(" ")
        print_indexed(printer, tag, rest[:-1])
        printer.print_string(", ")
        printer.print_operand(rest[-1])
        print_attr_dict(printer, self)
        printer.print_string(" : ")
        printer.print_attribute(tag.type)


def _rank(type: Attribute) -> int:
    return type.get_num_dims() if isinstance(type, MemRefType) else 0


MemRef: Dialect = replace_ops(
    xmemref.MemRef,
    CastOp,
    GetGlobalOp,
    SubviewOp,
    DimOp,
    AllocOp,
    AllocaOp,
    ReinterpretCastOp,
    MemorySpaceCastOp,
    ExtractAlignedPointerAsIndexOp,
    RankOp,
    CopyOp,
    LoadOp,
    StoreOp,
    AllocaScopeOp,
    AllocaScopeReturnOp,
    GlobalOp,
    ExpandShapeOp,
    CollapseShapeOp,
    AtomicRMWOp,
    GenericAtomicRMWOp,
    AtomicYieldOp,
    ReallocOp,
    TransposeOp,
    ReshapeOp,
    PrefetchOp,
    DistinctObjectsOp,
    DmaStartOp,
    DmaWaitOp,
)
