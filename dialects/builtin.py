"""Upstream MLIR's textual form of builtin affine maps, sets and expressions.

xDSL prints every binary affine expression in parentheses
(``affine_map<(d0) -> ((d0 + 1))>``); upstream prints only the parentheses
precedence needs and writes additions of negated terms as subtractions
(``affine_map<(d0) -> (d0 - 1)>``). The printer uses these functions for
``affine_map``/``affine_set`` attributes, and the affine dialect for
expressions over SSA values (``%m[%i * 2 + 1, symbol(%n)]``).
"""

from __future__ import annotations

from collections.abc import Callable

from xdsl.ir.affine import (
    AffineBinaryOpExpr,
    AffineBinaryOpKind,
    AffineConstantExpr,
    AffineDimExpr,
    AffineExpr,
    AffineMap,
    AffineSet,
    AffineSymExpr,
)

Namer = Callable[[int], str]

_SPELLING = {
    AffineBinaryOpKind.Add: " + ",
    AffineBinaryOpKind.Mul: " * ",
    AffineBinaryOpKind.FloorDiv: " floordiv ",
    AffineBinaryOpKind.CeilDiv: " ceildiv ",
    AffineBinaryOpKind.Mod: " mod ",
}


def _default_dim(position: int) -> str:
    return f"d{position}"


def _default_symbol(position: int) -> str:
    return f"s{position}"


def affine_expr_text(expr: AffineExpr, dim: Namer = _default_dim, symbol: Namer = _default_symbol) -> str:
    """``expr`` as upstream's AsmPrinter writes it."""
    out: list[str] = []
    write_affine_expr(expr, out.append, lambda p: out.append(dim(p)), lambda p: out.append(symbol(p)))
    return "".join(out)


def write_affine_expr(
    expr: AffineExpr,
    write: Callable[[str], None],
    dim: Callable[[int], None],
    symbol: Callable[[int], None],
    *,
    strong: bool = False,
) -> None:
    """Emit ``expr`` through ``write``, with ``dim``/``symbol`` emitting the leaves
    (names, or SSA values in affine ops' custom syntax)."""
    if isinstance(expr, AffineDimExpr):
        dim(expr.position)
        return
    if isinstance(expr, AffineSymExpr):
        symbol(expr.position)
        return
    if isinstance(expr, AffineConstantExpr):
        write(str(expr.value))
        return
    assert isinstance(expr, AffineBinaryOpExpr)

    def weak(e: AffineExpr) -> None:
        write_affine_expr(e, write, dim, symbol)

    def tight(e: AffineExpr) -> None:
        write_affine_expr(e, write, dim, symbol, strong=True)

    lhs, rhs = expr.lhs, expr.rhs
    if strong:
        write("(")
    if expr.kind != AffineBinaryOpKind.Add:
        if expr.kind == AffineBinaryOpKind.Mul and _constant(rhs) == -1:
            write("-")
            tight(lhs)
        else:
            tight(lhs)
            write(_SPELLING[expr.kind])
            tight(rhs)
    elif (
        isinstance(rhs, AffineBinaryOpExpr)
        and rhs.kind == AffineBinaryOpKind.Mul
        and (factor := _constant(rhs.rhs)) is not None
        and factor < 0
    ):
        weak(lhs)
        write(" - ")
        if factor == -1:
            # (b + c) * -1 keeps its parentheses: a - (b + c).
            if isinstance(rhs.lhs, AffineBinaryOpExpr) and rhs.lhs.kind == AffineBinaryOpKind.Add:
                tight(rhs.lhs)
            else:
                weak(rhs.lhs)
        else:
            tight(rhs.lhs)
            write(f" * {-factor}")
    elif (value := _constant(rhs)) is not None and value < 0:
        weak(lhs)
        write(f" - {-value}")
    else:
        weak(lhs)
        write(" + ")
        weak(rhs)
    if strong:
        write(")")


def _constant(expr: AffineExpr) -> int | None:
    return expr.value if isinstance(expr, AffineConstantExpr) else None


def _space(num_dims: int, num_symbols: int) -> str:
    dims = ", ".join(_default_dim(i) for i in range(num_dims))
    text = f"({dims})"
    if num_symbols:
        text += "[" + ", ".join(_default_symbol(i) for i in range(num_symbols)) + "]"
    return text


def affine_map_text(map: AffineMap) -> str:
    """``(d0)[s0] -> (d0 + s0)``."""
    results = ", ".join(affine_expr_text(e) for e in map.results)
    return f"{_space(map.num_dims, map.num_symbols)} -> ({results})"


def affine_set_text(set: AffineSet) -> str:
    """``(d0)[s0] : (d0 - s0 >= 0, d0 == 0)``."""
    constraints = ", ".join(
        f"{affine_expr_text(c.lhs)} {c.kind.value} {affine_expr_text(c.rhs)}"
        for c in set.constraints
    )
    return f"{_space(set.num_dims, set.num_symbols)} : ({constraints})"
