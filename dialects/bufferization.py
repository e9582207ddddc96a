"""The bufferization dialect with upstream MLIR 22's syntax and ops.

xDSL's classes (``AllocTensorOp``, ``ToTensorOp``, ``ToBufferOp``,
``MaterializeInDestinationOp``, ``CloneOp``) are the bases, keeping their
accessors; the subclasses here take upstream's syntax, the ``memory_space``
of ``alloc_tensor``, and upstream's verifiers, which (unlike xDSL's) let a
tensor pair with a buffer of any layout and memory space. ``dealloc`` and
``dealloc_tensor`` are new.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass

from xdsl.dialects import bufferization as xbufferization
from xdsl.dialects.builtin import (
    IntegerType,
    MemRefType,
    TensorType,
    UnrankedMemRefType,
    UnrankedTensorType,
    i1,
)
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.irdl import (
    AnyAttr,
    AttrSizedOperandSegments,
    IRDLOperation,
    base,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import HasCanonicalizationPatternsTrait, MemoryAllocEffect, MemoryReadEffect, Pure
from xdsl.utils.exceptions import VerifyException

from mlopt.diagnostics import Diagnostic, DiagnosticError, location_of
from mlopt.dialects.extension import extend_op, replace_ops
from mlopt.dialects.syntax import build_op, parse_attr_dict, parse_operand_list, print_attr_dict, print_types, print_values, resolve

AnyMemRef = base(MemRefType) | base(UnrankedMemRefType)
AnyTensor = base(TensorType) | base(UnrankedTensorType)


def _type_mismatch(tensor_type: Attribute, buffer_type: Attribute) -> str | None:
    """Upstream's tensor/buffer match: the first difference, or None."""
    if isinstance(tensor_type, TensorType) != isinstance(buffer_type, MemRefType):
        return "shapes do not match"
    if isinstance(tensor_type, TensorType) and tensor_type.get_shape() != buffer_type.get_shape():
        return "shapes do not match"
    if tensor_type.element_type != buffer_type.element_type:
        return "element types do not match"
    return None


@dataclass(frozen=True)
class _Canonicalized(HasCanonicalizationPatternsTrait):
    """The pattern classes named, from ``module``, imported when canonicalize first asks."""

    module: str
    names: tuple[str, ...]

    def get_patterns(self, op: type[Operation]):
        patterns = importlib.import_module(self.module)
        return tuple(getattr(patterns, name)() for name in self.names)

    @classmethod
    def get_canonicalization_patterns(cls):
        return ()


class _TensorBufferMatch:
    """Upstream reports the difference, then that the op's constraint failed."""

    def verify_(self) -> None:
        tensor_type = (self.tensor if isinstance(self, ToBufferOp) else self.results[0]).type
        buffer_type = (self.memref if isinstance(self, ToBufferOp) else self.operands[0]).type
        if (mismatch := _type_mismatch(tensor_type, buffer_type)) is None:
            return
        location = location_of(self)
        raise DiagnosticError(
            Diagnostic("error", mismatch, location, op=self),
            Diagnostic("error", f"'{self.name}' op failed to verify that specified tensor and buffer types match", location, op=self),
        )


def _conversion_op(base: type, assembly_format: str, pattern: str):
    """to_tensor/to_buffer: a tensor and a buffer of any layout and memory
    space that match, no side effects, and the named fold."""
    return extend_op(
        base,
        assembly_format=assembly_format,
        constraints={"memref": AnyMemRef, "tensor": AnyTensor},
        traits=(Pure(), _Canonicalized("mlopt.dialects.bufferization_canonicalization", (pattern,))),
        mixin=_TensorBufferMatch,
    )


ToTensorOp = _conversion_op(
    xbufferization.ToTensorOp,
    "$memref (`restrict` $restrict^)? (`writable` $writable^)? attr-dict `:` type($memref) `to` type($tensor)",
    "ToTensorOfAdjacentToBuffer",
)
ToBufferOp = _conversion_op(
    xbufferization.ToBufferOp,
    "$tensor (`read_only` $read_only^)? attr-dict `:` type($tensor) `to` type($memref)",
    "ToBufferOfToTensor",
)


class _AllocTensorVerifier:
    def verify_(self) -> None:
        result_type = self.tensor.type
        if self.copy is not None and self.dynamic_sizes:
            # Upstream emits this one without the op prefix.
            raise DiagnosticError.at(self, "dynamic sizes not needed when copying a tensor")
        expected = sum(1 for size in result_type.get_shape() if size < 0)
        if self.copy is None and len(self.dynamic_sizes) != expected:
            raise VerifyException(f"incorrect number of dynamic sizes, has {len(self.dynamic_sizes)}, expected {expected}")


AllocTensorOp = extend_op(
    xbufferization.AllocTensorOp,
    assembly_format=(
        "`(` $dynamic_sizes `)` (`copy` `(` $copy^ `)`)? (`size_hint` `` `=` `` $size_hint^)? attr-dict `:` type($tensor)"
    ),
    fields={"memory_space": opt_prop_def(AnyAttr())},
    traits=(MemoryAllocEffect(),),
    mixin=_AllocTensorVerifier,
)


CloneOp = extend_op(
    xbufferization.CloneOp,
    constraints={"input": AnyMemRef, "output": AnyMemRef},
    traits=(MemoryReadEffect(), MemoryAllocEffect()),
)


class _MaterializeInDestinationVerifier:
    def verify_(self) -> None:
        source_type, dest_type = self.source.type, self.dest.type
        if source_type.element_type != dest_type.element_type:
            raise VerifyException("failed to verify that all of {source, dest} have same element type")
        if isinstance(source_type, TensorType) and isinstance(dest_type, TensorType | MemRefType):
            sizes = zip(source_type.get_shape(), dest_type.get_shape())
            if source_type.get_num_dims() != dest_type.get_num_dims() or any(a != b and a >= 0 and b >= 0 for a, b in sizes):
                raise VerifyException("source/destination shapes are incompatible")
        if isinstance(dest_type, TensorType | UnrankedTensorType):
            if len(self.results) != 1:
                raise VerifyException("tensor 'dest' implies exactly one tensor result")
            if self.results[0].type != dest_type:
                raise VerifyException("result and 'dest' types must match")
            if self.restrict is not None:
                raise VerifyException("'restrict' is valid only for memref destinations")
            if self.writable is not None:
                raise VerifyException("'writable' must be specified if and only if the destination is of memref type")
        else:
            if self.results:
                raise VerifyException("memref 'dest' implies zero results")
            if self.writable is None:
                raise VerifyException("'writable' must be specified if and only if the destination is of memref type")


MaterializeInDestinationOp = extend_op(
    xbufferization.MaterializeInDestinationOp,
    constraints={"source": AnyTensor, "dest": AnyTensor | AnyMemRef, "result": AnyTensor},
    mixin=_MaterializeInDestinationVerifier,
)


@irdl_op_definition
class DeallocTensorOp(IRDLOperation):
    """Releases the buffer of a tensor (``bufferization.dealloc_tensor %t : tensor<...>``)."""

    name = "bufferization.dealloc_tensor"

    tensor = operand_def(AnyTensor)

    assembly_format = "$tensor attr-dict `:` type($tensor)"


@irdl_op_definition
class DeallocOp(IRDLOperation):
    """Deallocates each memref whose condition holds and which no retained
    memref aliases; result ``i`` says whether ownership of retained ``i``
    passes to the caller (it aliased a deallocated memref).

    ``bufferization.dealloc (%a, %b : t1, t2) if (%c0, %c1) retain (%r : t3)``
    """

    name = "bufferization.dealloc"

    memrefs = var_operand_def(AnyMemRef)
    conditions = var_operand_def(IntegerType(1))
    retained = var_operand_def(AnyMemRef)
    updated_conditions = var_result_def(IntegerType(1))

    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    traits = traits_def(
        _Canonicalized(
            "mlopt.passes.bufferization.dealloc_rewrites",
            ("EraseFalseAndDuplicateMemrefs", "EraseDuplicateRetained", "EraseEmptyDealloc"),
        )
    )

    def __init__(
        self,
        memrefs: Sequence[SSAValue | Operation],
        conditions: Sequence[SSAValue | Operation],
        retained: Sequence[SSAValue | Operation] = (),
    ):
        super().__init__(operands=(memrefs, conditions, retained), result_types=([i1] * len(retained),))

    def verify_(self) -> None:
        if len(self.memrefs) != len(self.conditions):
            raise VerifyException("must have the same number of conditions as memrefs to deallocate")
        if len(self.retained) != len(self.updated_conditions):
            raise VerifyException("must have the same number of updated conditions (results) as retained operands")

    @classmethod
    def parse(cls, parser: Parser) -> DeallocOp:
        memrefs, conditions, retained = [], [], []
        if parser.parse_optional_punctuation("("):
            memref_names = parse_operand_list(parser)
            parser.parse_punctuation(":")
            memrefs = resolve(parser, memref_names, _parse_types(parser))
            parser.parse_punctuation(")")
            parser.parse_keyword("if")
            conditions = resolve(parser, parse_operand_list(parser, Parser.Delimiter.PAREN), i1)
        if parser.parse_optional_keyword("retain"):
            parser.parse_punctuation("(")
            retained_names = parse_operand_list(parser)
            parser.parse_punctuation(":")
            retained = resolve(parser, retained_names, _parse_types(parser))
            parser.parse_punctuation(")")
        attributes = parse_attr_dict(parser)
        return build_op(cls, operands=[memrefs, conditions, retained], result_types=[[i1] * len(retained)], attributes=attributes)

    def print(self, printer: Printer) -> None:
        if self.memrefs:
            printer.print_string(" (")
            print_values(printer, self.memrefs)
            printer.print_string(" : ")
            print_types(printer, (value.type for value in self.memrefs))
            printer.print_string(") if (")
            print_values(printer, self.conditions)
            printer.print_string(")")
        if self.retained:
            printer.print_string(" retain (")
            print_values(printer, self.retained)
            printer.print_string(" : ")
            print_types(printer, (value.type for value in self.retained))
            printer.print_string(")")
        print_attr_dict(printer, self)


def _parse_types(parser: Parser) -> list[Attribute]:
    return parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)


Bufferization = replace_ops(
    xbufferization.Bufferization,
    AllocTensorOp,
    CloneOp,
    ToTensorOp,
    ToBufferOp,
    MaterializeInDestinationOp,
    DeallocOp,
    DeallocTensorOp,
)
