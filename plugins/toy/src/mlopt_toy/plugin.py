"""The hooks mlopt calls: what the Toy plugin provides, by name.

Nothing heavy is imported here: every entry is a ``module:attribute``
reference, imported the first time mlopt needs that dialect, pass, pipeline,
frontend or runtime symbol.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from mlopt import hookimpl


def _lazy(reference: str, *, call: bool = False) -> Callable[[], Any]:
    """A factory importing ``module:attribute`` (and calling it, with ``call``)."""
    module_name, _, attribute = reference.partition(":")

    def load() -> Any:
        target = getattr(importlib.import_module(module_name), attribute)
        return target() if call else target

    return load


@hookimpl
def mlopt_register_dialects():
    return {"toy": _lazy("mlopt_toy.dialect:Toy")}


@hookimpl
def mlopt_register_passes():
    return {
        "toy-inline": _lazy("mlopt_toy.passes.inline:ToyInline"),
        "toy-shape-inference": _lazy("mlopt_toy.passes.shape_inference:ShapeInferencePass"),
        "toy-to-affine": _lazy("mlopt_toy.passes.lower_to_affine:ToyToAffine"),
        "toy-lower-print": _lazy("mlopt_toy.passes.lower_print:ToyLowerPrint"),
    }


@hookimpl
def mlopt_register_pipelines():
    return {
        "toy-optimize": _lazy("mlopt_toy.pipelines:ToyOptimize"),
        "toy-to-llvm": _lazy("mlopt_toy.pipelines:ToyToLLVM"),
    }


@hookimpl
def mlopt_register_frontends():
    return {".toy": _lazy("mlopt_toy.frontend:ToyFrontend", call=True)}


@hookimpl
def mlopt_register_runtime_symbols():
    return {
        name: _lazy(f"mlopt_toy.runtime:{name}", call=True)
        for name in ("mlopt_toy_print_f64", "mlopt_toy_print_newline")
    }
