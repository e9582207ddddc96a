"""``mlopt.passmanager``: MLIR's ``mlir.passmanager.PassManager`` on mlopt's pipelines.

    pm = PassManager.parse("builtin.module(func.func(canonicalize,cse))")
    pm.enable_ir_printing()               # upstream's dumps, to stderr
    pm.run(module.operation)              # MLIRError on failure, located

Pipeline text, named pipelines and plugin passes are those of the command
line (``mlopt --pass-pipeline``).
"""

from __future__ import annotations

import sys
from typing import Any

from mlopt.ir import Context, MLIRError, Module, Operation, _mlir_error, _resolve, moved_attribute

__all__ = ["MLIRError", "PassManager"]


class PassManager:
    """A pass pipeline bound to a Context."""

    def __init__(self, anchor_op: str = "any", context: Context | None = None):
        from mlopt.pipeline import OpPassManager

        self.context = _resolve(context)
        self._pipeline = OpPassManager(anchor_op)
        self._printing: dict[str, Any] | None = None
        self._verify_each = True
        self._timing = False

    @staticmethod
    def parse(pipeline: str, context: Context | None = None) -> PassManager:
        """A pass manager for anchored pipeline text (``builtin.module(...)``);
        ValueError, with the located message, when the text is invalid."""
        pm = PassManager(context=context)
        pm._pipeline = pm._build(lambda builder: builder.from_text(pipeline))
        return pm

    def add(self, pipeline: str) -> None:
        """Append pipeline elements (``func.func(cse),canonicalize``) to the pipeline."""
        self._build(lambda builder: builder.add_text(self._pipeline, pipeline))

    def _build(self, build):
        from mlopt.diagnostics import DiagnosticError
        from mlopt.pipeline import PipelineBuilder

        try:
            return build(PipelineBuilder(self.context.registry, self.context._sources))
        except DiagnosticError as error:
            raise ValueError("".join(self.context._sources.render(d) for d in error.diagnostics).rstrip("\n")) from None

    def enable_ir_printing(
        self,
        print_before_all: bool = False,
        print_after_all: bool = True,
        print_module_scope: bool = False,
        print_after_change: bool = False,
        print_after_failure: bool = False,
        large_elements_limit: int | None = None,
        enable_debug_info: bool = False,
        print_generic_op_form: bool = False,
        tree_printing_dir_path: str | None = None,
    ) -> None:
        """Dump the IR around passes to stderr as ``--mlir-print-ir-*`` does."""
        if large_elements_limit is not None or tree_printing_dir_path is not None:
            raise TypeError("large_elements_limit and tree_printing_dir_path are not supported by mlopt's PassManager yet")
        self._printing = {
            "before_all": print_before_all,
            "after_all": print_after_all,
            "after_change": print_after_change,
            "after_failure": print_after_failure,
            "module_scope": print_module_scope,
            "generic": print_generic_op_form,
            "debuginfo": enable_debug_info,
        }

    def enable_verifier(self, enable: bool) -> None:
        """Verify the IR after each pass (on by default, as upstream)."""
        self._verify_each = bool(enable)

    def enable_timing(self) -> None:
        """Print upstream's execution time report to stderr after each run."""
        self._timing = True

    def run(self, operation: Operation | Module | Any, *, explore: str | None = None) -> None:
        """Run the pipeline on ``operation`` in place (a Module, an Operation or
        an xDSL op); MLIRError with the diagnostics when a pass fails.
        ``explore="report.html"`` writes the pass explorer's page, failure or not."""
        from mlopt import diagnostics
        from mlopt.diagnostics import DiagnosticError, location_of
        from mlopt.verifier import verify
        from mlopt.pass_runner import IRPrinting, PassRunner, Timing

        op = operation.operation.opview if isinstance(operation, (Module, Operation)) else operation
        timing = Timing() if self._timing else None
        instrumentations: list[Any] = []
        if self._printing is not None:
            printing = dict(self._printing)
            instrumentations.append(
                IRPrinting(
                    before=IRPrinting.ALL if printing.pop("before_all") else None,
                    after=IRPrinting.ALL if printing.pop("after_all") else None,
                    context=self.context.xdsl,
                    stream=sys.stderr,
                    **printing,
                )
            )
        if timing is not None:
            instrumentations.append(timing)
        handler = diagnostics.printing_handler(self.context._sources, sys.stderr)
        explorer = None
        if explore is not None:
            from mlopt.explorer import Explorer

            where = location_of(op)
            source = self.context._sources.get(where.file) if where else None
            explorer = Explorer(
                self.context.xdsl,
                source_name=source.name if source else "",
                source_text=source.text if source else "",
            )
            instrumentations.append(explorer)
            handler = explorer.observing(handler)
        runner = PassRunner(self.context.xdsl, instrumentations, verify_each=self._verify_each, timing=timing)
        try:
            with diagnostics.handling(handler):
                if self._verify_each:
                    verify(op)
                runner.run(self._pipeline, op)
        except DiagnosticError as error:
            if explorer is not None:
                for diagnostic in error.diagnostics:
                    explorer.record_diagnostic(diagnostic)
            raise _mlir_error("Failure while executing pass pipeline", error, self.context) from None
        finally:
            if explorer is not None:
                explorer.write(explore)
        if timing is not None:
            sys.stderr.write(timing.report())

    def __str__(self) -> str:
        return self._pipeline.textual()


def __getattr__(name: str) -> Any:
    return moved_attribute(__name__, name, {"mlopt.pass_runner": "the pass runner and its instrumentation"})
