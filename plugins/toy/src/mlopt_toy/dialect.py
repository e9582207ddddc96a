"""The ``toy`` dialect of MLIR's Toy tutorial, with upstream's op syntax.

    toy.func @main() {
      %0 = toy.constant dense<[[1.000000e+00, 2.000000e+00]]> : tensor<1x2xf64>
      %1 = toy.transpose(%0 : tensor<1x2xf64>) to tensor<*xf64>
      toy.print %1 : tensor<*xf64>
      toy.return
    }

Values are tensors of f64, ranked or not yet shaped (``tensor<*xf64>``); the
``toy-shape-inference`` pass gives every value a shape through
:class:`ShapeInferenceOpInterface`, which the shape-changing ops implement.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from math import prod

from xdsl.dialects.builtin import (
    ArrayAttr,
    DenseIntOrFPElementsAttr,
    DictionaryAttr,
    Float64Type,
    FunctionType,
    MemRefType,
    StringAttr,
    SymbolNameConstraint,
    SymbolRefAttr,
    TensorType,
    UnrankedTensorType,
    f64,
)
from xdsl.dialects.utils import parse_func_op_like, print_func_op_like
from xdsl.interfaces import HasCanonicalizationPatternsInterface
from xdsl.ir import Attribute, Block, Dialect, Operation, Region, SSAValue
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    region_def,
    result_def,
    traits_def,
    var_operand_def,
)
from xdsl.parser import Parser
from xdsl.pattern_rewriter import RewritePattern
from xdsl.printer import Printer
from xdsl.rewriter import Rewriter
from xdsl.traits import (
    CallableOpInterface,
    HasParent,
    IsolatedFromAbove,
    IsTerminator,
    Pure,
    SymbolOpInterface,
)
from xdsl.utils.exceptions import VerifyException

F64Tensor = TensorType[Float64Type] | UnrankedTensorType[Float64Type]
UNRANKED = UnrankedTensorType(f64)


def ranked(shape: Sequence[int]) -> TensorType[Float64Type]:
    return TensorType(f64, shape)


def shape_of(value: SSAValue) -> tuple[int, ...] | None:
    """The static shape of a ranked tensor or memref value, None while unranked."""
    value_type = value.type
    if isinstance(value_type, (TensorType, MemRefType)):
        return tuple(value_type.get_shape())
    return None


class ShapeInferenceOpInterface(ABC):
    """Ops whose result shape follows from their operand shapes.

    ``toy-shape-inference`` calls :meth:`infer_shapes` once every operand is
    ranked; it sets the result types through :func:`set_result_type`.
    """

    @abstractmethod
    def infer_shapes(self) -> None: ...


def set_result_type(op: Operation, new_type: Attribute) -> None:
    if op.results[0].type != new_type:
        Rewriter.replace_value_with_new_type(op.results[0], new_type)


# --------------------------------------------------------------------------- ops


@irdl_op_definition
class ConstantOp(IRDLOperation):
    """Turns a literal into an SSA value: ``toy.constant dense<...> : tensor<2x3xf64>``."""

    name = "toy.constant"
    value = prop_def(DenseIntOrFPElementsAttr)
    output = result_def(F64Tensor)
    traits = traits_def(Pure())

    def __init__(self, value: DenseIntOrFPElementsAttr):
        super().__init__(properties={"value": value}, result_types=[value.type])

    @staticmethod
    def of(values: Sequence[float], shape: Sequence[int]) -> ConstantOp:
        return ConstantOp(DenseIntOrFPElementsAttr.from_list(ranked(shape), list(values)))

    @classmethod
    def parse(cls, parser: Parser) -> ConstantOp:
        attributes = parser.parse_optional_attr_dict()
        value = parser.parse_attribute()
        if not isinstance(value, DenseIntOrFPElementsAttr):
            parser.raise_error("expected a dense elements attribute")
        op = cls(value)
        op.attributes |= attributes
        return op

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_op_attributes(self.attributes)
        printer.print_attribute(self.value)

    def verify_(self) -> None:
        if self.value.get_element_type() != f64:
            raise VerifyException("attribute 'value' failed to satisfy constraint: 64-bit float elements attribute")
        result_type = self.output.type
        if not isinstance(result_type, TensorType):
            return
        attr_shape = self.value.get_shape()
        result_shape = result_type.get_shape()
        if len(attr_shape) != len(result_shape):
            raise VerifyException(
                "return type must match the one of the attached value attribute: "
                f"{len(attr_shape)} != {len(result_shape)}"
            )
        for dim, (expected, found) in enumerate(zip(attr_shape, result_shape)):
            if expected != found:
                raise VerifyException(
                    f"return type shape mismatches its attribute at dimension {dim}: {expected} != {found}"
                )


class BinaryOp(ShapeInferenceOpInterface, IRDLOperation):
    """Element-wise arithmetic on two tensors of the same shape.

    Syntax: ``%r = toy.add %a, %b : tensor<2xf64>`` when all types agree,
    otherwise ``: (tensor<2xf64>, tensor<*xf64>) -> tensor<*xf64>``.
    """

    lhs = operand_def(F64Tensor)
    rhs = operand_def(F64Tensor)
    output = result_def(F64Tensor)
    traits = traits_def(Pure())

    def __init__(self, lhs: SSAValue, rhs: SSAValue, result_type: Attribute = UNRANKED):
        super().__init__(operands=[lhs, rhs], result_types=[result_type])

    @classmethod
    def parse(cls, parser: Parser) -> BinaryOp:
        operands_at = parser.pos
        operands = parser.parse_comma_separated_list(parser.Delimiter.NONE, parser.parse_unresolved_operand)
        if len(operands) != 2:
            parser.raise_error(f"expected 2 operands, found {len(operands)}", operands_at, parser.pos)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        written = parser.parse_type()
        if isinstance(written, FunctionType):
            if len(written.inputs) != 2 or len(written.outputs) != 1:
                parser.raise_error("expected a function type with 2 inputs and 1 result")
            input_types, result_type = written.inputs.data, written.outputs.data[0]
        else:
            input_types, result_type = (written, written), written
        lhs, rhs = (parser.resolve_operand(o, t) for o, t in zip(operands, input_types))
        op = cls(lhs, rhs, result_type)
        op.attributes |= attributes
        return op

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_list(self.operands, printer.print_operand)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        result_type = self.output.type
        if all(operand.type == result_type for operand in self.operands):
            printer.print_attribute(result_type)
        else:
            printer.print_function_type(self.operand_types, self.result_types)

    def verify_(self) -> None:
        shapes = {shape for shape in (shape_of(self.lhs), shape_of(self.rhs)) if shape is not None}
        if len(shapes) > 1:
            raise VerifyException(
                f"operands must have the same shape, found {self.lhs.type} and {self.rhs.type}"
            )

    def infer_shapes(self) -> None:
        set_result_type(self, self.lhs.type)


@irdl_op_definition
class AddOp(BinaryOp):
    """Element-wise addition of two tensors of the same shape."""

    name = "toy.add"


@irdl_op_definition
class MulOp(BinaryOp):
    """Element-wise multiplication of two tensors of the same shape."""

    name = "toy.mul"


@irdl_op_definition
class CastOp(HasCanonicalizationPatternsInterface, ShapeInferenceOpInterface, IRDLOperation):
    """Changes a tensor's type without changing its data (e.g. forgets its shape)."""

    name = "toy.cast"
    input = operand_def(F64Tensor)
    output = result_def(F64Tensor)
    traits = traits_def(Pure())
    assembly_format = "$input attr-dict `:` type($input) `to` type($output)"

    def __init__(self, input: SSAValue, result_type: Attribute = UNRANKED):
        super().__init__(operands=[input], result_types=[result_type])

    @classmethod
    def get_canonicalization_patterns(cls) -> tuple[RewritePattern, ...]:
        from mlopt_toy.canonicalize import FoldIdentityCast

        return (FoldIdentityCast(),)

    def verify_(self) -> None:
        source, target = shape_of(self.input), shape_of(self.output)
        if source is not None and target is not None and source != target:
            raise VerifyException(
                f"operand type {self.input.type} and result type {self.output.type} are cast incompatible"
            )

    def infer_shapes(self) -> None:
        set_result_type(self, self.input.type)


class FuncOpCallable(CallableOpInterface):
    @classmethod
    def get_callable_region(cls, op: Operation) -> Region:
        assert isinstance(op, FuncOp)
        return op.body

    @classmethod
    def get_argument_types(cls, op: Operation) -> tuple[Attribute, ...]:
        assert isinstance(op, FuncOp)
        return op.function_type.inputs.data

    @classmethod
    def get_result_types(cls, op: Operation) -> tuple[Attribute, ...]:
        assert isinstance(op, FuncOp)
        return op.function_type.outputs.data


_FUNC_RESERVED_ATTRIBUTES = ("sym_name", "function_type", "sym_visibility", "arg_attrs", "res_attrs")


@irdl_op_definition
class FuncOp(IRDLOperation):
    """A user-defined Toy function: ``toy.func private @f(%arg0: tensor<*xf64>) -> tensor<*xf64> {...}``."""

    name = "toy.func"
    body = region_def("single_block")
    sym_name = prop_def(SymbolNameConstraint())
    function_type = prop_def(FunctionType)
    sym_visibility = opt_prop_def(StringAttr)
    arg_attrs = opt_prop_def(ArrayAttr[DictionaryAttr])
    res_attrs = opt_prop_def(ArrayAttr[DictionaryAttr])
    traits = traits_def(IsolatedFromAbove(), SymbolOpInterface(), FuncOpCallable())

    def __init__(
        self,
        name: str,
        function_type: FunctionType,
        region: Region | None = None,
        *,
        private: bool = False,
    ):
        properties: dict[str, Attribute] = {"sym_name": StringAttr(name), "function_type": function_type}
        if private:
            properties["sym_visibility"] = StringAttr("private")
        super().__init__(properties=properties, regions=[region or Region(Block(arg_types=function_type.inputs))])

    @property
    def sym_name_text(self) -> str:
        return self.sym_name.data

    @property
    def is_private(self) -> bool:
        return self.sym_visibility is not None and self.sym_visibility.data == "private"

    @classmethod
    def parse(cls, parser: Parser) -> FuncOp:
        visibility = parser.parse_optional_visibility_keyword()
        name, inputs, outputs, region, extra, arg_attrs, res_attrs = parse_func_op_like(
            parser, reserved_attr_names=_FUNC_RESERVED_ATTRIBUTES
        )
        op = cls(name, FunctionType.from_lists(inputs, outputs), region)
        if visibility is not None:
            op.sym_visibility = visibility
        op.arg_attrs, op.res_attrs = arg_attrs, res_attrs
        if extra is not None:
            op.attributes |= extra.data
        return op

    def print(self, printer: Printer) -> None:
        if self.sym_visibility is not None:
            printer.print_string(f" {self.sym_visibility.data}")
        print_func_op_like(
            printer,
            self.sym_name,
            self.function_type,
            self.body,
            self.attributes,
            arg_attrs=self.arg_attrs,
            res_attrs=self.res_attrs,
            reserved_attr_names=_FUNC_RESERVED_ATTRIBUTES,
        )

    def verify_(self) -> None:
        block = self.body.blocks.first
        if block is None:
            raise VerifyException("expected a body")
        if tuple(block.arg_types) != self.function_type.inputs.data:
            raise VerifyException("entry block argument types must match the function input types")


@irdl_op_definition
class GenericCallOp(IRDLOperation):
    """A call of a user-defined function, specialized to its argument shapes later."""

    name = "toy.generic_call"
    callee = prop_def(SymbolRefAttr)
    inputs = var_operand_def(F64Tensor)
    output = result_def(F64Tensor)
    assembly_format = "$callee `(` $inputs `)` attr-dict `:` functional-type($inputs, results)"

    def __init__(self, callee: str, arguments: Sequence[SSAValue], result_type: Attribute = UNRANKED):
        super().__init__(
            operands=[arguments], result_types=[result_type], properties={"callee": SymbolRefAttr(callee)}
        )

    @property
    def callee_name(self) -> str:
        return self.callee.root_reference.data


@irdl_op_definition
class PrintOp(IRDLOperation):
    """Prints a tensor (or, after lowering to affine, a memref) of f64."""

    name = "toy.print"
    input = operand_def(F64Tensor | MemRefType[Float64Type])
    assembly_format = "$input attr-dict `:` type($input)"

    def __init__(self, input: SSAValue):
        super().__init__(operands=[input])


@irdl_op_definition
class ReshapeOp(HasCanonicalizationPatternsInterface, IRDLOperation):
    """Gives a tensor a new static shape, keeping its elements in row-major order.

    A single element (a ``tensor<f64>`` scalar) may be reshaped to any shape:
    it fills the new tensor, as ``var a<2, 2> = 5.5;`` asks.
    """

    name = "toy.reshape"
    input = operand_def(F64Tensor)
    output = result_def(TensorType[Float64Type])
    traits = traits_def(Pure())
    assembly_format = "`(` $input `:` type($input) `)` attr-dict `to` type(results)"

    def __init__(self, input: SSAValue, shape: Sequence[int]):
        super().__init__(operands=[input], result_types=[ranked(shape)])

    @classmethod
    def get_canonicalization_patterns(cls) -> tuple[RewritePattern, ...]:
        from mlopt_toy.canonicalize import FoldConstantReshapeOptPattern, RedundantReshapeOptPattern, ReshapeReshapeOptPattern

        return (ReshapeReshapeOptPattern(), RedundantReshapeOptPattern(), FoldConstantReshapeOptPattern())

    def verify_(self) -> None:
        source = shape_of(self.input)
        if source is None or prod(source) == 1:
            return
        target = shape_of(self.output)
        assert target is not None
        if prod(source) != prod(target):
            raise VerifyException(
                f"cannot reshape {self.input.type} ({prod(source)} elements) "
                f"to {self.output.type} ({prod(target)} elements)"
            )


@irdl_op_definition
class ReturnOp(IRDLOperation):
    """Ends a function, returning at most one tensor."""

    name = "toy.return"
    input = var_operand_def(F64Tensor)
    traits = traits_def(Pure(), IsTerminator(), HasParent(FuncOp))
    assembly_format = "($input^ `:` type($input))? attr-dict"

    def __init__(self, value: SSAValue | None = None):
        super().__init__(operands=[[value] if value is not None else []])

    def verify_(self) -> None:
        function = self.parent_op()
        assert isinstance(function, FuncOp)
        if len(self.input) > 1:
            raise VerifyException("expects at most 1 return operand")
        results = function.function_type.outputs.data
        if len(self.input) != len(results):
            raise VerifyException(
                f"does not return the same number of values ({len(self.input)}) as the "
                f"enclosing function ({len(results)})"
            )
        if not self.input:
            return
        input_type, result_type = self.input[0].type, results[0]
        if input_type == result_type or UNRANKED in (input_type, result_type):
            return
        raise VerifyException(
            f"type of return operand ({input_type}) doesn't match function result type ({result_type})"
        )


@irdl_op_definition
class TransposeOp(HasCanonicalizationPatternsInterface, ShapeInferenceOpInterface, IRDLOperation):
    """Reverses the order of a tensor's dimensions."""

    name = "toy.transpose"
    input = operand_def(F64Tensor)
    output = result_def(F64Tensor)
    traits = traits_def(Pure())
    assembly_format = "`(` $input `:` type($input) `)` attr-dict `to` type(results)"

    def __init__(self, input: SSAValue, result_type: Attribute = UNRANKED):
        super().__init__(operands=[input], result_types=[result_type])

    @classmethod
    def get_canonicalization_patterns(cls) -> tuple[RewritePattern, ...]:
        from mlopt_toy.canonicalize import SimplifyRedundantTranspose

        return (SimplifyRedundantTranspose(),)

    def verify_(self) -> None:
        source, target = shape_of(self.input), shape_of(self.output)
        if source is not None and target is not None and tuple(reversed(source)) != target:
            raise VerifyException("expected result shape to be a transpose of the input")

    def infer_shapes(self) -> None:
        source = shape_of(self.input)
        assert source is not None
        set_result_type(self, ranked(tuple(reversed(source))))


Toy = Dialect(
    "toy",
    [AddOp, CastOp, ConstantOp, FuncOp, GenericCallOp, MulOp, PrintOp, ReshapeOp, ReturnOp, TransposeOp],
    [],
)
