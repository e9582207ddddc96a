"""The gpu dialect with upstream MLIR 22's syntax, ops and attributes.

xDSL's gpu dialect has the core ops but only in generic form, some with a
different structure than upstream (``gpu.kernel`` as a property, operand
segment attributes on dealloc/memcpy) and lacks many ops and attributes
(``gpu.binary``, ``#gpu.object``, memset, shuffle, printf, the mma ops, ...).
Ops are subclasses of xDSL's where its structure matches upstream's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.dialects import gpu as xgpu
from xdsl.dialects.builtin import (
    AnyFloat,
    ArrayAttr,
    BytesAttr,
    FunctionType,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    StringAttr,
    SymbolRefAttr,
    UnitAttr,
    i1,
    i32,
    i64,
)
from xdsl.ir import (
    Attribute,
    Block,
    Dialect,
    ParametrizedAttribute,
    Region,
    SSAValue,
    TypeAttribute,
)
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    ParsePropInAttrDict,
    VarConstraint,
    base,
    irdl_attr_definition,
    irdl_op_definition,
    operand_def,
    opt_attr_def,
    opt_operand_def,
    opt_prop_def,
    opt_result_def,
    prop_def,
    region_def,
    result_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import AttrParser, Parser
from xdsl.printer import Printer
from xdsl.traits import (
    IsTerminator,
    MemoryReadEffect,
    MemoryWriteEffect,
    Pure,
    SymbolOpInterface,
)
from xdsl.utils.exceptions import VerifyException
from xdsl.utils.hints import isa

from mlopt.dialects.extension import extend_op, replace_ops
from mlopt.dialects.syntax import (
    parse_type_list,
    build_op,
    enum_attribute,
    parse_attr_dict,
    parse_function_signature,
    parse_operand_list,
    print_attr_dict,
    print_function_signature,
    print_values,
    resolve,
)

AsyncTokenType = xgpu.AsyncTokenType
DimensionAttr = xgpu.DimensionAttr
LoopDimMapAttr = xgpu.LoopDimMapAttr

# --------------------------------------------------------------------------- attributes

AllReduceOperationAttr = enum_attribute(
    "gpu.all_reduce_op",
    ["add", "mul", "minui", "minsi", "minnumf", "maxui", "maxsi", "maxnumf", "and", "or", "xor",
     "minimumf", "maximumf"],  # fmt: skip
    doc="#gpu<all_reduce_op add>: the reduction of gpu.all_reduce and gpu.subgroup_reduce.",
)
ShuffleModeAttr = enum_attribute("gpu.shuffle_mode", ["xor", "up", "down", "idx"])
BroadcastTypeAttr = enum_attribute("gpu.broadcast", ["first_active_lane", "specific_lane"])
MMAElementwiseAttr = enum_attribute(
    "gpu.mma_element_wise",
    ["addf", "mulf", "subf", "maxf", "minf", "divf", "addi", "muli", "subi", "divs", "divu",
     "negatef", "negates", "extf"],  # fmt: skip
)
AddressSpaceAttr = enum_attribute(
    "gpu.address_space", ["global", "workgroup", "private"], opaque=False,
    doc="#gpu.address_space<workgroup>: a memref memory space.",
)  # fmt: skip
_MAPPING_IDS = ["x", "y", "z", *(f"linear_dim_{i}" for i in range(10))]
ThreadMappingAttr = enum_attribute("gpu.thread", _MAPPING_IDS, opaque=False)
BlockMappingAttr = enum_attribute("gpu.block", _MAPPING_IDS, opaque=False)
WarpMappingAttr = enum_attribute("gpu.warp", _MAPPING_IDS, opaque=False)
WarpgroupMappingAttr = enum_attribute("gpu.warpgroup", _MAPPING_IDS, opaque=False)
LaneMappingAttr = enum_attribute("gpu.lane", _MAPPING_IDS, opaque=False)
MemorySpaceMappingAttr = enum_attribute("gpu.memory_space", ["global", "workgroup", "private"], opaque=False)


@irdl_attr_definition
class MMAMatrixType(ParametrizedAttribute, TypeAttribute):
    """!gpu.mma_matrix<16x16xf16, "AOp">: a matrix fragment held by a subgroup."""

    name = "gpu.mma_matrix"

    shape: ArrayAttr
    element_type: Attribute
    operand: StringAttr

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        with parser.in_angle_brackets():
            shape, element_type = parser.parse_ranked_shape()
            parser.parse_punctuation(",")
            operand = parser.parse_str_literal()
        return (ArrayAttr([IntegerAttr(d, i64) for d in shape]), element_type, StringAttr(operand))

    def print_parameters(self, printer: Printer) -> None:
        dims = "x".join(str(d.value.data) for d in self.shape.data)
        printer.print_string(f"<{dims}x")
        printer.print_attribute(self.element_type)
        printer.print_string(", ")
        printer.print_string_literal(self.operand.data)
        printer.print_string(">")


OBJECT_FORMATS = ("offload", "assembly", "bin", "fatbin")
DEFAULT_OBJECT_FORMAT = "fatbin"


@irdl_attr_definition
class KernelMetadataAttr(ParametrizedAttribute):
    """#gpu.kernel_metadata<"name", (args) -> (), arg_attrs = [...], metadata = {...}>."""

    name = "gpu.kernel_metadata"

    kernel_name: StringAttr
    function_type: FunctionType
    arg_attrs: Attribute
    metadata: Attribute

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        with parser.in_angle_brackets():
            kernel_name = StringAttr(parser.parse_str_literal())
            parser.parse_punctuation(",")
            function_type = parser.parse_type()
            fields: dict[str, Attribute] = {}
            while parser.parse_optional_punctuation(","):
                key = parser.parse_identifier()
                parser.parse_punctuation("=")
                fields[key] = parser.parse_attribute()
        return (kernel_name, function_type, fields.get("arg_attrs", UnitAttr()), fields.get("metadata", UnitAttr()))

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string("<")
        printer.print_string_literal(self.kernel_name.data)
        printer.print_string(", ")
        printer.print_attribute(self.function_type)
        for key, value in (("arg_attrs", self.arg_attrs), ("metadata", self.metadata)):
            if not isinstance(value, UnitAttr):
                printer.print_string(f", {key} = ")
                printer.print_attribute(value)
        printer.print_string(">")


@irdl_attr_definition
class KernelTableAttr(ParametrizedAttribute):
    """#gpu.kernel_table<[#gpu.kernel_metadata<...>, ...]>, kept sorted by name."""

    name = "gpu.kernel_table"

    kernels: ArrayAttr

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        with parser.in_angle_brackets():
            kernels = parser.parse_attribute()
        if not isinstance(kernels, ArrayAttr):
            parser.raise_error("expected an array of #gpu.kernel_metadata")
        ordered = sorted(kernels.data, key=lambda k: k.kernel_name.data if isinstance(k, KernelMetadataAttr) else "")
        return (ArrayAttr(ordered),)

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string("<")
        printer.print_attribute(self.kernels)
        printer.print_string(">")


@irdl_attr_definition
class ObjectAttr(ParametrizedAttribute):
    """#gpu.object<#target, properties = {...}, kernels = <...>, format = "object">.

    The format (``offload``, ``assembly``, ``bin``) is left out for the default,
    ``fatbin``; ``properties`` and ``kernels`` are optional (UnitAttr when absent).
    """

    name = "gpu.object"

    target: Attribute
    format: StringAttr
    object: StringAttr | BytesAttr
    """Text (PTX) or, for binary formats whose bytes are not UTF-8, bytes."""
    properties: Attribute
    kernels: Attribute

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        properties: Attribute = UnitAttr()
        kernels: Attribute = UnitAttr()
        format = DEFAULT_OBJECT_FORMAT
        with parser.in_angle_brackets():
            target = parser.parse_attribute()
            parser.parse_punctuation(",")
            if parser.parse_optional_keyword("properties"):
                parser.parse_punctuation("=")
                properties = parser.parse_attribute()
                parser.parse_punctuation(",")
            if parser.parse_optional_keyword("kernels"):
                parser.parse_punctuation("=")
                # Inside #gpu.object the table is printed without its name.
                kernels = parser.parse_optional_attribute() or KernelTableAttr.new(
                    KernelTableAttr.parse_parameters(parser)
                )
                parser.parse_punctuation(",")
            for candidate in OBJECT_FORMATS:
                if parser.parse_optional_keyword(candidate):
                    format = candidate
                    parser.parse_punctuation("=")
                    break
            text = parser.parse_optional_str_literal()
            blob = StringAttr(text) if text is not None else BytesAttr(parser.parse_bytes_literal())
        return (target, StringAttr(format), blob, properties, kernels)

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string("<")
        printer.print_attribute(self.target)
        printer.print_string(", ")
        if not isinstance(self.properties, UnitAttr):
            printer.print_string("properties = ")
            printer.print_attribute(self.properties)
            printer.print_string(", ")
        if isinstance(self.kernels, KernelTableAttr):
            printer.print_string("kernels = ")
            self.kernels.print_parameters(printer)
            printer.print_string(", ")
        if self.format.data != DEFAULT_OBJECT_FORMAT:
            printer.print_string(f"{self.format.data} = ")
        if isinstance(self.object, BytesAttr):
            printer.print_bytes_literal(self.object.data)
        else:
            printer.print_string_literal(self.object.data)
        printer.print_string(">")


@irdl_attr_definition
class SelectObjectAttr(ParametrizedAttribute):
    """#gpu.select_object<0> / <#target> / bare: which object of a gpu.binary to load."""

    name = "gpu.select_object"

    target: Attribute

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        if parser.parse_optional_punctuation("<") is None:
            return (UnitAttr(),)
        start = parser._current_token.span.start
        target = parser.parse_attribute()
        if isinstance(target, IntegerAttr) and target.value.data < 0:
            parser.raise_error("the object index must be positive", start, start + 1)
        parser.parse_punctuation(">")
        return (target,)

    def print_parameters(self, printer: Printer) -> None:
        if isinstance(self.target, UnitAttr):
            return
        printer.print_string("<")
        printer.print_attribute(self.target)
        printer.print_string(">")


def select_object(target: Attribute | None = None) -> SelectObjectAttr:
    return SelectObjectAttr(UnitAttr() if target is None else target)


# --------------------------------------------------------------------------- async dependencies


def parse_async_dependencies(parser: Parser) -> tuple[bool, list[SSAValue]]:
    """``(async)? ([%t, ...])?``: whether a token is returned, and the dependencies."""
    is_async = parser.parse_optional_keyword("async") is not None
    operands = parser.parse_optional_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_unresolved_operand)
    return is_async, resolve(parser, operands or [], AsyncTokenType())


def print_async_dependencies(printer: Printer, token: SSAValue | None, dependencies: Sequence[SSAValue]) -> None:
    if token is not None:
        printer.print_string(" async")
    if dependencies:
        printer.print_string(" [")
        print_values(printer, dependencies)
        printer.print_string("]")


def _token_types(is_async: bool) -> list[Attribute]:
    return [AsyncTokenType()] if is_async else []


# --------------------------------------------------------------------------- modules and binaries


class _ModuleSyntax:
    """``gpu.module @name (<handler>)? ([targets])? (attributes {...})? region``."""

    @classmethod
    def parse(cls, parser: Parser):
        name = parser.parse_symbol_name()
        handler = None
        if parser.parse_optional_punctuation("<"):
            handler = parser.parse_attribute()
            parser.parse_punctuation(">")
        targets = None
        if parser.parse_optional_punctuation("[") is not None:
            items = []
            if not parser.parse_optional_punctuation("]"):
                items.append(parser.parse_attribute())
                while parser.parse_optional_punctuation(","):
                    items.append(parser.parse_attribute())
                parser.parse_punctuation("]")
            targets = ArrayAttr(items)
        attributes = parse_attr_dict(parser, keyword=True)
        region = parser.parse_region()
        if not region.blocks:
            region.add_block(Block())
        return build_op(
            cls,
            properties={"sym_name": name, "targets": targets, "offloadingHandler": handler},
            attributes=attributes,
            regions=[region],
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_symbol_name(self.properties["sym_name"].data)
        handler = self.properties.get("offloadingHandler")
        if handler is not None:
            printer.print_string(" <")
            printer.print_attribute(handler)
            printer.print_string(">")
        targets = self.properties.get("targets")
        if targets is not None:
            printer.print_string(" ")
            printer.print_attribute(targets)
        print_attr_dict(printer, self, ("sym_name", "targets", "offloadingHandler"), keyword=True)
        printer.print_string(" ")
        printer.print_region(self.regions[0], print_entry_block_args=False, print_empty_block=False)


ModuleOp = extend_op(
    xgpu.ModuleOp,
    fields={"targets": opt_prop_def(ArrayAttr), "offloadingHandler": opt_prop_def(AnyAttr())},
    mixin=_ModuleSyntax,
)


@irdl_op_definition
class BinaryOp(IRDLOperation):
    """gpu.binary: compiled objects of a gpu.module, and how to load one."""

    name = "gpu.binary"

    sym_name = prop_def(StringAttr)
    offloadingHandler = opt_prop_def(AnyAttr())
    objects = prop_def(ArrayAttr)

    traits = traits_def(SymbolOpInterface())

    @classmethod
    def parse(cls, parser: Parser) -> BinaryOp:
        name = parser.parse_symbol_name()
        handler: Attribute = select_object()
        if parser.parse_optional_punctuation("<"):
            handler = parser.parse_attribute()
            parser.parse_punctuation(">")
        attributes = parse_attr_dict(parser)
        objects = parser.parse_attribute()
        return build_op(
            cls,
            properties={"sym_name": name, "offloadingHandler": handler, "objects": objects},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_symbol_name(self.sym_name.data)
        handler = self.offloadingHandler
        if handler is not None and handler != select_object():
            printer.print_string(" <")
            printer.print_attribute(handler)
            printer.print_string(">")
        print_attr_dict(printer, self, ("sym_name", "offloadingHandler", "objects"))
        printer.print_string(" ")
        printer.print_attribute(self.objects)

    def verify_(self) -> None:
        if not self.objects.data:
            raise VerifyException("attribute 'objects' failed to satisfy constraint: an array of GPU object attributes with at least 1 elements")


# --------------------------------------------------------------------------- functions

KERNEL_ATTR = "gpu.kernel"
WORKGROUP_ATTRIBUTIONS = "workgroup_attributions"
_FUNC_INHERENT = (
    "sym_name", "function_type", "arg_attrs", "res_attrs", KERNEL_ATTR, WORKGROUP_ATTRIBUTIONS,
    "workgroup_attrib_attrs", "private_attrib_attrs",
)  # fmt: skip


def _parse_attributions(parser: Parser, keyword: str) -> list[Parser.Argument]:
    if not parser.parse_optional_keyword(keyword):
        return []
    return parser.parse_comma_separated_list(Parser.Delimiter.PAREN, parser.parse_argument)


def _print_attributions(printer: Printer, keyword: str, values: Sequence[SSAValue]) -> None:
    if not values:
        return
    printer.print_string(f" {keyword}(")
    printer.print_list(values, lambda v: (printer.print_ssa_value(v), printer.print_string(" : "), printer.print_attribute(v.type)))
    printer.print_string(")")


class _FuncSyntax:
    """``gpu.func @name(args) -> results workgroup(...) private(...) kernel attributes {...} region``.

    The body's entry block takes the inputs, then the workgroup attributions
    (``workgroup_attributions`` of them), then the private attributions."""

    def __init__(
        self,
        name: str,
        function_type: FunctionType,
        region: Region | None = None,
        *,
        kernel: bool = False,
        workgroup_attributions: Sequence[Attribute] = (),
        private_attributions: Sequence[Attribute] = (),
        attributes: dict[str, Attribute] | None = None,
    ):
        if region is None:
            region = Region(Block(arg_types=[*function_type.inputs.data, *workgroup_attributions, *private_attributions]))
        attrs: dict[str, Attribute] = {
            "sym_name": StringAttr(name),
            WORKGROUP_ATTRIBUTIONS: IntegerAttr(len(workgroup_attributions), i64),
            **(attributes or {}),
        }
        if kernel:
            attrs[KERNEL_ATTR] = UnitAttr()
        IRDLOperation.__init__(self, properties={"function_type": function_type}, attributes=attrs, regions=[region])

    @classmethod
    def parse(cls, parser: Parser):
        name = parser.parse_symbol_name()
        signature = parse_function_signature(parser)
        workgroup = _parse_attributions(parser, "workgroup")
        private = _parse_attributions(parser, "private")
        kernel = parser.parse_optional_keyword("kernel") is not None
        attributes = parse_attr_dict(parser, keyword=True)
        arguments = (signature.arguments or []) + workgroup + private
        region = parser.parse_optional_region(arguments or None)
        if region is None:
            region = Region()
        attributes = {
            "sym_name": name,
            WORKGROUP_ATTRIBUTIONS: IntegerAttr(len(workgroup), i64),
            **attributes,
        }
        if kernel:
            attributes[KERNEL_ATTR] = UnitAttr()
        return build_op(
            cls,
            properties={
                "function_type": FunctionType.from_lists(signature.input_types, signature.result_types),
                "arg_attrs": signature.arg_attrs,
                "res_attrs": signature.res_attrs,
            },
            attributes=attributes,
            regions=[region],
        )

    def print(self, printer: Printer):
        function_type = self.properties["function_type"]
        printer.print_string(" ")
        printer.print_symbol_name(self.attributes["sym_name"].data)
        entry = self.regions[0].blocks.first
        num_inputs = len(function_type.inputs.data)
        num_workgroup = gpu_func_workgroup_count(self)
        args = list(entry.args) if entry is not None else None
        print_function_signature(
            printer,
            function_type,
            None if args is None else args[:num_inputs],
            self.properties.get("arg_attrs"),
            self.properties.get("res_attrs"),
        )
        if args is not None:
            _print_attributions(printer, "workgroup", args[num_inputs : num_inputs + num_workgroup])
            _print_attributions(printer, "private", args[num_inputs + num_workgroup :])
        if is_kernel(self):
            printer.print_string(" kernel")
        print_attr_dict(printer, self, _FUNC_INHERENT, keyword=True)
        if entry is not None:
            printer.print_string(" ")
            printer.print_region(self.regions[0], print_entry_block_args=False, print_empty_block=False)

    def verify_(self) -> None:
        function_type = self.properties["function_type"]
        entry = self.regions[0].blocks.first
        if is_kernel(self) and function_type.outputs.data:
            raise VerifyException("expected void return type for kernel function")
        if entry is None:
            return
        inputs = function_type.inputs.data
        if len(entry.args) < len(inputs) + gpu_func_workgroup_count(self):
            raise VerifyException(
                f"expected at least {len(inputs) + gpu_func_workgroup_count(self)} arguments to body region"
            )
        for index, type in enumerate(inputs):
            if entry.args[index].type != type:
                raise VerifyException(f"expected body region argument #{index} to be of type {type}, got {entry.args[index].type}")


def is_kernel(op: IRDLOperation) -> bool:
    """Whether a gpu.func is a kernel (xDSL's own class marks it with a property)."""
    return KERNEL_ATTR in op.attributes or "kernel" in op.properties


def gpu_func_workgroup_count(op) -> int:
    """How many entry block arguments after the inputs are workgroup attributions."""
    count = op.attributes.get(WORKGROUP_ATTRIBUTIONS)
    return count.value.data if isinstance(count, IntegerAttr) else 0


FuncOp = extend_op(
    xgpu.FuncOp,
    removed=("kernel",),
    fields={
        "arg_attrs": opt_prop_def(ArrayAttr),
        "res_attrs": opt_prop_def(ArrayAttr),
        "workgroup_attrib_attrs": opt_prop_def(ArrayAttr),
        "private_attrib_attrs": opt_prop_def(ArrayAttr),
        "workgroup_attributions": opt_attr_def(IntegerAttr),
    },
    mixin=_FuncSyntax,
)


def _parse_terminator_operands(cls, parser: Parser):
    attributes = parse_attr_dict(parser)
    operands = parse_operand_list(parser)
    types: list[Attribute] = []
    if operands:
        parser.parse_punctuation(":")
        types = parse_type_list(parser)
    return build_op(cls, operands=[resolve(parser, operands, types)], attributes=attributes)


def _print_terminator_operands(self, printer: Printer):
    print_attr_dict(printer, self)
    if self.operands:
        printer.print_string(" ")
        print_values(printer, self.operands)
        printer.print_string(" : ")
        printer.print_list(self.operand_types, printer.print_attribute)


_TERMINATOR_SYNTAX = {"parse": classmethod(_parse_terminator_operands), "print": _print_terminator_operands}


def _verify_return(self) -> None:
    function = self.parent_op()
    if not isinstance(function, xgpu.FuncOp):
        return
    result_types = function.function_type.outputs.data
    if len(result_types) != len(self.operands):
        raise VerifyException(f"expected {len(result_types)} result operands")
    for index, (result_type, operand) in enumerate(zip(result_types, self.operands)):
        if result_type != operand.type:
            # Upstream streams the quoted type inside its own backquotes.
            raise VerifyException(f"unexpected type `'{operand.type}'' for operand #{index}")


ReturnOp = extend_op(xgpu.ReturnOp, methods={**_TERMINATOR_SYNTAX, "verify_": _verify_return})
# Upstream leaves checking the yielded types to the parent: a warp region
# yields per-lane types that differ from its distributed results.
YieldOp = extend_op(xgpu.YieldOp, methods={**_TERMINATOR_SYNTAX, "verify_": lambda self: None})
TerminatorOp = extend_op(xgpu.TerminatorOp, assembly_format="attr-dict")


# --------------------------------------------------------------------------- launch

_UPPER_BOUND = opt_prop_def(IntegerAttr[IndexType])
_DIMENSION_FORMAT = "$dimension (`upper_bound` $upper_bound^)? attr-dict"


def _dimension_op(base: type[IRDLOperation]) -> type[IRDLOperation]:
    return extend_op(base, fields={"upper_bound": _UPPER_BOUND}, assembly_format=_DIMENSION_FORMAT)


ThreadIdOp = _dimension_op(xgpu.ThreadIdOp)
BlockIdOp = _dimension_op(xgpu.BlockIdOp)
BlockDimOp = _dimension_op(xgpu.BlockDimOp)
GridDimOp = _dimension_op(xgpu.GridDimOp)
GlobalIdOp = _dimension_op(xgpu.GlobalIdOp)
LaneIdOp = extend_op(
    xgpu.LaneIdOp, fields={"upper_bound": _UPPER_BOUND}, assembly_format="(`upper_bound` $upper_bound^)? attr-dict"
)
_SUBGROUP_FORMAT = "(`upper_bound` $upper_bound^)? attr-dict `:` type($result)"
SubgroupIdOp = extend_op(xgpu.SubgroupIdOp, fields={"upper_bound": _UPPER_BOUND}, assembly_format=_SUBGROUP_FORMAT)
NumSubgroupsOp = extend_op(xgpu.NumSubgroupsOp, fields={"upper_bound": _UPPER_BOUND}, assembly_format=_SUBGROUP_FORMAT)
SubgroupSizeOp = extend_op(xgpu.SubgroupSizeOp, fields={"upper_bound": _UPPER_BOUND}, assembly_format=_SUBGROUP_FORMAT)


def _new_dimension_op(op_name: str, doc: str) -> type[IRDLOperation]:
    class_name = "".join(part.title() for part in op_name.split(".")[1].split("_")) + "Op"
    namespace = {
        "__doc__": doc,
        "__module__": __name__,
        "name": op_name,
        "dimension": prop_def(DimensionAttr),
        "upper_bound": _UPPER_BOUND,
        "result": result_def(IndexType),
        "traits": traits_def(Pure()),
        "irdl_options": (ParsePropInAttrDict(),),
        "assembly_format": _DIMENSION_FORMAT,
    }
    return irdl_op_definition(type(class_name, (IRDLOperation,), namespace))


ClusterIdOp = _new_dimension_op("gpu.cluster_id", "gpu.cluster_id: the id of the cluster along a dimension.")
ClusterBlockIdOp = _new_dimension_op("gpu.cluster_block_id", "gpu.cluster_block_id: the block id within the cluster.")
ClusterDimOp = _new_dimension_op("gpu.cluster_dim", "gpu.cluster_dim: the number of clusters along a dimension.")
ClusterDimBlocksOp = _new_dimension_op("gpu.cluster_dim_blocks", "gpu.cluster_dim_blocks: blocks per cluster along a dimension.")

BarrierOp = extend_op(xgpu.BarrierOp, assembly_format="attr-dict")

LAUNCH_CONFIG_ARGS = 12
"""Block ids, thread ids, grid sizes and block sizes: the first 12 body arguments of gpu.launch."""
LAUNCH_CLUSTER_ARGS = 6
_LAUNCH_INHERENT = ("operandSegmentSizes", "module", "function", WORKGROUP_ATTRIBUTIONS)


def _parse_size_assignment(parser: Parser, keyword: str) -> tuple[list[Parser.UnresolvedArgument], list[Parser.UnresolvedArgument], list] | None:
    """``keyword(%i, %j, %k) in (%x = %a, %y = %b, %z = %c)``."""
    if not parser.parse_optional_keyword(keyword):
        return None
    ids = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, lambda: parser.parse_argument(expect_type=False))
    parser.parse_keyword("in")
    sizes: list[Parser.UnresolvedArgument] = []
    values = []

    def assignment() -> None:
        sizes.append(parser.parse_argument(expect_type=False))
        parser.parse_punctuation("=")
        values.append(parser.parse_unresolved_operand())

    parser.parse_comma_separated_list(Parser.Delimiter.PAREN, assignment)
    if len(ids) != 3 or len(values) != 3:
        parser.raise_error(f"expected 3 {keyword} ids and 3 sizes")
    return ids, sizes, values


def _print_size_assignment(printer: Printer, keyword: str, ids: Sequence[SSAValue], sizes: Sequence[SSAValue], values: Sequence[SSAValue]) -> None:
    printer.print_string(f" {keyword}(")
    print_values(printer, ids)
    printer.print_string(") in (")
    printer.print_list(zip(sizes, values), lambda p: (printer.print_ssa_value(p[0]), printer.print_string(" = "), printer.print_operand(p[1])))
    printer.print_string(")")


class _LaunchSyntax:
    """gpu.launch as upstream prints it."""

    @classmethod
    def parse(cls, parser: Parser):
        is_async, dependencies = parse_async_dependencies(parser)
        clusters = _parse_size_assignment(parser, "clusters")
        blocks = _parse_size_assignment(parser, "blocks")
        if blocks is None:
            parser.raise_error("expected 'blocks'")
        threads = _parse_size_assignment(parser, "threads")
        if threads is None:
            parser.raise_error("expected 'threads'")
        index = IndexType()
        shared_memory = None
        if parser.parse_optional_keyword("dynamic_shared_memory_size"):
            shared_memory = resolve(parser, [parser.parse_unresolved_operand()], i32)[0]
        properties: dict[str, Attribute | None] = {}
        for keyword in ("module", "function"):
            if parser.parse_optional_keyword(keyword):
                parser.parse_punctuation("(")
                properties[keyword] = SymbolRefAttr(parser.parse_symbol_name())
                parser.parse_punctuation(")")
        workgroup = _parse_attributions(parser, "workgroup")
        private = _parse_attributions(parser, "private")
        config = [*blocks[0], *threads[0], *blocks[1], *threads[1]]
        if clusters is not None:
            config += [*clusters[0], *clusters[1]]
        arguments = [argument.resolve(index) for argument in config] + workgroup + private
        region = parser.parse_region(arguments)
        attributes = parse_attr_dict(parser)
        cluster_sizes = resolve(parser, clusters[2], index) if clusters is not None else [None] * 3
        operands = [
            dependencies,
            *resolve(parser, blocks[2], index),
            *resolve(parser, threads[2], index),
            *[[] if v is None else [v] for v in cluster_sizes],
            [] if shared_memory is None else [shared_memory],
        ]
        attributes = {WORKGROUP_ATTRIBUTIONS: IntegerAttr(len(workgroup), i64), **attributes}
        return build_op(
            cls,
            operands=operands,
            result_types=[_token_types(is_async)],
            properties=properties,
            attributes=attributes,
            regions=[region],
        )

    def print(self, printer: Printer):
        operands = launch_operands(self)
        print_async_dependencies(printer, operands["async_token"], operands["async_dependencies"])
        args = list(self.regions[0].blocks.first.args)
        if operands["cluster_sizes"]:
            _print_size_assignment(printer, "clusters", args[12:15], args[15:18], operands["cluster_sizes"])
        _print_size_assignment(printer, "blocks", args[0:3], args[6:9], operands["grid_sizes"])
        _print_size_assignment(printer, "threads", args[3:6], args[9:12], operands["block_sizes"])
        if operands["dynamic_shared_memory_size"] is not None:
            printer.print_string(" dynamic_shared_memory_size ")
            printer.print_operand(operands["dynamic_shared_memory_size"])
        for keyword in ("module", "function"):
            symbol = self.properties.get(keyword)
            if symbol is not None:
                printer.print_string(f" {keyword}(")
                printer.print_attribute(symbol)
                printer.print_string(")")
        config = LAUNCH_CONFIG_ARGS + (LAUNCH_CLUSTER_ARGS if operands["cluster_sizes"] else 0)
        num_workgroup = gpu_func_workgroup_count(self)
        _print_attributions(printer, "workgroup", args[config : config + num_workgroup])
        _print_attributions(printer, "private", args[config + num_workgroup :])
        printer.print_string(" ")
        printer.print_region(self.regions[0], print_entry_block_args=False)
        print_attr_dict(printer, self, _LAUNCH_INHERENT)

    def verify_(self) -> None:
        operands = launch_operands(self)
        config = LAUNCH_CONFIG_ARGS + (LAUNCH_CLUSTER_ARGS if operands["cluster_sizes"] else 0)
        if not self.regions[0].blocks:
            raise VerifyException("region #0 ('body') failed to verify constraint: region with 1 blocks")
        args = self.regions[0].blocks.first.args
        if len(args) < config + gpu_func_workgroup_count(self):
            raise VerifyException(f"expected at least {config} arguments to body region")
        if any(arg.type != IndexType() for arg in args[:config]):
            raise VerifyException(f"expected the first {config} arguments to body region to be of index type")
        if operands["async_dependencies"] and operands["async_token"] is None:
            raise VerifyException("async dependencies require a token result ('async')")


def launch_operands(op: IRDLOperation) -> dict:
    """The operand groups of a gpu.launch, by upstream's segment names."""
    sizes = op.properties["operandSegmentSizes"].get_values()
    groups = []
    start = 0
    for size in sizes:
        groups.append(list(op.operands[start : start + size]))
        start += size
    clusters = [g[0] for g in groups[7:10] if g]
    return {
        "async_dependencies": groups[0],
        "grid_sizes": [g[0] for g in groups[1:4]],
        "block_sizes": [g[0] for g in groups[4:7]],
        "cluster_sizes": clusters,
        "dynamic_shared_memory_size": groups[10][0] if groups[10] else None,
        "async_token": op.results[0] if op.results else None,
    }


LaunchOp = extend_op(
    xgpu.LaunchOp,
    fields={
        "module": opt_prop_def(SymbolRefAttr),
        "function": opt_prop_def(SymbolRefAttr),
        "workgroup_attributions": opt_attr_def(IntegerAttr),
    },
    mixin=_LaunchSyntax,
)


class _LaunchFuncSyntax:
    """gpu.launch_func as upstream prints it."""

    @classmethod
    def parse(cls, parser: Parser):
        is_async, dependencies = parse_async_dependencies(parser)
        async_object = []
        if parser.parse_optional_punctuation("<"):
            value = parser.parse_unresolved_operand()
            parser.parse_punctuation(":")
            async_object = resolve(parser, [value], parser.parse_type())
            parser.parse_punctuation(">")
        kernel = parser.parse_attribute()
        if not isinstance(kernel, SymbolRefAttr):
            parser.raise_error("expected a kernel symbol reference")
        clusters = None
        if parser.parse_optional_keyword("clusters"):
            parser.parse_keyword("in")
            clusters = parse_operand_list(parser, Parser.Delimiter.PAREN)
        parser.parse_keyword("blocks")
        parser.parse_keyword("in")
        grid = parse_operand_list(parser, Parser.Delimiter.PAREN)
        parser.parse_keyword("threads")
        parser.parse_keyword("in")
        block = parse_operand_list(parser, Parser.Delimiter.PAREN)
        size_type: Attribute = IndexType()
        if parser.parse_optional_punctuation(":"):
            size_type = parser.parse_type()
        shared_memory = []
        if parser.parse_optional_keyword("dynamic_shared_memory_size"):
            shared_memory = resolve(parser, [parser.parse_unresolved_operand()], i32)
        kernel_operands: list[SSAValue] = []
        if parser.parse_optional_keyword("args"):

            def argument() -> None:
                value = parser.parse_unresolved_operand()
                parser.parse_punctuation(":")
                kernel_operands.extend(resolve(parser, [value], parser.parse_type()))

            parser.parse_comma_separated_list(Parser.Delimiter.PAREN, argument)
        attributes = parse_attr_dict(parser)
        cluster_values = resolve(parser, clusters, size_type) if clusters else []
        operands = [
            dependencies,
            *resolve(parser, grid, size_type),
            *resolve(parser, block, size_type),
            *([[v] for v in cluster_values] if cluster_values else [[], [], []]),
            shared_memory,
            kernel_operands,
            async_object,
        ]
        return build_op(
            cls,
            operands=operands,
            result_types=[_token_types(is_async)],
            properties={"kernel": kernel},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        print_async_dependencies(printer, self.asyncToken, self.asyncDependencies)
        if self.asyncObject is not None:
            printer.print_string(" <")
            printer.print_operand(self.asyncObject)
            printer.print_string(" : ")
            printer.print_attribute(self.asyncObject.type)
            printer.print_string(">")
        printer.print_string(" ")
        printer.print_attribute(self.kernel)
        if self.clusterSizeX is not None:
            printer.print_string(" clusters in (")
            print_values(printer, [self.clusterSizeX, self.clusterSizeY, self.clusterSizeZ])
            printer.print_string(")")
        printer.print_string(" blocks in (")
        print_values(printer, [self.gridSizeX, self.gridSizeY, self.gridSizeZ])
        printer.print_string(") threads in (")
        print_values(printer, [self.blockSizeX, self.blockSizeY, self.blockSizeZ])
        printer.print_string(")")
        if self.gridSizeX.type != IndexType():
            printer.print_string(" : ")
            printer.print_attribute(self.gridSizeX.type)
        if self.dynamicSharedMemorySize is not None:
            printer.print_string(" dynamic_shared_memory_size ")
            printer.print_operand(self.dynamicSharedMemorySize)
        if self.kernelOperands:
            printer.print_string(" args(")
            printer.print_list(
                self.kernelOperands,
                lambda v: (printer.print_operand(v), printer.print_string(" : "), printer.print_attribute(v.type)),
            )
            printer.print_string(")")
        print_attr_dict(printer, self, ("kernel",))


LaunchFuncOp = extend_op(xgpu.LaunchFuncOp, mixin=_LaunchFuncSyntax)


# --------------------------------------------------------------------------- memory


class _AllocSyntax:
    """``gpu.alloc (async [deps])? (host_shared)? (sizes) ([symbols])? attr-dict : type``."""

    @classmethod
    def parse(cls, parser: Parser):
        is_async, dependencies = parse_async_dependencies(parser)
        host_shared = parser.parse_optional_keyword("host_shared") is not None
        sizes = parse_operand_list(parser, Parser.Delimiter.PAREN)
        symbols = parser.parse_optional_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_unresolved_operand) or []
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        memref_type = parser.parse_type()
        index = IndexType()
        return build_op(
            cls,
            operands=[dependencies, resolve(parser, sizes, index), resolve(parser, symbols, index)],
            result_types=[memref_type, _token_types(is_async)],
            properties={"hostShared": UnitAttr() if host_shared else None},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        print_async_dependencies(printer, self.asyncToken, self.asyncDependencies)
        if self.properties.get("hostShared") is not None:
            printer.print_string(" host_shared")
        printer.print_string(" (")
        print_values(printer, self.dynamicSizes)
        printer.print_string(")")
        if self.symbolOperands:
            printer.print_string("[")
            print_values(printer, self.symbolOperands)
            printer.print_string("]")
        print_attr_dict(printer, self, ("hostShared",))
        printer.print_string(" : ")
        printer.print_attribute(self.result.type)


AllocOp = extend_op(xgpu.AllocOp, mixin=_AllocSyntax)


class _AsyncOp(IRDLOperation):
    """Shared syntax of the async memory ops: ``(async [deps])? operands : types``."""

    def print_async(self, printer: Printer, operands: Sequence[SSAValue], types: Sequence[Attribute]) -> None:
        print_async_dependencies(printer, self.results[0] if self.results else None, self.operands[: len(self.operands) - len(operands)])
        printer.print_string(" ")
        print_values(printer, operands)
        print_attr_dict(printer, self)
        printer.print_string(" : ")
        printer.print_list(types, printer.print_attribute)

    @classmethod
    def parse_async(cls, parser: Parser, count: int):
        is_async, dependencies = parse_async_dependencies(parser)
        operands = parse_operand_list(parser)
        if len(operands) != count:
            parser.raise_error(f"expected {count} operands")
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        types = parse_type_list(parser)
        return build_op(
            cls,
            operands=[dependencies, *resolve(parser, operands, types)],
            result_types=[_token_types(is_async)],
            attributes=attributes,
        )


@irdl_op_definition
class DeallocOp(_AsyncOp):
    """gpu.dealloc: free GPU memory."""

    name = "gpu.dealloc"

    asyncDependencies = var_operand_def(AsyncTokenType)
    memref = operand_def(MemRefType)
    asyncToken = opt_result_def(AsyncTokenType)

    traits = traits_def(MemoryWriteEffect())

    @classmethod
    def parse(cls, parser: Parser) -> DeallocOp:
        return cls.parse_async(parser, 1)

    def print(self, printer: Printer):
        self.print_async(printer, [self.memref], [self.memref.type])


@irdl_op_definition
class MemcpyOp(_AsyncOp):
    """gpu.memcpy: copy between memrefs (host or device)."""

    name = "gpu.memcpy"

    asyncDependencies = var_operand_def(AsyncTokenType)
    dst = operand_def(MemRefType)
    src = operand_def(MemRefType)
    asyncToken = opt_result_def(AsyncTokenType)

    traits = traits_def(MemoryReadEffect(), MemoryWriteEffect())

    @classmethod
    def parse(cls, parser: Parser) -> MemcpyOp:
        return cls.parse_async(parser, 2)

    def print(self, printer: Printer):
        self.print_async(printer, [self.dst, self.src], [self.dst.type, self.src.type])

    def verify_(self) -> None:
        if self.dst.type.element_type != self.src.type.element_type:
            raise VerifyException("arguments have incompatible element type")
        if self.dst.type.get_shape() != self.src.type.get_shape():
            raise VerifyException("arguments have incompatible shape")


@irdl_op_definition
class MemsetOp(_AsyncOp):
    """gpu.memset: fill a memref with a value."""

    name = "gpu.memset"

    asyncDependencies = var_operand_def(AsyncTokenType)
    dst = operand_def(MemRefType)
    value = operand_def()
    asyncToken = opt_result_def(AsyncTokenType)

    traits = traits_def(MemoryWriteEffect())

    @classmethod
    def parse(cls, parser: Parser) -> MemsetOp:
        return cls.parse_async(parser, 2)

    def print(self, printer: Printer):
        self.print_async(printer, [self.dst, self.value], [self.dst.type, self.value.type])

    def verify_(self) -> None:
        if self.dst.type.element_type != self.value.type:
            raise VerifyException("failed to verify that all of {dst, value} have same element type")


class _WaitSyntax:
    """``gpu.wait (async)? ([deps])?``."""

    @classmethod
    def parse(cls, parser: Parser):
        is_async, dependencies = parse_async_dependencies(parser)
        return build_op(cls, operands=[dependencies], result_types=[_token_types(is_async)], attributes=parse_attr_dict(parser))

    def print(self, printer: Printer):
        print_async_dependencies(printer, self.asyncToken, self.asyncDependencies)
        print_attr_dict(printer, self)


WaitOp = extend_op(xgpu.WaitOp, mixin=_WaitSyntax)
HostRegisterOp = extend_op(xgpu.HostRegisterOp, assembly_format="$value attr-dict `:` type($value)")
HostUnregisterOp = extend_op(xgpu.HostUnregisterOp, assembly_format="$value attr-dict `:` type($value)")
SetDefaultDeviceOp = extend_op(xgpu.SetDefaultDeviceOp, assembly_format="attr-dict $devIndex")


@irdl_op_definition
class DynamicSharedMemoryOp(IRDLOperation):
    """gpu.dynamic_shared_memory: the kernel's dynamic workgroup memory as i8 memref."""

    name = "gpu.dynamic_shared_memory"

    resultMemref = result_def(MemRefType)

    traits = traits_def(Pure())
    assembly_format = "attr-dict `:` type($resultMemref)"

    def verify_(self) -> None:
        type_ = self.resultMemref.type
        assert isinstance(type_, MemRefType)
        if type_.get_num_dims() != 1 or type_.element_type != IntegerType(8):
            raise VerifyException(f"result #0 must be 1D memref of 8-bit signless integer values, but got '{type_}'")
        if type_.memory_space != AddressSpaceAttr(AddressSpaceAttr.enum_type("workgroup")):
            raise VerifyException("address space must be address_space<workgroup>")


@irdl_op_definition
class PrintfOp(IRDLOperation):
    """gpu.printf: device-side printf."""

    name = "gpu.printf"

    format = prop_def(StringAttr)
    args = var_operand_def()

    traits = traits_def(MemoryWriteEffect())

    @classmethod
    def parse(cls, parser: Parser) -> PrintfOp:
        format = StringAttr(parser.parse_str_literal())
        attributes = parse_attr_dict(parser)
        operands = []
        types: list[Attribute] = []
        if parser.parse_optional_punctuation(","):
            operands = parse_operand_list(parser)
            parser.parse_punctuation(":")
            types = parse_type_list(parser)
        return build_op(cls, operands=[resolve(parser, operands, types)], properties={"format": format}, attributes=attributes)

    def verify_(self) -> None:
        for index, value in enumerate(self.args):
            if not is_scalar(value.type):
                raise VerifyException(f"operand #{index} must be variadic of integer or index or floating-point, but got '{value.type}'")

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_string_literal(self.format.data)
        print_attr_dict(printer, self, ("format",))
        if self.args:
            printer.print_string(", ")
            print_values(printer, self.args)
            printer.print_string(" : ")
            printer.print_list(self.args.types, printer.print_attribute)


# --------------------------------------------------------------------------- subgroup ops


@irdl_op_definition
class ShuffleOp(IRDLOperation):
    """gpu.shuffle: exchange a value between lanes of a subgroup."""

    name = "gpu.shuffle"

    value = operand_def()
    offset = operand_def(i32)
    width = operand_def(i32)
    mode = prop_def(ShuffleModeAttr)
    shuffleResult = result_def()
    valid = result_def(i1)

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> ShuffleOp:
        mode = ShuffleModeAttr(ShuffleModeAttr.parse_parameter(parser))
        value, offset, width = parse_operand_list(parser)[:3]
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        type = parser.parse_type()
        return build_op(
            cls,
            operands=resolve(parser, [value, offset, width], [type, i32, i32]),
            result_types=[type, i1],
            properties={"mode": mode},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(f" {self.mode.data.value} ")
        print_values(printer, [self.value, self.offset, self.width])
        print_attr_dict(printer, self, ("mode",))
        printer.print_string(" : ")
        printer.print_attribute(self.value.type)


@irdl_op_definition
class RotateOp(IRDLOperation):
    """gpu.rotate: rotate values across lanes by a constant offset."""

    name = "gpu.rotate"

    value = operand_def()
    offset = prop_def(IntegerAttr[IntegerType])
    width = prop_def(IntegerAttr[IntegerType])
    rotateResult = result_def()
    valid = result_def(i1)

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> RotateOp:
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        offset = parser.parse_integer()
        parser.parse_punctuation(",")
        width = parser.parse_integer()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        type = parser.parse_type()
        return build_op(
            cls,
            operands=resolve(parser, [value], type),
            result_types=[type, i1],
            properties={"offset": IntegerAttr(offset, i32), "width": IntegerAttr(width, i32)},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.value)
        printer.print_string(f", {self.offset.value.data}, {self.width.value.data}")
        print_attr_dict(printer, self, ("offset", "width"))
        printer.print_string(" : ")
        printer.print_attribute(self.value.type)


class _AllReduceSyntax:
    """``gpu.all_reduce (op)? %value (uniform)? region attr-dict : (t) -> t``."""

    @classmethod
    def parse(cls, parser: Parser):
        operation = _parse_optional_reduction(parser)
        value = parser.parse_unresolved_operand()
        uniform = parser.parse_optional_keyword("uniform") is not None
        region = parser.parse_region()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        function_type = parser.parse_function_type()
        return build_op(
            cls,
            operands=resolve(parser, [value], function_type.inputs.data),
            result_types=function_type.outputs.data,
            properties={"op": operation, "uniform": UnitAttr() if uniform else None},
            attributes=attributes,
            regions=[region],
        )

    def print(self, printer: Printer):
        operation = self.properties.get("op")
        if operation is not None:
            printer.print_string(f" {operation.data.value}")
        printer.print_string(" ")
        printer.print_operand(self.operands[0])
        if self.properties.get("uniform") is not None:
            printer.print_string(" uniform")
        printer.print_string(" ")
        printer.print_region(self.regions[0])
        print_attr_dict(printer, self, ("op", "uniform"))
        printer.print_string(" : (")
        printer.print_attribute(self.operands[0].type)
        printer.print_string(") -> ")
        printer.print_attribute(self.results[0].type)

    def verify_(self) -> None:
        has_body = bool(self.regions[0].blocks)
        operation = self.properties.get("op")
        if has_body == (operation is not None):
            raise VerifyException("expected either an op attribute or a non-empty body")
        value_type = self.operands[0].type
        if not (isinstance(value_type, IntegerType) or isa(value_type, AnyFloat)):
            raise VerifyException(f"operand #0 must be Integer or Float, but got '{value_type}'")
        if operation is not None:
            kind = operation.data.value
            if kind not in (FLOAT_REDUCTIONS if isa(value_type, AnyFloat) else INTEGER_REDUCTIONS):
                raise VerifyException(f"`{kind}` reduction operation is not compatible with type '{value_type}'")


INTEGER_REDUCTIONS = frozenset({"add", "mul", "minui", "minsi", "maxui", "maxsi", "and", "or", "xor"})
FLOAT_REDUCTIONS = frozenset({"add", "mul", "minnumf", "maxnumf", "minimumf", "maximumf"})
"""The reductions (gpu.all_reduce, gpu.subgroup_reduce) each element type allows."""


def is_scalar(type_: Attribute) -> bool:
    """An integer, index or floating-point type (what gpu.printf prints)."""
    return isinstance(type_, (IntegerType, IndexType)) or isa(type_, AnyFloat)


def _parse_optional_reduction(parser: Parser) -> Attribute | None:
    for value in AllReduceOperationAttr.enum_type:
        if parser.parse_optional_keyword(value.value):
            return AllReduceOperationAttr(value)
    return None


AllReduceOp = extend_op(xgpu.AllReduceOp, constraints={"op": AllReduceOperationAttr}, mixin=_AllReduceSyntax)


@irdl_op_definition
class SubgroupReduceOp(IRDLOperation):
    """gpu.subgroup_reduce: reduce a value across (clusters of) a subgroup."""

    name = "gpu.subgroup_reduce"

    value = operand_def()
    op = prop_def(AllReduceOperationAttr)
    uniform = opt_prop_def(UnitAttr)
    cluster_size = opt_prop_def(IntegerAttr[IntegerType])
    cluster_stride = prop_def(IntegerAttr[IntegerType], default_value=IntegerAttr(1, i32))
    result = result_def()

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> SubgroupReduceOp:
        operation = _parse_optional_reduction(parser)
        if operation is None:
            parser.raise_error("expected a reduction kind")
        value = parser.parse_unresolved_operand()
        uniform = parser.parse_optional_keyword("uniform") is not None
        cluster_size = None
        cluster_stride = IntegerAttr(1, i32)
        if parser.parse_optional_keyword("cluster"):
            parser.parse_punctuation("(")
            parser.parse_keyword("size")
            parser.parse_punctuation("=")
            cluster_size = IntegerAttr(parser.parse_integer(), i32)
            if parser.parse_optional_punctuation(","):
                parser.parse_keyword("stride")
                parser.parse_punctuation("=")
                cluster_stride = IntegerAttr(parser.parse_integer(), i32)
            parser.parse_punctuation(")")
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        function_type = parser.parse_function_type()
        return build_op(
            cls,
            operands=resolve(parser, [value], function_type.inputs.data),
            result_types=function_type.outputs.data,
            properties={
                "op": operation,
                "uniform": UnitAttr() if uniform else None,
                "cluster_size": cluster_size,
                "cluster_stride": cluster_stride,
            },
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(f" {self.op.data.value} ")
        printer.print_operand(self.value)
        if self.uniform is not None:
            printer.print_string(" uniform")
        if self.cluster_size is not None:
            printer.print_string(f" cluster(size = {self.cluster_size.value.data}")
            if self.cluster_stride.value.data != 1:
                printer.print_string(f", stride = {self.cluster_stride.value.data}")
            printer.print_string(")")
        print_attr_dict(printer, self, ("op", "uniform", "cluster_size", "cluster_stride"))
        printer.print_string(" : (")
        printer.print_attribute(self.value.type)
        printer.print_string(") -> ")
        printer.print_attribute(self.result.type)


@irdl_op_definition
class SubgroupBroadcastOp(IRDLOperation):
    """gpu.subgroup_broadcast: broadcast a lane's value to the subgroup."""

    name = "gpu.subgroup_broadcast"

    src = operand_def()
    lane = opt_operand_def(i32)
    broadcast_type = prop_def(BroadcastTypeAttr)
    result = result_def()

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> SubgroupBroadcastOp:
        src = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        kind = BroadcastTypeAttr(BroadcastTypeAttr.parse_parameter(parser))
        lane = parser.parse_optional_unresolved_operand()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        type = parser.parse_type()
        return build_op(
            cls,
            operands=[resolve(parser, [src], type)[0], resolve(parser, [lane], i32) if lane else []],
            result_types=[type],
            properties={"broadcast_type": kind},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.src)
        printer.print_string(f", {self.broadcast_type.data.value}")
        if self.lane is not None:
            printer.print_string(" ")
            printer.print_operand(self.lane)
        print_attr_dict(printer, self, ("broadcast_type",))
        printer.print_string(" : ")
        printer.print_attribute(self.result.type)

    def verify_(self) -> None:
        if (self.broadcast_type.data.value == "specific_lane") != (self.lane is not None):
            raise VerifyException("lane must be specified for `specific_lane` broadcast")


@irdl_op_definition
class WarpExecuteOnLane0Op(IRDLOperation):
    """gpu.warp_execute_on_lane_0: a region run by lane 0 of a warp."""

    name = "gpu.warp_execute_on_lane_0"

    laneid = operand_def(IndexType)
    args = var_operand_def()
    warp_size = prop_def(IntegerAttr[IntegerType])
    results_ = var_result_def()
    warpRegion = region_def()

    @classmethod
    def parse(cls, parser: Parser) -> WarpExecuteOnLane0Op:
        parser.parse_punctuation("(")
        laneid = parser.parse_unresolved_operand()
        parser.parse_punctuation(")")
        parser.parse_punctuation("[")
        warp_size = parser.parse_integer()
        parser.parse_punctuation("]")
        args: list[SSAValue] = []
        if parser.parse_optional_keyword("args"):

            def argument() -> None:
                value = parser.parse_unresolved_operand()
                parser.parse_punctuation(":")
                args.extend(resolve(parser, [value], parser.parse_type()))

            parser.parse_comma_separated_list(Parser.Delimiter.PAREN, argument)
        result_types: list[Attribute] = []
        if parser.parse_optional_punctuation("->"):
            result_types = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, parser.parse_type)
        region = parser.parse_region()
        if not region.blocks:
            region.add_block(Block())
        block = region.block
        if block.last_op is None or not block.last_op.has_trait(IsTerminator):
            block.add_op(YieldOp.build(operands=[[]]))
        return build_op(
            cls,
            operands=[resolve(parser, [laneid], IndexType())[0], args],
            result_types=[result_types],
            properties={"warp_size": IntegerAttr(warp_size, i64)},
            regions=[region],
            attributes=parse_attr_dict(parser),
        )

    def print(self, printer: Printer):
        printer.print_string("(")
        printer.print_operand(self.laneid)
        printer.print_string(f")[{self.warp_size.value.data}]")
        if self.args:
            printer.print_string(" args(")
            printer.print_list(self.args, lambda v: (printer.print_operand(v), printer.print_string(" : "), printer.print_attribute(v.type)))
            printer.print_string(")")
        if self.results:
            printer.print_string(" -> (")
            printer.print_list(self.result_types, printer.print_attribute)
            printer.print_string(")")
        printer.print_string(" ")
        block = self.warpRegion.block
        elide = not self.results and isinstance(block.last_op, xgpu.YieldOp) and not block.last_op.operands
        printer.print_region(self.warpRegion, print_entry_block_args=bool(block.args), print_block_terminators=not elide)
        print_attr_dict(printer, self, ("warp_size",))


# --------------------------------------------------------------------------- MMA


@irdl_op_definition
class SubgroupMmaLoadMatrixOp(IRDLOperation):
    """gpu.subgroup_mma_load_matrix."""

    name = "gpu.subgroup_mma_load_matrix"

    srcMemref = operand_def(MemRefType)
    indices = var_operand_def(IndexType)
    leadDimension = prop_def(IntegerAttr[IndexType])
    transpose = opt_prop_def(UnitAttr)
    res = result_def(MMAMatrixType)

    traits = traits_def(MemoryReadEffect())
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = "$srcMemref `[` $indices `]` attr-dict `:` type($srcMemref) `->` type($res)"


@irdl_op_definition
class SubgroupMmaStoreMatrixOp(IRDLOperation):
    """gpu.subgroup_mma_store_matrix."""

    name = "gpu.subgroup_mma_store_matrix"

    src = operand_def(MMAMatrixType)
    dstMemref = operand_def(MemRefType)
    indices = var_operand_def(IndexType)
    leadDimension = prop_def(IntegerAttr[IndexType])
    transpose = opt_prop_def(UnitAttr)

    traits = traits_def(MemoryWriteEffect())
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = "$src `,` $dstMemref `[` $indices `]` attr-dict `:` type($src) `,` type($dstMemref)"


@irdl_op_definition
class SubgroupMmaComputeOp(IRDLOperation):
    """gpu.subgroup_mma_compute: C += A * B on matrix fragments."""

    name = "gpu.subgroup_mma_compute"

    ACCUMULATOR: ClassVar = VarConstraint("ACCUMULATOR", base(MMAMatrixType))
    opA = operand_def(MMAMatrixType)
    opB = operand_def(MMAMatrixType)
    opC = operand_def(ACCUMULATOR)
    a_transpose = opt_prop_def(UnitAttr)
    b_transpose = opt_prop_def(UnitAttr)
    res = result_def(ACCUMULATOR)

    traits = traits_def(Pure())
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = "$opA `,` $opB `,` $opC attr-dict `:` type($opA) `,` type($opB) `->` type($res)"


@irdl_op_definition
class SubgroupMmaConstantMatrixOp(IRDLOperation):
    """gpu.subgroup_mma_constant_matrix: a fragment filled with a scalar."""

    name = "gpu.subgroup_mma_constant_matrix"

    value = operand_def()
    res = result_def(MMAMatrixType)

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> SubgroupMmaConstantMatrixOp:
        value = parser.parse_unresolved_operand()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        type = parser.parse_type()
        element = type.element_type if isinstance(type, MMAMatrixType) else type
        return build_op(cls, operands=resolve(parser, [value], element), result_types=[type], attributes=attributes)

    def print(self, printer: Printer):
        printer.print_string(" ")
        printer.print_operand(self.value)
        print_attr_dict(printer, self)
        printer.print_string(" : ")
        printer.print_attribute(self.res.type)


@irdl_op_definition
class SubgroupMmaElementwiseOp(IRDLOperation):
    """gpu.subgroup_mma_elementwise."""

    name = "gpu.subgroup_mma_elementwise"

    args = var_operand_def(MMAMatrixType)
    opType = prop_def(MMAElementwiseAttr)
    res = result_def(MMAMatrixType)

    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> SubgroupMmaElementwiseOp:
        kind = MMAElementwiseAttr(MMAElementwiseAttr.parse_parameter(parser))
        args = parse_operand_list(parser)
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        function_type = parser.parse_function_type()
        return build_op(
            cls,
            operands=[resolve(parser, args, function_type.inputs.data)],
            result_types=function_type.outputs.data,
            properties={"opType": kind},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(f" {self.opType.data.value} ")
        print_values(printer, self.args)
        print_attr_dict(printer, self, ("opType",))
        printer.print_string(" : (")
        printer.print_list(self.args.types, printer.print_attribute)
        printer.print_string(") -> ")
        printer.print_attribute(self.res.type)


@irdl_op_definition
class SubgroupMmaExtractThreadLocalOp(IRDLOperation):
    """gpu.subgroup_mma_extract_thread_local."""

    name = "gpu.subgroup_mma_extract_thread_local"

    matrix = operand_def(MMAMatrixType)
    indices = var_operand_def(IndexType)
    res = result_def()

    traits = traits_def(Pure())
    assembly_format = "$matrix `[` $indices `]` attr-dict `:` type($matrix) `->` type($res)"


@irdl_op_definition
class SubgroupMmaInsertThreadLocalOp(IRDLOperation):
    """gpu.subgroup_mma_insert_thread_local."""

    name = "gpu.subgroup_mma_insert_thread_local"

    MATRIX: ClassVar = VarConstraint("MATRIX", base(MMAMatrixType))
    value = operand_def()
    matrix = operand_def(MATRIX)
    indices = var_operand_def(IndexType)
    res = result_def(MATRIX)

    traits = traits_def(Pure())
    assembly_format = "$value `,` $matrix `[` $indices `]` attr-dict `:` type($value) `,` type($matrix) `->` type($res)"


GPU: Dialect = replace_ops(
    xgpu.GPU,
    ModuleOp,
    BinaryOp,
    FuncOp,
    ReturnOp,
    YieldOp,
    TerminatorOp,
    ThreadIdOp,
    BlockIdOp,
    BlockDimOp,
    GridDimOp,
    GlobalIdOp,
    LaneIdOp,
    SubgroupIdOp,
    NumSubgroupsOp,
    SubgroupSizeOp,
    ClusterIdOp,
    ClusterBlockIdOp,
    ClusterDimOp,
    ClusterDimBlocksOp,
    BarrierOp,
    LaunchOp,
    LaunchFuncOp,
    AllocOp,
    DeallocOp,
    MemcpyOp,
    MemsetOp,
    WaitOp,
    HostRegisterOp,
    HostUnregisterOp,
    SetDefaultDeviceOp,
    DynamicSharedMemoryOp,
    PrintfOp,
    ShuffleOp,
    RotateOp,
    AllReduceOp,
    SubgroupReduceOp,
    SubgroupBroadcastOp,
    WarpExecuteOnLane0Op,
    SubgroupMmaLoadMatrixOp,
    SubgroupMmaStoreMatrixOp,
    SubgroupMmaComputeOp,
    SubgroupMmaConstantMatrixOp,
    SubgroupMmaElementwiseOp,
    SubgroupMmaExtractThreadLocalOp,
    SubgroupMmaInsertThreadLocalOp,
    attributes=[
        AllReduceOperationAttr,
        ShuffleModeAttr,
        BroadcastTypeAttr,
        MMAElementwiseAttr,
        AddressSpaceAttr,
        ThreadMappingAttr,
        BlockMappingAttr,
        WarpMappingAttr,
        WarpgroupMappingAttr,
        LaneMappingAttr,
        MemorySpaceMappingAttr,
        MMAMatrixType,
        KernelMetadataAttr,
        KernelTableAttr,
        ObjectAttr,
        SelectObjectAttr,
    ],
)
