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
  Here each definition's layout is worked out once (one variadic group
  sized by what the others leave, or segment sizes), and an op is checked
  value by value against the same constraints, in the same order and with
  one constraint context. Whatever fails, or a layout of several variadic
  groups split equally, is verified by xDSL itself, whose message is reported.
- Traits: ``get_trait`` scans the op class's traits on every ``has_trait``
  (the verifier, the rewriters and the printer ask constantly); the answer
  for a trait class is kept per op class, while the class's traits are the
  same set (``add_trait`` makes a new one).
- ``Operation.verify`` counts a region's blocks (``len(region.blocks)``
  walks them) for the last op of every block: quadratic in the blocks of a
  region. Whether a region has one block is its first block being its last.
- ``SameOperandsAndResultType`` compares element types, shapes and
  encodings pairwise; when every operand and result has the one same type,
  all of those agree.
- ABC instance checks: every IR class is an ABC, so each ``isinstance`` on
  one is a Python-level ``__instancecheck__`` call. Building an op asks
  whether each argument is a ``Sequence``, an ``SSAValue``, an ``Operation``,
  and whether each definition is variadic; building an attribute asks
  whether it is ``Data`` or ``ParametrizedAttribute``. Those answers depend
  only on the class, and are kept per class (per definition list). Anything
  the builder would reject goes to xDSL's builder, which says what is wrong.
- Op construction: ``Operation.__init__`` goes through the operand and
  successor setters (which first unlink the uses an op being built has
  not got) and builds each result and use through a generator; IRDL's
  builder also runs segment-size, successor and region conversions that
  most definitions cannot need. A fresh op of a definition without options,
  successors or variadic regions, given its regions built, is constructed
  directly; anything else by xDSL.
- Named operands and results (``op.lhs``): the accessor of one that no
  variadic group precedes builds a view of all the op's operands (or
  results), matches on the kind, and indexes the view through two Python
  calls; here it reads the op's field and indexes it directly.
"""

from __future__ import annotations

import functools


def _identity_hashing() -> None:
    from xdsl.ir import core
    from xdsl.irdl.operations import IRDLOperation

    for cls in (core._IRNode, core.SSAValue, core.Use, IRDLOperation):
        cls.__hash__ = object.__hash__
        cls.__eq__ = object.__eq__


def _memoized_traits() -> None:
    from xdsl.ir import Operation

    find_trait = Operation.get_trait.__func__
    found: dict[tuple[type, type], tuple[frozenset | None, object]] = {}
    """(op class, trait class) → (the class's trait set when asked, the trait found)."""

    def get_trait(cls, trait):
        if not isinstance(trait, type):
            return find_trait(cls, trait)
        traits = getattr(cls.traits, "_traits", None)
        known = found.get((cls, trait))
        if known is None or known[0] is not traits or traits is None:
            result = find_trait(cls, trait)
            found[(cls, trait)] = (getattr(cls.traits, "_traits", None), result)
            return result
        return known[1]

    Operation.get_trait = classmethod(get_trait)


def _constant_time_terminator_checks() -> None:
    from xdsl.ir import ErasedSSAValue, Operation
    from xdsl.traits import IsTerminator, NoTerminator
    from xdsl.utils.exceptions import VerifyException

    def verify(self, verify_nested_ops: bool = True) -> None:
        for operand in self._operands:
            if isinstance(operand, ErasedSSAValue):
                raise ValueError("Erased SSA value is used by the operation")
        parent_block = self.parent
        parent_region = None if parent_block is None else parent_block.parent
        if self._successors:
            if parent_block is None or parent_region is None:
                raise VerifyException(
                    f"Operation {self.name} with block successors does not belong to a block or a region"
                )
            if parent_block._last_op is not self:
                raise VerifyException(f"Operation {self.name} with block successors must terminate its parent block")
            for successor in self._successors:
                if successor.parent is not parent_region:
                    raise VerifyException(f"Operation {self.name} is branching to a block of a different region")
        if parent_region is not None and parent_block._last_op is self:
            if parent_region._first_block is parent_region._last_block:
                parent_op = parent_region.parent
                if parent_op is not None and not parent_op.has_trait(NoTerminator) and not self.has_trait(IsTerminator):
                    raise VerifyException(
                        f"Operation {self.name} terminates block in single-block region but is not a terminator"
                    )
            elif not self.has_trait(IsTerminator):
                raise VerifyException(
                    f"Operation {self.name} terminates block in multi-block region but is not a terminator"
                )
        if verify_nested_ops:
            for region in self.regions:
                region.verify()
        try:
            self.verify_()
        except VerifyException as err:
            self.emit_error(f"Operation does not verify: {err}", err)

    Operation.verify = verify


def _same_type_fast_path() -> None:
    from xdsl.traits import SameOperandsAndResultType

    verify_generally = SameOperandsAndResultType.verify

    def verify(self, op) -> None:
        results, operands = op.results, op._operands
        if results and operands:
            first = results[0]._type
            if all(value._type == first for value in results) and all(value._type == first for value in operands):
                return
        verify_generally(self, op)

    SameOperandsAndResultType.verify = verify


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
            checks = [d.constr if isinstance(d, operations.VariadicDef) else single_check(d) for _, d in definitions]
            self.checks = [(check, not isinstance(check, RangeConstraint)) for check in checks]
            """Per definition: its constraint, and whether it applies to one value's type."""
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
            # ``values`` are an op's SSAValues: indexed as the tuple they are,
            # not through SSAValues' Python __getitem__.
            index = 0
            for (constraint, single), size in zip(self.checks, self.segment_sizes(op, len(values))):
                if single:
                    if constraint is not None:
                        constraint.verify(tuple.__getitem__(values, index)._type, context)
                else:
                    group = tuple.__getitem__(values, slice(index, index + size))
                    constraint.verify(tuple([value._type for value in group]), context)
                index += size

    class Plan:
        """An op definition's checks, worked out once."""

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

    verify.__wrapped__ = verify_generally  # type: ignore[attr-defined]
    OpDef.verify = verify


def _attribute_kind_checked_once() -> None:
    from xdsl.ir import core

    attribute_kinds = core.Data | core.ParametrizedAttribute
    valid_classes: dict[type, bool] = {}

    def __post_init__(self) -> None:
        self._verify()
        cls = type(self)
        if (valid := valid_classes.get(cls)) is None:
            valid = valid_classes[cls] = isinstance(self, attribute_kinds)
        if not valid:
            raise TypeError("Attributes should only be Data or ParametrizedAttribute")

    core.Attribute.__post_init__ = __post_init__


def _arguments_sorted_by_type() -> None:
    from collections.abc import Sequence

    from xdsl.ir import Operation, SSAValue
    from xdsl.irdl import operations

    build_generally = operations.irdl_build_arg_list
    build_operand_generally = operations.irdl_build_operations_arg
    kinds: dict[type, str] = {}

    def kind_of(value) -> str:
        """"sequence", "value", "operation" or "other": what xDSL's ABC checks make of ``value``'s class."""
        cls = type(value)
        if (kind := kinds.get(cls)) is None:
            kind = kinds[cls] = next(
                (name for name, base in (("value", SSAValue), ("operation", Operation), ("sequence", Sequence)) if isinstance(value, base)),
                "other",
            )
        return kind

    limits: dict[int, tuple[object, list[int | None]]] = {}

    def sequence_limits(definitions) -> list[int | None]:
        """Per definition: how many values a sequence may hold (None: exactly one, -1: any number)."""
        known = limits.get(id(definitions))
        if known is None or known[0] is not definitions:
            found = [
                -1 if isinstance(d, operations.VariadicDef) and not isinstance(d, operations.OptionalDef)
                else 1 if isinstance(d, operations.OptionalDef)
                else None
                for _, d in definitions
            ]
            known = limits[id(definitions)] = (definitions, found)
        return known[1]

    def build_arg_list(construct, args, arg_defs, error_prefix=""):
        if len(args) != len(arg_defs):
            return build_generally(construct, args, arg_defs, error_prefix)
        built: list = []
        sizes: list[int] = []
        for arg, limit in zip(args, sequence_limits(arg_defs)):
            if arg is None:
                if limit != 1:
                    return build_generally(construct, args, arg_defs, error_prefix)
                sizes.append(0)
            elif kind_of(arg) == "sequence":
                if limit is None and len(arg) != 1 or limit == 1 and len(arg) > 1:
                    return build_generally(construct, args, arg_defs, error_prefix)
                built.extend(arg)
                sizes.append(len(arg))
            else:
                built.append(arg)
                sizes.append(1)
        return built, sizes

    def build_operand(operand):
        if operand is not None and kind_of(operand) == "value":
            return operand
        return build_operand_generally(operand)

    build_arg_list.__wrapped__ = build_generally  # type: ignore[attr-defined]
    operations.irdl_build_arg_list = build_arg_list
    operations.irdl_build_operations_arg = build_operand


def _direct_op_construction() -> None:
    from itertools import count, repeat

    from xdsl.dialects.builtin import UNKNOWN_LOC
    from xdsl.ir import Operation, Region
    from xdsl.ir.core import OpResult, SSAValues, Use
    from xdsl.irdl import operations

    init_generally = Operation.__init__
    irdl_init_generally = operations.irdl_op_init

    def __init__(
        self, *, operands=(), result_types=(), properties={}, attributes={}, location=None, successors=(), regions=()
    ) -> None:  # noqa: B006 - xDSL's defaults, only read
        if "_operands" in self.__dict__:
            # Initialized again: the old operands and successors lose their uses.
            return init_generally(
                self,
                operands=operands,
                result_types=result_types,
                properties=properties,
                attributes=attributes,
                location=location,
                successors=successors,
                regions=regions,
            )
        # As xDSL's, with the operand and successor setters' work on an op that has none yet.
        operands = SSAValues(operands)
        uses = tuple(map(Use, repeat(self), range(len(operands))))
        for operand, use in zip(operands, uses):
            operand.add_use(use)
        self._operands = operands
        self._operand_uses = uses
        self.results = SSAValues(map(OpResult, result_types, repeat(self), count()))
        self.properties = dict(properties)
        self.attributes = dict(attributes)
        self.location = UNKNOWN_LOC if location is None else location
        successors = tuple(successors)
        successor_uses = tuple(map(Use, repeat(self), range(len(successors))))
        for successor, use in zip(successors, successor_uses):
            successor.add_use(use)
        self._successors = successors
        self._successor_uses = successor_uses
        self.regions = ()
        for region in regions:
            self.add_region(region)
        self.__post_init__()

    simple_definitions: dict[int, tuple[object, bool]] = {}
    """id of an op definition → (the definition, kept alive; whether it has no
    options, successors nor variadic regions)."""

    def is_simple(op_def) -> bool:
        known = simple_definitions.get(id(op_def))
        if known is None or known[0] is not op_def:
            simple = not op_def.options and not op_def.successors and not any(
                isinstance(definition, operations.VariadicDef) for _, definition in op_def.regions
            )
            known = simple_definitions[id(op_def)] = (op_def, simple)
        return known[1]

    def irdl_op_init(self, op_def, **arguments) -> None:
        regions = arguments["regions"]
        if (
            arguments["successors"]
            or not is_simple(op_def)
            or len(regions) != len(op_def.regions)
            or not all(type(region) is Region for region in regions)
        ):
            return irdl_init_generally(self, op_def, **arguments)
        # As xDSL's, without the segment sizes, successors and region
        # conversions such a definition cannot have.
        error_prefix = f"Error in {op_def.name} builder: "
        built_operands, _ = operations.irdl_build_arg_list(
            operations.VarIRConstruct.OPERAND,
            [operations.irdl_build_operations_arg(operand) for operand in arguments["operands"]],
            op_def.operands,
            error_prefix,
        )
        built_result_types, _ = operations.irdl_build_arg_list(
            operations.VarIRConstruct.RESULT, arguments["result_types"], op_def.results, error_prefix
        )
        __init__(
            self,
            operands=built_operands,
            result_types=built_result_types,
            properties={name: attr for name, attr in arguments["properties"].items() if attr is not None},
            attributes={name: attr for name, attr in arguments["attributes"].items() if attr is not None},
            regions=regions,
        )

    __init__.__wrapped__ = init_generally  # type: ignore[attr-defined]
    irdl_op_init.__wrapped__ = irdl_init_generally  # type: ignore[attr-defined]
    Operation.__init__ = __init__
    operations.irdl_op_init = irdl_op_init


def _direct_named_values() -> None:
    from operator import attrgetter

    from xdsl.irdl import operations

    accessor = operations.BeforeVariadicSingleAccessor
    get_generally = accessor.__get__
    construct = operations.VarIRConstruct
    field_of = {
        construct.OPERAND: attrgetter("_operands"),
        construct.RESULT: attrgetter("results"),
        construct.REGION: attrgetter("regions"),
        construct.SUCCESSOR: attrgetter("_successors"),
    }
    item = tuple.__getitem__  # SSAValues, a tuple, indexes through a Python method

    def __get__(self, obj, objtype=None):
        if obj is None:
            return get_generally(self, obj, objtype)
        values = field_of[self.construct](obj)
        return item(values, self.idx) if isinstance(values, tuple) else values[self.idx]

    __get__.__wrapped__ = get_generally  # type: ignore[attr-defined]
    accessor.__get__ = __get__


class _Unverified(Exception):
    """The fast check leaves the op to xDSL's general verification."""


@functools.cache
def apply() -> None:
    _identity_hashing()
    _memoized_traits()
    _constant_time_terminator_checks()
    _same_type_fast_path()
    _fixed_layout_op_verification()
    _attribute_kind_checked_once()
    _arguments_sorted_by_type()
    _direct_op_construction()
    _direct_named_values()
