"""The vector dialect with upstream MLIR 22's ops and syntax.

xDSL has 15 of upstream's ops; this adds the rest (shape_cast, transpose,
contract, multi_reduction, gather/scatter, mask, step, ...), upstream's
vector.print, the ``alignment`` of loads and stores, and n-D masks.
"""

from __future__ import annotations

from typing import ClassVar

from xdsl.dialects import vector as xvector
from xdsl.dialects.builtin import (
    ArrayAttr,
    BoolAttr,
    DYNAMIC_INDEX,
    DenseArrayBase,
    I64,
    IndexType,
    IntegerAttr,
    MemRefType,
    StringAttr,
    TensorType,
    VectorType,
    i1,
    i64,
)
from xdsl.ir import Attribute, Block, Dialect, Operation, SSAValue
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    ParsePropInAttrDict,
    VarConstraint,
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
from xdsl.traits import IsTerminator, MemoryReadEffect, MemoryWriteEffect, Pure
from xdsl.utils.exceptions import VerifyException

from mlopt.dialects.extension import LazyCanonicalizationPatterns, extend_op, replace_ops
from mlopt.dialects.syntax import (
    parse_type_list,
    build_op,
    enum_attribute,
    parse_attr_dict,
    parse_operand_list,
    print_attr_dict,
    print_values,
    resolve,
)

CombiningKindAttr = xvector.CombiningKindAttr
IteratorTypeAttr = enum_attribute("vector.iterator_type", ["parallel", "reduction"], opaque=False)
PrintPunctuationAttr = enum_attribute(
    "vector.punctuation", ["no_punctuation", "newline", "comma", "open", "close"], opaque=False
)

AnyVector = base(VectorType)
_ALIGNMENT = {"alignment": opt_prop_def(IntegerAttr)}
_I64_ARRAY = DenseArrayBase.constr(i64)
_DEST = VarConstraint("DEST", AnyVector)
_SOURCE = VarConstraint("SOURCE", AnyVector)

# --------------------------------------------------------------------------- xDSL's ops, extended

def _unit_stride_verifier(base_op: type[IRDLOperation]):
    """``base_op``'s verifier, then upstream's check that a vector load or
    store reads the memref's innermost dimension contiguously."""

    def verify_(self) -> None:
        base_op.verify_(self)
        memref_type = self.base.type
        strides = memref_type.get_strides() if isinstance(memref_type, MemRefType) else None
        if strides and strides[-1] != 1:
            raise VerifyException("most minor memref dim must have unit stride")

    return verify_


LoadOp = extend_op(xvector.LoadOp, fields=_ALIGNMENT, methods={"verify_": _unit_stride_verifier(xvector.LoadOp)})
StoreOp = extend_op(xvector.StoreOp, fields=_ALIGNMENT, methods={"verify_": _unit_stride_verifier(xvector.StoreOp)})
MaskedLoadOp = extend_op(xvector.MaskedLoadOp, fields=_ALIGNMENT, constraints={"mask": AnyVector, "result": AnyVector})
MaskedStoreOp = extend_op(
    xvector.MaskedStoreOp, fields=_ALIGNMENT, constraints={"mask": AnyVector, "value_to_store": AnyVector}
)


@irdl_op_definition
class PrintOp(IRDLOperation):
    """vector.print: print a scalar or vector, a string, or punctuation."""

    name = "vector.print"

    source = opt_operand_def()
    punctuation = prop_def(PrintPunctuationAttr)
    stringLiteral = opt_prop_def(StringAttr)

    traits = traits_def(MemoryWriteEffect())

    @classmethod
    def parse(cls, parser: Parser) -> PrintOp:
        source = parser.parse_optional_unresolved_operand()
        string = None
        if source is None and parser.parse_optional_keyword("str"):
            string = StringAttr(parser.parse_str_literal())
        attributes = parse_attr_dict(parser)
        operands: list[SSAValue] = []
        if source is not None:
            parser.parse_punctuation(":")
            operands = resolve(parser, [source], parser.parse_type())
        punctuation = PrintPunctuationAttr(PrintPunctuationAttr.enum_type("newline"))
        if parser.parse_optional_keyword("punctuation"):
            punctuation = PrintPunctuationAttr(PrintPunctuationAttr.parse_parameter(parser))
        return build_op(
            cls,
            operands=[operands],
            properties={"punctuation": punctuation, "stringLiteral": string},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        if self.source is not None:
            printer.print_string(" ")
            printer.print_operand(self.source)
        if self.stringLiteral is not None:
            printer.print_string(" str ")
            printer.print_string_literal(self.stringLiteral.data)
        print_attr_dict(printer, self, ("punctuation", "stringLiteral"))
        if self.source is not None:
            printer.print_string(" : ")
            printer.print_attribute(self.source.type)
        if self.punctuation.data.value != "newline":
            printer.print_string(f" punctuation <{self.punctuation.data.value}>")


# --------------------------------------------------------------------------- new ops: shapes and elements


def _canonicalized(patterns: str) -> LazyCanonicalizationPatterns:
    return LazyCanonicalizationPatterns(f"mlopt.dialects.vector_canonicalization:{patterns}")


def _simple_op(
    name: str, doc: str, fields: dict, assembly_format: str, traits=(Pure(),), variables: dict | None = None,
    verify=None,
) -> type[IRDLOperation]:
    """An op fully described by its fields and declarative format; ``variables``
    are the constraint variables (``VarConstraint``) the fields share."""
    class_name = "".join(part.title() for part in name.split(".", 1)[1].replace(".", "_").split("_")) + "Op"
    namespace = {
        "__doc__": doc,
        "__module__": __name__,
        "__annotations__": {key: ClassVar for key in variables or {}},
        **(variables or {}),
        "name": name,
        **fields,
        "traits": traits_def(*traits),
        "irdl_options": (ParsePropInAttrDict(),),
        "assembly_format": assembly_format,
        **({"verify_": verify} if verify is not None else {}),
    }
    return irdl_op_definition(type(class_name, (IRDLOperation,), namespace))


ConstantMaskOp = _simple_op(
    "vector.constant_mask",
    "vector.constant_mask: a mask with the leading dims set.",
    {"mask_dim_sizes": prop_def(_I64_ARRAY), "result": result_def(AnyVector)},
    "$mask_dim_sizes attr-dict `:` type($result)",
    traits=(Pure(), _canonicalized("CONSTANT_MASK_PATTERNS")),
)
def _element_count(type: VectorType) -> int:
    count = 1
    for dim in type.get_shape():
        count *= dim
    return count


def _verify_shape_cast(self) -> None:
    source, result = self.operands[0].type, self.results[0].type
    if _element_count(source) != _element_count(result):
        raise VerifyException(
            f"has different number of elements at source ({_element_count(source)}) and result ({_element_count(result)})"
        )


ShapeCastOp = _simple_op(
    "vector.shape_cast",
    "vector.shape_cast: reshape a vector.",
    {"source": operand_def(AnyVector), "result": result_def(AnyVector)},
    "$source attr-dict `:` type($source) `to` type($result)",
    traits=(Pure(), _canonicalized("SHAPE_CAST_PATTERNS")),
    verify=_verify_shape_cast,
)
TransposeOp = _simple_op(
    "vector.transpose",
    "vector.transpose: permute the dimensions of a vector.",
    {"vector": operand_def(AnyVector), "permutation": prop_def(_I64_ARRAY), "result": result_def(AnyVector)},
    "$vector `,` $permutation attr-dict `:` type($vector) `to` type($result)",
    traits=(Pure(), _canonicalized("TRANSPOSE_PATTERNS")),
    verify=lambda self: _verify_transpose(self),
)


def _verify_transpose(self) -> None:
    source_shape, result_shape = self.vector.type.get_shape(), self.result.type.get_shape()
    permutation = list(self.permutation.get_values())
    if len(result_shape) != len(source_shape):
        raise VerifyException(f"vector result rank mismatch: {len(source_shape)}")
    if len(permutation) != len(source_shape):
        raise VerifyException(f"transposition length mismatch: {len(permutation)}")
    seen: set[int] = set()
    for position, index in enumerate(permutation):
        if not 0 <= index < len(source_shape):
            raise VerifyException(f"transposition index out of range: {index}")
        if index in seen:
            raise VerifyException(f"duplicate position index: {index}")
        seen.add(index)
        if result_shape[position] != source_shape[index]:
            raise VerifyException(f"dimension size mismatch at: {index}")


def _ints(attr: ArrayAttr) -> list[int]:
    return [item.value.data for item in attr.data]  # type: ignore[attr-defined]


def _confined(name: str, values: list[int], bounds: list[tuple[int, int]]) -> None:
    """Each value within its [low, high) bound, with upstream's message."""
    for index, (value, (low, high)) in enumerate(zip(values, bounds)):
        if not low <= value < high:
            raise VerifyException(f"expected {name} dimension {index} to be confined to [{low}, {high})")


def _unit_strides(strides: list[int]) -> None:
    if any(stride != 1 for stride in strides):
        raise VerifyException("expected strides to be confined to [1, 2)")


def _verify_extract_strided_slice(self) -> None:
    shape = self.source.type.get_shape()
    offsets, sizes, strides = _ints(self.offsets), _ints(self.sizes), _ints(self.strides)
    if not len(offsets) == len(sizes) == len(strides):
        raise VerifyException("expected offsets, sizes and strides attributes of same size")
    for name, values in (("offsets", offsets), ("sizes", sizes), ("strides", strides)):
        if len(values) > len(shape):
            raise VerifyException(f"expected {name} attribute of rank no greater than vector rank")
    _confined("offsets", offsets, [(0, n) for n in shape])
    _confined("sizes", sizes, [(1, n + 1) for n in shape])
    _unit_strides(strides)
    _confined("sum(offsets, sizes)", [o + z for o, z in zip(offsets, sizes)], [(1, n + 1) for n in shape])
    expected = VectorType(self.source.type.element_type, [*sizes, *shape[len(sizes) :]])
    if self.result.type != expected:
        raise VerifyException(f"expected result type to be '{expected}'")


def _verify_insert_strided_slice(self) -> None:
    source_shape, dest_shape = self.valueToStore.type.get_shape(), self.dest.type.get_shape()
    offsets, strides = _ints(self.offsets), _ints(self.strides)
    if len(offsets) != len(dest_shape):
        raise VerifyException("expected offsets of same size as destination vector rank")
    if len(strides) != len(source_shape):
        raise VerifyException("expected strides of same size as source vector rank")
    if len(source_shape) > len(dest_shape):
        raise VerifyException("expected source rank to be no greater than destination rank")
    _confined("offsets", offsets, [(0, n) for n in dest_shape])
    _unit_strides(strides)
    padded = [1] * (len(dest_shape) - len(source_shape)) + list(source_shape)
    _confined("sum(offsets, source vector shape)", [o + z for o, z in zip(offsets, padded)], [(1, n + 1) for n in dest_shape])


ExtractStridedSliceOp = _simple_op(
    "vector.extract_strided_slice",
    "vector.extract_strided_slice: a strided slice of a vector.",
    {
        "source": operand_def(AnyVector),
        "offsets": prop_def(ArrayAttr),
        "sizes": prop_def(ArrayAttr),
        "strides": prop_def(ArrayAttr),
        "result": result_def(AnyVector),
    },
    "$source attr-dict `:` type($source) `to` type($result)",
    traits=(Pure(), _canonicalized("EXTRACT_STRIDED_SLICE_PATTERNS")),
    verify=_verify_extract_strided_slice,
)
InsertStridedSliceOp = _simple_op(
    "vector.insert_strided_slice",
    "vector.insert_strided_slice: insert a vector as a strided slice of another.",
    {
        "valueToStore": operand_def(AnyVector),
        "dest": operand_def(_DEST),
        "offsets": prop_def(ArrayAttr),
        "strides": prop_def(ArrayAttr),
        "result": result_def(_DEST),
    },
    "$valueToStore `,` $dest attr-dict `:` type($valueToStore) `into` type($dest)",
    variables={"DEST": _DEST},
    verify=_verify_insert_strided_slice,
)
StepOp = _simple_op(
    "vector.step",
    "vector.step: the vector [0, 1, ..., N-1].",
    {"result": result_def(AnyVector)},
    "attr-dict `:` type($result)",
)
InterleaveOp = _simple_op(
    "vector.interleave",
    "vector.interleave: interleave the elements of two vectors.",
    {"lhs": operand_def(_SOURCE), "rhs": operand_def(_SOURCE), "result": result_def(AnyVector)},
    "$lhs `,` $rhs attr-dict `:` type($lhs) `->` type($result)",
    variables={"SOURCE": _SOURCE},
)
VectorScaleOp = _simple_op(
    "vector.vscale",
    "vector.vscale: the scale of scalable vectors.",
    {"res": result_def(IndexType)},
    "attr-dict",
)
TypeCastOp = _simple_op(
    "vector.type_cast",
    "vector.type_cast: view a memref of scalars as a memref of one vector.",
    {"memref": operand_def(MemRefType), "result": result_def(MemRefType)},
    "$memref attr-dict `:` type($memref) `to` type($result)",
)
ScalableExtractOp = _simple_op(
    "vector.scalable.extract",
    "vector.scalable.extract: a fixed-size vector out of a scalable one.",
    {"source": operand_def(AnyVector), "pos": prop_def(IntegerAttr[I64]), "res": result_def(AnyVector)},
    "$source `[` $pos `]` attr-dict `:` type($res) `from` type($source)",
)
ScalableInsertOp = _simple_op(
    "vector.scalable.insert",
    "vector.scalable.insert: a fixed-size vector into a scalable one.",
    {
        "valueToStore": operand_def(AnyVector),
        "dest": operand_def(_DEST),
        "pos": prop_def(IntegerAttr[I64]),
        "res": result_def(_DEST),
    },
    "$valueToStore `,` $dest `[` $pos `]` attr-dict `:` type($valueToStore) `into` type($dest)",
    variables={"DEST": _DEST},
)


@irdl_op_definition
class FromElementsOp(IRDLOperation):
    """vector.from_elements: a vector of the given scalars."""

    name = "vector.from_elements"

    elements = var_operand_def()
    dest = result_def(AnyVector)

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> FromElementsOp:
        elements = parse_operand_list(parser)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        type = parser.parse_type()
        element = type.element_type if isinstance(type, VectorType) else type
        return build_op(cls, operands=[resolve(parser, elements, element)], result_types=[type], attributes=attributes)

    def print(self, printer: Printer):
        printer.print_string(" ")
        print_values(printer, self.elements)
        print_attr_dict(printer, self)
        printer.print_string(" : ")
        printer.print_attribute(self.dest.type)


@irdl_op_definition
class ToElementsOp(IRDLOperation):
    """vector.to_elements: the scalars of a vector."""

    name = "vector.to_elements"

    source = operand_def(AnyVector)
    elements = var_result_def()

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> ToElementsOp:
        source = parser.parse_unresolved_operand()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        type = parser.parse_type()
        count = 1
        for dim in type.get_shape() if isinstance(type, VectorType) else ():
            count *= dim
        element = type.element_type if isinstance(type, VectorType) else type
        return build_op(cls, operands=resolve(parser, [source], type), result_types=[[element] * count], attributes=attributes)

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.source)
        print_attr_dict(printer, self)
        printer.print_string(" : ")
        printer.print_attribute(self.source.type)


@irdl_op_definition
class DeinterleaveOp(IRDLOperation):
    """vector.deinterleave: split the even and odd elements of a vector."""

    name = "vector.deinterleave"

    T: ClassVar = VarConstraint("T", AnyVector)
    source = operand_def(AnyVector)
    res1 = result_def(T)
    res2 = result_def(T)

    traits = traits_def(Pure())
    assembly_format = "$source attr-dict `:` type($source) `->` type($res1)"


# --------------------------------------------------------------------------- reductions and contractions


@irdl_op_definition
class MultiDimReductionOp(IRDLOperation):
    """vector.multi_reduction: reduce a vector along some dimensions."""

    name = "vector.multi_reduction"

    source = operand_def(AnyVector)
    acc = operand_def()
    kind = prop_def(CombiningKindAttr)
    reduction_dims = prop_def(_I64_ARRAY)
    dest = result_def()

    traits = traits_def(Pure())

    def verify_(self) -> None:
        source_type = self.source.type
        reduced = set(self.reduction_dims.get_values())
        kept = [n for d, n in enumerate(source_type.get_shape()) if d not in reduced]
        expected = VectorType(source_type.element_type, kept) if kept else source_type.element_type
        if any(not 0 <= d < len(source_type.get_shape()) for d in reduced) or self.dest.type != expected:
            raise VerifyException(f"destination type '{self.dest.type}' is incompatible with source type '{source_type}'")

    @classmethod
    def parse(cls, parser: Parser) -> MultiDimReductionOp:
        kind = CombiningKindAttr(CombiningKindAttr.parse_parameter(parser))
        parser.parse_punctuation(",")
        source = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        acc = parser.parse_unresolved_operand()
        attributes = parse_attr_dict(parser)
        dims = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_integer)
        parser.parse_punctuation(":")
        source_type = parser.parse_type()
        parser.parse_keyword("to")
        dest_type = parser.parse_type()
        return build_op(
            cls,
            operands=resolve(parser, [source, acc], [source_type, dest_type]),
            result_types=[dest_type],
            properties={"kind": kind, "reduction_dims": DenseArrayBase.from_list(i64, dims)},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(f" <{self.kind.data.value}>, ")
        print_values(printer, [self.source, self.acc])
        print_attr_dict(printer, self, ("kind", "reduction_dims"))
        printer.print_string(" [" + ", ".join(map(str, self.reduction_dims.get_values())) + "]")
        printer.print_string(" : ")
        printer.print_attribute(self.source.type)
        printer.print_string(" to ")
        printer.print_attribute(self.dest.type)


@irdl_op_definition
class ScanOp(IRDLOperation):
    """vector.scan: prefix reduction along one dimension."""

    name = "vector.scan"

    source = operand_def(AnyVector)
    initial_value = operand_def(AnyVector)
    kind = prop_def(CombiningKindAttr)
    reduction_dim = prop_def(IntegerAttr)
    inclusive = prop_def(BoolAttr)
    dest = result_def(AnyVector)
    accumulated_value = result_def(AnyVector)

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> ScanOp:
        kind = CombiningKindAttr(CombiningKindAttr.parse_parameter(parser))
        parser.parse_punctuation(",")
        source = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        initial = parser.parse_unresolved_operand()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        source_type = parser.parse_type()
        parser.parse_punctuation(",")
        initial_type = parser.parse_type()
        return build_op(
            cls,
            operands=resolve(parser, [source, initial], [source_type, initial_type]),
            result_types=[source_type, initial_type],
            properties={"kind": kind},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(f" <{self.kind.data.value}>, ")
        print_values(printer, [self.source, self.initial_value])
        print_attr_dict(printer, self, ("kind",))
        printer.print_string(" : ")
        printer.print_list([self.source.type, self.initial_value.type], printer.print_attribute)


@irdl_op_definition
class OuterProductOp(IRDLOperation):
    """vector.outerproduct: outer product (or AXPY with a scalar rhs), with accumulation."""

    name = "vector.outerproduct"

    lhs = operand_def(AnyVector)
    rhs = operand_def()
    acc = opt_operand_def(AnyVector)
    kind = prop_def(CombiningKindAttr, default_value=CombiningKindAttr(xvector.CombiningKindFlag.ADD))
    result = result_def(AnyVector)

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> OuterProductOp:
        operands = parse_operand_list(parser)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        lhs_type = parser.parse_type()
        parser.parse_punctuation(",")
        rhs_type = parser.parse_type()
        if isinstance(rhs_type, VectorType):
            result_type = VectorType(
                lhs_type.element_type,
                [*lhs_type.get_shape(), *rhs_type.get_shape()],
                ArrayAttr([*lhs_type.scalable_dims.data, *rhs_type.scalable_dims.data]),
            )
        else:
            result_type = lhs_type
        types = [lhs_type, rhs_type, result_type][: len(operands)]
        resolved = resolve(parser, operands, types)
        return build_op(
            cls,
            operands=[resolved[0], resolved[1], resolved[2:]],
            result_types=[result_type],
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        print_values(printer, self.operands)
        elided = ("kind",) if self.kind == CombiningKindAttr(xvector.CombiningKindFlag.ADD) else ()
        print_attr_dict(printer, self, elided)
        printer.print_string(" : ")
        printer.print_list([self.lhs.type, self.rhs.type], printer.print_attribute)


def _iterator_type(value: Attribute) -> Attribute:
    if isinstance(value, StringAttr):
        return IteratorTypeAttr(IteratorTypeAttr.enum_type(value.data))
    return value


@irdl_op_definition
class ContractionOp(IRDLOperation):
    """vector.contract: a generalized contraction of two vectors into an accumulator."""

    name = "vector.contract"

    lhs = operand_def(AnyVector)
    rhs = operand_def(AnyVector)
    acc = operand_def()
    masks = var_operand_def(AnyVector)
    indexing_maps = prop_def(ArrayAttr)
    iterator_types = prop_def(ArrayAttr)
    kind = prop_def(CombiningKindAttr, default_value=CombiningKindAttr(xvector.CombiningKindFlag.ADD))
    result = result_def()

    traits = traits_def(Pure())

    def verify_(self) -> None:
        maps = [m.data for m in self.indexing_maps.data]
        if len(maps) != 3:
            raise VerifyException("expected an indexing map for each vector operand")
        iterators = [t.data.value for t in self.iterator_types.data]
        shapes = [tuple(v.type.get_shape()) if isinstance(v.type, VectorType) else () for v in (self.lhs, self.rhs, self.acc)]
        for index, (affine_map, shape) in enumerate(zip(maps, shapes)):
            if affine_map.num_dims != len(iterators):
                raise VerifyException(f"expected indexing map {index} to have {len(iterators)} number of inputs")
            if len(affine_map.results) != len(shape):
                raise VerifyException(f"expected indexing map {index} to have {len(shape)} number of outputs")
        dims = [[getattr(e, "position", None) for e in m.results] for m in maps]
        sizes: list[dict[int, int]] = [dict(zip(d, shape)) for d, shape in zip(dims, shapes)]
        shared = set(sizes[0]) & set(sizes[1])
        for dim in sorted(shared):
            if sizes[0][dim] != sizes[1][dim]:
                kind = "contracting" if iterators[dim] == "reduction" else "batch"
                raise VerifyException(f"invalid {kind} dimension map")
        if isinstance(self.acc.type, VectorType):
            known = {**sizes[1], **sizes[0]}
            expected = [known.get(d, -1) for d in dims[2]]
            if -1 not in expected and tuple(expected) != shapes[2]:
                expected_type = VectorType(self.acc.type.element_type, expected)
                raise VerifyException(f"invalid accumulator/result vector shape, expected: '{expected_type}'")

    @classmethod
    def parse(cls, parser: Parser) -> ContractionOp:
        attributes = parser.parse_optional_attr_dict()
        operands = parse_operand_list(parser)
        extra = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        lhs_type = parser.parse_type()
        parser.parse_punctuation(",")
        rhs_type = parser.parse_type()
        parser.parse_keyword("into")
        acc_type = parser.parse_type()
        mask_types = [VectorType(i1, t.get_shape(), t.scalable_dims) for t in (lhs_type, rhs_type)]
        types = [lhs_type, rhs_type, acc_type, *mask_types][: len(operands)]
        resolved = resolve(parser, operands, types)
        attributes = {**attributes, **extra}
        if "iterator_types" in attributes:
            attributes["iterator_types"] = ArrayAttr([_iterator_type(t) for t in attributes["iterator_types"].data])
        return build_op(
            cls,
            operands=[resolved[0], resolved[1], resolved[2], resolved[3:]],
            result_types=[acc_type],
            attributes=attributes,
        )

    def print(self, printer: Printer):
        shown = {
            "indexing_maps": self.indexing_maps,
            "iterator_types": ArrayAttr([StringAttr(t.data.value) for t in self.iterator_types.data]),
            "kind": self.kind,
        }
        printer.print_string(" ")
        printer.print_attr_dict(shown)
        printer.print_string(" ")
        print_values(printer, self.operands)
        print_attr_dict(printer, self, shown)
        printer.print_string(" : ")
        printer.print_list([self.lhs.type, self.rhs.type], printer.print_attribute)
        printer.print_string(" into ")
        printer.print_attribute(self.result.type)


# --------------------------------------------------------------------------- memory: gather, scatter, expand, compress


@irdl_op_definition
class GatherOp(IRDLOperation):
    """vector.gather: load elements at vector offsets, under a mask."""

    name = "vector.gather"

    base = operand_def(base(MemRefType) | base(TensorType))
    offsets = var_operand_def(IndexType)
    indices = operand_def(AnyVector)
    mask = operand_def(AnyVector)
    pass_thru = operand_def(AnyVector)
    alignment = opt_prop_def(IntegerAttr)
    result = result_def(AnyVector)

    traits = traits_def(MemoryReadEffect())
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = (
        "$base `[` $offsets `]` `[` $indices `]` `,` $mask `,` $pass_thru attr-dict `:` type($base) `,` "
        "type($indices) `,` type($mask) `,` type($pass_thru) `into` type($result)"
    )


@irdl_op_definition
class ScatterOp(IRDLOperation):
    """vector.scatter: store elements at vector offsets, under a mask (memref form)."""

    name = "vector.scatter"

    base = operand_def(MemRefType)
    offsets = var_operand_def(IndexType)
    indices = operand_def(AnyVector)
    mask = operand_def(AnyVector)
    valueToStore = operand_def(AnyVector)
    alignment = opt_prop_def(IntegerAttr)

    traits = traits_def(MemoryWriteEffect())
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = (
        "$base `[` $offsets `]` `[` $indices `]` `,` $mask `,` $valueToStore attr-dict `:` type($base) `,` "
        "type($indices) `,` type($mask) `,` type($valueToStore)"
    )


@irdl_op_definition
class ExpandLoadOp(IRDLOperation):
    """vector.expandload: load consecutive elements into the masked lanes."""

    name = "vector.expandload"

    base = operand_def(MemRefType)
    indices = var_operand_def(IndexType)
    mask = operand_def(AnyVector)
    pass_thru = operand_def(AnyVector)
    alignment = opt_prop_def(IntegerAttr)
    result = result_def(AnyVector)

    traits = traits_def(MemoryReadEffect())
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = (
        "$base `[` $indices `]` `,` $mask `,` $pass_thru attr-dict `:` type($base) `,` type($mask) `,` "
        "type($pass_thru) `into` type($result)"
    )


@irdl_op_definition
class CompressStoreOp(IRDLOperation):
    """vector.compressstore: store the masked lanes consecutively."""

    name = "vector.compressstore"

    base = operand_def(MemRefType)
    indices = var_operand_def(IndexType)
    mask = operand_def(AnyVector)
    valueToStore = operand_def(AnyVector)
    alignment = opt_prop_def(IntegerAttr)

    traits = traits_def(MemoryWriteEffect())
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = (
        "$base `[` $indices `]` `,` $mask `,` $valueToStore attr-dict `:` type($base) `,` type($mask) `,` "
        "type($valueToStore)"
    )


# --------------------------------------------------------------------------- mask and yield


@irdl_op_definition
class YieldOp(IRDLOperation):
    """vector.yield: the terminator of vector.mask."""

    name = "vector.yield"

    operands_ = var_operand_def()

    traits = traits_def(IsTerminator(), Pure())
    assembly_format = "attr-dict ($operands_^ `:` type($operands_))?"


MASKABLE_OPS = frozenset(
    {
        "vector.transfer_read", "vector.transfer_write", "vector.gather", "vector.reduction",
        "vector.multi_reduction", "vector.contract", "vector.outerproduct",
    }
)
"""The ops of upstream's MaskableOpInterface."""


@irdl_op_definition
class MaskOp(IRDLOperation):
    """vector.mask: run the maskable op of its region under a mask."""

    name = "vector.mask"

    mask = operand_def(AnyVector)
    passthru = opt_operand_def()
    results_ = var_result_def()
    maskRegion = region_def("single_block")

    def verify_(self) -> None:
        ops = list(self.maskRegion.block.ops)
        if len(ops) > 2:
            raise VerifyException("expects only one operation to mask")
        terminator = ops[-1] if ops else None
        if not isinstance(terminator, YieldOp):
            raise VerifyException("expects a terminator within the mask region")
        if len(terminator.operands) != len(self.results):
            raise VerifyException("expects number of results to match mask region yielded values")
        if len(ops) == 1:
            return
        masked = ops[0]
        if masked.name not in MASKABLE_OPS:
            raise VerifyException("expects a MaskableOpInterface within the mask region")
        if len(masked.results) != len(self.results):
            raise VerifyException("expects number of results to match maskable operation number of results")
        if tuple(masked.results) != tuple(terminator.operands):
            raise VerifyException(
                "expects all the results from the MaskableOpInterface to match all the values returned by the terminator"
            )
        if tuple(masked.result_types) != tuple(self.result_types):
            raise VerifyException("expects result type to match maskable operation result type")

    @classmethod
    def parse(cls, parser: Parser) -> MaskOp:
        mask = parser.parse_unresolved_operand()
        passthru = None
        if parser.parse_optional_punctuation(","):
            passthru = parser.parse_unresolved_operand()
        region = parser.parse_region()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        mask_type = parser.parse_type()
        result_types: list[Attribute] = []
        if parser.parse_optional_punctuation("->"):
            result_types = parse_type_list(parser)
        if not region.blocks:
            region.add_block(Block())
        block = region.block
        if block.last_op is None or not block.last_op.has_trait(IsTerminator):
            yielded = list(block.last_op.results) if block.last_op is not None else []
            block.add_op(YieldOp.build(operands=[yielded]))
        operands = [resolve(parser, [mask], mask_type)[0], resolve(parser, [passthru], result_types[0]) if passthru else []]
        return build_op(cls, operands=operands, result_types=[result_types], regions=[region], attributes=attributes)

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.mask)
        if self.passthru is not None:
            printer.print_string(", ")
            printer.print_operand(self.passthru)
        printer.print_string(" ")
        block = self.maskRegion.block
        terminator = block.last_op
        # The yield of the masked op's results is implicit, as upstream prints it.
        implicit = isinstance(terminator, YieldOp) and (
            (terminator.prev_op is None and not terminator.operands)
            or (terminator.prev_op is not None and tuple(terminator.operands) == tuple(terminator.prev_op.results))
        )
        if implicit:
            # As upstream: the masked op inline, without its results' names.
            printer.print_string("{ ")
            masked = block.first_op
            if masked is not terminator:
                if printer.print_generic_format or Operation.print is type(masked).print:
                    printer.print_string(f'"{masked.name}"')
                    printer.print_op_with_default_format(masked)
                else:
                    printer.print_string(masked.name)
                    masked.print(printer)
            printer.print_string(" }")
        else:
            printer.print_region(self.maskRegion, print_entry_block_args=False, print_block_terminators=True)
        print_attr_dict(printer, self)
        printer.print_string(" : ")
        printer.print_attribute(self.mask.type)
        if self.results:
            printer.print_string(" -> ")
            printer.print_list(self.result_types, printer.print_attribute)


_POISON_POSITION = -1


def _verify_positions(op: Operation, vector_type: VectorType, vector: str) -> None:
    """At most one position per dimension, each indexing its dimension or
    poison, as upstream's isValidPositiveIndexOrPoison."""
    if len(op.static_position) > vector_type.get_num_dims():
        raise VerifyException(f"expected position attribute of rank no greater than {vector} rank")
    dimension = f"the corresponding {vector} dimension" + (" or poison (-1)" if vector == "vector" else "")
    for index, (position, size) in enumerate(zip(op.static_position.get_values(), vector_type.get_shape())):
        if position not in (DYNAMIC_INDEX, _POISON_POSITION) and not 0 <= position < size:
            raise VerifyException(
                f"expected position attribute #{index + 1} to be a non-negative integer smaller than {dimension}"
            )


def _verify_extract(self) -> None:
    _verify_positions(self, self.vector.type, "vector")
    xvector.ExtractOp.verify_(self)


def _verify_insert(self) -> None:
    _verify_positions(self, self.dest.type, "dest vector")
    xvector.InsertOp.verify_(self)


CreateMaskOp = extend_op(xvector.CreateMaskOp, traits=[_canonicalized("CREATE_MASK_PATTERNS")])
def _parse_as_subclass(base_op: type[IRDLOperation]):
    """``base_op``'s parser, whose op is rebuilt as the extended class (xDSL's
    transfer parsers build their own class, without the extension's traits)."""

    @classmethod
    def parse(cls, parser: Parser):
        parsed = base_op.parse(parser)
        op = cls.create(
            operands=list(parsed.operands),
            result_types=list(parsed.result_types),
            properties=dict(parsed.properties),
            attributes=dict(parsed.attributes),
        )
        parsed.erase(safe_erase=False)
        return op

    return parse


BroadcastOp = extend_op(xvector.BroadcastOp, traits=[_canonicalized("BROADCAST_PATTERNS")])
BitcastOp = extend_op(xvector.BitcastOp, traits=[Pure(), _canonicalized("BITCAST_PATTERNS")])
TransferReadOp = extend_op(
    xvector.TransferReadOp,
    traits=[_canonicalized("TRANSFER_PATTERNS")],
    methods={"parse": _parse_as_subclass(xvector.TransferReadOp)},
)
TransferWriteOp = extend_op(
    xvector.TransferWriteOp,
    traits=[_canonicalized("TRANSFER_PATTERNS")],
    methods={"parse": _parse_as_subclass(xvector.TransferWriteOp)},
)
ExtractOp = extend_op(xvector.ExtractOp, methods={"verify_": _verify_extract})
InsertOp = extend_op(xvector.InsertOp, methods={"verify_": _verify_insert})
"""``vector.extract``/``vector.insert``: static positions within the vector, as upstream checks."""


def _verify_reduction(self) -> None:
    if self.vector.type.element_type != self.dest.type:
        raise VerifyException("failed to verify that source operand and result have same element type")


ReductionOp = extend_op(
    xvector.ReductionOp, constraints={"vector": VectorType.constr(AnyAttr())}, methods={"verify_": _verify_reduction}
)
"""``vector.reduction`` with upstream's message for a result of another element type."""


Vector: Dialect = replace_ops(
    xvector.Vector,
    BitcastOp,
    LoadOp,
    StoreOp,
    MaskedLoadOp,
    MaskedStoreOp,
    PrintOp,
    ConstantMaskOp,
    ShapeCastOp,
    TransposeOp,
    ExtractStridedSliceOp,
    InsertStridedSliceOp,
    FromElementsOp,
    ToElementsOp,
    StepOp,
    InterleaveOp,
    DeinterleaveOp,
    VectorScaleOp,
    TypeCastOp,
    ScalableExtractOp,
    ScalableInsertOp,
    MultiDimReductionOp,
    ScanOp,
    OuterProductOp,
    ContractionOp,
    GatherOp,
    ScatterOp,
    ExpandLoadOp,
    CompressStoreOp,
    YieldOp,
    MaskOp,
    ExtractOp,
    InsertOp,
    ReductionOp,
    CreateMaskOp,
    TransferReadOp,
    TransferWriteOp,
    BroadcastOp,
    attributes=[IteratorTypeAttr, PrintPunctuationAttr],
)
