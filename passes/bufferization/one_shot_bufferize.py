"""one-shot-bufferize: tensors → buffers in one analysis and one rewrite, as
upstream's One-Shot Bufferize (with OneShotModuleBufferize for function
boundaries).

``test-analysis-only`` stops after the analysis and annotates each op with
``__inplace_operands_attr__`` (and, across function boundaries, each argument
with ``bufferization.access`` and each return with ``__equivalent_func_args__``);
``print-conflicts`` adds, at each read-after-write conflict that forced a copy,
the read, the conflicting write and the definition the read expected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Operation
from xdsl.passes import ModulePass

from mlopt.diagnostics import DiagnosticError


@dataclass(frozen=True)
class OneShotBufferizePass(ModulePass):
    """One-Shot Bufferize"""

    name = "one-shot-bufferize"
    display_name: ClassVar[str] = "OneShotBufferizePass"
    anchor: ClassVar[str] = "builtin.module"

    allow_return_allocs_from_loops: bool = field(
        default=False, metadata={"help": "Allows returning/yielding new allocations from a loop."}
    )
    allow_unknown_ops: bool = field(
        default=False, metadata={"help": "Allows unknown (not bufferizable) ops in the input IR."}
    )
    analysis_fuzzer_seed: int = field(
        default=0, metadata={"help": "Test only: Analyze ops in random order with a given seed (fuzzer)"}
    )
    analysis_heuristic: Literal["bottom-up", "top-down", "bottom-up-from-terminators", "fuzzer"] = field(
        default="bottom-up", metadata={"help": "Heuristic that control the IR traversal during analysis"}
    )
    buffer_alignment: int = field(default=64, metadata={"help": "Sets the alignment of newly allocated buffers."})
    bufferize_function_boundaries: bool = field(
        default=False, metadata={"help": "Bufferize function boundaries (experimental)."}
    )
    check_parallel_regions: bool = field(
        default=True, metadata={"help": "Account for parallel regions in RaW analysis."}
    )
    copy_before_write: bool = field(
        default=False, metadata={"help": "Skip the analysis. Make a buffer copy on every write."}
    )
    dialect_filter: tuple[str, ...] = field(
        default=(), metadata={"help": "Restrict bufferization to ops from these dialects."}
    )
    dump_alias_sets: bool = field(
        default=False, metadata={"help": "Test only: Annotate tensor IR with alias sets"}
    )
    function_boundary_type_conversion: Literal["infer-layout-map", "identity-layout-map", "fully-dynamic-layout-map"] = field(
        default="infer-layout-map", metadata={"help": "Controls layout maps when bufferizing function signatures."}
    )
    must_infer_memory_space: bool = field(
        default=False,
        metadata={"help": "The memory space of an memref types must always be inferred. If unset, a default memory space of 0 is used otherwise."},
    )
    no_analysis_func_filter: tuple[str, ...] = field(
        default=(), metadata={"help": "Skip analysis of functions with these symbol names.Set copyBeforeWrite to true when bufferizing them."}
    )
    print_conflicts: bool = field(
        default=False, metadata={"help": "Test only: Annotate IR with RaW conflicts. Requires test-analysis-only."}
    )
    test_analysis_only: bool = field(
        default=False, metadata={"help": "Test only: Only run inplaceability analysis and annotate IR"}
    )
    unknown_type_conversion: Literal["infer-layout-map", "identity-layout-map", "fully-dynamic-layout-map"] = field(
        default="fully-dynamic-layout-map", metadata={"help": "Controls layout maps for non-inferrable memref types."}
    )
    use_encoding_for_memory_space: bool = field(
        default=False, metadata={"help": "Use the Tensor encoding attribute for the memory space. Exclusive to the 'must-infer-memory-space' option"}
    )

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        from mlopt.passes.bufferization import analysis, bufferize

        options = analysis.AnalysisOptions(
            allow_return_allocs_from_loops=self.allow_return_allocs_from_loops,
            print_conflicts=self.print_conflicts,
            heuristic=self.analysis_heuristic,
            fuzzer_seed=self.analysis_fuzzer_seed,
            copy_before_write=self.copy_before_write,
            check_parallel_regions=self.check_parallel_regions,
            is_allowed=self._op_filter(),
        )
        state, functions = analyze_module(
            op,
            ctx,
            options,
            bufferize_function_boundaries=self.bufferize_function_boundaries,
            unanalyzed_functions=self.no_analysis_func_filter,
            annotate=self.test_analysis_only,
        )
        if self.test_analysis_only:
            analysis.annotate_in_place_decisions(state)
            return
        bufferize.insert_tensor_copies(state)
        bufferizer = bufferize.Bufferizer(
            state,
            bufferize.BufferizationOptions(
                buffer_alignment=self.buffer_alignment,
                function_boundary_type_conversion=self.function_boundary_type_conversion,
                unknown_type_conversion=self.unknown_type_conversion,
                allow_unknown_ops=self.allow_unknown_ops,
                bufferize_function_boundaries=self.bufferize_function_boundaries,
            ),
        )
        if functions:
            for function in functions:
                bufferizer.run(function)
            for other in _non_function_ops(op):
                bufferizer.run(other)
        else:
            bufferizer.run(op)
        bufferizer.fold_boundaries()
        if not self.allow_unknown_ops:
            bufferizer.check_all_bufferized()

    def __post_init__(self) -> None:
        if self.print_conflicts and not self.test_analysis_only:
            raise ValueError("Invalid option: 'print-conflicts' requires 'test-analysis-only'")
        if self.analysis_heuristic == "fuzzer" and not self.analysis_fuzzer_seed:
            raise ValueError("analysis-heuristic=fuzzer needs a nonzero analysis-fuzzer-seed")
        for option, value in (
            ("dump-alias-sets", self.dump_alias_sets),
            ("must-infer-memory-space", self.must_infer_memory_space),
            ("use-encoding-for-memory-space", self.use_encoding_for_memory_space),
        ):
            if value:
                raise ValueError(f"option '{option}' is not supported by mlopt yet")

    def _op_filter(self):
        """Which ops this run bufferizes: those of ``dialect-filter`` (all when
        empty), and func's only across function boundaries."""
        allowed_dialects = set(self.dialect_filter)
        boundaries = self.bufferize_function_boundaries

        def is_allowed(op: Operation) -> bool:
            dialect = op.name.split(".", 1)[0]
            return (not allowed_dialects or dialect in allowed_dialects) and (boundaries or dialect != "func")

        return is_allowed


def analyze_module(
    module: ModuleOp,
    ctx: Context,
    options,
    *,
    bufferize_function_boundaries: bool,
    unanalyzed_functions: tuple[str, ...] = (),
    annotate: bool = False,
):
    """One-shot analysis of a whole module (upstream's analyzeModuleOp with
    function boundaries: callees first, so that calls know what their callee
    reads, writes and returns). Returns the state and the functions in the
    order they were analyzed (none without function boundaries)."""
    from mlopt.passes.bufferization import analysis
    from mlopt.passes.bufferization.func_model import ModuleFacts, record_function_facts

    state = analysis.AnalysisState(module, model_table(ctx), options)
    facts = ModuleFacts(bufferize_boundaries=bufferize_function_boundaries)
    state.function_state = facts
    functions = functions_callees_first(module) if bufferize_function_boundaries else []
    if not functions:
        analysis.analyze(state, module)
        return state, functions
    for function in functions:
        if function.body.blocks:  # type: ignore[attr-defined]
            # Functions in no-analysis-func-filter get a copy before every write.
            if function.sym_name.data in unanalyzed_functions:  # type: ignore[attr-defined]
                analysis.skip_analysis(state, function)
                continue
            analysis.analyze(state, function)
        record_function_facts(function, state, facts, annotate=annotate)
    for other in _non_function_ops(module):
        analysis.analyze(state, other)
    return state, functions


def registry_of(ctx: Context):
    """The registry of the plugins that made ``ctx`` (mlopt's tools and
    ExecutionEngine), or of the installed plugins for a context made elsewhere."""
    registry = getattr(ctx, "mlopt_registry", None)
    if registry is None:
        from mlopt.plugins import load_plugins
        from mlopt.registry import Registry

        registry = Registry(load_plugins())
    return registry


def model_table(ctx: Context):
    """The bufferization models registered by the plugins loaded in ``ctx``."""
    from mlopt.passes.bufferization.interface import ModelTable
    from mlopt.registry import BUFFERIZATION_MODEL

    return ModelTable(registry_of(ctx).factories(BUFFERIZATION_MODEL))


def functions_callees_first(module: Operation) -> list[Operation]:
    """The module's func.func ops, each after the functions it calls."""
    from mlopt.passes.bufferization.func_model import callee_of

    functions = [op for op in module.walk() if op.name == "func.func"]
    ordered: list[Operation] = []
    state: dict[Operation, str] = {}

    def visit(function: Operation) -> None:
        if state.get(function) is not None:
            return  # done, or on the current path (recursion: analyzed conservatively)
        state[function] = "visiting"
        for call in function.walk():
            if call.name == "func.call" and (callee := callee_of(call)) is not None and callee.name == "func.func":
                visit(callee)
        state[function] = "done"
        ordered.append(function)

    for function in functions:
        visit(function)
    return ordered


def _non_function_ops(module: ModuleOp) -> list[Operation]:
    return [op for op in module.body.block.ops if op.name != "func.func"]
