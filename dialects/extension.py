"""Extending xDSL's op classes with upstream MLIR's syntax and definitions.

xDSL's dialects are the base: passes written against ``xdsl.dialects.memref``
keep working because every op mlopt parses is an instance of a subclass of
xDSL's class. :func:`extend_op` makes such a subclass with a different
assembly format, custom parse/print, extra properties or relaxed constraints,
without forking xDSL.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from xdsl.ir import Attribute, Dialect, Operation
from xdsl.irdl import IRDLOperation, OpDef, ParsePropInAttrDict
from xdsl.irdl.constraints import AttrConstraint
from xdsl.irdl.operations import (
    OpTraits,
    _AttributeFieldDef,
    _PropertyFieldDef,
    get_accessors_from_op_def,
    irdl_list_to_attr_constraint,
)
from xdsl.traits import HasCanonicalizationPatternsTrait, OpTrait

OpT = TypeVar("OpT", bound=IRDLOperation)

_SYNTAX_METHODS = ("parse", "print")


def extend_op(
    base: type[OpT],
    *,
    assembly_format: str | None = None,
    custom_directives: Iterable[type] = (),
    fields: Mapping[str, _PropertyFieldDef | _AttributeFieldDef] | None = None,
    constraints: Mapping[str, AttrConstraint | type[Attribute]] | None = None,
    removed: Iterable[str] = (),
    traits: Iterable[OpTrait] = (),
    mixin: type | None = None,
    methods: Mapping[str, Any] | None = None,
) -> type[OpT]:
    """A subclass of the xDSL op class ``base`` with upstream's definition.

    - ``assembly_format`` (with ``custom_directives``), or ``parse``/``print``
      defined by the ``mixin`` class or given in ``methods``, give the custom
      syntax;
    - ``fields`` adds or replaces properties/attributes (``opt_prop_def(...)``);
    - ``constraints`` replaces the constraint of existing properties,
      attributes, operands or results by name (for what xDSL is stricter
      about than upstream);
    - ``removed`` drops properties/attributes xDSL has but upstream has not;
    - ``traits`` are added to the inherited ones;
    - a ``verify_`` of the ``mixin`` or in ``methods`` replaces the inherited
      op-specific verifier (the definition's own constraints are always checked).
    """
    methods = dict(methods or {})
    mixin_methods = {
        name: getattr(mixin, name) for name in (*_SYNTAX_METHODS, "verify_") if mixin is not None and hasattr(mixin, name)
    }
    mixin_methods.update(methods)
    op_def = _copy_definition(base.get_irdl_definition())
    for ir_name in removed:
        _remove_field(op_def, ir_name)
    for name, field in (fields or {}).items():
        _add_field(op_def, name, field)
    for name, constraint in (constraints or {}).items():
        _replace_constraint(op_def, name, irdl_list_to_attr_constraint((constraint,)))
    if traits := tuple(traits):
        inherited = op_def.traits
        op_def.traits = OpTraits(lambda: (*inherited.gen_traits(), *traits))
    if assembly_format is not None:
        op_def.assembly_format = assembly_format
        op_def.custom_directives = {d.__name__: d for d in custom_directives}
    elif any(m in mixin_methods for m in _SYNTAX_METHODS):
        op_def.assembly_format = None
        op_def.custom_directives = {}
    if op_def.assembly_format is not None and not any(isinstance(o, ParsePropInAttrDict) for o in op_def.options):
        # Upstream's attr-dict holds the inherent attributes not in the format.
        op_def.options.append(ParsePropInAttrDict())

    custom_verify = mixin_methods.get("verify_") or _custom_verifier(base)
    namespace: dict[str, Any] = {
        "__module__": _caller_module(),
        "__qualname__": base.__name__,
        "__doc__": (mixin.__doc__ if mixin is not None else None) or base.__doc__,
        "name": base.name,
        **{k: v for k, v in methods.items() if k != "verify_"},
    }
    if assembly_format is not None:
        # get_accessors_from_op_def installs the format's parse/print.
        namespace["parse"] = Operation.__dict__["parse"]
        namespace["print"] = Operation.__dict__["print"]
    bases = (base,) if mixin is None else (mixin, base)
    cls = type(base.__name__, bases, namespace)
    for key, value in get_accessors_from_op_def(op_def, custom_verify).items():
        setattr(cls, key, value)
    if op_def.assembly_format is not None:
        cls.parse = _inherent_attributes_as_properties(cls.__dict__["parse"].__func__)
    return cls


def _inherent_attributes_as_properties(parse: Callable[..., Operation]) -> classmethod:
    """Upstream's attr-dict may name any inherent attribute, also one the format
    spells out elsewhere (``{branch_weights = ...}`` on cf.cond_br): such
    entries become properties, as the format would have made them."""

    def parse_with_inherent(cls, parser):
        op = parse(cls, parser)
        inherent = cls.get_irdl_definition().properties
        for name in [n for n in op.attributes if n in inherent and n not in op.properties]:
            op.properties[name] = op.attributes.pop(name)
        return op

    return classmethod(parse_with_inherent)


def _copy_definition(op_def: OpDef) -> OpDef:
    return dataclasses.replace(
        op_def,
        operands=list(op_def.operands),
        results=list(op_def.results),
        properties=dict(op_def.properties),
        attributes=dict(op_def.attributes),
        regions=list(op_def.regions),
        successors=list(op_def.successors),
        options=list(op_def.options),
        accessor_names=dict(op_def.accessor_names),
        custom_directives=dict(op_def.custom_directives),
    )


def _add_field(op_def: OpDef, accessor: str, field: _PropertyFieldDef | _AttributeFieldDef) -> None:
    constraint = irdl_list_to_attr_constraint((field.param,))
    ir_name = field.ir_name or accessor
    definition = field.cls(constraint, field.default_value)
    if isinstance(field, _PropertyFieldDef):
        op_def.attributes.pop(ir_name, None)
        op_def.properties[ir_name] = definition
        op_def.accessor_names[accessor] = (ir_name, "property")
    else:
        op_def.properties.pop(ir_name, None)
        op_def.attributes[ir_name] = definition
        op_def.accessor_names[accessor] = (ir_name, "attribute")


def _remove_field(op_def: OpDef, ir_name: str) -> None:
    if op_def.properties.pop(ir_name, None) is None and op_def.attributes.pop(ir_name, None) is None:
        raise KeyError(f"{op_def.name} has no property or attribute '{ir_name}'")
    for accessor, (name, _) in list(op_def.accessor_names.items()):
        if name == ir_name:
            del op_def.accessor_names[accessor]


def _replace_constraint(op_def: OpDef, name: str, constraint: AttrConstraint) -> None:
    for table in (op_def.properties, op_def.attributes):
        if name in table:
            old = table[name]
            table[name] = dataclasses.replace(old, constr=constraint)
            return
    for entries in (op_def.operands, op_def.results):
        for index, (entry_name, definition) in enumerate(entries):
            if entry_name == name:
                # The constructors coerce a constraint to a (variadic) range constraint.
                entries[index] = (entry_name, type(definition)(constraint))
                return
    raise KeyError(f"{op_def.name} has no property, attribute, operand or result '{name}'")


def _custom_verifier(base: type[IRDLOperation]) -> Callable[[IRDLOperation], None] | None:
    """The op-specific ``verify_`` of an IRDL class, without the definition check.

    ``irdl_op_definition`` wraps a class's ``verify_`` into one that checks the
    definition first; the wrapped function is the closure cell
    ``custom_verify`` (xDSL is pinned, so this layout is known).
    """
    wrapper = base.verify_
    code = getattr(wrapper, "__code__", None)
    if code is None or wrapper.__closure__ is None:
        return None
    cells = dict(zip(code.co_freevars, wrapper.__closure__))
    cell = cells.get("custom_verify")
    return None if cell is None else cell.cell_contents


def _caller_module() -> str:
    return sys._getframe(2).f_globals.get("__name__", __name__)


def replace_ops(dialect: Dialect, *ops: type[Operation], attributes: Iterable[type[Attribute]] = ()) -> Dialect:
    """``dialect`` with ``ops`` and ``attributes`` added, replacing xDSL's of the same names."""
    by_name = {op.name: op for op in dialect.operations}
    for op in ops:
        by_name[op.name] = op
    attrs = {attr.name: attr for attr in dialect.attributes}
    for attr in attributes:
        attrs[attr.name] = attr
    return Dialect(dialect.name, list(by_name.values()), list(attrs.values()), list(dialect._interfaces))


@dataclasses.dataclass(frozen=True)
class LazyCanonicalizationPatterns(HasCanonicalizationPatternsTrait):
    """Canonicalization patterns named ``"module:attribute"``, imported when
    canonicalize first asks for them (start-up stays lazy)."""

    reference: str

    def get_patterns(self, op: type[Operation]):
        import importlib

        module, _, attribute = self.reference.partition(":")
        return getattr(importlib.import_module(module), attribute)
