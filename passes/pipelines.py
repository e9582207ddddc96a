"""Named pipelines lowering to the llvm dialect.

- ``lower-to-llvm``: any mix of func, arith, math, scf, cf, memref, affine,
  linalg, vector, index and ub → the llvm dialect, with one flag; a program
  on tensors is bufferized first (``bufferize-tensors``); fails naming the
  first op it could not lower.
- ``test-lower-to-llvm``: upstream's example pipeline of the same name, pass
  for pass, so that mlir-opt users' commands work (plus the same check).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mlopt.pipeline import PassPipelineDefinition


def _flag(value: bool) -> str:
    return "true" if value else "false"


@dataclass(frozen=True)
class LowerToLLVMPipeline(PassPipelineDefinition):
    """Lower func, arith, math, scf, cf, memref, affine, linalg, vector, index and ub (and tensor programs, bufferized first) to the llvm dialect"""

    name = "lower-to-llvm"

    index_bitwidth: int = field(default=0, metadata={"help": "Bitwidth of the index type, 0 to use size of machine word"})
    use_bare_ptr_memref_call_conv: bool = field(
        default=False,
        metadata={"help": "Pass static memrefs across function boundaries as bare pointers"},
    )
    use_aligned_alloc: bool = field(
        default=False, metadata={"help": "Use aligned_alloc in place of malloc for heap allocations"}
    )
    reassociate_fp_reductions: bool = field(
        default=False, metadata={"help": "Allow reassociation of floating-point vector reductions"}
    )

    def expand(self) -> str:
        index = f"index-bitwidth={self.index_bitwidth}"
        return ",".join(
            [
                "bufferize-tensors",
                # what vectorized code holds that the conversions below do not take
                "func.func(lower-vector-mask)",
                "func.func(lower-vector-multi-reduction)",
                "func.func(convert-vector-to-scf)",
                "func.func(convert-linalg-to-loops)",
                "lower-affine",
                "scf-forall-to-for",
                "convert-scf-to-cf",
                f"convert-vector-to-llvm{{reassociate-fp-reductions={_flag(self.reassociate_fp_reductions)}}}",
                "func.func(convert-math-to-llvm)",
                "convert-math-to-libm",
                # clones and deallocations left by a deallocation pipeline run by hand
                "convert-bufferization-to-memref",
                "expand-strided-metadata",
                "lower-affine",
                f"finalize-memref-to-llvm{{{index} use-aligned-alloc={_flag(self.use_aligned_alloc)}}}",
                f"convert-func-to-llvm{{{index} use-bare-ptr-memref-call-conv="
                f"{_flag(self.use_bare_ptr_memref_call_conv)}}}",
                f"convert-arith-to-llvm{{{index}}}",
                f"convert-cf-to-llvm{{{index}}}",
                f"convert-index-to-llvm{{{index}}}",
                f"convert-ub-to-llvm{{{index}}}",
                "reconcile-unrealized-casts",
                f"check-llvm-legality{{pipeline={self.name}}}",
            ]
        )


@dataclass(frozen=True)
class TestLowerToLLVMPipeline(PassPipelineDefinition):
    """An example of pipeline to lower the main dialects (arith, linalg, memref, scf, vector) down to LLVM."""

    name = "test-lower-to-llvm"

    reassociate_fp_reductions: bool = field(
        default=False, metadata={"help": "Allow reassociation og FP reductions"}
    )

    def expand(self) -> str:
        return ",".join(
            [
                "func.func(convert-vector-to-scf)",
                "func.func(convert-linalg-to-loops)",
                "lower-affine",
                "convert-scf-to-cf",
                "canonicalize",
                "cse",
                f"convert-vector-to-llvm{{reassociate-fp-reductions={_flag(self.reassociate_fp_reductions)}}}",
                "func.func(convert-math-to-llvm)",
                "expand-strided-metadata",
                "lower-affine",
                "finalize-memref-to-llvm",
                "convert-func-to-llvm",
                "convert-arith-to-llvm",
                "convert-cf-to-llvm",
                "convert-index-to-llvm",
                "convert-ub-to-llvm",
                "reconcile-unrealized-casts",
                f"check-llvm-legality{{pipeline={self.name}}}",
            ]
        )


LOWERING_PIPELINES: dict[str, type[PassPipelineDefinition]] = {
    pipeline.name: pipeline for pipeline in (LowerToLLVMPipeline, TestLowerToLLVMPipeline)
}
"""The pipelines whose final check knows which passes they ran."""
