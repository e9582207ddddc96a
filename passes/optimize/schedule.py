"""The default schedule as transform IR text.

The script reads, top to bottom: fuse elementwise ops, bufferize, then one
named sequence per kernel (tiling for the cache and the registers), then
``@vectorize_and_lower`` over each function. Payload ops are selected by op
name and split in program order, as the analysis of a copy of the payload
(fused the same way) found them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from xdsl.context import Context
from xdsl.ir import Operation

from mlopt.passes.optimize import contraction, convolution, elementwise, reduction
from mlopt.passes.optimize.target import Target
from mlopt.passes.optimize.tiles import ANY, Kernel

FAMILIES: tuple[Callable[[Operation, Target], Kernel | None], ...] = (
    contraction.plan,
    convolution.plan,
    elementwise.plan,
    reduction.plan,
)
"""Tried in order; the first plan found schedules the op."""

BUFFERIZATION = {"bufferize_function_boundaries": True, "function_boundary_type_conversion": "identity-layout-map"}
"""One-shot bufferization as the script asks for it (the analysis bufferizes a copy alike)."""


@dataclass(frozen=True)
class ScheduleOptions:
    target: Target
    fuse: bool = True
    tile: bool = True
    vectorize: bool = True
    hoist: bool = True
    pack: bool | None = None
    """Pack matmuls: all, none, or (None) where it pays."""


Group = tuple[str, list[Kernel | None]]
"""An op name and the schedule of each op of that name, in program order."""


def payload_kernels(
    module: Operation, ctx: Context, options: ScheduleOptions
) -> tuple[list[Group], list[Group], list[reduction.RowFusion]]:
    """The structured ops of ``module`` as the script finds them, with their
    schedules (None: left as they are, e.g. dynamic shapes, or fused into a
    row loop): those scheduled on tensors (after fusion), then those
    scheduled on buffers; and the chains computed a row at a time."""
    from xdsl.rewriter import Rewriter

    from mlopt.passes.bufferization.one_shot_bufferize import OneShotBufferizePass
    from mlopt.passes.transforms.linalg_fuse_elementwise_ops import LinalgElementwiseOpFusionPass
    from mlopt.passes.transforms.linalg_generalize_named_ops import generalize

    payload = module.clone()
    for nested in list(payload.walk()):
        if nested.name == "builtin.module" and "transform.with_named_sequence" in nested.attributes:
            nested.detach()
            nested.erase()
    if options.fuse:
        for op in [op for op in payload.walk() if op.name in elementwise.GENERALIZED]:
            Rewriter.replace_op(op, generalize(op))
        LinalgElementwiseOpFusionPass().apply(ctx, payload)
    fusions = reduction.row_fusions(payload, options.target) if options.fuse else []
    groups = _groups(payload, options, fusions)
    created = {name for _, group in groups for k in group if k is not None and k.on_tensors for name in k.creates}
    on_tensors = [g for g in groups if g[0] in created or any(k is not None and k.on_tensors for k in g[1])]
    OneShotBufferizePass(**BUFFERIZATION).apply(ctx, payload)
    tensor_names = {name for name, _ in on_tensors}
    return on_tensors, [g for g in _groups(payload, options) if g[0] not in tensor_names], fusions


def _groups(payload: Operation, options: ScheduleOptions, fusions: Sequence[reduction.RowFusion] = ()) -> list[Group]:
    from functools import partial

    from mlopt.passes.transforms.linalg_vectorization import is_structured

    packing = partial(contraction.plan, pack=options.pack, vectorize=options.vectorize, hoist=options.hoist)
    families = [packing if f is contraction.plan else f for f in FAMILIES]
    fused: dict[Operation, Kernel | None] = {op: None for fusion in fusions for op in fusion.fused}
    fused.update((fusion.consumer, fusion.kernel) for fusion in fusions)
    groups: dict[str, list[Kernel | None]] = {}
    for op in payload.walk():
        if is_structured(op):
            planned = (k for f in families if (k := f(op, options.target)) is not None)
            kernel = fused[op] if op in fused else next(planned, None)
            groups.setdefault(op.name, []).append(kernel)
    return list(groups.items())


def _include_kernels(groups: list[Group], root: str, sequences: dict[str, Kernel]) -> list[str]:
    """Each scheduled op selected by name, split in program order, and its
    sequence included; every op is selected before any sequence runs, since
    a sequence may add ops of a name selected later."""
    selections, includes = [], []
    for op_name, group in groups:
        if all(k is None for k in group):
            continue
        stem = op_name.removeprefix("linalg.")
        selections.append(f'%all_{stem} = transform.structured.match ops{{["{op_name}"]}} in {root} : ({ANY}) -> {ANY}')
        handles = [f"%all_{stem}"]
        if len(group) > 1:
            handles = [f"%{stem}_{i}" for i in range(len(group))]
            types = ", ".join([ANY] * len(group))
            selections.append(f"{', '.join(handles)} = transform.split_handle %all_{stem} : ({ANY}) -> ({types})")
        for handle, kernel in zip(handles, group):
            if kernel is not None:
                sequences.setdefault(kernel.name, kernel)
                includes.append(f"transform.include @{kernel.name} failures(propagate) ({handle}) : ({ANY}) -> ()")
    return selections + includes


def _include_row_kernels(fusions: list[reduction.RowFusion], sequences: dict[str, Kernel]) -> list[str]:
    """The ops a row fusion marked for a kernel, selected by that mark after bufferization, and the kernel included."""
    lines = []
    for kernel in {k.name: k for fusion in fusions for k in fusion.on_buffers}.values():
        sequences.setdefault(kernel.name, kernel)
        handle = f"%rows_{kernel.name}"
        lines.append(
            f"{handle} = transform.structured.match attributes{{{reduction.row_attribute(kernel)}}} in %bufferized : ({ANY}) -> {ANY}"
        )
        lines.append(f"transform.include @{kernel.name} failures(propagate) ({handle}) : ({ANY}) -> ()")
    return lines


def build_schedule(module: Operation, ctx: Context, options: ScheduleOptions) -> str:
    """The transform module scheduling ``module``."""
    main: list[str] = []
    sequences: dict[str, Kernel] = {}
    if options.fuse:
        names = ", ".join(f'"{name}"' for name in elementwise.GENERALIZED)
        main.append(f"%named_elementwise = transform.structured.match ops{{[{names}]}} in %module : ({ANY}) -> {ANY}")
        main.append(f"%generalized = transform.structured.generalize %named_elementwise : ({ANY}) -> {ANY}")
        main.append(f'%functions = transform.structured.match ops{{["func.func"]}} in %module : ({ANY}) -> {ANY}')
        main.append(
            f'%fused = transform.apply_registered_pass "linalg-fuse-elementwise-ops" to %functions : ({ANY}) -> {ANY}'
        )
    on_tensors, on_buffers, fusions = payload_kernels(module, ctx, options) if options.tile else ([], [], [])
    main += _include_kernels(on_tensors, "%module", sequences)
    for kernel in (nested for fusion in fusions for nested in fusion.nested):
        sequences.setdefault(kernel.name, kernel)
    if fusions:
        # the producers fused into row loops are left unused: bufferized, they would still run
        main.append(f'%tensor_functions = transform.structured.match ops{{["func.func"]}} in %module : ({ANY}) -> {ANY}')
        main.append(f"transform.apply_dce to %tensor_functions : {ANY}")
    main.append(
        "%bufferized = transform.bufferization.one_shot_bufferize layout{IdentityLayoutMap} %module "
        f"{{bufferize_function_boundaries = true}} : ({ANY}) -> {ANY}"
    )
    main.append(f'%buffer_functions = transform.structured.match ops{{["func.func"]}} in %bufferized : ({ANY}) -> {ANY}')
    # a temporary of a loop body (a split reduction's partial result) allocated once, not per iteration
    main.append(f"transform.bufferization.buffer_loop_hoisting %buffer_functions : {ANY}")
    # temporaries freed where their last use is (returned buffers go to the caller)
    handle = "%buffer_functions"
    for step, pass_name in (
        ("canonicalized", "canonicalize"),
        ("deallocated", "ownership-based-buffer-deallocation"),
        ("simplified", "buffer-deallocation-simplification"),
        ("deallocations_lowered", "bufferization-lower-deallocations"),
    ):
        main.append(f'%{step} = transform.apply_registered_pass "{pass_name}" to {handle} : ({ANY}) -> {ANY}')
        handle = f"%{step}"
    main += _include_kernels(on_buffers, "%bufferized", sequences)
    main += _include_row_kernels(fusions, sequences)
    if options.vectorize and options.tile:
        main.append(f"transform.include @vectorize_and_lower failures(propagate) (%bufferized) : ({ANY}) -> ()")
    lines = [
        "module attributes {transform.with_named_sequence} {",
        f"  transform.named_sequence @__transform_main(%module: {ANY} {{transform.consumed}}) {{",
        *(f"    {line}" for line in main),
        "    transform.yield",
        "  }",
    ]
    for kernel in sequences.values():
        lines += _sequence(kernel.name, kernel.steps)
    if options.vectorize and options.tile:
        lines += _sequence("vectorize_and_lower", _vectorize_steps(options), argument="%payload", effect="readonly")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _sequence(name: str, steps: tuple[str, ...] | list[str], argument: str = "%op", effect: str = "consumed") -> list[str]:
    return [
        f"  transform.named_sequence @{name}({argument}: {ANY} {{transform.{effect}}}) {{",
        *(f"    {step}" for step in steps),
        "    transform.yield",
        "  }",
    ]


def _vectorize_steps(options: ScheduleOptions) -> list[str]:
    steps = [
        f'%functions = transform.structured.match ops{{["func.func"]}} in %payload : ({ANY}) -> {ANY}',
        f"%vectorized = transform.structured.vectorize_children_and_apply_patterns %functions : ({ANY}) -> {ANY}",
        "transform.apply_patterns to %vectorized {",
        "  transform.apply_patterns.vector.cast_away_vector_leading_one_dim",
        "  transform.apply_patterns.vector.lower_contraction lowering_strategy = outerproduct",
        "  transform.apply_patterns.vector.transfer_permutation_patterns",
        "  transform.apply_patterns.vector.lower_outerproduct",
        "  transform.apply_patterns.vector.lower_multi_reduction lowering_strategy = innerreduction",
        "  transform.apply_patterns.canonicalization",
        f"}} : {ANY}",
        f"transform.apply_cse to %vectorized : {ANY}",
        # CSE merges identical views, so copies between them become copies onto
        # themselves: canonicalization drops those (each would be a runtime call).
        "transform.apply_patterns to %vectorized {",
        "  transform.apply_patterns.canonicalization",
        f"}} : {ANY}",
    ]
    if options.hoist:
        steps += [
            f'%loops = transform.structured.match ops{{["scf.for"]}} in %payload : ({ANY}) -> {ANY}',
            f"transform.apply_licm to %loops : {ANY}",
            f"%hoisted = transform.structured.hoist_redundant_vector_transfers %vectorized : ({ANY}) -> {ANY}",
        ]
    # math on vectors as polynomials: LLVM would call libm once per element
    steps += [
        f'%vector_functions = transform.structured.match ops{{["func.func"]}} in %payload : ({ANY}) -> {ANY}',
        f'%approximated = transform.apply_registered_pass "test-math-polynomial-approximation" to %vector_functions : ({ANY}) -> {ANY}',
    ]
    return steps
