"""symbol-dce: erases the symbols nothing can reach, as upstream's SymbolDCE.

A symbol is live when it cannot be discarded (it is public; or it has nested
visibility in a symbol table visible from outside) or when a live op refers to
it. Non-symbol ops of a symbol table are roots too. References are found in
every attribute of an op and of the ops nested in it, down to (not into)
nested symbol tables, which are analyzed in turn when they are live.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects.builtin import ArrayAttr, DictionaryAttr, StringAttr, SymbolRefAttr
from xdsl.ir import Attribute, Operation, ParametrizedAttribute
from xdsl.passes import ModulePass
from xdsl.traits import SymbolOpInterface, SymbolTable

from mlopt.diagnostics import DiagnosticError


def is_symbol_table(op: Operation) -> bool:
    return op.has_trait(SymbolTable, value_if_unregistered=False)


def is_symbol(op: Operation) -> bool:
    return op.has_trait(SymbolOpInterface, value_if_unregistered=False)


def symbol_name(op: Operation) -> str | None:
    """The symbol name of ``op`` (None: not a symbol, or an anonymous module)."""
    trait = op.get_trait(SymbolOpInterface)
    name = trait.get_sym_attr_name(op) if trait is not None else None
    return name.data if name is not None else None


def visibility(op: Operation) -> str:
    attr = op.properties.get("sym_visibility") or op.attributes.get("sym_visibility")
    return attr.data if isinstance(attr, StringAttr) else "public"


def _references(attribute: Attribute) -> Iterator[SymbolRefAttr]:
    if isinstance(attribute, SymbolRefAttr):
        yield attribute
    elif isinstance(attribute, ArrayAttr):
        for element in attribute.data:
            yield from _references(element)
    elif isinstance(attribute, DictionaryAttr):
        for element in attribute.data.values():
            yield from _references(element)
    elif isinstance(attribute, ParametrizedAttribute):
        for parameter in attribute.parameters:
            yield from _references(parameter)


def own_references(op: Operation) -> Iterator[SymbolRefAttr]:
    """The symbol references in ``op``'s own properties and attributes."""
    for attribute in (*op.properties.values(), *op.attributes.values()):
        yield from _references(attribute)


def symbol_uses(op: Operation) -> Iterator[SymbolRefAttr]:
    """The symbol references held by ``op`` and the ops nested in it, not
    looking into nested symbol tables (their own attributes count)."""
    stack = [op]
    while stack:
        current = stack.pop()
        yield from own_references(current)
        if current is op or not is_symbol_table(current):
            stack.extend(inner for region in current.regions for block in region.blocks for inner in block.ops)


def _lookup(table: Operation, reference: SymbolRefAttr) -> list[Operation]:
    """Every symbol along ``@a::@b::@c`` from ``table`` (empty: not found)."""
    found: list[Operation] = []
    for name in (reference.root_reference, *reference.nested_references.data):
        if table is None or not is_symbol_table(table):
            return []
        symbol = next(
            (child for region in table.regions for block in region.blocks for child in block.ops
             if symbol_name(child) == name.data),
            None,
        )  # fmt: skip
        if symbol is None:
            return []
        found.append(symbol)
        table = symbol
    return found


def _symbols_of(table: Operation) -> Iterator[Operation]:
    for region in table.regions[:1]:
        for block in region.blocks:
            yield from block.ops


def compute_liveness(table: Operation, hidden: bool, live: set[Operation]) -> None:
    """Adds the live symbols of ``table`` and of the live symbol tables in it to ``live``."""
    worklist: list[Operation] = []
    for op in _symbols_of(table):
        if not is_symbol(op):
            worklist.append(op)
            continue
        discardable = (hidden or visibility(op) == "private") and visibility(op) != "public"
        if not discardable and op not in live:
            live.add(op)
            worklist.append(op)
    while worklist:
        op = worklist.pop()
        if is_symbol_table(op):
            compute_liveness(op, hidden or not is_symbol(op) or visibility(op) == "private", live)
        parent = op.parent_op()
        for reference in symbol_uses(op):
            for symbol in _lookup(parent, reference) if parent is not None else []:
                if symbol not in live:
                    live.add(symbol)
                    worklist.append(symbol)


class SymbolDCE(ModulePass):
    """Eliminate dead symbols"""

    name = "symbol-dce"
    display_name: ClassVar[str] = "SymbolDCE"

    def apply(self, ctx: Context, op: Operation) -> None:
        if not is_symbol_table(op):
            raise DiagnosticError.at(
                op, f"'{op.name}' op  was scheduled to run under SymbolDCE, but does not define a symbol table"
            )
        hidden = visibility(op) == "private" if op.parent_op() is not None and is_symbol(op) else True
        live: set[Operation] = set()
        compute_liveness(op, hidden, live)
        tables = [nested for nested in op.walk() if is_symbol_table(nested)]
        for nested in tables:
            if not op.is_ancestor(nested):
                continue  # inside a symbol erased already
            for child in list(_symbols_of(nested)):
                if is_symbol(child) and child not in live:
                    block = child.parent_block()
                    assert block is not None
                    block.erase_op(child, safe_erase=False)
