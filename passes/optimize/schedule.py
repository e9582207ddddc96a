"""The default schedule as transform IR text.

The script reads, top to bottom: fuse elementwise ops, bufferize, then one
named sequence per kernel (tiling for the cache and the registers), then
``@vectorize_and_lower`` over each function. Payload ops are selected by op
name and split in program order, as the analysis of a copy of the payload
(fused the same way) found them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from xdsl.context import Context
from xdsl.ir import Operation

from mlopt.passes.optimize import contraction, convolution, elementwise, reduction
from mlopt.passes.optimize.target import Target
from mlopt.passes.optimize.tiles import Kernel

FAMILIES: tuple[Callable[[Operation, Target], Kernel | None], ...] = (
    contraction.plan,
    convolution.plan,
    elementwise.plan,
    reduction.plan,
)
"""Tried in order; the first plan found schedules the op."""

ANY = "!transform.any_op"

BUFFERIZATION = {"bufferize_function_boundaries": True, "function_boundary_type_conversion": "identity-layout-map"}
"""One-shot bufferization as the script asks for it (the analysis bufferizes a copy alike)."""


@dataclass(frozen=True)
class ScheduleOptions:
    target: Target
    fuse: bool = True
    tile: bool = True
    vectorize: bool = True
    hoist: bool = True


def payload_kernels(module: Operation, ctx: Context, options: ScheduleOptions) -> list[tuple[Operation, Kernel | None]]:
    """The structured ops of ``module`` once fused, in program order, with their
    schedules (None: left as it is, e.g. dynamic shapes)."""
    from mlopt.passes.transforms.linalg_vectorization import is_structured

    payload = module.clone()
    for nested in list(payload.walk()):
        if nested.name == "builtin.module" and "transform.with_named_sequence" in nested.attributes:
            nested.detach()
            nested.erase()
    if options.fuse:
        from mlopt.passes.transforms.linalg_fuse_elementwise_ops import LinalgElementwiseOpFusionPass

        LinalgElementwiseOpFusionPass().apply(ctx, payload)
    from mlopt.passes.bufferization.one_shot_bufferize import OneShotBufferizePass

    OneShotBufferizePass(**BUFFERIZATION).apply(ctx, payload)
    found = []
    for op in payload.walk():
        if is_structured(op):
            found.append((op, next((k for f in FAMILIES if (k := f(op, options.target)) is not None), None)))
    return found


def build_schedule(module: Operation, ctx: Context, options: ScheduleOptions) -> str:
    """The transform module scheduling ``module``."""
    main: list[str] = []
    sequences: dict[str, Kernel] = {}
    if options.fuse:
        main.append(f'%functions = transform.structured.match ops{{["func.func"]}} in %module : ({ANY}) -> {ANY}')
        main.append(
            f'%fused = transform.apply_registered_pass "linalg-fuse-elementwise-ops" to %functions : ({ANY}) -> {ANY}'
        )
    main.append(
        "%bufferized = transform.bufferization.one_shot_bufferize layout{IdentityLayoutMap} %module "
        f"{{bufferize_function_boundaries = true}} : ({ANY}) -> {ANY}"
    )
    kernels = payload_kernels(module, ctx, options) if options.tile else []
    by_name: dict[str, list[Kernel | None]] = {}
    for op, kernel in kernels:
        by_name.setdefault(op.name, []).append(kernel)
    for op_name, group in by_name.items():
        if all(k is None for k in group):
            continue
        stem = op_name.removeprefix("linalg.")
        main.append(f'%all_{stem} = transform.structured.match ops{{["{op_name}"]}} in %bufferized : ({ANY}) -> {ANY}')
        handles = [f"%{stem}_{i}" for i in range(len(group))]
        if len(group) > 1:
            types = ", ".join([ANY] * len(group))
            main.append(f"{', '.join(handles)} = transform.split_handle %all_{stem} : ({ANY}) -> ({types})")
        else:
            handles = [f"%all_{stem}"]
        for handle, kernel in zip(handles, group):
            if kernel is None:
                continue
            sequences.setdefault(kernel.name, kernel)
            main.append(f"transform.include @{kernel.name} failures(propagate) ({handle}) : ({ANY}) -> ()")
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
        "  transform.apply_patterns.vector.lower_contraction lowering_strategy = outerproduct",
        "  transform.apply_patterns.vector.transfer_permutation_patterns",
        "  transform.apply_patterns.vector.lower_outerproduct",
        "  transform.apply_patterns.canonicalization",
        f"}} : {ANY}",
        f"transform.apply_cse to %vectorized : {ANY}",
    ]
    if options.hoist:
        steps += [
            f'%loops = transform.structured.match ops{{["scf.for"]}} in %payload : ({ANY}) -> {ANY}',
            f"transform.apply_licm to %loops : {ANY}",
            f"%hoisted = transform.structured.hoist_redundant_vector_transfers %vectorized : ({ANY}) -> {ANY}",
        ]
    return steps
