"""Output translations (``mltranslate --NAME``): the contract for targets.

A target turns a module into text or bytes: LLVM IR, assembly, an object
file, PTX, ... Plugins register subclasses of :class:`Target` through the
``mlopt_register_targets`` hook, by the flag name that selects them
(``"mlir-to-llvmir"``); mlopt's own register the same way.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from xdsl.dialects.builtin import ModuleOp


@dataclass(frozen=True)
class TranslateOptions:
    """What the command line says about the target machine; ``None`` where
    it says nothing (each target picks its own default)."""

    target_triple: str | None = None
    cpu: str | None = None
    features: str | None = None
    opt_level: int | None = None


class Target(ABC):
    """One translation, selected by its flag name."""

    name: ClassVar[str]
    """The flag (``mlir-to-llvmir``)."""
    summary: ClassVar[str]
    """One line for ``mltranslate --help``."""
    binary: ClassVar[bool] = False
    """Whether the output is bytes (written to a file, never a terminal)."""

    @abstractmethod
    def translate(self, module: ModuleOp, options: TranslateOptions) -> str | bytes:
        """The output for ``module``; bad input raises
        ``mlopt.diagnostics.DiagnosticError`` located at the op at fault."""
