"""The built-in plugin: mlopt's own dialects, passes, pipelines, targets,
frontends and runtime symbols, registered through the same hooks a third-party
plugin uses.

Everything is named here as ``"module:attribute"`` and imported only when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from mlopt.hookspecs import hookimpl

DIALECTS: dict[str, str] = {}
"""Dialects mlopt provides or extends; they replace xDSL's of the same name."""

PASSES: dict[str, str] = {
    "canonicalize": "mlopt.passes.transforms.canonicalize:Canonicalizer",
    "cse": "mlopt.passes.transforms.cse:CSE",
}

PIPELINES: dict[str, str] = {}

TARGETS: dict[str, str] = {}

FRONTENDS: dict[str, str] = {}

RUNTIME_SYMBOLS: dict[str, str] = {}
"""Symbol name → ``module:function`` returning the symbol's address or ctypes object."""


def lazy(reference: str) -> Callable[[], Any]:
    """A factory importing ``module:attribute`` on first call."""
    module_name, _, attribute = reference.partition(":")

    def load() -> Any:
        return getattr(importlib.import_module(module_name), attribute)

    load.__qualname__ = f"lazy({reference!r})"
    return load


def lazy_calls(references: Mapping[str, str]) -> dict[str, Callable[[], Any]]:
    """Factories that import a function and return what calling it gives."""
    return {name: (lambda ref=ref: lazy(ref)()()) for name, ref in references.items()}


def _lazy_all(references: Mapping[str, str]) -> dict[str, Callable[[], Any]]:
    return {name: lazy(ref) for name, ref in references.items()}


@hookimpl
def mlopt_register_dialects():
    return _lazy_all(DIALECTS)


@hookimpl
def mlopt_register_passes():
    return _lazy_all(PASSES)


@hookimpl
def mlopt_register_pipelines():
    return _lazy_all(PIPELINES)


@hookimpl
def mlopt_register_targets():
    return _lazy_all(TARGETS)


@hookimpl
def mlopt_register_frontends():
    return lazy_calls(FRONTENDS)


@hookimpl
def mlopt_register_runtime_symbols():
    return lazy_calls(RUNTIME_SYMBOLS)
