"""Bringing input to the llvm dialect before translation or the JIT.

mltranslate, mlrun and ExecutionEngine parse their input the same way (a
registered frontend by file extension, else MLIR). mlrun and ExecutionEngine
accept input at any level: what is not yet in the llvm dialect goes through a
pipeline first (the named pipeline ``lower-to-llvm`` unless the caller gives
one), a convenience mlir-runner lacks.
"""

from __future__ import annotations

from typing import Any, TYPE_CHECKING

from mlopt.diagnostics import DiagnosticError

if TYPE_CHECKING:
    from xdsl.context import Context
    from xdsl.ir import Operation

    from mlopt.cli import Session
    from mlopt.diagnostics import SourceText
    from mlopt.registry import Registry

DEFAULT_PIPELINE = "lower-to-llvm"
GPU_PIPELINE = "gpu-lower-to-nvvm-pipeline"
"""The default for programs with GPU code (it lowers their host side too)."""


def parse_input(
    session: Session,
    context: Context,
    source: SourceText,
    start: int = 0,
    end: int | None = None,
    *,
    implicit_module: bool = True,
) -> tuple[Operation, Any]:
    """Parse (with the frontend registered for the file's extension, if any)
    and verify; returns the module and the frontend (None for MLIR input),
    whose ``lowering_pipeline`` and ``entry_point_result`` are the defaults
    for that language."""
    from mlopt.asm import parse_source
    from mlopt.verifier import verify
    from mlopt.opt_main import frontend_for

    frontend = frontend_for(session, source.name)
    if frontend is not None:
        module = frontend.parse(source, context)
    else:
        module = parse_source(context, source, start, end, implicit_module=implicit_module)
    verify(module)
    return module, frontend


def first_non_llvm_op(module: Operation) -> Operation | None:
    """The first op a lowering pipeline still has to handle (the GPU ops the
    translation itself handles excepted)."""
    from mlopt.codegen.translate import OFFLOADING_OPS
    from mlopt.verifier import walk_preorder

    for op in walk_preorder(module):
        if op is not module and not op.name.startswith("llvm.") and op.name not in OFFLOADING_OPS:
            return op
    return None


def first_gpu_op(module: Operation) -> Operation | None:
    """The first op that needs a GPU to run: a gpu op, or a call to the GPU runtime."""
    from mlopt.verifier import walk_preorder

    for op in walk_preorder(module):
        if op.name.startswith("gpu."):
            return op
        if op.name == "llvm.call":
            callee = op.properties.get("callee")
            if callee is not None and callee.root_reference.data.startswith("mgpu"):
                return op
    return None


def default_pipeline(module: Operation, registry: Registry) -> str:
    """lower-to-llvm, or for a program with GPU code the GPU pipeline,
    compiling kernels to PTX for this machine's GPU (if LLVM knows its chip)."""
    from mlopt.registry import PIPELINE

    if first_gpu_op(module) is None or GPU_PIPELINE not in registry.entries(PIPELINE):
        return DEFAULT_PIPELINE
    from mlopt.codegen.nvptx import MIN_PTX_OF_CHIP
    from mlopt.runtime.cuda import CudaError, CudaUnavailable, driver

    try:
        chip = driver().device_info().chip
    except (CudaUnavailable, CudaError):
        chip = None
    options = "cubin-format=isa" + (f" cubin-chip={chip}" if chip in MIN_PTX_OF_CHIP else "")
    return f"{GPU_PIPELINE}{{{options}}}"


def lower_to_llvm_dialect(
    module: Operation,
    registry: Registry,
    context: Context,
    *,
    pipeline: str | None = None,
    sources: object = None,
) -> bool:
    """Run ``pipeline`` (or the default one when the module needs it) on the
    module in place; returns whether a pipeline ran."""
    from mlopt.explorer import active_explorers
    from mlopt.pass_runner import PassRunner
    from mlopt.pipeline import PipelineBuilder
    from mlopt.registry import PIPELINE

    if pipeline is None:
        leftover = first_non_llvm_op(module)
        if leftover is None:
            return False
        pipeline = default_pipeline(module, registry)
        if pipeline.partition("{")[0] not in registry.entries(PIPELINE):
            raise DiagnosticError.at(
                leftover,
                f"'{leftover.name}' op is not in the llvm dialect and no '{pipeline}' "
                "pipeline is registered to lower it; lower the input with mlopt first",
            )
    text = pipeline.strip()
    if not text.startswith("builtin.module("):
        text = f"builtin.module({text})"
    manager = PipelineBuilder(registry, sources).from_text(text)
    PassRunner(context, list(active_explorers())).run(manager, module)
    return True
