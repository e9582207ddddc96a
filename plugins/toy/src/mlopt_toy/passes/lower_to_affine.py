"""toy-to-affine: lower Toy's computations to affine loops on memrefs (chapter 5).

``main`` becomes a ``func.func``; every tensor becomes a ``memref.alloc``
(at the start of the function, freed before it returns) filled by an affine
loop nest; ``toy.print`` stays, now printing the memref, for
``toy-lower-print``. It expects what ``toy-inline`` and
``toy-shape-inference`` leave: only ``main``, and only static shapes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import prod
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import affine, arith, func, memref
from xdsl.dialects.builtin import AffineMapAttr, FloatAttr, ModuleOp, TensorType, f64
from xdsl.ir import Block, Operation, SSAValue
from xdsl.ir.affine import AffineExpr, AffineMap
from xdsl.passes import ModulePass

from mlopt.diagnostics import DiagnosticError
from mlopt_toy import dialect as toy
from mlopt_toy.passes.building import Emit, affine_loop, emitter


@dataclass(frozen=True)
class ToyToAffine(ModulePass):
    """Lower the toy dialect to affine loops, memref and arith (toy.print stays)"""

    name = "toy-to-affine"
    display_name: ClassVar[str] = "ToyToAffineLoweringPass"
    anchor: ClassVar[str] = "builtin.module"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for function in [f for f in op.body.block.ops if isinstance(f, toy.FuncOp)]:
            _check_lowerable(function)
            lowered = func.FuncOp("main", function.function_type, function.detach_region(0))
            lowered.location = function.location
            op.body.block.insert_op_before(lowered, function)
            function.detach()
            function.erase()
            _FunctionLowering(lowered.body.block).run()


def _check_lowerable(function: toy.FuncOp) -> None:
    if function.sym_name.data != "main":
        raise DiagnosticError.at(
            function,
            f"'toy.func' op '{function.sym_name.data}' cannot be lowered: only 'main' is; "
            "inline the other functions first (--toy-inline)",
        )
    if function.function_type.inputs.data or function.function_type.outputs.data:
        raise DiagnosticError.at(function, "expected 'main' to have 0 inputs and 0 results")
    for op in function.body.walk():
        if isinstance(op, toy.GenericCallOp):
            raise DiagnosticError.at(op, "'toy.generic_call' op cannot be lowered; inline it first (--toy-inline)")
        for value in (*op.operands, *op.results):
            if not isinstance(value.type, TensorType):
                raise DiagnosticError.at(
                    op, f"'{op.name}' op has a value of unknown shape; run --toy-shape-inference first"
                )


class _FunctionLowering:
    """Rewrites the ops of ``main``'s body, tensor by tensor, in order."""

    def __init__(self, block: Block):
        self.block = block
        self.memrefs: dict[SSAValue, SSAValue] = {}
        self.lowered: list[Operation] = []
        """Replaced ops, erased at the end: later ops still look up their results."""

    def run(self) -> None:
        for op in list(self.block.ops):
            match op:
                case toy.ConstantOp():
                    self.lower_constant(op)
                case toy.AddOp() | toy.MulOp():
                    arith_op = arith.AddfOp if isinstance(op, toy.AddOp) else arith.MulfOp
                    self.lower_to_loops(
                        op,
                        lambda emit, ivs: emit(
                            arith_op(self.load(emit, op.lhs, ivs), self.load(emit, op.rhs, ivs))
                        ).results[0],
                    )
                case toy.TransposeOp():
                    self.lower_to_loops(op, lambda emit, ivs: self.load(emit, op.input, ivs[::-1]))
                case toy.ReshapeOp():
                    self.lower_to_loops(op, lambda emit, ivs: self.load_reshaped(emit, op, ivs))
                case toy.CastOp():
                    self.replace(op, self.memrefs[op.input])
                case toy.PrintOp():
                    op.operands = [self.memrefs[op.input]]
                case toy.ReturnOp():
                    emitter(self.block, op, op)(func.ReturnOp())
                    self.lowered.append(op)
        for op in reversed(self.lowered):
            op.detach()
            op.erase()

    def allocate(self, op: Operation) -> SSAValue:
        """A buffer for ``op``'s result: allocated first thing, freed last thing."""
        alloc = memref.AllocOp.get(f64, shape=op.results[0].type.get_shape())
        emitter(self.block, self.block.first_op, op)(alloc)
        emitter(self.block, self.block.last_op, op)(memref.DeallocOp.get(alloc))
        return alloc.memref

    def replace(self, op: Operation, buffer: SSAValue) -> None:
        self.memrefs[op.results[0]] = buffer
        self.lowered.append(op)

    def lower_constant(self, op: toy.ConstantOp) -> None:
        """One store per element, at constant indices."""
        buffer = self.allocate(op)
        emit = emitter(self.block, op, op)
        for position, value in zip(_indices(op.value.get_shape()), op.value.get_values()):
            constant = emit(arith.ConstantOp(FloatAttr(value, f64)))
            at = AffineMapAttr(AffineMap(0, 0, tuple(AffineExpr.constant(i) for i in position)))
            emit(affine.StoreOp(constant.results[0], buffer, [], at))
        self.replace(op, buffer)

    def lower_to_loops(self, op: Operation, stored_value: Callable[[Emit, list[SSAValue]], SSAValue]) -> None:
        """An affine loop nest over ``op``'s result shape, storing ``stored_value``
        at each index of a new buffer that replaces the result."""
        buffer = self.allocate(op)
        emit, ivs = emitter(self.block, op, op), []
        for size in op.results[0].type.get_shape():
            emit, index = affine_loop(emit, size, op)
            ivs.append(index)
        emit(affine.StoreOp(stored_value(emit, ivs), buffer, ivs))
        self.replace(op, buffer)

    def load(self, emit: Emit, tensor: SSAValue, indices: Sequence[SSAValue]) -> SSAValue:
        return emit(affine.LoadOp(self.memrefs[tensor], indices)).results[0]

    def load_reshaped(self, emit: Emit, op: toy.ReshapeOp, ivs: Sequence[SSAValue]) -> SSAValue:
        """The input element at the same row-major position (a single element fills all)."""
        source_shape = tuple(op.input.type.get_shape())
        if prod(source_shape) == 1:
            exprs = tuple(AffineExpr.constant(0) for _ in source_shape)
        else:
            exprs = _delinearize(_linearize(op.output.type.get_shape()), source_shape)
        at = AffineMapAttr(AffineMap(len(ivs), 0, exprs))
        return emit(affine.LoadOp(self.memrefs[op.input], ivs, at)).results[0]


def _indices(shape: Sequence[int]) -> list[tuple[int, ...]]:
    """Every index of ``shape`` in row-major order."""
    indices: list[tuple[int, ...]] = [()]
    for size in shape:
        indices = [(*index, i) for index in indices for i in range(size)]
    return indices


def _linearize(shape: Sequence[int]) -> AffineExpr:
    """The row-major position of the element at ``(d0, d1, ...)``."""
    position = AffineExpr.constant(0)
    for dim, size in enumerate(shape):
        position = position * size + AffineExpr.dimension(dim)
    return position


def _delinearize(position: AffineExpr, shape: Sequence[int]) -> tuple[AffineExpr, ...]:
    """The indices of the element at row-major ``position`` in ``shape``."""
    exprs = []
    stride = prod(shape)
    for dim, size in enumerate(shape):
        stride //= size
        index = position // stride if stride > 1 else position
        # The outermost index needs no wrap-around: position < prod(shape).
        exprs.append(index % size if dim > 0 else index)
    return tuple(exprs)
