"""GPU offloading in translation: ``gpu.binary`` and ``gpu.launch_func`` →
llvm dialect ops calling the GPU runtime, as upstream's translation to LLVM IR
does for ``#gpu.select_object`` (SelectObjectAttr's embedBinary and
launchKernel).

For each binary ``@K``: the selected object's bytes in ``@K_binary`` (PTX
NUL-terminated), the loaded module in ``@K_module``, a constructor
``@K_load`` calling ``mgpuModuleLoadJIT`` (PTX) or ``mgpuModuleLoad``
(cubin, fatbin) and a destructor ``@K_unload`` calling
``mgpuModuleUnload``, registered in ``llvm.global_ctors``/``dtors``.
Each launch stores its arguments in a stack struct, passes an array of
pointers to them, and calls ``mgpuModuleGetFunction`` and
``mgpuLaunchKernel`` on the launch's stream.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.dialects import builtin, llvm
from xdsl.dialects.builtin import BytesAttr, IntegerAttr, StringAttr, i32, i64
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.pattern_rewriter import PatternRewriter
from xdsl.builder import Builder
from xdsl.rewriter import InsertPoint

from mlopt.diagnostics import DiagnosticError

PTR = llvm.LLVMPointerType()
CONSTRUCTOR_PRIORITY = 123
"""The priority upstream registers module loading with."""
LOADED_FORMATS = {"assembly": "mgpuModuleLoadJIT", "bin": "mgpuModuleLoad", "fatbin": "mgpuModuleLoad"}


def check_gpu_lowered(module: Operation) -> None:
    """Device code must be serialized and host code lowered before translation."""
    for op in module.walk():
        if op.name == "gpu.module":
            raise DiagnosticError.at(
                op, "'gpu.module' op was not compiled; run gpu-module-to-binary (or the gpu-lower-to-nvvm-pipeline)"
            )
        if op.name.startswith("gpu.") and op.name not in ("gpu.binary", "gpu.launch_func"):
            raise DiagnosticError.at(
                op, f"'{op.name}' op was not lowered to the llvm dialect; run gpu-to-llvm (or the gpu-lower-to-nvvm-pipeline)"
            )


def lower_offloading(module: Operation) -> Operation:
    """A copy of ``module`` with its gpu.binary and gpu.launch_func ops in the llvm dialect."""
    check_gpu_lowered(module)
    lowered = module.clone()
    block = lowered.regions[0].block
    binaries = {}
    for op in list(block.ops):
        if op.name == "gpu.binary":
            binaries[op.properties["sym_name"].data] = embed_binary(op)
    names: dict[tuple[str, str], str] = {}
    for op in [op for op in lowered.walk() if op.name == "gpu.launch_func"]:
        launch_kernel(op, binaries, names)
    if binaries:
        block.add_op(_structors("llvm.global_ctors", [b.load for b in binaries.values()]))
        block.add_op(_structors("llvm.global_dtors", [b.unload for b in binaries.values()]))
    return lowered


# --------------------------------------------------------------------------- binaries


@dataclass(frozen=True)
class EmbeddedBinary:
    module_global: str
    load: str
    unload: str


def select_object(binary: Operation) -> Attribute:
    """The object ``#gpu.select_object`` picks: by index, by target, or the first."""
    objects = list(binary.properties["objects"].data)
    handler = binary.properties.get("offloadingHandler")
    choice = getattr(handler, "target", None)
    if isinstance(choice, IntegerAttr):
        index = choice.value.data
        if not 0 <= index < len(objects):
            raise DiagnosticError.at(binary, f"'gpu.binary' op: #gpu.select_object index {index} is out of range ({len(objects)} objects)")
        return objects[index]
    if choice is not None and not isinstance(choice, builtin.UnitAttr):
        for obj in objects:
            if obj.target == choice:
                return obj
        raise DiagnosticError.at(binary, f"'gpu.binary' op has no object for the target {choice}")
    return objects[0]


def embed_binary(binary: Operation) -> EmbeddedBinary:
    name = binary.properties["sym_name"].data
    chosen = select_object(binary)
    object_format = chosen.format.data
    loader = LOADED_FORMATS.get(object_format)
    if loader is None:
        raise DiagnosticError.at(
            binary, f"'gpu.binary' op: a '{object_format}' object cannot be loaded; use gpu-module-to-binary{{format=isa|bin|fatbin}}"
        )
    data = chosen.object.data
    blob = data if isinstance(data, bytes) else data.encode("utf-8")
    if object_format == "assembly":
        blob += b"\x00"
    block = binary.parent_block()
    assert block is not None
    section = chosen.properties.data.get("section") if isinstance(chosen.properties, builtin.DictionaryAttr) else None
    contents = llvm.GlobalOp(
        llvm.LLVMArrayType(len(blob), builtin.i8),
        f"{name}_binary",
        "internal",
        constant=True,
        value=BytesAttr(blob),
        section=section.data if isinstance(section, StringAttr) else None,
    )
    loaded = llvm.GlobalOp(PTR, f"{name}_module", "internal", body=_returning(lambda b: b.zero(PTR)))
    load = _function(f"{name}_load")
    unload = _function(f"{name}_unload")
    for op in (contents, loaded, load, unload):
        op.location = binary.location
        block.insert_op_before(op, binary)

    b = _building(load)
    data_ptr = b.value(llvm.AddressOfOp(contents.sym_name.data, PTR))
    size_or_level = b.constant(_opt_level(chosen), i32) if loader == "mgpuModuleLoadJIT" else b.constant(len(blob), i64)
    handle = _call(b, binary, loader, [data_ptr, size_or_level])
    b.store(handle, b.value(llvm.AddressOfOp(loaded.sym_name.data, PTR)))
    b.op(llvm.ReturnOp())
    b = _building(unload)
    handle = b.load(b.value(llvm.AddressOfOp(loaded.sym_name.data, PTR)), PTR)
    _call(b, binary, "mgpuModuleUnload", [handle])
    b.op(llvm.ReturnOp())
    binary.detach()
    binary.erase()
    return EmbeddedBinary(loaded.sym_name.data, load.sym_name.data, unload.sym_name.data)


def _opt_level(chosen: Attribute) -> int:
    properties = chosen.properties
    if isinstance(properties, builtin.DictionaryAttr):
        level = properties.data.get("O")
        if isinstance(level, IntegerAttr):
            return level.value.data
    return 2


def _function(name: str) -> llvm.FuncOp:
    function = llvm.FuncOp(name, llvm.LLVMFunctionType([], None), linkage=llvm.LinkageAttr("internal"))
    function.body.add_block(Block())
    return function


def _returning(build) -> Region:
    """A global's initializer region returning what ``build`` makes."""
    block = Block()
    b = _building_in(block)
    b.op(llvm.ReturnOp(build(b)))
    return Region([block])


def _structors(name: str, functions: list[str]) -> llvm.GlobalOp:
    """``@llvm.global_ctors``/``dtors``: (priority, function, null) entries."""
    entry = llvm.LLVMStructType.from_type_list([i32, PTR, PTR])
    array = llvm.LLVMArrayType(len(functions), entry)

    def build(b):
        table = b.create_value("llvm.mlir.undef", [], array)
        for index, function in enumerate(functions):
            record = b.create_value("llvm.mlir.undef", [], entry)
            record = b.insert(record, b.constant(CONSTRUCTOR_PRIORITY, i32), [0])
            record = b.insert(record, b.value(llvm.AddressOfOp(function, PTR)), [1])
            record = b.insert(record, b.zero(PTR), [2])
            table = b.insert(table, record, [index])
        return table

    return llvm.GlobalOp(array, name, "appending", body=_returning(build))


# --------------------------------------------------------------------------- launches


def launch_kernel(op: Operation, binaries: dict[str, EmbeddedBinary], names: dict[tuple[str, str], str]) -> None:
    """Replace a lowered gpu.launch_func by the runtime calls launching it."""
    kernel = op.properties["kernel"]
    module_name = kernel.root_reference.data
    kernel_name = kernel.nested_references.data[-1].data if kernel.nested_references.data else module_name
    binary = binaries.get(module_name)
    if binary is None:
        raise DiagnosticError.at(op, f"'gpu.launch_func' op refers to @{module_name}, which is not a gpu.binary in this module")
    _check_lowered_launch(op)
    table = op
    while table.parent_op() is not None:
        table = table.parent_op()
    name_global = names.get((module_name, kernel_name))
    if name_global is None:
        name_global = f"{module_name}_{kernel_name}_name"
        text = (kernel_name + "\x00").encode()
        constant = llvm.GlobalOp(
            llvm.LLVMArrayType(len(text), builtin.i8), name_global, "private", constant=True, value=BytesAttr(text), alignment=1, unnamed_addr=2
        )
        table.regions[0].block.add_op(constant)
        names[(module_name, kernel_name)] = name_global
    rewriter = PatternRewriter(op)
    b = _builder(rewriter)
    arguments = list(op.kernelOperands)
    fields = llvm.LLVMStructType.from_type_list([a.type for a in arguments])
    one = b.constant(1, i64)
    storage = b.alloca(one, fields)
    pointers = b.alloca(b.constant(len(arguments), i64), PTR)
    for index, argument in enumerate(arguments):
        field_ptr = b.gep(storage, [0, index], fields)
        b.store(argument, field_ptr)
        b.store(field_ptr, b.gep(pointers, [index], PTR))
    module_handle = b.load(b.value(llvm.AddressOfOp(binary.module_global, PTR)), PTR)
    function = _call(b, op, "mgpuModuleGetFunction", [module_handle, b.value(llvm.AddressOfOp(name_global, PTR))])
    sizes = [_as_i64(b, v) for v in (op.gridSizeX, op.gridSizeY, op.gridSizeZ, op.blockSizeX, op.blockSizeY, op.blockSizeZ)]
    shared = op.dynamicSharedMemorySize if op.dynamicSharedMemorySize is not None else b.constant(0, i32)
    stream = op.asyncObject if op.asyncObject is not None else b.zero(PTR)
    _call(b, op, "mgpuLaunchKernel", [function, *sizes, shared, stream, pointers, b.zero(PTR), b.constant(len(arguments), i64)])
    rewriter.erase(op)


def _check_lowered_launch(op: Operation) -> None:
    from mlopt.passes.conversion.llvm_common import LLVMTypeConverter

    converter = LLVMTypeConverter()
    if op.results:
        raise DiagnosticError.at(op, "'gpu.launch_func' op still returns an async token; run gpu-to-llvm to lower it")
    if op.clusterSizeX is not None:
        raise DiagnosticError.at(op, "'gpu.launch_func' op with clusters cannot be launched by mlopt's runtime")
    for value in op.operands:
        if isinstance(value.type, builtin.IndexType) or not converter.is_legal(value.type):
            raise DiagnosticError.at(op, f"'gpu.launch_func' op has a {value.type} operand; run gpu-to-llvm to lower it first")


def _as_i64(b, value: SSAValue) -> SSAValue:
    if value.type == i64:
        return value
    return b.create_value("llvm.sext", [value], i64)


def _call(b, where: Operation, name: str, args: list[SSAValue]) -> SSAValue | None:
    from mlopt.passes.conversion.gpu_to_llvm import call_runtime

    return call_runtime(b, where, name, args)


def _builder(rewriter: Builder):
    from mlopt.passes.conversion.llvm_common import LLVMBuilder, LLVMTypeConverter

    return LLVMBuilder(rewriter, LLVMTypeConverter())  # type: ignore[arg-type]


def _building_in(block: Block):
    """A builder of llvm ops appended to ``block``."""
    return _builder(Builder(InsertPoint.at_end(block)))


def _building(function: llvm.FuncOp):
    block = function.body.blocks.first
    assert block is not None
    return _building_in(block)
