"""Speed patches to xDSL 0.74 applied at import, next to :mod:`mlopt.xdsl_fixes`.

Each patch keeps xDSL's behaviour and only removes work; each says what is
slow upstream and can go when xDSL changes it.

- Identity hashing: operations, blocks, regions, SSA values and uses hash and
  compare by identity through Python-level ``__hash__``/``__eq__`` methods
  (``return id(self)``, ``return self is other``). Every dict and set keyed by
  IR (the verifier's, the rewriter's, the printer's name tables) pays a Python
  call per lookup; object's own slots give the same identity semantics in C.
- IRDL op verification: ``OpDef.verify`` rebuilds each operand and result
  group through its accessor, recounts every variadic layout and wraps each
  single value's constraint in range constraints, for every op verified.
  An op definition with nothing variadic (most ops) is checked here value
  by value against the same constraints, in the same order and with one
  constraint context; anything that fails is verified again by xDSL, whose
  message is reported.
"""

from __future__ import annotations

import functools


def _identity_hashing() -> None:
    from xdsl.ir import core
    from xdsl.irdl.operations import IRDLOperation

    for cls in (core._IRNode, core.SSAValue, core.Use, IRDLOperation):
        cls.__hash__ = object.__hash__
        cls.__eq__ = object.__eq__


@functools.cache
def apply() -> None:
    _identity_hashing()
    _fixed_layout_op_verification()


def _fixed_layout_op_verification() -> None:
    from xdsl.dialects.builtin import DenseArrayBase, i32
    from xdsl.irdl import operations
    from xdsl.irdl.constraints import (
        AnyAttr,
        EqIntConstraint,
        RangeConstraint,
        RangeLengthConstraint,
        RangeOf,
        VerificationContext,
    )
    from xdsl.traits import OpTrait

    OpDef = operations.OpDef
    verify_generally = OpDef.verify

    def single_check(definition):
        """The constraint one value's type must satisfy (None: any type), or
        the definition's range constraint when it is not that simple."""
        range_constraint = definition.constr
        if (
            isinstance(range_constraint, RangeLengthConstraint)
            and isinstance(range_constraint.constraint, RangeOf)
            and range_constraint.length == EqIntConstraint(1)
        ):
            inner = range_constraint.constraint.constr
            return None if isinstance(inner, AnyAttr) else inner
        return range_constraint

    class Group:
        """How to check one op's operands or results: each definition's
        values against its constraint, the variadic ones sized by the
        segment sizes attribute or, when there is one, by what the other
        definitions leave."""

        __slots__ = ("checks", "sizes", "variadic", "limits", "segments")

        def __init__(self, definitions, segments) -> None:
            self.checks = [
                (d.constr, False) if isinstance(d, operations.VariadicDef) else (single_check(d), True)
                for _, d in definitions
            ]
            self.sizes = [1] * len(definitions)
            self.limits = [
                None if not isinstance(d, operations.VariadicDef) else 1 if isinstance(d, operations.OptionalDef) else -1
                for _, d in definitions
            ]
            """Per definition: None for one value, 1 for at most one, -1 for any number."""
            variadic = [i for i, limit in enumerate(self.limits) if limit is not None]
            self.segments = segments
            if segments is None and len(variadic) > 1:
                raise _Unverified  # xDSL's equal split: left to it
            self.variadic = variadic[0] if variadic and segments is None else None

        def segment_sizes(self, op, count: int) -> list[int]:
            if self.segments is None:
                if self.variadic is None:
                    if count != len(self.sizes):
                        raise _Unverified
                    return self.sizes
                sizes = list(self.sizes)
                size = sizes[self.variadic] = count - len(sizes) + 1
                if size < 0 or size > 1 and self.limits[self.variadic] == 1:
                    raise _Unverified
                return sizes
            attribute = self.segments.container(op).get(self.segments.attribute_name)
            if not isinstance(attribute, DenseArrayBase) or attribute.elt_type != i32:
                raise _Unverified
            sizes = attribute.get_values()
            if len(sizes) != len(self.limits) or sum(sizes) != count:
                raise _Unverified
            for size, limit in zip(sizes, self.limits):
                if size != 1 if limit is None else size < 0 or size > limit > 0:
                    raise _Unverified
            return sizes

        def check(self, op, values, context) -> None:
            index = 0
            for (constraint, single), size in zip(self.checks, self.segment_sizes(op, len(values))):
                if single:
                    if constraint is not None:
                        constraint.verify(values[index]._type, context)
                else:
                    constraint.verify(tuple([value._type for value in values[index : index + size]]), context)
                index += size

    class Plan:
        """An op definition's checks when its layout needs no segment sizes."""

        __slots__ = ("definition", "operands", "results", "successors", "traits", "checked_traits")

        def __init__(self, definition) -> None:
            options = {type(option): option for option in definition.options}
            if any(isinstance(d, operations.VariadicDef) for _, d in definition.successors) or any(
                issubclass(kind, operations.SameVariadicSize) for kind in options
            ):
                raise _Unverified
            self.definition = definition  # kept alive: plans are found by its id
            self.operands = Group(definition.operands, options.get(operations.AttrSizedOperandSegments))
            self.results = Group(definition.results, options.get(operations.AttrSizedResultSegments))
            self.successors = len(definition.successors)
            self.traits = None
            self.checked_traits: list = []

        def traits_to_check(self) -> list:
            traits = self.definition.traits.traits
            if traits is not self.traits:
                self.traits = traits
                self.checked_traits = [trait for trait in traits if type(trait).verify is not OpTrait.verify]
            return self.checked_traits

    plans: dict[int, Plan | None] = {}

    def check(plan: Plan, definition, op) -> None:
        context = VerificationContext()
        plan.operands.check(op, op._operands, context)
        plan.results.check(op, op.results, context)
        if definition.regions or op.regions:
            operations.irdl_op_verify_regions(op, definition, context)
        if len(op._successors) != plan.successors:
            raise _Unverified
        for defined, present in ((definition.properties, op.properties), (definition.attributes, op.attributes)):
            for name, attr_def in defined.items():
                value = present.get(name)
                if value is None:
                    if isinstance(attr_def, operations.OptionalDef):
                        continue
                    raise _Unverified
                attr_def.constr.verify(value, context)
        if not op.properties.keys() <= definition.properties.keys():
            raise _Unverified  # attributes may be discardable ones; properties may not
        for trait in plan.traits_to_check():
            trait.verify(op)

    def verify(self, op) -> None:
        key = id(self)
        if key not in plans:
            try:
                plans[key] = Plan(self)
            except _Unverified:
                plans[key] = None
        plan = plans[key]
        if plan is None:
            return verify_generally(self, op)
        try:
            check(plan, self, op)
        except Exception:
            # xDSL's own checks, in its order, decide and say what is wrong.
            verify_generally(self, op)

    OpDef.verify = verify


class _Unverified(Exception):
    """The fast check found something xDSL's general verification must report."""
