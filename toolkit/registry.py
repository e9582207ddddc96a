"""Names of dialects, passes, pipelines, targets, frontends and runtime symbols.

The registry is filled by calling the registration hooks of every plugin, one
plugin at a time so that each name is attributed to the plugin that provided it.
Only the name maps are built eagerly (per kind, on first use); what a name
stands for is built by its factory when it is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mlopt.plugins import BUILTIN_PLUGINS, PluginInfo, PluginSet

if TYPE_CHECKING:
    from xdsl.context import Context
    from xdsl.passes import ModulePass

    from mlopt.pipeline import PassPipelineDefinition


class PluginFailure(Exception):
    """A plugin's factory or hook failed; the message names the plugin."""


@dataclass(frozen=True)
class Kind:
    """One kind of registered thing."""

    noun: str
    plural: str
    hook: str


DIALECT = Kind("dialect", "dialects", "mlopt_register_dialects")
PASS = Kind("pass", "passes", "mlopt_register_passes")
PIPELINE = Kind("pipeline", "pipelines", "mlopt_register_pipelines")
TARGET = Kind("target", "targets", "mlopt_register_targets")
FRONTEND = Kind("frontend", "frontends", "mlopt_register_frontends")
RUNTIME_SYMBOL = Kind("runtime symbol", "runtime symbols", "mlopt_register_runtime_symbols")
BUFFERIZATION_MODEL = Kind("bufferization model", "bufferization models", "mlopt_register_bufferization_models")
KINDS = (DIALECT, PASS, PIPELINE, TARGET, FRONTEND, RUNTIME_SYMBOL, BUFFERIZATION_MODEL)

XDSL_PLUGIN = BUILTIN_PLUGINS[1]
"""The built-in plugin registering xDSL's passes and dialects (mlopt.xdsl_plugin)."""


@dataclass(frozen=True)
class Registration:
    """A name, the factory behind it and the plugin that registered it."""

    kind: Kind
    name: str
    factory: Callable[[], Any]
    plugin: PluginInfo

    @property
    def is_xdsl_research(self) -> bool:
        """One of xDSL's own research passes or dialects (RISC-V, Snitch, CSL, ...):
        registered by the 'xdsl' plugin under a name upstream MLIR 22 does not use.
        Listings show these only when asked, and suggestions never name them."""
        if self.plugin.name != XDSL_PLUGIN:
            return False
        from mlopt.upstream_names import UPSTREAM_DIALECTS, UPSTREAM_PASSES

        return self.name not in (UPSTREAM_DIALECTS if self.kind is DIALECT else UPSTREAM_PASSES)

    def load(self) -> Any:
        """Call the factory; a failure becomes a PluginFailure naming the plugin."""
        try:
            return self.factory()
        except Exception as err:  # noqa: BLE001 - whatever a plugin raises is its fault
            raise PluginFailure(
                f"{self.plugin.describe()} failed to provide {self.kind.noun} "
                f"'{self.name}': {type(err).__name__}: {err}"
            ) from err


class Registry:
    """Everything the loaded plugins register, by kind and name."""

    def __init__(self, plugins: PluginSet):
        self.plugins = plugins
        self._entries: dict[Kind, dict[str, Registration]] = {}

    def entries(self, kind: Kind) -> dict[str, Registration]:
        """All registrations of one kind, calling that kind's hooks on first use."""
        if kind not in self._entries:
            self._entries[kind] = self._collect(kind)
        return self._entries[kind]

    def _collect(self, kind: Kind) -> dict[str, Registration]:
        found: dict[str, Registration] = {}
        hook_caller = getattr(self.plugins.manager.hook, kind.hook)
        for impl in hook_caller.get_hookimpls():
            info = self.plugins.info_for(impl.plugin_name)
            try:
                provided = impl.function() or {}
                items = list(provided.items())
            except Exception as err:  # noqa: BLE001
                self.plugins.report(
                    f"{info.describe()}: hook {kind.hook} failed: {type(err).__name__}: {err}"
                )
                continue
            for name, factory in items:
                if name in found:
                    self.plugins.report(
                        f"{info.describe()} registers {kind.noun} '{name}', already "
                        f"registered by {found[name].plugin.describe()}; ignoring it"
                    )
                    continue
                found[name] = Registration(kind, name, factory, info)
        return found

    def user_facing(self, kind: Kind) -> dict[str, Registration]:
        """The registrations of one kind a user of upstream MLIR or of a plugin
        can mean: all but xDSL's research ones."""
        return {name: entry for name, entry in self.entries(kind).items() if not entry.is_xdsl_research}

    def __iter__(self) -> Iterator[Registration]:
        for kind in KINDS:
            yield from self.entries(kind).values()

    def pass_class(self, name: str) -> type[ModulePass]:
        registration = self.entries(PASS)[name]
        cls = registration.load()
        if getattr(cls, "name", None) != name:
            raise PluginFailure(
                f"{registration.plugin.describe()} registers pass '{name}' but its "
                f"class {getattr(cls, '__qualname__', cls)!r} is named "
                f"'{getattr(cls, 'name', None)}'"
            )
        return cls

    def pipeline_class(self, name: str) -> type[PassPipelineDefinition]:
        return self.entries(PIPELINE)[name].load()

    def make_context(self, *, allow_unregistered: bool = False) -> Context:
        """A fresh xDSL context in which every registered dialect loads on first use."""
        from xdsl.context import Context

        context = Context(allow_unregistered=allow_unregistered)
        for registration in self.entries(DIALECT).values():
            context.register_dialect(registration.name, registration.load)
        # Passes see the plugins' other registrations (bufferization models) through their context.
        context.mlopt_registry = self  # type: ignore[attr-defined]
        return context

    def factories(self, kind: Kind) -> dict[str, Callable[[], Any]]:
        """name → the registration's load (a failure names the plugin)."""
        return {name: registration.load for name, registration in self.entries(kind).items()}
