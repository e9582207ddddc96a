"""Printing flags mlir-opt takes for every print of a run (output, IR dumps,
reproducers): ``--mlir-elide-elementsattrs-if-larger``,
``--mlir-elide-resource-strings-if-larger``, ``--mlir-use-nameloc-as-prefix``
and ``--mlir-print-local-scope``; and the ``{-# dialect_resources #-}``
section, which carries the data of the ``dense_resource`` attributes printed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PrintingFlags:
    elide_elements_above: int | None = None
    """Elements attributes with more elements print as ``dense_resource<__elided__>``."""
    elide_resource_strings_above: int | None = None
    """Resources whose quoted value is longer are left out of the resource section."""
    use_nameloc_as_prefix: bool = False
    """SSA values keep the names the input gave them (mlopt keeps no NameLoc; the
    source names play its part)."""
    local_scope: bool = False
    """Attributes and locations print where they are used, with no ``#alias``."""


_flags: ContextVar[PrintingFlags] = ContextVar("mlopt_printing_flags", default=PrintingFlags())


@contextmanager
def printing_with(flags: PrintingFlags) -> Iterator[None]:
    token = _flags.set(flags)
    try:
        yield
    finally:
        _flags.reset(token)


def uses_source_names() -> bool:
    return _flags.get().use_nameloc_as_prefix


def prints_local_scope() -> bool:
    return _flags.get().local_scope


def elides_elements(attribute: Any) -> bool:
    """Whether a dense elements attribute prints elided (upstream never elides a splat)."""
    limit = _flags.get().elide_elements_above
    return limit is not None and len(attribute) > limit and not attribute.is_splat()


def resource_section(op: Any) -> str:
    """The ``{-# dialect_resources: ... #-}`` section for the resources ``op`` uses."""
    from xdsl.dialect_interfaces.op_asm import OpAsmDialectInterface
    from xdsl.dialects.builtin import Builtin, DenseResourceAttr

    from mlopt.verifier import walk_preorder  # constant time per op, as xDSL's nested walk is not

    handles = {
        attribute.resource_handle.data
        for inner in walk_preorder(op)
        for attributes in (inner.attributes, inner.properties)
        for attribute in attributes.values()
        if isinstance(attribute, DenseResourceAttr)
    }
    interface = Builtin.get_interface(OpAsmDialectInterface) if handles else None
    values = interface.build_resources(handles) if interface is not None else {}
    if not values:
        return ""
    limit = _flags.get().elide_resource_strings_above
    kept = [(key, value) for key, value in sorted(values.items()) if limit is None or len(value) + 2 <= limit]
    if not kept:
        return "\n{-#\n\n#-}\n"  # upstream still opens the section when it elides every resource
    entries = ",\n".join(f'      {key}: "{value}"' for key, value in kept)
    return "\n{-#\n  dialect_resources: {\n    builtin: {\n" + entries + "\n    }\n  }\n#-}\n"
