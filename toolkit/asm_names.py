"""The SSA names mlir-opt gives results and block arguments in custom form
(upstream's ``OpAsmOpInterface::getAsmResultNames`` / ``getAsmBlockArgumentNames``):
``%c0``, ``%c1_i32``, ``%cst``, ``%alloc``, ``%in``/``%out`` in linalg bodies...

A plugin's op class names its own values by defining ``asm_result_names(self)``
(same return shape as :func:`result_names`) and ``asm_block_argument_names(self,
region)`` (as :func:`block_argument_names`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from xdsl.dialects import builtin
from xdsl.ir import BlockArgument, Operation, Region

SINGLE_RESULT_NAMES = {
    "memref.alloc": "alloc",
    "memref.alloca": "alloca",
    "memref.assume_alignment": "assume_align",
    "memref.cast": "cast",
    "memref.collapse_shape": "collapse_shape",
    "memref.dim": "dim",
    "memref.expand_shape": "expand_shape",
    "memref.extract_aligned_pointer_as_index": "intptr",
    "memref.memory_space_cast": "memspacecast",
    "memref.reinterpret_cast": "reinterpret_cast",
    "memref.reshape": "reshape",
    "memref.subview": "subview",
    "memref.transpose": "transpose",
    "memref.view": "view",
    "tensor.cast": "cast",
    "tensor.collapse_shape": "collapsed",
    "tensor.concat": "concat",
    "tensor.dim": "dim",
    "tensor.expand_shape": "expanded",
    "tensor.extract": "extracted",
    "tensor.extract_slice": "extracted_slice",
    "tensor.from_elements": "from_elements",
    "tensor.gather": "gather",
    "tensor.generate": "generated",
    "tensor.insert": "inserted",
    "tensor.insert_slice": "inserted_slice",
    "tensor.pad": "padded",
    "tensor.rank": "rank",
    "tensor.reshape": "reshape",
    "tensor.scatter": "scatter",
    "tensor.splat": "splat",
    "linalg.broadcast": "broadcasted",
    "linalg.map": "mapped",
    "linalg.pack": "pack",
    "linalg.reduce": "reduced",
    "linalg.transpose": "transposed",
    "linalg.unpack": "unpack",
    "complex.constant": "cst",
    "func.constant": "f",
}
"""Ops that name their first result (the whole result list, when it has several)."""

RESULT_GROUP_NAMES = {
    "arith.addui_extended": ("sum", "overflow"),
    "arith.mulsi_extended": ("low", "high"),
    "arith.mului_extended": ("low", "high"),
    "math.sincos": ("sin", "cos"),
    "vector.deinterleave": ("res1", "res2"),
    "gpu.alloc": ("memref", "asyncToken"),
    "gpu.shuffle": ("shuffleResult", "valid"),
    "gpu.rotate": ("rotateResult", "valid"),
    "transform.foreach_match": ("updated_root", "forwarded_outputs*"),
    "transform.structured.fuse": ("transformed", "loops*"),
    "transform.structured.fuse_into_containing_op": ("fused_op", "new_containing_op"),
    "transform.structured.lower_pack": ("pad_op", "expand_shape_op", "transpose_op"),
    "transform.structured.lower_unpack": ("empty_op", "transpose_op", "collapse_shape_op", "extract_slice_op"),
    "transform.structured.tile_using_for": ("tiled_linalg_op", "loops*"),
    "transform.structured.tile_using_forall": ("tiled_op", "forall_op"),
}
"""Ops with several declared results, named after them as upstream's ODS does; a
trailing ``*`` marks a variadic result that takes all remaining values."""

GPU_DIMENSION_OPS = frozenset(
    {
        "block_dim", "block_id", "cluster_block_id", "cluster_dim", "cluster_dim_blocks",
        "cluster_id", "global_id", "grid_dim", "thread_id",
    }
)
"""gpu ops named after themselves and their dimension: ``%thread_id_x``."""


def result_names(op: Operation) -> Sequence[tuple[int, str]]:
    """(result index, name) pairs: each starts a group that runs to the next."""
    if (own := getattr(op, "asm_result_names", None)) is not None:
        return own()
    if not op.results:
        return ()
    if (special := _SPECIAL_RESULT_NAMES.get(op.name)) is not None:
        name = special(op)
        return () if name is None else ((0, name),)
    if (name := SINGLE_RESULT_NAMES.get(op.name)) is not None:
        return ((0, name),)
    if (names := RESULT_GROUP_NAMES.get(op.name)) is not None:
        return tuple((index, name.rstrip("*")) for index, name in enumerate(names) if index < len(op.results))
    if op.name == "memref.extract_strided_metadata":
        rank = (len(op.results) - 2) // 2
        named = [(0, "base_buffer"), (1, "offset")]
        return named + ([(2, "sizes"), (2 + rank, "strides")] if rank else [])
    dialect, _, short = op.name.partition(".")
    if dialect == "gpu" and short in GPU_DIMENSION_OPS:
        return ((0, f"{short}_{_gpu_dimension(op)}"),)
    return ()


def block_argument_names(op: Operation, region: Region) -> Sequence[tuple[BlockArgument, str]]:
    """Names ``op`` gives the entry block arguments of ``region``."""
    if (own := getattr(op, "asm_block_argument_names", None)) is not None:
        return own(region)
    if not op.name.startswith("linalg.") or region.blocks.first is None or not hasattr(op, "inputs"):
        return ()
    arguments = region.blocks.first.args
    inputs = len(op.inputs)
    rest = "init" if op.name in ("linalg.map", "linalg.reduce") else "out"
    return [(argument, "in") for argument in arguments[:inputs]] + [(argument, rest) for argument in arguments[inputs:]]


def _arith_constant_name(op: Operation) -> str:
    value = op.properties.get("value", op.attributes.get("value"))
    if not isinstance(value, builtin.IntegerAttr):
        return "cst"
    integer_type = value.type
    number = _signed(value.value.data, integer_type)
    if isinstance(integer_type, builtin.IntegerType):
        if integer_type.width.data == 1:
            return "true" if number else "false"
        return f"c{number}_{_type_text(integer_type)}"
    return f"c{number}"


def _index_constant_name(op: Operation) -> str:
    return f"idx{op.properties['value'].value.data}"


def _index_bool_constant_name(op: Operation) -> str:
    return "true" if op.properties["value"].value.data else "false"


_SPECIAL_RESULT_NAMES: dict[str, Callable[[Operation], str | None]] = {
    "arith.constant": _arith_constant_name,
    "index.constant": _index_constant_name,
    "index.bool.constant": _index_bool_constant_name,
}


def _signed(value: int, integer_type) -> int:
    if not isinstance(integer_type, builtin.IntegerType):
        return value
    width = integer_type.width.data
    value &= (1 << width) - 1
    return value - (1 << width) if width and value >> (width - 1) else value


def _type_text(integer_type: builtin.IntegerType) -> str:
    prefix = {
        builtin.Signedness.SIGNLESS: "i",
        builtin.Signedness.SIGNED: "si",
        builtin.Signedness.UNSIGNED: "ui",
    }[integer_type.signedness.data]
    return f"{prefix}{integer_type.width.data}"


def _gpu_dimension(op: Operation) -> str:
    dimension = op.properties["dimension"]
    return str(getattr(dimension, "data", dimension)).rsplit(".", 1)[-1].lower()
