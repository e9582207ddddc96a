"""Input frontends: turning a source file of some language into a module.

``.mlir`` (and anything without a registered extension) goes to the MLIR
parser. A plugin adds a language by registering a :class:`Frontend` for its
file extension through the ``mlopt_register_frontends`` hook.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from xdsl.context import Context
    from xdsl.dialects.builtin import ModuleOp

    from mlopt.diagnostics import SourceText


class Frontend(ABC):
    """Parses one source language into a ``builtin.module``."""

    name: str = "frontend"

    lowering_pipeline: ClassVar[str | None] = None
    """Pipeline elements that lower this language's modules to the llvm dialect
    (e.g. ``"toy-to-llvm"``): what ``mlrun`` runs on such an input unless
    given ``--pass-pipeline``. None: mlrun's default lowering."""

    entry_point_result: ClassVar[str | None] = None
    """The result type of this language's entry point for ``mlrun``
    (``"void"``, ``"i32"``, ...) unless given ``--entry-point-result``.
    None: mlrun's default."""

    @abstractmethod
    def parse(self, source: SourceText, context: Context) -> ModuleOp:
        """Parse ``source`` (its ``name`` and ``text``).

        Report bad input with ``mlopt.diagnostics.DiagnosticError`` located via
        ``source.location(offset)``, so it renders as ``file:line:col: error:``.
        """
