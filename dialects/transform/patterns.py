"""The ``transform.apply_patterns.{tensor,linalg,memref,scf}.*`` pattern set
descriptors (upstream's TensorTransformOps.td, LinalgTransformOps.td,
MemRefTransformOps.td, SCFTransformOps.td), added to
:data:`mlopt.dialects.transform.core.PATTERN_SETS`."""

from __future__ import annotations

from xdsl.ir import Operation
from xdsl.irdl import IRDLOperation, irdl_op_definition

from mlopt.dialects.transform import core

SETS: dict[str, str] = {
    "tensor.fold_tensor_subset_ops": "mlopt.passes.transforms.fold_tensor_subset_ops:fold_tensor_subset_patterns",
    "tensor.fold_tensor_subset_ops_into_vector_transfers":
        "mlopt.passes.transforms.fold_tensor_subset_ops:into_vector_transfers_patterns",
    "tensor.merge_consecutive_insert_extract_slice":
        "mlopt.passes.transforms.fold_tensor_subset_ops:merge_consecutive_patterns",
    "tensor.drop_redundant_insert_slice_rank_expansion":
        "mlopt.passes.transforms.fold_tensor_subset_ops:drop_redundant_rank_expansion_patterns",
    "linalg.tiling_canonicalization": "mlopt.dialects.transform.patterns:tiling_canonicalization_patterns",
    "linalg.fold_unit_extent_dims_via_reshapes":
        "mlopt.passes.transforms.linalg_fold_unit_extent_dims:via_reshapes_patterns",
    "linalg.fold_unit_extent_dims_via_slices": "mlopt.passes.transforms.linalg_fold_unit_extent_dims:via_slices_patterns",
    "memref.fold_memref_alias_ops": "mlopt.dialects.transform.patterns:fold_memref_alias_patterns",
    "scf.for_loop_canonicalization":
        "mlopt.passes.transforms.scf_for_loop_canonicalization:for_loop_canonicalization_patterns",
}  # fmt: skip
"""Set name → ``module:function`` making its patterns (no options)."""


def _patterns(descriptor: Operation) -> list:
    """The patterns of the set ``descriptor`` names."""
    import importlib

    module, function = SETS[descriptor.name.removeprefix("transform.apply_patterns.")].split(":")
    return getattr(importlib.import_module(module), function)()


def tiling_canonicalization_patterns() -> list:
    """Upstream's getLinalgTilingCanonicalizationPatterns is the
    canonicalization of the ops tiling makes (affine, arith, memref, scf,
    tensor, linalg): mlopt applies every op's canonicalization."""
    return core.canonicalization_patterns(None)  # type: ignore[arg-type]


def fold_memref_alias_patterns() -> list:
    from mlopt.passes.transforms.fold_memref_alias_ops import FoldAccessThroughSubview

    return [FoldAccessThroughSubview()]


def _descriptor(set_name: str) -> type[IRDLOperation]:
    op_name = f"transform.apply_patterns.{set_name}"
    namespace = {"name": op_name, "__doc__": f"{op_name}: upstream's pattern set of that name.", "assembly_format": "attr-dict"}
    return irdl_op_definition(type(f"Apply_{set_name.replace('.', '_')}", (IRDLOperation,), namespace))


OPS: tuple[type[Operation], ...] = tuple(_descriptor(name) for name in SETS)
core.PATTERN_SETS.update({op.name: "mlopt.dialects.transform.patterns:_patterns" for op in OPS})
