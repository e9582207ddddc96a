"""gpu-lower-to-nvvm-pipeline: upstream's pipeline lowering a GPU program
(gpu.launch or gpu.module + gpu.launch_func) to the llvm dialect, kernels
compiled for NVIDIA GPUs, with upstream's options.

Where upstream's defaults fail with current CUDA, these work:

- ``cubin-chip`` defaults to sm_75 (the oldest chip CUDA 13 supports; its
  PTX runs on every newer GPU) and ``cubin-features`` to the PTX ISA version
  that chip needs (upstream: sm_50 and +ptx60, which ptxas 13 rejects);
- ``cubin-format`` defaults to ``isa``: PTX, compiled by the CUDA driver when
  loaded, so no CUDA toolkit is needed (upstream: fatbin, which needs ptxas
  and fatbinary);
- ``func.func(gpu-async-region)`` runs, so synchronous gpu.alloc/memcpy are
  lowered (upstream leaves them, and gpu-to-llvm fails on them);
- host math ops without an llvm intrinsic become libm calls, as in mlopt's
  lower-to-llvm.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mlopt.pipeline import PassPipelineDefinition


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _quoted(value: str) -> str:
    return f"'{value}'" if any(c.isspace() for c in value) else value


@dataclass(frozen=True)
class GpuLowerToNVVMPipeline(PassPipelineDefinition):
    """The default pipeline lowers main dialects (arith, memref, scf, vector, gpu, and nvgpu) to NVVM. It starts by lowering GPU code to the specified compilation target (default is isa) then lowers the host code."""

    name = "gpu-lower-to-nvvm-pipeline"

    allow_pattern_rollback: bool = field(default=True, metadata={"help": "Allow pattern rollback during dialect conversion"})
    cubin_chip: str = field(default="sm_75", metadata={"help": "Chip to use to serialize to cubin."})
    cubin_features: str = field(default="", metadata={"help": "Features to use to serialize to cubin."})
    cubin_format: str = field(default="isa", metadata={"help": "Compilation format to use to serialize to cubin."})
    cubin_triple: str = field(default="nvptx64-nvidia-cuda", metadata={"help": "Triple to use to serialize to cubin."})
    host_bare_ptr_calling_convention: bool = field(
        default=False,
        metadata={
            "help": "Whether to use the bareptr calling convention on the host (warning this should be false until the GPU layering is fixed)"
        },
    )
    index_bitwidth: int = field(
        default=64,
        metadata={"help": "Bitwidth of the index type for the host (warning this should be 64 until the GPU layering is fixed)"},
    )
    kernel_bare_ptr_calling_convention: bool = field(
        default=False,
        metadata={
            "help": "Whether to use the bareptr calling convention on the kernel (warning this should be false until the GPU layering is fixed)"
        },
    )
    opt_level: int = field(default=2, metadata={"help": "Optimization level for NVVM compilation"})
    ptxas_cmd_options: str = field(default="", metadata={"help": "Command line options to pass to the downstream compiler."})

    def expand(self) -> str:
        host_index = f"index-bitwidth={self.index_bitwidth}"
        target = (
            f"nvvm-attach-target{{chip={self.cubin_chip} features={_quoted(self.cubin_features) if self.cubin_features else ''} "
            f"O={self.opt_level} triple={self.cubin_triple}"
            + (f" ptxas-cmd-options={_quoted(self.ptxas_cmd_options)}" if self.ptxas_cmd_options else "")
            + "}"
        )
        kernels = (
            f"convert-gpu-to-nvvm{{index-bitwidth={self.index_bitwidth} "
            f"use-bare-ptr-memref-call-conv={_flag(self.kernel_bare_ptr_calling_convention)} "
            f"allow-pattern-rollback={_flag(self.allow_pattern_rollback)}}}"
        )
        return ",".join(
            [
                "gpu-kernel-outlining",
                "func.func(gpu-async-region)",
                "func.func(convert-vector-to-scf)",
                "convert-scf-to-cf",
                f"convert-func-to-llvm{{{host_index} use-bare-ptr-memref-call-conv={_flag(self.host_bare_ptr_calling_convention)}}}",
                "expand-strided-metadata",
                target,
                "lower-affine",
                f"convert-arith-to-llvm{{{host_index}}}",
                f"convert-index-to-llvm{{{host_index}}}",
                "canonicalize",
                "cse",
                f"gpu.module({kernels})",
                "gpu.module(canonicalize)",
                "gpu.module(cse)",
                "gpu.module(reconcile-unrealized-casts)",
                f"gpu-to-llvm{{use-bare-pointers-for-host={_flag(self.host_bare_ptr_calling_convention)} "
                f"use-bare-pointers-for-kernels={_flag(self.kernel_bare_ptr_calling_convention)}}}",
                f"gpu-module-to-binary{{format={self.cubin_format}}}",
                "convert-math-to-llvm",
                "convert-math-to-libm",
                "canonicalize",
                "cse",
                "reconcile-unrealized-casts",
            ]
        )
