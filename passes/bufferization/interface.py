"""The bufferizable-op interface: what one-shot bufferization asks of an op.

Upstream attaches ``BufferizableOpInterface`` to ops as external models, one
file per dialect; mlopt does the same with :class:`BufferizableOpModel`
subclasses in ``*_model.py`` beside this file, registered by op name (or by
dialect name, for every op of a dialect) through the
``mlopt_register_bufferization_models`` hook, so a plugin's dialect becomes
bufferizable exactly like a built-in one.

An *operand* here is ``(op, index)``: one use of a value by an op, upstream's
``OpOperand``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from xdsl.dialects.builtin import FunctionType, TensorType, UnrankedTensorType
from xdsl.ir import Attribute, Operation, OpResult, SSAValue
from xdsl.rewriter import InsertPoint

if TYPE_CHECKING:
    from mlopt.passes.bufferization.analysis import AnalysisState
    from mlopt.passes.bufferization.bufferize import Bufferizer

Operand = tuple[Operation, int]


class BufferRelation(enum.Enum):
    """How an op's result buffer relates to the buffer of an aliasing operand."""

    UNKNOWN = "unknown"
    EQUIVALENT = "equivalent"


def is_tensor(value_or_type: SSAValue | Attribute) -> bool:
    type_ = value_or_type.type if isinstance(value_or_type, SSAValue) else value_or_type
    return isinstance(type_, TensorType | UnrankedTensorType)


def has_tensor_semantics(op: Operation) -> bool:
    return any(is_tensor(v) for v in op.operands) or any(is_tensor(r) for r in op.results)


def has_tensor_types(op: Operation) -> bool:
    """Tensor operands, results or block arguments, or a tensor in a function signature."""
    if has_tensor_semantics(op):
        return True
    if any(is_tensor(arg) for region in op.regions for block in region.blocks for arg in block.args):
        return True
    signature = op.properties.get("function_type")
    return isinstance(signature, FunctionType) and any(is_tensor(t) for t in (*signature.inputs.data, *signature.outputs.data))


class BufferizableOpModel:
    """How one op kind bufferizes. The defaults are upstream's defaults; an op
    without a model is an *unknown op*, treated conservatively (see
    :class:`UnknownOpModel`)."""

    branches_exclusive = False
    """Whether at most one of the op's regions runs (scf.if's then and else)."""

    supports_unstructured_control_flow = False
    """Whether the op's regions may have several blocks."""

    def reads(self, op: Operation, index: int, state: AnalysisState) -> bool:
        """Whether the buffer of operand ``index`` is read."""
        return True

    def writes(self, op: Operation, index: int, state: AnalysisState) -> bool:
        """Whether the buffer of operand ``index`` is written (when in place)."""
        return False

    def aliasing_results(self, op: Operation, index: int, state: AnalysisState) -> list[tuple[OpResult, BufferRelation]]:
        """The results whose buffer is operand ``index``'s buffer when it bufferizes in place."""
        return []

    def aliasing_operands(self, op: Operation, result: OpResult, state: AnalysisState) -> list[tuple[Operand, BufferRelation]]:
        """The operands (of this op, or of ops in its regions) whose buffer
        ``result`` may be; by default the inverse of :meth:`aliasing_results`."""
        return [
            ((op, index), relation)
            for index, value in enumerate(op.operands)
            if is_tensor(value)
            for aliased, relation in self.aliasing_results(op, index, state)
            if aliased is result
        ]

    def result_writes(self, op: Operation, result: OpResult, state: AnalysisState) -> bool:
        """Whether ``result`` holds data written by the op (upstream's
        resultBufferizesToMemoryWrite): true without an aliasing operand, or if
        an aliasing operand is written."""
        aliases = self.aliasing_operands(op, result, state)
        if not aliases:
            return True
        return any(state.writes(operand) or state.written_inside(op, operand) for operand, _ in aliases)

    def must_bufferize_in_place(self, op: Operation, index: int, state: AnalysisState) -> bool:
        """Whether the operand is decided in place before anything else; an
        unranked tensor always is, since it cannot be copied (upstream's default)."""
        return isinstance(op.operands[index].type, UnrankedTensorType)

    def is_writable(self, op: Operation, value: SSAValue, state: AnalysisState) -> bool:
        """Whether the buffer of ``value`` (a result, or an argument of a block of
        the op) may be written in place."""
        return True

    def is_not_conflicting(self, op: Operation, read: Operand, write: Operand, state: AnalysisState) -> bool:
        return False

    def elementwise_access(self, op: Operation, operands: Sequence[Operand], state: AnalysisState) -> bool:
        """Whether ``operands`` are accessed element by element, all loads at a
        position before all stores to it (so an operand may be read and written in place)."""
        return False

    def is_repetitive_region(self, op: Operation, region_index: int) -> bool:
        """Whether the region may run more than once per execution of the op."""
        return False

    def is_parallel_region(self, op: Operation, region_index: int) -> bool:
        """Whether the region's executions may run at the same time (scf.forall)."""
        return False

    def subset_insertion_operands(self, op: Operation) -> tuple[int, int] | None:
        """(source, destination) operand indices when the op inserts a tensor
        into a part of another (upstream's SubsetInsertionOpInterface)."""
        return None

    def is_equivalent_subset(self, op: Operation, candidate: OpResult, state: AnalysisState) -> bool:
        """Whether ``candidate`` is extracted from exactly the part of an
        equivalent destination that this subset insertion writes."""
        return False

    def subset_extraction_values(self, op: Operation) -> list[SSAValue]:
        """The values :meth:`build_subset_extraction` uses."""
        return []

    def build_subset_extraction(self, op: Operation, at: InsertPoint) -> SSAValue | None:
        """A tensor holding the part of the destination this subset insertion
        writes (upstream's buildSubsetExtraction), inserted at ``at``."""
        return None

    def verify_analysis(self, op: Operation, state: AnalysisState) -> None:
        """Raise a DiagnosticError for what the analysis decided that this op
        cannot bufferize."""

    def resolve_conflicts(self, op: Operation, state: AnalysisState) -> None:
        """Before the rewrite, in tensor form: give each out-of-place operand a
        fresh tensor (upstream's resolveConflicts)."""
        from mlopt.passes.bufferization.bufferize import resolve_operand_conflicts

        resolve_operand_conflicts(op, state)

    def bufferize(self, op: Operation, bufferizer: Bufferizer) -> None:
        """Replace ``op`` by ops on buffers (its tensor results by buffers)."""
        raise NotImplementedError(f"{type(self).__name__}.bufferize")

    def buffer_type(self, value: SSAValue, bufferizer: Bufferizer) -> Attribute:
        """The memref type of ``value``'s buffer (a result of the op or an
        argument of one of its blocks), before the op is bufferized."""
        return bufferizer.default_buffer_type(value)


class UnknownOpModel(BufferizableOpModel):
    """An op nobody models: it may read and write every tensor operand, and its
    results may alias any of them (upstream's unknown-op defaults)."""

    def writes(self, op, index, state):
        return True

    def aliasing_results(self, op, index, state):
        return [(result, BufferRelation.UNKNOWN) for result in op.results if is_tensor(result)]

    def is_writable(self, op, value, state):
        return False


class DestinationStyleModel(BufferizableOpModel):
    """Destination-passing style: the op writes its results into its inits;
    result ``i`` is init ``i``'s buffer."""

    def init_indices(self, op: Operation) -> list[int]:
        """The inits: linalg's ops list them last, one per result."""
        return list(range(len(op.operands) - len(op.results), len(op.operands)))

    def writes(self, op, index, state):
        return index in self.init_indices(op)

    def aliasing_results(self, op, index, state):
        inits = self.init_indices(op)
        if index not in inits:
            return []
        position = inits.index(index)
        tensor_results = [r for r in op.results if is_tensor(r)]
        if position >= len(tensor_results):
            return []
        return [(tensor_results[position], BufferRelation.EQUIVALENT)]

    def buffer_type(self, value, bufferizer):
        """A result lives in its init's buffer."""
        if isinstance(value, OpResult):
            tensor_results = [r for r in value.op.results if is_tensor(r)]
            init = self.init_indices(value.op)[tensor_results.index(value)]
            return bufferizer.buffer_type(value.op.operands[init])
        return super().buffer_type(value, bufferizer)


class ModelTable:
    """The bufferization models the plugins registered, looked up by op name.

    A registration named after an op (``"toy.transpose"``) gives that op's
    model; one named after a dialect (``"tensor"``) gives a mapping from op
    names to models, where ``"*"`` stands for every op of the dialect."""

    def __init__(self, factories: Mapping[str, Callable[[], Any]]):
        self._factories = factories
        self._loaded: dict[str, Any] = {}

    def _load(self, name: str) -> Any:
        if name not in self._loaded:
            factory = self._factories.get(name)
            self._loaded[name] = factory() if factory is not None else None
        return self._loaded[name]

    def __call__(self, op: Operation) -> BufferizableOpModel | None:
        model = self._load(op.name)
        if model is not None:
            return model
        dialect_models = self._load(op.name.split(".", 1)[0])
        if dialect_models is None:
            return None
        return dialect_models.get(op.name) or dialect_models.get("*")
