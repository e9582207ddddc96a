"""transform.structured.decompose: a 2-D convolution or pooling whose window
and output are both 1 along one spatial dim becomes the 1-D op on
rank-reduced slices (upstream's DecomposeConvolution patterns:
DownscaleSizeOneWindowed2DConvolution, DownscaleDepthwiseConv2DNhwcHwcOp,
DownscaleConv2DOp). Conv vectorization only handles 1-D convolutions, so
this comes first in a schedule that vectorizes 2-D ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from xdsl.dialects.transform import TransformHandleType
from xdsl.ir import Operation, SSAValue
from xdsl.irdl import IRDLOperation, irdl_op_definition, operand_def, result_def

from mlopt.dialects.transform.state import SilenceableFailure, TransformOp, TransformState, apply_each


@dataclass(frozen=True)
class Downscale:
    """The 1-D op a 2-D one becomes, and where (h, w) sit in its input,
    filter (or pooling window) and output."""

    target: str
    input_dims: tuple[int, int]
    filter_dims: tuple[int, int]
    output_dims: tuple[int, int]
    windowed: bool = True
    """Has strides and dilations (all but linalg.conv_2d)."""


_NHWC = ((1, 2), (0, 1), (1, 2))
_NCHW = ((2, 3), (2, 3), (2, 3))
_POOL_NCHW = ((2, 3), (0, 1), (2, 3))
DOWNSCALES: dict[str, Downscale] = {
    "linalg.conv_2d_nhwc_hwcf": Downscale("linalg.conv_1d_nwc_wcf", *_NHWC),
    "linalg.conv_2d_nchw_fchw": Downscale("linalg.conv_1d_ncw_fcw", *_NCHW),
    "linalg.depthwise_conv_2d_nhwc_hwc": Downscale("linalg.depthwise_conv_1d_nwc_wc", *_NHWC),
    "linalg.conv_2d": Downscale("linalg.conv_1d", (0, 1), (0, 1), (0, 1), windowed=False),
    **{
        f"linalg.pooling_nhwc_{kind}": Downscale(f"linalg.pooling_nwc_{kind}", *_NHWC)
        for kind in ("sum", "max", "max_unsigned", "min", "min_unsigned")
    },
    "linalg.pooling_nchw_sum": Downscale("linalg.pooling_ncw_sum", *_POOL_NCHW),
    "linalg.pooling_nchw_max": Downscale("linalg.pooling_ncw_max", *_POOL_NCHW),
}
"""Upstream's decomposition patterns, by the op they match."""


def _drop(values: Sequence[int], index: int) -> list[int]:
    return [v for i, v in enumerate(values) if i != index]


def _rank_reduced(emit, value: SSAValue, dim: int) -> SSAValue:
    """The slice of ``value`` at 0 along ``dim`` (size 1), that dim dropped."""
    from xdsl.dialects.builtin import TensorType

    from mlopt.dialects.transform.packing import extract_slice_as

    shape = list(value.type.get_shape())  # type: ignore[attr-defined]
    sizes = [1 if d == dim else s for d, s in enumerate(shape)]
    reduced = TensorType(value.type.element_type, _drop(shape, dim))  # type: ignore[attr-defined]
    return extract_slice_as(emit, value, [0] * len(shape), sizes, reduced)


def decompose(op: Operation) -> Operation | None:
    """Replace the 2-D ``op`` by its 1-D form where the window and the
    output are 1 along h (or else w); the new op, or None."""
    from xdsl.dialects.builtin import DenseIntOrFPElementsAttr, TensorType, VectorType, i64

    from mlopt.dialects.linalg import NAMED_OP_CLASSES, build_body
    from mlopt.dialects.transform.tiling import Emitter, insert_slice

    downscale = DOWNSCALES.get(op.name)
    if downscale is None or not op.results:
        return None
    input_value, filter_value = op.inputs  # type: ignore[attr-defined]
    output = op.outputs[0]  # type: ignore[attr-defined]
    if not all(isinstance(v.type, TensorType) for v in (input_value, filter_value, output)):
        return None
    filter_shape, output_shape = filter_value.type.get_shape(), output.type.get_shape()
    window = [filter_shape[d] for d in downscale.filter_dims]
    out = [output_shape[d] for d in downscale.output_dims]
    removed = 0 if window[0] == 1 and out[0] == 1 else 1 if window[1] == 1 and out[1] == 1 else None
    if removed is None:
        return None
    block = op.parent_block()
    assert block is not None
    emit = Emitter(block, op, op.location)
    new_input = _rank_reduced(emit, input_value, downscale.input_dims[removed])
    new_filter = _rank_reduced(emit, filter_value, downscale.filter_dims[removed])
    new_output = _rank_reduced(emit, output, downscale.output_dims[removed])
    properties = {}
    if downscale.windowed:
        for name in ("strides", "dilations"):
            attr = op.properties.get(name)
            factors = [int(v) for v in attr.get_values()] if isinstance(attr, DenseIntOrFPElementsAttr) else [1, 1]
            properties[name] = DenseIntOrFPElementsAttr.from_list(VectorType(i64, [1]), _drop(factors, removed))
    op_class = NAMED_OP_CLASSES[downscale.target]
    operands = [new_input, new_filter, new_output]
    conv = emit.add(
        op_class.build(
            operands=[operands[:2], operands[2:]],
            result_types=[[new_output.type]],
            properties=properties,
            regions=[build_body(op_class.BODY, operands, properties)],  # type: ignore[attr-defined]
        )
    )
    rank = len(output_shape)
    inserted = insert_slice(emit, conv.results[0], output, [0] * rank, list(output_shape))
    op.results[0].replace_all_uses_with(inserted.results[0])
    op.detach()
    op.erase()
    return conv


@irdl_op_definition
class DecomposeOp(TransformOp, IRDLOperation):
    """transform.structured.decompose: 2-D convolutions and poolings with a
    unit window and output dim become their 1-D equivalents."""

    name = "transform.structured.decompose"
    target = operand_def(TransformHandleType)
    transformed = result_def(TransformHandleType)
    assembly_format = "$target attr-dict `:` functional-type(operands, results)"
    CONSUMED_OPERANDS: ClassVar[tuple[str, ...]] = ("target",)

    def apply(self, state: TransformState) -> None:
        def run(target: Operation) -> list[list[Operation]]:
            new = decompose(target)
            if new is None:
                raise SilenceableFailure(self, f"{self.name} failed to apply", [(target, "when applied to this op")])
            return [[new]]

        apply_each(state, self, state.payload_ops(self.target), run)


OPS: tuple[type[Operation], ...] = (DecomposeOp,)
