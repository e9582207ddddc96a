"""The Toy pipelines: toyc's optimizations, and all the way to the llvm dialect."""

from __future__ import annotations

from dataclasses import dataclass

from mlopt.pipeline import PassPipelineDefinition


@dataclass(frozen=True)
class ToyOptimize(PassPipelineDefinition):
    """Inline, infer shapes and simplify Toy IR (toyc's -opt)"""

    name = "toy-optimize"

    def expand(self) -> str:
        return "toy-inline,toy.func(toy-shape-inference,canonicalize,cse)"


@dataclass(frozen=True)
class ToyToLLVM(PassPipelineDefinition):
    """Lower a Toy program to the llvm dialect, ready for mlrun (toyc -emit=jit)"""

    name = "toy-to-llvm"

    def expand(self) -> str:
        return "toy-optimize,toy-to-affine,func.func(canonicalize,cse),toy-lower-print,lower-to-llvm"
