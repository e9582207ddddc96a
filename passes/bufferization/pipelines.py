"""Named bufferization pipelines."""

from __future__ import annotations

from dataclasses import dataclass, field

from mlopt.pipeline import PassPipelineDefinition


@dataclass(frozen=True)
class BufferDeallocationPipeline(PassPipelineDefinition):
    """The default pipeline for automatically inserting deallocation operations after one-shot bufferization. Deallocation operations (except `memref.realloc`) may not be present already."""

    name = "buffer-deallocation-pipeline"

    private_function_dynamic_ownership: bool = field(
        default=False,
        metadata={
            "help": "Allows to add additional results to private functions to return ownership of returned "
            "memrefs to callers. This can avoid spurious buffer clones in the callee."
        },
    )

    def expand(self) -> str:
        dynamic = "true" if self.private_function_dynamic_ownership else "false"
        return ",".join(
            [
                "expand-realloc{emit-deallocs=false}",
                "canonicalize",
                f"ownership-based-buffer-deallocation{{private-function-dynamic-ownership={dynamic}}}",
                "canonicalize",
                "buffer-deallocation-simplification",
                "bufferization-lower-deallocations",
                "cse",
                "canonicalize",
            ]
        )
