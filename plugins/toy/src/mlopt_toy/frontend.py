"""The ``.toy`` input frontend: Toy source -> ``toy`` dialect module."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlopt.frontends import Frontend

if TYPE_CHECKING:
    from xdsl.context import Context
    from xdsl.dialects.builtin import ModuleOp

    from mlopt.diagnostics import SourceText


class ToyFrontend(Frontend):
    """Parses Toy source files, as ``toyc -emit=mlir`` does."""

    name = "toy"
    lowering_pipeline = "toy-to-llvm"
    entry_point_result = "void"

    def parse(self, source: SourceText, context: Context) -> ModuleOp:
        from mlopt_toy.irgen import generate_module

        return generate_module(source)
