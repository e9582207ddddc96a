"""gpu-kernel-outlining: every ``gpu.launch`` body becomes a kernel
``gpu.func`` in a ``gpu.module`` of its own, launched with ``gpu.launch_func``.

As upstream (LLVM 22):

- the kernel and its module are named ``<function>_kernel`` (the module name
  made unique with ``_0``, ``_1``, ...) unless the launch names them with
  ``module(@m) function(@f)``;
- values the body uses from above become kernel arguments, in the order
  upstream's getUsedValuesDefinedAbove finds them (a post-order walk);
- the launch's block and thread ids and sizes become ``gpu.block_id``,
  ``gpu.thread_id``, ``gpu.grid_dim`` and ``gpu.block_dim`` ops (cluster ids
  and sizes ``gpu.cluster_id``/``gpu.cluster_dim``), workgroup and private
  attributions become the kernel's, ``gpu.terminator`` becomes ``gpu.return``;
- constant launch sizes are recorded as ``known_block_size`` /
  ``known_grid_size``;
- symbols the body refers to (functions, globals) are copied into the module;
- the enclosing module gets the ``gpu.container_module`` attribute.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith, builtin
from xdsl.dialects.builtin import DenseArrayBase, FunctionType, IntegerAttr, StringAttr, SymbolRefAttr, UnitAttr, i32, i64
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.passes import ModulePass

from mlopt.diagnostics import DiagnosticError

CONTAINER_MODULE_ATTR = "gpu.container_module"
DIMENSIONS = ("x", "y", "z")


@dataclass(frozen=True)
class GpuKernelOutliningPass(ModulePass):
    """Outline gpu.launch bodies to kernel functions"""

    name = "gpu-kernel-outlining"
    display_name: ClassVar[str] = "GpuKernelOutliningPass"
    anchor: ClassVar[str] = "builtin.module"

    data_layout_str: str = field(default="", metadata={"help": "String description of the data layout"})

    def apply(self, ctx: Context, op: Operation) -> None:
        launches = [candidate for candidate in op.walk() if candidate.name == "gpu.launch"]
        if not launches:
            return
        if self.data_layout_str:
            raise DiagnosticError.at(op, "gpu-kernel-outlining: data-layout-str is not supported by mlopt")
        symbols = SymbolTable(op)
        op.attributes[CONTAINER_MODULE_ATTR] = UnitAttr()
        insert_after: dict[Operation, Operation] = {}
        for launch in launches:
            owner = _top_level_ancestor(launch, op)
            kernel_module = outline(launch, symbols)
            block = op.regions[0].block
            anchor = insert_after.get(owner, owner)
            block.insert_op_after(kernel_module, anchor)
            insert_after[owner] = kernel_module


class SymbolTable:
    """The symbols directly in a module, for lookups and unique new names."""

    def __init__(self, module: Operation):
        self.module = module
        self.names: dict[str, Operation] = {}
        for op in module.regions[0].block.ops:
            name = symbol_name(op)
            if name is not None:
                self.names[name] = op

    def unique(self, base: str) -> str:
        """``base``, or ``base_0``, ``base_1``, ... as upstream's SymbolTable renames."""
        name, counter = base, 0
        while name in self.names:
            name = f"{base}_{counter}"
            counter += 1
        return name

    def add(self, name: str, op: Operation) -> None:
        self.names[name] = op


def symbol_name(op: Operation) -> str | None:
    name = op.properties.get("sym_name") or op.attributes.get("sym_name")
    return name.data if isinstance(name, StringAttr) else None


def _top_level_ancestor(op: Operation, module: Operation) -> Operation:
    while op.parent_op() is not module:
        parent = op.parent_op()
        assert parent is not None
        op = parent
    return op


def _enclosing_symbol(op: Operation) -> str:
    parent = op.parent_op()
    while parent is not None:
        name = symbol_name(parent)
        if name is not None:
            return name
        parent = parent.parent_op()
    raise DiagnosticError.at(op, "'gpu.launch' op must be inside a function (a symbol) to be outlined")


# --------------------------------------------------------------------------- outlining


def outline(launch: Operation, symbols: SymbolTable) -> Operation:
    """Move the body of ``launch`` into a new gpu.module (returned, not yet
    inserted) and replace ``launch`` by a gpu.launch_func."""
    from mlopt.dialects.gpu import LAUNCH_CLUSTER_ARGS, LAUNCH_CONFIG_ARGS, gpu_func_workgroup_count, launch_operands

    operands = launch_operands(launch)
    default_name = _enclosing_symbol(launch) + "_kernel"
    module_name = _symbol_property(launch, "module") or default_name
    function_name = _symbol_property(launch, "function") or default_name
    module_name = symbols.unique(module_name)

    body = launch.regions[0]
    entry = body.blocks.first
    assert entry is not None
    clustered = bool(operands["cluster_sizes"])
    config = LAUNCH_CONFIG_ARGS + (LAUNCH_CLUSTER_ARGS if clustered else 0)
    workgroup_count = gpu_func_workgroup_count(launch)
    attributions = list(entry.args[config:])
    captured = captured_values(launch)

    kernel_entry = Block(arg_types=[v.type for v in captured] + [a.type for a in attributions])
    for value, argument in zip(captured, kernel_entry.args):
        argument.name_hint = None
        _replace_uses_inside(value, argument, launch)
    for old, new in zip(attributions, kernel_entry.args[len(captured) :]):
        new.name_hint = old.name_hint
        old.replace_all_uses_with(new)
    index_values = _index_ops(kernel_entry, clustered)
    for arg, value in zip(entry.args[:config], index_values):
        arg.replace_all_uses_with(value)

    kernel_body = Region([kernel_entry])
    for op in list(entry.ops):
        op.detach()
        kernel_entry.add_op(op)
    for block in list(body.blocks)[1:]:
        body.detach_block(block)
        kernel_body.add_block(block)
    _terminators_to_returns(kernel_body)

    kernel = _kernel_function(function_name, captured, kernel_body, workgroup_count, operands, launch)
    kernel_module = _gpu_module(module_name, [kernel, *_referenced_symbols(kernel, symbols.module)])
    kernel_module.location = launch.location
    symbols.add(module_name, kernel_module)
    _replace_with_launch_func(launch, module_name, function_name, captured, operands)
    return kernel_module


def _symbol_property(launch: Operation, name: str) -> str | None:
    symbol = launch.properties.get(name)
    return symbol.root_reference.data if isinstance(symbol, SymbolRefAttr) else None


def captured_values(launch: Operation) -> list[SSAValue]:
    """Values used in the launch body but defined outside it, in the order
    upstream's getUsedValuesDefinedAbove collects them."""
    inside = {id(region) for op in launch.walk() for region in op.regions}
    seen: dict[SSAValue, None] = {}
    for region in launch.regions:
        for op in region.walk(region_first=True):
            for operand in op.operands:
                owner_block = operand.owner if isinstance(operand.owner, Block) else operand.owner.parent
                region_of = owner_block.parent if owner_block is not None else None
                if id(region_of) not in inside:
                    seen.setdefault(operand)
    return list(seen)


def _replace_uses_inside(value: SSAValue, replacement: SSAValue, launch: Operation) -> None:
    for use in list(value.uses):
        if _is_inside(use.operation, launch):
            use.operation.operands[use.index] = replacement


def _is_inside(op: Operation, ancestor: Operation) -> bool:
    current = op.parent_op()
    while current is not None:
        if current is ancestor:
            return True
        current = current.parent_op()
    return False


def _index_ops(block: Block, clustered: bool) -> list[SSAValue]:
    """The id and size ops replacing the launch body's arguments, in the order
    of those arguments (block ids, thread ids, grid sizes, block sizes, then
    cluster ids and sizes)."""
    from xdsl.dialects.gpu import DimensionEnum

    from mlopt.dialects import gpu

    kinds = [gpu.BlockIdOp, gpu.ThreadIdOp, gpu.GridDimOp, gpu.BlockDimOp]
    if clustered:
        kinds += [gpu.ClusterIdOp, gpu.ClusterDimOp]
    values = []
    for kind in kinds:
        for dimension in DIMENSIONS:
            op = kind.build(properties={"dimension": gpu.DimensionAttr(DimensionEnum(dimension))}, result_types=[builtin.IndexType()])
            op.results[0].name_hint = f"{kind.name.removeprefix('gpu.')}_{dimension}"
            block.add_op(op)
            values.append(op.results[0])
    return values


def _terminators_to_returns(region: Region) -> None:
    from mlopt.dialects.gpu import ReturnOp

    for block in region.blocks:
        last = block.last_op
        if last is not None and last.name == "gpu.terminator":
            replacement = ReturnOp.build(operands=[[]])
            replacement.location = last.location
            block.insert_op_before(replacement, last)
            last.detach()
            last.erase()


def _constant_sizes(values: Sequence[SSAValue]) -> DenseArrayBase | None:
    sizes = []
    for value in values:
        owner = value.owner
        if not isinstance(owner, arith.ConstantOp) or not isinstance(owner.value, IntegerAttr):
            return None
        sizes.append(owner.value.value.data)
    return DenseArrayBase.from_list(i32, sizes)


def _kernel_function(
    name: str, captured: list[SSAValue], body: Region, workgroup_count: int, operands: dict, launch: Operation
) -> Operation:
    from mlopt.dialects.gpu import KERNEL_ATTR, WORKGROUP_ATTRIBUTIONS, FuncOp

    attributes: dict[str, Attribute] = {
        "sym_name": StringAttr(name),
        KERNEL_ATTR: UnitAttr(),
        WORKGROUP_ATTRIBUTIONS: IntegerAttr(workgroup_count, i64),
    }
    for key, values in (("known_block_size", operands["block_sizes"]), ("known_grid_size", operands["grid_sizes"])):
        sizes = _constant_sizes(values)
        if sizes is not None:
            attributes[key] = sizes
    kernel = FuncOp.build(
        properties={"function_type": FunctionType.from_lists([v.type for v in captured], [])},
        attributes=attributes,
        regions=[body],
    )
    kernel.location = launch.location
    return kernel


def _gpu_module(name: str, ops: Sequence[Operation]) -> Operation:
    from mlopt.dialects.gpu import ModuleOp

    block = Block()
    block.add_ops(ops)
    return ModuleOp.build(properties={"sym_name": StringAttr(name)}, regions=[Region([block])])


def _referenced_symbols(kernel: Operation, module: Operation) -> list[Operation]:
    """Copies of the module's symbols the kernel refers to, and those they refer to."""
    table = SymbolTable(module)
    copied: dict[str, Operation] = {}
    pending = [kernel]
    while pending:
        current = pending.pop(0)
        for name in _symbol_uses(current):
            if name in copied or name not in table.names:
                continue
            copy = table.names[name].clone()
            copied[name] = copy
            pending.append(copy)
    return list(copied.values())


def _symbol_uses(root: Operation) -> Iterator[str]:
    for op in root.walk():
        for attribute in (*op.properties.values(), *op.attributes.values()):
            yield from _symbol_references(attribute)


def _symbol_references(attribute: Attribute) -> Iterator[str]:
    if isinstance(attribute, SymbolRefAttr):
        yield attribute.root_reference.data
    elif isinstance(attribute, builtin.ArrayAttr):
        for element in attribute.data:
            yield from _symbol_references(element)


def _replace_with_launch_func(
    launch: Operation, module_name: str, function_name: str, captured: list[SSAValue], operands: dict
) -> None:
    from mlopt.dialects.gpu import LaunchFuncOp

    launch_func = LaunchFuncOp(
        SymbolRefAttr(module_name, [function_name]),
        operands["grid_sizes"],
        operands["block_sizes"],
        operands["cluster_sizes"] or None,
        captured,
        async_launch=operands["async_token"] is not None,
        asyncDependencies=operands["async_dependencies"],
        dynamicSharedMemorySize=operands["dynamic_shared_memory_size"],
    )
    launch_func.location = launch.location
    parent = launch.parent_block()
    assert parent is not None
    parent.insert_op_before(launch_func, launch)
    if operands["async_token"] is not None:
        operands["async_token"].replace_all_uses_with(launch_func.results[0])
    launch.detach()
    launch.erase()
