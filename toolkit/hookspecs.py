"""The plugin contract: every hook a plugin may implement.

A plugin is any module (or object) with functions decorated by
``mlopt.hookimpl`` and named like the specs below. mlopt finds installed
plugins through the ``mlopt`` entry-point group, or loads one from the command
line with ``--load-plugin=module.name`` or ``--load-plugin=path/to/file.py``.

Every registration hook returns a mapping from a *name* to a *zero-argument
factory*. The hook itself must be cheap: it runs on every start of the tool.
Put the heavy imports inside the factories; mlopt calls a factory only when the
thing it builds is actually used (a dialect when its first op is parsed, a pass
when it is scheduled). That is what keeps ``mlopt --help`` and small runs fast.

A name registered by two plugins is reported as a conflict naming both; the
first registration wins (the built-in plugin always registers first).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from xdsl.ir import Dialect
    from xdsl.passes import ModulePass

    from mlopt.frontends import Frontend
    from mlopt.pipeline import PassPipelineDefinition
    from mlopt.targets import Target

PROJECT_NAME = "mlopt"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def mlopt_register_dialects() -> Mapping[str, Callable[[], Dialect]]:
    """Dialects, by dialect name (the prefix of its op names, e.g. ``"toy"``).

    Each factory returns an ``xdsl.ir.Dialect``. It is called the first time
    the parser meets an op or attribute of that dialect, or when a pass asks
    for it, never at start-up.
    """


@hookspec
def mlopt_register_passes() -> Mapping[str, Callable[[], type[ModulePass]]]:
    """Passes, by the name used on the command line (``"canonicalize"``).

    Each factory returns a subclass of ``xdsl.passes.ModulePass`` whose
    ``name`` class variable equals the registered name. Its options are its
    dataclass fields (``max_iterations`` is spelled ``max-iterations`` on the
    command line), the first line of its docstring is its one-line summary, and
    an optional ``anchor`` class variable (an op name such as
    ``"builtin.module"``) restricts where it may be nested in a pipeline;
    without one the pass runs on any op, like upstream's op-agnostic passes.
    """


@hookspec
def mlopt_register_pipelines() -> Mapping[str, Callable[[], type[PassPipelineDefinition]]]:
    """Named pass pipelines, by name (``"gpu-lower-to-nvvm-pipeline"``).

    Each factory returns a subclass of ``mlopt.pipeline.PassPipelineDefinition``:
    a dataclass whose fields are the pipeline's options and whose ``expand()``
    returns the textual pipeline it stands for. Pipelines are used exactly like
    passes, as a flag or inside ``--pass-pipeline``.
    """


@hookspec
def mlopt_register_targets() -> Mapping[str, Callable[[], type[Target]]]:
    """Output translations for ``mltranslate``, by flag name (``"mlir-to-llvmir"``).

    Each factory returns a subclass of ``mlopt.targets.Target``, which turns a
    module into text or bytes (LLVM IR, assembly, an object file, PTX, ...).
    """


@hookspec
def mlopt_register_frontends() -> Mapping[str, Callable[[], Frontend]]:
    """Input frontends, by file extension including the dot (``".toy"``).

    Each factory returns an ``mlopt.frontends.Frontend``, which parses a source
    text into a ``builtin.module``. ``.mlir`` is handled by the core. A
    frontend reports bad input by raising ``mlopt.diagnostics.DiagnosticError``
    with a location, so users get ``file:line:col: error:`` like everywhere else.
    """


@hookspec
def mlopt_register_runtime_symbols() -> Mapping[str, Callable[[], Any]]:
    """Native symbols for the JIT, by symbol name (``"printMemrefF32"``).

    Each factory returns the symbol's address as an ``int`` or a ctypes
    function object (kept alive by mlopt). Factories run only when a JIT-ed
    module actually references the symbol.
    """


@hookspec
def mlopt_register_bufferization_models() -> Mapping[str, Callable[[], Any]]:
    """How ops bufferize in ``one-shot-bufferize`` (upstream's
    BufferizableOpInterface external models), by op name or dialect name.

    For an op name (``"toy.transpose"``) the factory returns an instance of
    ``mlopt.passes.bufferization.interface.BufferizableOpModel``; for a dialect
    name (``"toy"``) it returns a mapping from op names to such instances, where
    ``"*"`` covers every op of the dialect. An op without a model is an unknown
    op: analyzed conservatively, and left in tensor form (an error unless
    ``allow-unknown-ops``).
    """
