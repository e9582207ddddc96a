"""transform.bufferization.*: One-Shot Bufferize, empty tensor elimination and
buffer loop hoisting applied to payload ops (upstream's
BufferizationTransformOps.td), over the passes of
:mod:`mlopt.passes.bufferization`."""

from __future__ import annotations

from typing import ClassVar

from xdsl.dialects.builtin import BoolAttr, IntegerAttr, ModuleOp, StringAttr, i32
from xdsl.dialects.transform import OperationType, TransformHandleType, TransformOpHandleType
from xdsl.ir import Attribute, Operation
from xdsl.irdl import IRDLOperation, irdl_op_definition, operand_def, opt_prop_def, prop_def, result_def
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from mlopt.diagnostics import DiagnosticError, emit
from mlopt.dialects.transform.core import parse_single_target_tail, print_functional_type
from mlopt.dialects.transform.state import SilenceableFailure, TransformOp, TransformState, apply_each

LAYOUT_MAP_OPTIONS = ("InferLayoutMap", "IdentityLayoutMap", "FullyDynamicLayoutMap")
"""Upstream's LayoutMapOption enum, in order: the property holds the position."""

PASS_LAYOUT_NAMES = ("infer-layout-map", "identity-layout-map", "fully-dynamic-layout-map")
"""The same options as one-shot-bufferize's ``function-boundary-type-conversion`` spells them."""

FLAGS = ("allow_return_allocs_from_loops", "allow_unknown_ops", "bufferize_function_boundaries",
         "check_parallel_regions", "dump_alias_sets", "print_conflicts", "test_analysis_only")  # fmt: skip

MEMCPY_OPS = ("memref.copy", "linalg.copy")


@irdl_op_definition
class OneShotBufferizeOp(TransformOp, IRDLOperation):
    """transform.bufferization.one_shot_bufferize: One-Shot Bufferize each
    payload module or function, in place; the result holds the same ops."""

    name = "transform.bufferization.one_shot_bufferize"
    target = operand_def(TransformHandleType)
    transformed = result_def(TransformHandleType)
    function_boundary_type_conversion = opt_prop_def(IntegerAttr)
    allow_return_allocs_from_loops = prop_def(BoolAttr, default_value=BoolAttr.from_bool(False))
    allow_unknown_ops = prop_def(BoolAttr, default_value=BoolAttr.from_bool(False))
    bufferize_function_boundaries = prop_def(BoolAttr, default_value=BoolAttr.from_bool(False))
    check_parallel_regions = prop_def(BoolAttr, default_value=BoolAttr.from_bool(True))
    dump_alias_sets = prop_def(BoolAttr, default_value=BoolAttr.from_bool(False))
    print_conflicts = prop_def(BoolAttr, default_value=BoolAttr.from_bool(False))
    test_analysis_only = prop_def(BoolAttr, default_value=BoolAttr.from_bool(False))
    memcpy_op = prop_def(StringAttr, default_value=StringAttr("memref.copy"))
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    @classmethod
    def parse(cls, parser: Parser) -> OneShotBufferizeOp:
        properties: dict[str, Attribute] = {}
        if parser.parse_optional_keyword("layout"):
            parser.parse_punctuation("{")
            layout = parser.parse_identifier()
            if layout not in LAYOUT_MAP_OPTIONS:
                parser.raise_error(
                    "expected ::mlir::bufferization::LayoutMapOption to be one of: " + ", ".join(LAYOUT_MAP_OPTIONS)
                )
            parser.parse_punctuation("}")
            properties["function_boundary_type_conversion"] = IntegerAttr(LAYOUT_MAP_OPTIONS.index(layout), i32)
        op = parse_single_target_tail(cls, parser, parser.parse_unresolved_operand(), properties)
        for name in (*FLAGS, "memcpy_op"):
            if name in op.attributes:
                op.properties[name] = op.attributes.pop(name)
        return op  # type: ignore[return-value]

    def print(self, printer: Printer) -> None:
        if self.function_boundary_type_conversion is not None:
            printer.print_string(f" layout{{{LAYOUT_MAP_OPTIONS[self.function_boundary_type_conversion.value.data]}}}")
        printer.print_string(" ")
        printer.print_operand(self.target)
        definition = self.get_irdl_definition().properties
        shown = {
            name: value
            for name, value in self.properties.items()
            if name != "function_boundary_type_conversion" and value != definition[name].default_value
        }
        printer.print_op_attributes({**shown, **self.attributes})
        print_functional_type(printer, self)

    def verify_(self) -> None:
        if self.memcpy_op.data not in MEMCPY_OPS:
            raise VerifyException("unsupported memcpy op")
        layout = self.function_boundary_type_conversion
        if layout is not None and layout.value.data not in range(len(LAYOUT_MAP_OPTIONS)):
            raise VerifyException("function_boundary_type_conversion must be a LayoutMapOption (0, 1 or 2)")

    def _flag(self, name: str) -> bool:
        return bool(self.properties[name].value.data) if name in self.properties else name == "check_parallel_regions"

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.bufferization.one_shot_bufferize import OneShotBufferizePass

        layout = self.function_boundary_type_conversion
        options = {
            name: self._flag(name)
            for name in FLAGS
            if name != "dump_alias_sets"  # affects only the printed alias sets, which mlopt does not print
        }
        if layout is not None:
            options["function_boundary_type_conversion"] = PASS_LAYOUT_NAMES[layout.value.data]
        try:
            bufferize = OneShotBufferizePass(**options)
        except ValueError as error:
            raise DiagnosticError.at(self, str(error)) from error
        targets = state.payload_ops(self.target)
        for target in targets:
            if not (isinstance(target, ModuleOp) or _is_function(target)):
                raise SilenceableFailure(self, "expected module or function target")
            if options["bufferize_function_boundaries"] and not isinstance(target, ModuleOp):
                raise SilenceableFailure(self, "expected module target")
            existing_copies = {id(op) for op in target.walk() if op.name == "memref.copy"}
            try:
                bufferize.apply(state.context, target)  # type: ignore[arg-type]
            except DiagnosticError as error:
                for diagnostic in error.diagnostics:
                    emit(diagnostic)
                raise SilenceableFailure(self, "bufferization failed") from error
            if self.memcpy_op.data == "linalg.copy":
                _copies_to_linalg(target, existing_copies)
        state.set_payload(self.transformed, targets)


def _is_function(op: Operation) -> bool:
    from xdsl.traits import CallableOpInterface

    return op.has_trait(CallableOpInterface) or op.name == "func.func"


def _copies_to_linalg(root: Operation, keep: set[int]) -> None:
    """The memref.copy ops bufferization made under ``root`` (those not in
    ``keep``) become linalg.copy, as ``memcpy_op = "linalg.copy"`` asks."""
    from xdsl.rewriter import Rewriter

    from mlopt.dialects.linalg import NAMED_OP_CLASSES, build_body

    copy_class = NAMED_OP_CLASSES["linalg.copy"]
    for copy in [op for op in root.walk() if op.name == "memref.copy" and id(op) not in keep]:
        operands = list(copy.operands)
        body = build_body(copy_class.BODY, operands, {})
        Rewriter.replace_op(copy, copy_class.build(operands=[operands[:1], operands[1:]], result_types=[[]], regions=[body]))


@irdl_op_definition
class EliminateEmptyTensorsOp(TransformOp, IRDLOperation):
    """transform.bufferization.eliminate_empty_tensors: tensor.empty ops whose
    contents are inserted into another tensor become that part of it."""

    name = "transform.bufferization.eliminate_empty_tensors"
    target = operand_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` type($target)"

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.bufferization.eliminate_empty_tensors import EliminateEmptyTensorsPass

        for target in state.payload_ops(self.target):
            EliminateEmptyTensorsPass().apply(state.context, target)  # type: ignore[arg-type]


@irdl_op_definition
class EmptyTensorToAllocTensorOp(TransformOp, IRDLOperation):
    """transform.bufferization.empty_tensor_to_alloc_tensor: each tensor.empty
    becomes a bufferization.alloc_tensor of the same shape."""

    name = "transform.bufferization.empty_tensor_to_alloc_tensor"
    target = operand_def(TransformOpHandleType)
    transformed = result_def(TransformOpHandleType)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def verify_(self) -> None:
        for kind, index, value, payload in (("operand", 0, self.target, "tensor.empty"),
                                            ("result", 0, self.transformed, "bufferization.alloc_tensor")):  # fmt: skip
            if value.type != OperationType(payload):
                raise VerifyException(f"{kind} #{index} must be Transform IR handle to {payload} operations, "
                                      f"but got '{value.type}'")  # fmt: skip

    def apply(self, state: TransformState) -> None:
        from xdsl.rewriter import Rewriter

        from mlopt.dialects.bufferization import AllocTensorOp

        def run(target: Operation) -> list[list[Operation]]:
            if target.name != "tensor.empty":
                raise SilenceableFailure(self, "expected a tensor.empty target", [(target, "target op")])
            alloc = AllocTensorOp(target.results[0].type, list(target.operands))
            alloc.location = target.location
            Rewriter.replace_op(target, alloc)
            return [[alloc]]

        apply_each(state, self, state.payload_ops(self.target), run)


@irdl_op_definition
class BufferLoopHoistingOp(TransformOp, IRDLOperation):
    """transform.bufferization.buffer_loop_hoisting: hoist allocations out of
    the loops nested in the payload ops."""

    name = "transform.bufferization.buffer_loop_hoisting"
    target = operand_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` type($target)"

    def apply(self, state: TransformState) -> None:
        from mlopt.passes.bufferization.buffer_loop_hoisting import BufferLoopHoistingPass

        for target in state.payload_ops(self.target):
            BufferLoopHoistingPass().apply(state.context, target)


OPS: tuple[type[Operation], ...] = (OneShotBufferizeOp, EliminateEmptyTensorsOp, EmptyTensorToAllocTensorOp, BufferLoopHoistingOp)
