"""Vectorization of 1-D convolutions and poolings in the NWC layout, as
upstream's Conv1DGenerator (``linalg.conv_1d_nwc_wcf``,
``linalg.depthwise_conv_1d_nwc_wc``, ``linalg.pooling_nwc_*``), static shapes.

The input is read once over the window it spans (``n x ((w-1)*sw + 1 +
(kw-1)*dw) x c``), the filter and output whole. For each filter tap ``kw`` and
output column (all of them at once when the stride is 1) a strided slice of
the input is combined into the output slice: by a ``vector.contract`` over the
channels (convolution), a ``vector.fma`` with the broadcast filter row
(depthwise), or the pooling's combiner. The output slices are inserted back and
written.
"""

from __future__ import annotations

from xdsl.dialects import arith
from xdsl.dialects import vector as xvector
from xdsl.dialects.builtin import (
    AffineMapAttr,
    AnyFloat,
    ArrayAttr,
    BoolAttr,
    FloatAttr,
    IndexType,
    IntegerAttr,
    MemRefType,
    TensorType,
    VectorType,
    i64,
)
from xdsl.ir import Operation, SSAValue
from xdsl.ir.affine import AffineMap

CONV_1D_KINDS = {"linalg.conv_1d_nwc_wcf": "conv", "linalg.depthwise_conv_1d_nwc_wc": "depthwise"}
POOLING_PREFIX = "linalg.pooling_nwc_"


def kind_of(op: Operation) -> str | None:
    """``conv``, ``depthwise`` or ``pooling`` for the ops this module vectorizes."""
    if op.name.startswith(POOLING_PREFIX):
        return "pooling"
    return CONV_1D_KINDS.get(op.name)


def failure(op: Operation, vector_sizes) -> str | None:
    """Why the 1-D convolution ``op`` cannot be vectorized, if it cannot."""
    if vector_sizes is not None:
        return f"'{op.name}': masked vectorization (vector sizes) of convolutions is not supported"
    types = [v.type for v in op.operands]
    if not all(isinstance(t, (TensorType, MemRefType)) and t.has_static_shape() for t in types):
        return f"'{op.name}': convolutions vectorize only with static shapes"
    compared = types if kind_of(op) != "pooling" else [types[0], types[2]]
    if len({t.get_element_type() for t in compared}) != 1:  # type: ignore[attr-defined]
        return f"'{op.name}': convolutions with mixed element types are not supported"
    return None


def _ints(values) -> ArrayAttr:
    return ArrayAttr([IntegerAttr(v, i64) for v in values])


class _Conv1D:
    def __init__(self, op: Operation, builder):
        from mlopt.dialects.linalg import _window_factors

        self.op, self.builder, self.kind = op, builder, kind_of(op)
        self.stride = _window_factors(op, "strides", 1)[0]
        self.dilation = _window_factors(op, "dilations", 1)[0]

    def emit(self, op: Operation) -> SSAValue:
        self.builder.insert(op)
        return op.results[0] if op.results else None  # type: ignore[return-value]

    def read(self, value: SSAValue, shape: list[int], zero: SSAValue, index: SSAValue) -> SSAValue:
        rank = len(shape)
        read = xvector.TransferReadOp(
            value,
            [index] * rank,
            zero,
            VectorType(zero.type, shape),
            _in_bounds(rank),
            AffineMapAttr(AffineMap.identity(rank)),
        )
        return self.emit(read)

    def slice(self, value: SSAValue, offsets: list[int], sizes: list[int]) -> SSAValue:
        from mlopt.dialects.vector import ExtractStridedSliceOp

        element = value.type.element_type  # type: ignore[attr-defined]
        return self.emit(
            ExtractStridedSliceOp.build(
                operands=[value],
                result_types=[VectorType(element, sizes)],
                properties={"offsets": _ints(offsets), "sizes": _ints(sizes), "strides": _ints([1] * len(sizes))},
            )
        )

    def run(self) -> list[SSAValue]:
        from mlopt.dialects.vector import InsertStridedSliceOp

        op = self.op
        source, filter_, dest = op.operands
        n, w, f = dest.type.get_shape()  # type: ignore[attr-defined]
        kw = filter_.type.get_shape()[0]  # type: ignore[attr-defined]
        c = source.type.get_shape()[2]  # type: ignore[attr-defined]
        element = dest.type.get_element_type()  # type: ignore[attr-defined]
        index = self.emit(arith.ConstantOp(IntegerAttr(0, IndexType())))
        zero = self.emit(arith.ConstantOp(_zero_attr(element)))
        lhs = self.read(source, [n, (w - 1) * self.stride + 1 + (kw - 1) * self.dilation, c], zero, index)
        rhs = None if self.kind == "pooling" else self.read(filter_, list(filter_.type.get_shape()), zero, index)  # type: ignore[attr-defined]
        res = self.read(dest, [n, w, f], zero, index)

        step = w if self.stride == 1 else 1
        columns = range(0, w, step)
        lhs_slices = [
            [self.slice(lhs, [0, col * self.stride + k * self.dilation, 0], [n, step, c]) for col in columns] for k in range(kw)
        ]
        rhs_rows = [] if rhs is None else [self.emit(xvector.ExtractOp(rhs, [k], _row_type(rhs))) for k in range(kw)]
        res_slices = [self.slice(res, [0, col, 0], [n, step, f]) for col in columns]
        for k in range(kw):
            for i in range(len(res_slices)):
                res_slices[i] = self.combine(lhs_slices[k][i], rhs_rows[k] if rhs_rows else None, res_slices[i])
        for i, col in enumerate(columns):
            res = self.emit(
                InsertStridedSliceOp.build(
                    operands=[res_slices[i], res],
                    result_types=[res.type],
                    properties={"offsets": _ints([0, col, 0]), "strides": _ints([1, 1, 1])},
                )
            )
        write = xvector.TransferWriteOp(
            res, dest, [index] * 3, _in_bounds(3), None, AffineMapAttr(AffineMap.identity(3)),
            dest.type if isinstance(dest.type, TensorType) else None,
        )
        written = self.emit(write)
        return [written] if written is not None else []

    def combine(self, lhs: SSAValue, rhs: SSAValue | None, res: SSAValue) -> SSAValue:
        from mlopt.dialects.vector import ContractionOp, IteratorTypeAttr

        if self.kind == "conv":
            assert rhs is not None
            maps = [
                AffineMap.from_callable(lambda n, w, f, c: (n, w, c)),
                AffineMap.from_callable(lambda n, w, f, c: (c, f)),
                AffineMap.from_callable(lambda n, w, f, c: (n, w, f)),
            ]
            iterators = [IteratorTypeAttr(IteratorTypeAttr.enum_type(t)) for t in ("parallel", "parallel", "parallel", "reduction")]
            return self.emit(
                ContractionOp.build(
                    operands=[lhs, rhs, res, []],
                    result_types=[res.type],
                    properties={
                        "indexing_maps": ArrayAttr([AffineMapAttr(m) for m in maps]),
                        "iterator_types": ArrayAttr(iterators),
                        "kind": xvector.CombiningKindAttr(xvector.CombiningKindFlag.ADD),
                    },
                )
            )
        if self.kind == "depthwise":
            assert rhs is not None
            scale = self.emit(xvector.BroadcastOp(rhs, res.type))
            if isinstance(res.type.element_type, AnyFloat):  # type: ignore[attr-defined]
                return self.emit(xvector.FMAOp(lhs, scale, res))
            return self.emit(arith.AddiOp(self.emit(arith.MuliOp(lhs, scale)), res))
        from mlopt.passes.transforms.linalg_vectorization import vector_class

        body_op = next(o for o in self.op.regions[0].block.ops if o.name not in _CASTS)
        return self.emit(vector_class(body_op).create(operands=[lhs, res], result_types=[res.type], properties=dict(body_op.properties)))


_CASTS = ("arith.extf", "arith.truncf", "arith.sitofp", "arith.uitofp", "arith.extsi", "arith.extui", "arith.trunci", "arith.fptosi", "arith.fptoui")


def _row_type(value: SSAValue) -> VectorType:
    return VectorType(value.type.element_type, value.type.get_shape()[1:])  # type: ignore[attr-defined]


def _in_bounds(rank: int) -> ArrayAttr:
    return ArrayAttr([BoolAttr.from_bool(False)] * rank)


def _zero_attr(element):
    return FloatAttr(0.0, element) if isinstance(element, AnyFloat) else IntegerAttr(0, element)


def vectorize_conv_1d(op: Operation, builder) -> list[SSAValue]:
    """The vectorized 1-D convolution ``op`` (checked by :func:`failure` first)."""
    return _Conv1D(op, builder).run()
