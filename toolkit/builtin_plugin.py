"""The built-in plugin: mlopt's own dialects, passes, pipelines, targets,
frontends and runtime symbols, registered through the same hooks a third-party
plugin uses.

Everything is named here as ``"module:attribute"`` and imported only when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from mlopt.hookspecs import hookimpl

DIALECTS: dict[str, str] = {
    "llvm": "mlopt.dialects.llvm:LLVM",
    "memref": "mlopt.dialects.memref:MemRef",
    "gpu": "mlopt.dialects.gpu:GPU",
    "nvvm": "mlopt.dialects.nvvm:NVVM",
    "func": "mlopt.dialects.func:Func",
    "cf": "mlopt.dialects.cf:ControlFlow",
    "scf": "mlopt.dialects.scf:Scf",
    "arith": "mlopt.dialects.arith:Arith",
    "math": "mlopt.dialects.math:Math",
    "affine": "mlopt.dialects.affine:Affine",
    "vector": "mlopt.dialects.vector:Vector",
    "index": "mlopt.dialects.index:Index",
    "linalg": "mlopt.dialects.linalg:Linalg",
    "tensor": "mlopt.dialects.tensor:Tensor",
    "bufferization": "mlopt.dialects.bufferization:Bufferization",
    "transform": "mlopt.dialects.transform:Transform",
}
"""Dialects mlopt provides or extends; they replace xDSL's of the same name."""

PASSES: dict[str, str] = {
    "canonicalize": "mlopt.passes.transforms.canonicalize:Canonicalizer",
    "cse": "mlopt.passes.transforms.cse:CSE",
    "convert-arith-to-llvm": "mlopt.passes.conversion.arith_to_llvm:ConvertArithToLLVMPass",
    "convert-func-to-llvm": "mlopt.passes.conversion.func_to_llvm:ConvertFuncToLLVMPass",
    "convert-cf-to-llvm": "mlopt.passes.conversion.cf_to_llvm:ConvertControlFlowToLLVMPass",
    "convert-math-to-llvm": "mlopt.passes.conversion.math_to_llvm:ConvertMathToLLVMPass",
    "finalize-memref-to-llvm": "mlopt.passes.conversion.finalize_memref_to_llvm:FinalizeMemRefToLLVMConversionPass",
    "reconcile-unrealized-casts": "mlopt.passes.conversion.reconcile_unrealized_casts:ReconcileUnrealizedCastsPass",
    "convert-scf-to-cf": "mlopt.passes.conversion.scf_to_cf:SCFToControlFlowPass",
    "convert-ub-to-llvm": "mlopt.passes.conversion.ub_to_llvm:UBToLLVMConversionPass",
    "convert-index-to-llvm": "mlopt.passes.conversion.index_to_llvm:ConvertIndexToLLVMPass",
    "convert-to-llvm": "mlopt.passes.conversion.convert_to_llvm:ConvertToLLVMPass",
    "check-llvm-legality": "mlopt.passes.conversion.llvm_legality:CheckLLVMLegalityPass",
    "convert-math-to-libm": "mlopt.passes.conversion.math_to_libm:ConvertMathToLibmPass",
    "convert-vector-to-llvm": "mlopt.passes.conversion.vector_to_llvm:ConvertVectorToLLVMPass",
    "convert-vector-to-scf": "mlopt.passes.conversion.vector_to_scf:ConvertVectorToSCFPass",
    "lower-vector-multi-reduction": "mlopt.passes.transforms.lower_vector_multi_reduction:LowerVectorMultiReductionPass",
    "test-math-polynomial-approximation": "mlopt.passes.transforms.math_polynomial_approximation:TestMathPolynomialApproximationPass",
    "lower-vector-mask": "mlopt.passes.transforms.lower_vector_mask:LowerVectorMaskPass",
    "expand-strided-metadata": "mlopt.passes.transforms.expand_strided_metadata:ExpandStridedMetadataPass",
    "lower-affine": "mlopt.passes.conversion.lower_affine:LowerAffinePass",
    "convert-linalg-to-loops": "mlopt.passes.conversion.linalg_to_loops:ConvertLinalgToLoopsPass",
    "convert-tensor-to-linalg": "mlopt.passes.conversion.tensor_to_linalg:ConvertTensorToLinalgPass",
    "convert-linalg-to-affine-loops": "mlopt.passes.conversion.linalg_to_affine_loops:ConvertLinalgToAffineLoopsPass",
    "convert-linalg-to-parallel-loops": "mlopt.passes.conversion.linalg_to_parallel_loops:ConvertLinalgToParallelLoopsPass",
    "linalg-generalize-named-ops": "mlopt.passes.transforms.linalg_generalize_named_ops:LinalgGeneralizeNamedOpsPass",
    "linalg-specialize-generic-ops": "mlopt.passes.transforms.linalg_specialize_generic_ops:LinalgSpecializeGenericOpsPass",
    "convert-elementwise-to-linalg": "mlopt.passes.transforms.elementwise_to_linalg:ConvertElementwiseToLinalgPass",
    "gpu-kernel-outlining": "mlopt.passes.transforms.gpu_kernel_outlining:GpuKernelOutliningPass",
    "convert-gpu-to-nvvm": "mlopt.passes.conversion.gpu_to_nvvm:ConvertGpuOpsToNVVMOpsPass",
    "nvvm-attach-target": "mlopt.passes.conversion.nvvm_attach_target:GpuNVVMAttachTarget",
    "gpu-module-to-binary": "mlopt.passes.transforms.gpu_module_to_binary:GpuModuleToBinaryPass",
    "gpu-to-llvm": "mlopt.passes.conversion.gpu_to_llvm:GpuToLLVMConversionPass",
    "gpu-async-region": "mlopt.passes.transforms.gpu_async_region:GpuAsyncRegionPass",
    "one-shot-bufferize": "mlopt.passes.bufferization.one_shot_bufferize:OneShotBufferizePass",
    "generate-runtime-verification": "mlopt.passes.transforms.generate_runtime_verification:GenerateRuntimeVerificationPass",
    "test-cf-assert": "mlopt.passes.conversion.test_cf_assert:TestCfAssertPass",
    "arith-expand": "mlopt.passes.transforms.arith_expand:ArithExpandPass",
    "convert-math-to-funcs": "mlopt.passes.conversion.math_to_funcs:ConvertMathToFuncsPass",
    "arith-emulate-wide-int": "mlopt.passes.transforms.arith_emulate_wide_int:ArithEmulateWideIntPass",
    "test-arith-emulate-wide-int": "mlopt.passes.transforms.test_arith_emulate_wide_int:TestArithEmulateWideIntPass",
    "bufferize-tensors": "mlopt.passes.bufferization.bufferize_tensors:BufferizeTensorsPass",
    "eliminate-empty-tensors": "mlopt.passes.bufferization.eliminate_empty_tensors:EliminateEmptyTensorsPass",
    "ownership-based-buffer-deallocation": "mlopt.passes.bufferization.ownership_based_buffer_deallocation:OwnershipBasedBufferDeallocationPass",
    "buffer-deallocation-simplification": "mlopt.passes.bufferization.buffer_deallocation_simplification:BufferDeallocationSimplificationPass",
    "bufferization-lower-deallocations": "mlopt.passes.bufferization.bufferization_lower_deallocations:LowerDeallocationsPass",
    "expand-realloc": "mlopt.passes.bufferization.expand_realloc:ExpandReallocPass",
    "convert-bufferization-to-memref": "mlopt.passes.bufferization.convert_bufferization_to_memref:ConvertBufferizationToMemRefPass",
    "empty-tensor-to-alloc-tensor": "mlopt.passes.bufferization.empty_tensor_to_alloc_tensor:EmptyTensorToAllocTensorPass",
    "buffer-results-to-out-params": "mlopt.passes.bufferization.buffer_results_to_out_params:BufferResultsToOutParamsPass",
    "drop-equivalent-buffer-results": "mlopt.passes.bufferization.drop_equivalent_buffer_results:DropEquivalentBufferResultsPass",
    "buffer-loop-hoisting": "mlopt.passes.bufferization.buffer_loop_hoisting:BufferLoopHoistingPass",
    "promote-buffers-to-stack": "mlopt.passes.bufferization.promote_buffers_to_stack:PromoteBuffersToStackPass",
    "buffer-hoisting": "mlopt.passes.bufferization.buffer_hoisting:BufferHoistingPass",
    "fold-memref-alias-ops": "mlopt.passes.transforms.fold_memref_alias_ops:FoldMemRefAliasOpsPass",
    "transform-interpreter": "mlopt.passes.transforms.transform_interpreter:TransformInterpreterPass",
    "test-transform-dialect-erase-schedule": "mlopt.passes.transforms.test_transform_dialect_erase_schedule:TestTransformDialectEraseSchedulePass",
    "scf-forall-to-for": "mlopt.passes.transforms.scf_forall_to_for:SCFForallToForLoop",
    "scf-forall-to-parallel": "mlopt.passes.transforms.scf_forall_to_parallel:SCFForallToParallelLoop",
    "loop-invariant-code-motion": "mlopt.passes.transforms.loop_invariant_code_motion:LoopInvariantCodeMotion",
    "loop-invariant-subset-hoisting": "mlopt.passes.transforms.loop_invariant_subset_hoisting:LoopInvariantSubsetHoistingPass",
    "fold-tensor-subset-ops": "mlopt.passes.transforms.fold_tensor_subset_ops:FoldTensorSubsetOpsPass",
    "scf-for-loop-canonicalization": "mlopt.passes.transforms.scf_for_loop_canonicalization:SCFForLoopCanonicalizationPass",
    "symbol-dce": "mlopt.passes.transforms.symbol_dce:SymbolDCE",
    "inline": "mlopt.passes.transforms.inline:InlinerPass",
    "sccp": "mlopt.passes.transforms.sccp:SCCP",
    "linalg-fuse-elementwise-ops": "mlopt.passes.transforms.linalg_fuse_elementwise_ops:LinalgElementwiseOpFusionPass",
    "affine-loop-tile": "mlopt.passes.transforms.affine_loop_tile:LoopTiling",
    "affine-loop-unroll": "mlopt.passes.transforms.affine_loop_unroll:LoopUnroll",
    "affine-super-vectorize": "mlopt.passes.transforms.affine_super_vectorize:AffineVectorize",
    "linalg-fold-unit-extent-dims": "mlopt.passes.transforms.linalg_fold_unit_extent_dims:LinalgFoldUnitExtentDimsPass",
    "affine-scalrep": "mlopt.passes.transforms.affine_scalrep:AffineScalarReplacement",
    "affine-loop-fusion": "mlopt.passes.transforms.affine_loop_fusion:LoopFusion",
    "optimize": "mlopt.passes.optimize.pipeline:OptimizePass",
}

PIPELINES: dict[str, str] = {
    "lower-to-llvm": "mlopt.passes.pipelines:LowerToLLVMPipeline",
    "test-lower-to-llvm": "mlopt.passes.pipelines:TestLowerToLLVMPipeline",
    "gpu-lower-to-nvvm-pipeline": "mlopt.passes.gpu_pipelines:GpuLowerToNVVMPipeline",
    "buffer-deallocation-pipeline": "mlopt.passes.bufferization.pipelines:BufferDeallocationPipeline",
}

TARGETS: dict[str, str] = {
    "mlir-to-llvmir": "mlopt.codegen.targets:LLVMIRTarget",
    "mlir-to-asm": "mlopt.codegen.targets:AssemblyTarget",
    "mlir-to-obj": "mlopt.codegen.targets:ObjectTarget",
    "mlir-to-ptx": "mlopt.codegen.nvptx_target:PTXTarget",
}

FRONTENDS: dict[str, str] = {}

_RUNNER_UTILS = (
    "printF32", "printF64", "printI64", "printU64", "printNewline", "printOpen", "printClose",
    "printComma", "printString", "printFlops", "rtclock", "memrefCopy", "_mlir_ciface_nanoTime",
    "mlirAlloc", "mlirAlignedAlloc", "mlirFree", "mlirAlignedFree",
    *(f"printMemref{t}" for t in ("F32", "F64", "I32", "I64", "Ind", "C32", "C64")),
    *(f"_mlir_ciface_printMemref{t}" for t in ("F32", "F64", "F16", "BF16", "I8", "I16", "I32", "I64", "Ind", "C32", "C64")),
    *(f"_mlir_ciface_printMemref{rank}dF32" for rank in range(5)),
    *(f"_mlir_ciface_printMemref1d{t}" for t in ("F64", "I8", "I32", "I64", "Ind", "C32", "C64")),
)
"""mlir-runner's support functions, built in (mlopt.runtime.runner_utils)."""

_GPU_RUNTIME = (
    "mgpuModuleLoad", "mgpuModuleLoadJIT", "mgpuModuleUnload", "mgpuModuleGetFunction", "mgpuLaunchKernel",
    "mgpuStreamCreate", "mgpuStreamDestroy", "mgpuStreamSynchronize", "mgpuStreamWaitEvent",
    "mgpuEventCreate", "mgpuEventDestroy", "mgpuEventSynchronize", "mgpuEventRecord",
    "mgpuMemAlloc", "mgpuMemFree", "mgpuMemcpy", "mgpuMemset16", "mgpuMemset32",
    "mgpuMemHostRegisterMemRef", "mgpuMemHostUnregisterMemRef", "mgpuSetDefaultDevice",
)
"""The GPU runtime on the CUDA driver (mlopt.runtime.cuda_runtime; signatures in mlopt.runtime.cuda_abi)."""

_SOFT_FLOAT_HELPERS = (
    "__truncsfhf2", "__truncdfhf2", "__truncxfhf2", "__trunctfhf2",
    "__truncsfbf2", "__truncdfbf2", "__truncxfbf2", "__trunctfbf2",
    "__extendhfsf2", "__extendhfxf2", "__extendhftf2", "__extendsftf2",
    "__floattisf", "__floatuntisf", "__fixsfti", "__fixunssfti",
    "__floattihf", "__floatuntihf", "__fixhfti", "__fixunshfti",
)
"""compiler-rt's conversions LLVM calls for half/bfloat/i128 (mlopt.runtime.soft_float)."""

RUNTIME_SYMBOLS: dict[str, str] = {
    **{name: f"mlopt.runtime.runner_utils:{name}" for name in _RUNNER_UTILS},
    **{name: f"mlopt.runtime.cuda_runtime:{name}" for name in _GPU_RUNTIME},
    **{name: f"mlopt.runtime.soft_float:{name}" for name in _SOFT_FLOAT_HELPERS},
}
"""Symbol name → ``module:function`` returning the symbol's address or ctypes object."""


BUFFERIZATION_MODELS: dict[str, str] = {
    dialect: f"mlopt.passes.bufferization.{dialect}_model:MODELS"
    for dialect in ("arith", "bufferization", "func", "linalg", "scf", "tensor", "vector")
}
"""One-shot bufferization's models, one module per dialect (op name → model)."""


def lazy(reference: str) -> Callable[[], Any]:
    """A factory importing ``module:attribute`` on first call."""
    module_name, _, attribute = reference.partition(":")

    def load() -> Any:
        return getattr(importlib.import_module(module_name), attribute)

    load.__qualname__ = f"lazy({reference!r})"
    return load


def lazy_calls(references: Mapping[str, str]) -> dict[str, Callable[[], Any]]:
    """Factories that import a function and return what calling it gives."""
    return {name: (lambda ref=ref: lazy(ref)()()) for name, ref in references.items()}


def _lazy_all(references: Mapping[str, str]) -> dict[str, Callable[[], Any]]:
    return {name: lazy(ref) for name, ref in references.items()}


@hookimpl
def mlopt_register_dialects():
    return _lazy_all(DIALECTS)


@hookimpl
def mlopt_register_passes():
    return _lazy_all(PASSES)


@hookimpl
def mlopt_register_pipelines():
    return _lazy_all(PIPELINES)


@hookimpl
def mlopt_register_targets():
    return _lazy_all(TARGETS)


@hookimpl
def mlopt_register_frontends():
    return lazy_calls(FRONTENDS)


@hookimpl
def mlopt_register_runtime_symbols():
    return lazy_calls(RUNTIME_SYMBOLS)


@hookimpl
def mlopt_register_bufferization_models():
    return _lazy_all(BUFFERIZATION_MODELS)
