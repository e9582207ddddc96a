"""transform.structured.*: matching, tiling, fusion, interchange and
generalization of linalg ops (upstream's LinalgTransformOps.td)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.dialects.builtin import (
    ArrayAttr,
    DenseArrayBase,
    DictionaryAttr,
    FunctionType,
    IntegerAttr,
    IntegerType,
    StringAttr,
    UnitAttr,
    i1,
    i64,
)
from xdsl.dialects.transform import TransformHandleType, TransformOpHandleType, TransformParamHandleType
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.irdl import (
    AttrSizedOperandSegments,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from mlopt.diagnostics import DiagnosticError
from mlopt.dialects.syntax import DYNAMIC, build_op, parse_attr_dict, parse_mixed_list, print_attr_dict, print_mixed_list
from mlopt.dialects.transform.core import parse_functional_type, parse_single_target_tail, print_functional_type
from mlopt.dialects.transform.state import SilenceableFailure, TransformOp, TransformState, apply_each

INTERFACES = ("LinalgOp", "TilingInterface", "LoopLikeInterface")
"""Upstream's MatchInterfaceEnum: a match's ``interface`` property is the i32 index in this tuple."""


def _parse_int_list(parser: Parser) -> list[int]:
    return parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_integer)


def _print_int_list(printer: Printer, values: Sequence[int]) -> None:
    printer.print_string("[" + ", ".join(str(v) for v in values) + "]")


def _values(array: DenseArrayBase | None) -> list[int]:
    return [] if array is None else list(array.get_values())  # type: ignore[arg-type]


def _tiling_failure(op: Operation, target: Operation, message: str) -> SilenceableFailure:
    return SilenceableFailure(op, message, [(target, "target op")])


# --------------------------------------------------------------------------- match


def _is_linalg_op(op: Operation) -> bool:
    return op.name.startswith("linalg.") and op.name not in ("linalg.yield", "linalg.index") and bool(op.regions)


def _implements(op: Operation, interface: str) -> bool:
    if interface == "LinalgOp":
        return _is_linalg_op(op) and op.name not in ("linalg.softmax", "linalg.pack", "linalg.unpack")
    if interface == "TilingInterface":
        return _is_linalg_op(op)
    return op.name in ("scf.for", "scf.forall", "scf.parallel", "scf.while", "affine.for", "affine.parallel")


@irdl_op_definition
class MatchOp(TransformOp, IRDLOperation):
    """transform.structured.match: the ops nested in the target (the target
    included) with the given names, interface, attributes and types."""

    name = "transform.structured.match"
    target = operand_def(TransformOpHandleType)
    ops = opt_prop_def(ArrayAttr)
    interface = opt_prop_def(IntegerAttr)
    op_attrs = opt_prop_def(DictionaryAttr)
    filter_result_type = opt_prop_def(Attribute)
    filter_operand_types = opt_prop_def(ArrayAttr)
    results_ = result_def(TransformOpHandleType)

    @classmethod
    def parse(cls, parser: Parser) -> MatchOp:
        properties: dict[str, Attribute | None] = {}
        if parser.parse_optional_keyword("ops"):
            parser.parse_punctuation("{")
            properties["ops"] = ArrayAttr([StringAttr(s) for s in parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_str_literal)])
            parser.parse_punctuation("}")
        if parser.parse_optional_keyword("interface"):
            parser.parse_punctuation("{")
            pos = parser.pos
            interface = parser.parse_identifier()
            if interface not in INTERFACES:
                parser.raise_error(f"expected one of {', '.join(INTERFACES)}", pos, parser.pos)
            properties["interface"] = IntegerAttr(INTERFACES.index(interface), 32)
            parser.parse_punctuation("}")
        if parser.parse_optional_keyword("attributes"):
            properties["op_attrs"] = parser.parse_attribute()
        if parser.parse_optional_keyword("filter_result_type"):
            parser.parse_punctuation("=")
            properties["filter_result_type"] = parser.parse_type()
        if parser.parse_optional_keyword("filter_operand_types"):
            parser.parse_punctuation("=")
            properties["filter_operand_types"] = ArrayAttr(parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_type))
        parser.parse_keyword("in")
        target = parser.parse_unresolved_operand()
        return parse_single_target_tail(cls, parser, target, properties)

    def print(self, printer: Printer) -> None:
        if self.ops is not None:
            printer.print_string(" ops{[" + ", ".join(f'"{n.data}"' for n in self.ops.data) + "]}")  # type: ignore[attr-defined]
        if self.interface is not None:
            printer.print_string(f" interface{{{INTERFACES[self.interface.value.data]}}}")
        if self.op_attrs is not None:
            printer.print_string(" attributes ")
            printer.print_attribute(self.op_attrs)
        if self.filter_result_type is not None:
            printer.print_string(" filter_result_type = ")
            printer.print_attribute(self.filter_result_type)
        if self.filter_operand_types is not None:
            printer.print_string(" filter_operand_types = [")
            printer.print_list(self.filter_operand_types.data, printer.print_attribute)
            printer.print_string("]")
        printer.print_string(" in ")
        printer.print_operand(self.target)
        print_attr_dict(printer, self, ("ops", "interface", "op_attrs", "filter_result_type", "filter_operand_types"))
        print_functional_type(printer, self)

    def _matches(self, op: Operation) -> bool:
        if self.ops is not None and op.name not in {n.data for n in self.ops.data}:  # type: ignore[attr-defined]
            return False
        if self.interface is not None and not _implements(op, INTERFACES[self.interface.value.data]):
            return False
        if self.op_attrs is not None:
            present = {**op.properties, **op.attributes}
            if any(present.get(k) != v for k, v in self.op_attrs.data.items()):
                return False
        if self.filter_result_type is not None and (len(op.results) != 1 or op.results[0].type != self.filter_result_type):
            return False
        if self.filter_operand_types is not None:
            types = list(self.filter_operand_types.data)
            operand_types = [v.type for v in op.operands]
            if len(types) == 1:
                return all(t == types[0] for t in operand_types)
            return operand_types == types
        return True

    def verify_(self) -> None:
        interface = self.interface
        if interface is not None and (interface.type != IntegerType(32) or not 0 <= interface.value.data < len(INTERFACES)):
            raise VerifyException(f"Invalid attribute `interface` in property conversion: {interface.value.data} : {interface.type}")

    def apply(self, state: TransformState) -> None:
        targets = state.payload_ops(self.target)
        if len(targets) != 1:
            raise DiagnosticError.at(self, "requires exactly one target handle")
        state.set_payload(self.results_, [op for op in targets[0].walk() if self._matches(op)])


# --------------------------------------------------------------------------- tiling


def _parse_sizes(parser: Parser) -> tuple[list[int], list]:
    """``[4, %p, 0]``: static sizes (DYNAMIC where a param handle stands) and
    the handles."""
    start = parser.pos
    if parser.parse_optional_punctuation("*"):
        parser.raise_error("packed tile sizes are not supported", start, parser.pos)
    return parse_mixed_list(parser, Parser.Delimiter.SQUARE)


def _resolve_sizes(state: TransformState, op: Operation, static: Sequence[int], dynamic: Sequence[SSAValue]) -> list[int]:
    """The sizes, with each param handle's integer in place."""
    handles = iter(dynamic)
    sizes: list[int] = []
    for size in static:
        if size != DYNAMIC:
            sizes.append(size)
            continue
        handle = next(handles)
        if not isinstance(handle.type, TransformParamHandleType):
            raise DiagnosticError.at(op, "tile sizes given by op handles are not supported; use a !transform.param")
        params = state.payload_params(handle)
        if len(params) != 1 or not isinstance(params[0], IntegerAttr):
            raise DiagnosticError.at(op, f"expected a single integer parameter as a tile size, got {len(params)} values")
        sizes.append(params[0].value.data)
    return sizes


@irdl_op_definition
class TileUsingForOp(TransformOp, IRDLOperation):
    """transform.structured.tile_using_for: tile into scf.for loops, one per
    non-zero tile size (``interchange`` orders them); (tiled op, loops...)."""

    name = "transform.structured.tile_using_for"
    target = operand_def(TransformHandleType)
    dynamic_sizes = var_operand_def(TransformHandleType)
    static_sizes = prop_def(DenseArrayBase.constr(i64))
    interchange = opt_prop_def(DenseArrayBase.constr(i64))
    scalable_sizes = opt_prop_def(DenseArrayBase.constr(i1))
    tiled_linalg_op = result_def(TransformOpHandleType)
    loops = var_result_def(TransformOpHandleType)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    @classmethod
    def parse(cls, parser: Parser) -> TileUsingForOp:
        target = parser.parse_unresolved_operand()
        parser.parse_keyword("tile_sizes")
        sizes, dynamic = _parse_sizes(parser)
        interchange = None
        if parser.parse_optional_keyword("interchange"):
            parser.parse_punctuation("=")
            interchange = _parse_int_list(parser)
        attributes = parse_attr_dict(parser)
        function_type = parse_functional_type(parser)
        outputs = list(function_type.outputs)
        inputs = list(function_type.inputs)
        return build_op(
            cls,
            operands=[parser.resolve_operand(target, inputs[0]), [parser.resolve_operand(o, t) for o, t in zip(dynamic, inputs[1:], strict=True)]],
            result_types=[outputs[0], outputs[1:]],
            properties={
                "static_sizes": DenseArrayBase.from_list(i64, sizes),
                "interchange": DenseArrayBase.from_list(i64, interchange) if interchange is not None else None,
                "scalable_sizes": DenseArrayBase.from_list(i1, [0] * len(sizes)),
            },
            attributes=attributes,
        )

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.target)
        printer.print_string(" tile_sizes ")
        print_mixed_list(printer, _values(self.static_sizes), self.dynamic_sizes, "[]")
        if self.interchange is not None and _values(self.interchange):
            printer.print_string(" interchange = ")
            _print_int_list(printer, _values(self.interchange))
        print_attr_dict(printer, self, ("static_sizes", "interchange", "scalable_sizes"))
        print_functional_type(printer, self)

    def verify_(self) -> None:
        sizes = _values(self.static_sizes)
        expected = sum(1 for s in sizes if s != 0)
        if expected != len(self.loops):
            raise VerifyException(f"expected number of loops to tile ({expected}) to match number of `loops` results ({len(self.loops)})")
        if sorted(_values(self.interchange)) != list(range(len(_values(self.interchange)))):
            raise VerifyException("expects interchange to be a permutation, found " + ", ".join(map(str, _values(self.interchange))))

    def apply(self, state: TransformState) -> None:
        from mlopt.dialects.transform.tiling import TilingError, tile_using_for

        sizes = _resolve_sizes(state, self, _values(self.static_sizes), self.dynamic_sizes)

        def tile(target: Operation) -> list[list[Operation]]:
            try:
                tiled, loops = tile_using_for(target, sizes, _values(self.interchange))
            except TilingError as error:
                raise _tiling_failure(self, target, str(error)) from None
            return [[tiled], *([loop] for loop in loops)]

        apply_each(state, self, state.payload_ops(self.target), tile)


def _parse_mapping(parser: Parser) -> ArrayAttr | None:
    if not parser.parse_optional_punctuation("("):
        return None
    parser.parse_keyword("mapping")
    parser.parse_punctuation("=")
    mapping = parser.parse_attribute()
    parser.parse_punctuation(")")
    if not isinstance(mapping, ArrayAttr):
        parser.raise_error("expected an array attribute as the mapping")
    return mapping


@irdl_op_definition
class TileUsingForallOp(TransformOp, IRDLOperation):
    """transform.structured.tile_using_forall: tile into one scf.forall, by
    ``tile_sizes`` or ``num_threads``; (tiled op, forall)."""

    name = "transform.structured.tile_using_forall"
    target = operand_def(TransformHandleType)
    num_threads = var_operand_def(TransformHandleType)
    tile_sizes = var_operand_def(TransformHandleType)
    packed_num_threads = opt_operand_def(TransformHandleType)
    packed_tile_sizes = opt_operand_def(TransformHandleType)
    static_num_threads = opt_prop_def(DenseArrayBase.constr(i64))
    static_tile_sizes = opt_prop_def(DenseArrayBase.constr(i64))
    mapping = opt_prop_def(ArrayAttr)
    tiled_op = result_def(TransformOpHandleType)
    forall_op = result_def(TransformOpHandleType)
    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    @classmethod
    def parse(cls, parser: Parser) -> TileUsingForallOp:
        target = parser.parse_unresolved_operand()
        keyword = parser.parse_optional_keyword("num_threads") or parser.parse_optional_keyword("tile_sizes")
        values, dynamic = _parse_sizes(parser) if keyword is not None else ([], [])
        mapping = _parse_mapping(parser)
        attributes = parse_attr_dict(parser)
        function_type = parse_functional_type(parser)
        inputs = list(function_type.inputs)
        handles = [parser.resolve_operand(o, t) for o, t in zip(dynamic, inputs[1:], strict=True)]
        return build_op(
            cls,
            operands=[
                parser.resolve_operand(target, inputs[0]),
                handles if keyword == "num_threads" else [],
                handles if keyword == "tile_sizes" else [],
                [],
                [],
            ],
            result_types=list(function_type.outputs),
            properties={
                f"static_{keyword}": DenseArrayBase.from_list(i64, values) if keyword is not None else None,
                "mapping": mapping,
            },
            attributes=attributes,
        )

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.target)
        threads = _values(self.static_num_threads)
        printer.print_string(" num_threads " if threads else " tile_sizes ")
        print_mixed_list(printer, threads or _values(self.static_tile_sizes), self.num_threads if threads else self.tile_sizes, "[]")
        if self.mapping is not None:
            printer.print_string("(mapping = ")
            printer.print_attribute(self.mapping)
            printer.print_string(")")
        print_attr_dict(printer, self, ("static_num_threads", "static_tile_sizes", "mapping"))
        print_functional_type(printer, self)

    def verify_(self) -> None:
        if bool(_values(self.static_num_threads)) == bool(_values(self.static_tile_sizes)):
            raise VerifyException("either (packed_)num_threads or (packed_)tile_sizes must be specified")

    def apply(self, state: TransformState) -> None:
        from mlopt.dialects.transform.tiling import TilingError, tile_using_forall

        threads = _resolve_sizes(state, self, _values(self.static_num_threads), self.num_threads)
        sizes = _resolve_sizes(state, self, _values(self.static_tile_sizes), self.tile_sizes)

        def tile(target: Operation) -> list[list[Operation]]:
            try:
                tiled, forall = tile_using_forall(
                    target,
                    tile_sizes=None if threads else sizes,
                    num_threads=threads or None,
                    mapping=self.mapping,
                )
            except TilingError as error:
                raise _tiling_failure(self, target, str(error)) from None
            return [[tiled], [forall]]

        apply_each(state, self, state.payload_ops(self.target), tile)


# --------------------------------------------------------------------------- fusion


@irdl_op_definition
class FuseIntoContainingOp(TransformOp, IRDLOperation):
    """transform.structured.fuse_into_containing_op: tile the producer into
    the containing loop, at the slices of its result that the loop uses;
    (fused op, new containing op)."""

    name = "transform.structured.fuse_into_containing_op"
    producer_op = operand_def(TransformHandleType)
    containing_op = operand_def(TransformHandleType)
    fused_op = result_def(TransformHandleType)
    new_containing_op = result_def(TransformHandleType)
    assembly_format = "$producer_op `into` $containing_op attr-dict `:` functional-type(operands, results)"
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("producer_op",)

    def apply(self, state: TransformState) -> None:
        from mlopt.dialects.transform.fusion import fuse_into_containing_op, uses_in

        producers = state.payload_ops(self.producer_op)
        containers = state.payload_ops(self.containing_op)
        if len(containers) != 1:
            raise DiagnosticError.at(self, "requires exactly one containing_op handle (got " + str(len(containers)) + ")")
        container = containers[0]
        fused_ops: list[Operation] = []
        remaining = list(producers)
        # As upstream: take any producer used in the container; one used more
        # than once stays, to be fused again for its next use.
        while remaining:
            producer = next((p for p in remaining if uses_in(p, container)), None)
            if producer is None:
                state.set_results(self, [[], []])
                raise SilenceableFailure(
                    self, "could not find next producer to fuse into container", [(container, "containing op")]
                )
            if uses_in(producer, container) == 1:
                remaining.remove(producer)
            fused = fuse_into_containing_op(producer, container)
            if fused is None:
                state.set_results(self, [[], []])
                raise SilenceableFailure(self, f"could not fuse {producer.name} into {container.name}", [(producer, "producer")])
            fused_ops.extend(fused[0])
            if fused[1] is not container:
                state.replace_payload_op(container, fused[1])
                container = fused[1]
        state.set_results(self, [fused_ops, [container]])


@irdl_op_definition
class FuseOp(TransformOp, IRDLOperation):
    """transform.structured.fuse: tile the target with scf.for loops, then
    fuse its linalg producers greedily into the loop nest; (tiled op, loops...)."""

    name = "transform.structured.fuse"
    target = operand_def(TransformHandleType)
    tile_sizes = var_operand_def(TransformHandleType)
    tile_interchange = var_operand_def(TransformHandleType)
    static_tile_sizes = opt_prop_def(DenseArrayBase.constr(i64))
    static_tile_interchange = opt_prop_def(DenseArrayBase.constr(i64))
    apply_cleanup = opt_prop_def(UnitAttr)
    use_forall = opt_prop_def(UnitAttr)
    transformed = result_def(TransformOpHandleType)
    loops = var_result_def(TransformOpHandleType)
    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    @classmethod
    def parse(cls, parser: Parser) -> FuseOp:
        target = parser.parse_unresolved_operand()
        sizes, dynamic_sizes = _parse_sizes(parser) if parser.parse_optional_keyword("tile_sizes") else ([], [])
        interchange, dynamic_interchange = (
            _parse_sizes(parser) if parser.parse_optional_keyword("interchange") else ([], [])
        )
        attributes = parse_attr_dict(parser)
        function_type = parse_functional_type(parser)
        inputs = list(function_type.inputs)
        handles = [parser.resolve_operand(o, t) for o, t in zip([*dynamic_sizes, *dynamic_interchange], inputs[1:], strict=True)]
        outputs = list(function_type.outputs)
        return build_op(
            cls,
            operands=[parser.resolve_operand(target, inputs[0]), handles[: len(dynamic_sizes)], handles[len(dynamic_sizes) :]],
            result_types=[outputs[0], outputs[1:]],
            properties={
                "static_tile_sizes": DenseArrayBase.from_list(i64, sizes) if sizes else None,
                "static_tile_interchange": DenseArrayBase.from_list(i64, interchange) if interchange else None,
            },
            attributes=attributes,
        )

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.target)
        if _values(self.static_tile_sizes):
            printer.print_string(" tile_sizes ")
            print_mixed_list(printer, _values(self.static_tile_sizes), self.tile_sizes, "[]")
        if _values(self.static_tile_interchange):
            printer.print_string(" interchange ")
            print_mixed_list(printer, _values(self.static_tile_interchange), self.tile_interchange, "[]")
        print_attr_dict(printer, self, ("static_tile_sizes", "static_tile_interchange"))
        print_functional_type(printer, self)

    def verify_(self) -> None:
        expected = sum(1 for s in _values(self.static_tile_sizes) if s != 0)
        if expected != len(self.loops):
            raise VerifyException(f"expects {expected} loop results, got {len(self.loops)}")
        if self.use_forall is not None:
            raise VerifyException("use_forall is not supported")

    def apply(self, state: TransformState) -> None:
        from mlopt.dialects.transform.fusion import fuse_greedily
        from mlopt.dialects.transform.tiling import TilingError, tile_using_for

        sizes = _resolve_sizes(state, self, _values(self.static_tile_sizes), self.tile_sizes)
        interchange = _resolve_sizes(state, self, _values(self.static_tile_interchange), self.tile_interchange)

        def fuse(target: Operation) -> list[list[Operation]]:
            try:
                tiled, loops = tile_using_for(target, sizes, interchange)
            except TilingError as error:
                raise _tiling_failure(self, target, str(error)) from None
            if loops and tiled.results:
                fuse_greedily(loops)
            return [[tiled], *([loop] for loop in loops)]

        apply_each(state, self, state.payload_ops(self.target), fuse)


# --------------------------------------------------------------------------- rewrites of one op


@irdl_op_definition
class InterchangeOp(TransformOp, IRDLOperation):
    """transform.structured.interchange: permute the loops of a linalg.generic."""

    name = "transform.structured.interchange"
    target = operand_def(TransformOpHandleType)
    iterator_interchange = opt_prop_def(DenseArrayBase.constr(i64))
    transformed = result_def(TransformOpHandleType)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    @classmethod
    def parse(cls, parser: Parser) -> InterchangeOp:
        target = parser.parse_unresolved_operand()
        interchange = None
        if parser.parse_optional_keyword("iterator_interchange"):
            parser.parse_punctuation("=")
            interchange = _parse_int_list(parser)
        return parse_single_target_tail(cls, parser, target, {"iterator_interchange": DenseArrayBase.from_list(i64, interchange) if interchange is not None else None})

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.target)
        if self.iterator_interchange is not None and _values(self.iterator_interchange):
            printer.print_string(" iterator_interchange = ")
            _print_int_list(printer, _values(self.iterator_interchange))
        print_attr_dict(printer, self, ("iterator_interchange",))
        print_functional_type(printer, self)

    def verify_(self) -> None:
        permutation = _values(self.iterator_interchange)
        if sorted(permutation) != list(range(len(permutation))):
            raise VerifyException("expects iterator_interchange to be a permutation, found " + ", ".join(map(str, permutation)))

    def apply(self, state: TransformState) -> None:
        from mlopt.dialects.linalg import GenericOp

        permutation = _values(self.iterator_interchange)

        def interchange(target: Operation) -> list[list[Operation]]:
            if not permutation:
                return [[target]]
            if not isinstance(target, GenericOp):
                raise SilenceableFailure(self, "transform applied to the wrong op kind", [(target, "target op")])
            if len(permutation) != len(target.iterator_types.data):
                raise SilenceableFailure(self, "op with incompatible iterator_interchange", [(target, "target op")])
            new = interchange_generic(target, permutation)
            state.replace_payload_op(target, new)
            return [[new]]

        apply_each(state, self, state.payload_ops(self.target), interchange)


def interchange_generic(op: Operation, permutation: Sequence[int]) -> Operation:
    """``op`` (a linalg.generic) with its loops permuted: new loop i is old
    loop ``permutation[i]`` (upstream's interchangeGenericOp)."""
    from xdsl.dialects.builtin import AffineMapAttr
    from xdsl.ir.affine import AffineDimExpr, AffineMap

    from mlopt.dialects.linalg import indexing_maps

    count = len(permutation)
    inverse = [permutation.index(d) for d in range(count)]
    to_new = AffineMap(count, 0, tuple(AffineDimExpr(inverse[d]) for d in range(count)))
    maps = [m.compose(to_new) for m in indexing_maps(op)]
    iterators = op.iterator_types.data  # type: ignore[attr-defined]
    properties = dict(op.properties)
    properties["indexing_maps"] = ArrayAttr([AffineMapAttr(m) for m in maps])
    properties["iterator_types"] = ArrayAttr([iterators[p] for p in permutation])
    new = op.create(
        operands=list(op.operands),
        result_types=list(op.result_types),
        properties=properties,
        attributes=dict(op.attributes),
        regions=[op.regions[0].clone()],
    )
    _rewrite_indices(new, permutation)
    _replace(op, new)
    return new


def _rewrite_indices(op: Operation, permutation: Sequence[int]) -> None:
    """linalg.index d becomes linalg.index of d's new position."""
    from xdsl.dialects.builtin import IntegerAttr

    for nested in op.walk():
        if nested.name == "linalg.index":
            old = nested.properties["dim"].value.data  # type: ignore[attr-defined]
            nested.properties["dim"] = IntegerAttr(permutation.index(old), nested.properties["dim"].type)  # type: ignore[attr-defined]


def _replace(op: Operation, new: Operation) -> None:
    block = op.parent_block()
    assert block is not None
    block.insert_op_before(new, op)
    for old, result in zip(op.results, new.results):
        old.replace_all_uses_with(result)
    op.detach()
    op.erase()


@irdl_op_definition
class GeneralizeOp(TransformOp, IRDLOperation):
    """transform.structured.generalize: a named linalg op becomes linalg.generic."""

    name = "transform.structured.generalize"
    target = operand_def(TransformOpHandleType)
    transformed = result_def(TransformOpHandleType)
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    @classmethod
    def parse(cls, parser: Parser) -> GeneralizeOp:
        target = parser.parse_unresolved_operand()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        type = parser.parse_type()
        inputs, outputs = ([type], [type]) if not isinstance(type, FunctionType) else (list(type.inputs), list(type.outputs))
        return build_op(cls, operands=[parser.resolve_operand(target, inputs[0])], result_types=outputs, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.target)
        print_attr_dict(printer, self)
        print_functional_type(printer, self)

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.transforms.linalg_generalize_named_ops import NOT_GENERALIZABLE, generalize

        def run(target: Operation) -> list[list[Operation]]:
            if target.name == "linalg.generic":
                return [[target]]
            if not _is_linalg_op(target) or target.name in NOT_GENERALIZABLE:
                raise SilenceableFailure(self, "failed to apply", [(target, "target op")])
            new = generalize(target)
            _replace(target, new)
            return [[new]]

        apply_each(state, self, state.payload_ops(self.target), run)


OPS: tuple[type[Operation], ...] = (
    MatchOp, TileUsingForOp, TileUsingForallOp, FuseIntoContainingOp, FuseOp, InterchangeOp, GeneralizeOp,
)  # fmt: skip
