"""Finding, loading and reporting plugins.

Plugins are loaded one at a time so that a broken one is reported by name
(pluggy's bulk loader raises a bare ImportError naming neither the plugin nor
its distribution) while every other plugin keeps working.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pluggy

from mlopt import hookspecs

AUTOLOAD_ENV = "MLOPT_DISABLE_PLUGIN_AUTOLOAD"
STRICT_ENV = "MLOPT_STRICT_PLUGINS"
BUILTIN_PLUGINS = ("mlopt", "xdsl")
"""The plugins that ship with mlopt, registered before any other."""


class PluginLoadError(Exception):
    """A fatal plugin problem (every problem is fatal under MLOPT_STRICT_PLUGINS=1)."""


@dataclass
class PluginInfo:
    """Where a plugin came from, for messages and ``--list-plugins``."""

    name: str
    origin: str
    """"built-in", "entry point" or "--load-plugin"."""
    distribution: str | None = None
    version: str | None = None

    def describe(self) -> str:
        """``'name' (distribution dist 1.0)`` or ``'name' (from --load-plugin)``."""
        if self.distribution:
            return f"plugin '{self.name}' (distribution {self.distribution} {self.version})"
        return f"plugin '{self.name}' ({self.origin})"


@dataclass
class PluginSet:
    """The plugins of one run, in load order, and the problems met loading them."""

    manager: pluggy.PluginManager
    infos: dict[str, PluginInfo] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    strict: bool = False

    def report(self, message: str) -> None:
        """Record a plugin problem; fatal at once in strict mode."""
        if self.strict:
            raise PluginLoadError(message)
        self.problems.append(message)

    def info_for(self, plugin_name: str) -> PluginInfo:
        return self.infos.get(plugin_name) or PluginInfo(plugin_name, "unknown")


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def load_plugins(
    *,
    extra: tuple[str, ...] = (),
    disabled: tuple[str, ...] = (),
    autoload: bool | None = None,
    strict: bool | None = None,
    extra_objects: tuple[tuple[str, object], ...] = (),
) -> PluginSet:
    """Load the built-in plugins, installed entry points and the ``extra`` ones.

    ``extra`` holds module names or paths to ``.py`` files (``--load-plugin``);
    ``extra_objects`` holds (name, plugin object) pairs registered directly,
    which is how tests register a plugin in-process.
    """
    if autoload is None:
        autoload = not _env_flag(AUTOLOAD_ENV)
    if strict is None:
        strict = _env_flag(STRICT_ENV)
    global _prepared
    prepared, _prepared = _prepared, None
    if prepared is not None and prepared[0] == (extra, disabled, autoload, strict, extra_objects):
        return prepared[1]
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    plugins = PluginSet(manager, strict=strict)
    for name in disabled:
        manager.set_blocked(name)

    from mlopt import builtin_plugin, xdsl_plugin

    for name, module in zip(BUILTIN_PLUGINS, (builtin_plugin, xdsl_plugin)):
        _register(plugins, name, module, PluginInfo(name, "built-in", "mlopt", _mlopt_version()))
    if autoload:
        _load_entry_points(plugins)
    for spec in extra:
        _load_from_command_line(plugins, spec)
    for name, obj in extra_objects:
        _register(plugins, name, obj, PluginInfo(name, "in-process"))
    _check_hook_names(plugins)
    return plugins


_prepared: tuple[tuple, PluginSet] | None = None


def prepare_default_plugins() -> None:
    """Load the plugins a run without plugin options loads, for the next
    :func:`load_plugins` call to take if it asks for the same (once: a plugin
    set belongs to one run). A warm server's request process does this while
    it waits for its request, whose environment may still ask for others."""
    global _prepared
    autoload, strict = not _env_flag(AUTOLOAD_ENV), _env_flag(STRICT_ENV)
    plugins = load_plugins(autoload=autoload, strict=strict)
    _prepared = (((), (), autoload, strict, ()), plugins)


def _mlopt_version() -> str:
    from mlopt import __version__

    return __version__


def _register(plugins: PluginSet, name: str, obj: object, info: PluginInfo) -> None:
    if plugins.manager.is_blocked(name):
        return
    if plugins.manager.has_plugin(name):
        plugins.report(
            f"{info.describe()}: a plugin named '{name}' is already loaded "
            f"({plugins.info_for(name).describe()}); ignoring this one"
        )
        return
    try:
        plugins.manager.register(obj, name=name)
    except (pluggy.PluginValidationError, ValueError) as err:
        plugins.report(f"{info.describe()} is invalid: {err}")
        return
    plugins.infos[name] = info


def _load_entry_points(plugins: PluginSet) -> None:
    from mlopt.entry_points import entry_points

    for entry_point in entry_points(hookspecs.PROJECT_NAME):
        if plugins.manager.is_blocked(entry_point.name):
            continue
        info = PluginInfo(entry_point.name, "entry point", *entry_point.distribution())
        try:
            obj = entry_point.load()
        except Exception as err:  # noqa: BLE001 - any import failure is the plugin's
            plugins.report(f"{info.describe()} failed to load: {type(err).__name__}: {err}")
            continue
        _register(plugins, entry_point.name, obj, info)


def _load_from_command_line(plugins: PluginSet, spec: str) -> None:
    """Load a plugin the user asked for by name: unlike an auto-discovered
    one, its failure to load is fatal (an error, exit 1)."""
    path = Path(spec)
    if spec.endswith(".py") or os.sep in spec:
        name = path.stem
        info = PluginInfo(name, f"--load-plugin={spec}")
        if not path.is_file():
            raise PluginLoadError(f"{info.describe()}: no such file '{spec}'")
        load = functools.partial(_import_path, path)
    else:
        name = spec
        info = PluginInfo(name, f"--load-plugin={spec}")
        load = functools.partial(importlib.import_module, spec)
    try:
        module = load()
    except Exception as err:  # noqa: BLE001 - any import failure is the plugin's
        raise PluginLoadError(f"{info.describe()} failed to load: {type(err).__name__}: {err}") from None
    if plugins.manager.is_registered(module):
        return  # already loaded (an installed plugin's entry point): nothing to do
    known_problems = len(plugins.problems)
    _register(plugins, name, module, info)
    if len(plugins.problems) > known_problems:
        raise PluginLoadError(plugins.problems.pop())


def _import_path(path: Path) -> ModuleType:
    module_name = f"mlopt_plugin_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import '{path}'")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    return module


def _check_hook_names(plugins: PluginSet) -> None:
    """Reject plugins whose hook functions match no spec (usually a misspelling)."""
    while True:
        try:
            plugins.manager.check_pending()
            return
        except pluggy.PluginValidationError as err:
            name = plugins.manager.get_name(err.plugin)
            info = plugins.info_for(name or "?")
            plugins.manager.unregister(err.plugin)
            plugins.infos.pop(info.name, None)
            plugins.report(f"{info.describe()} is invalid: {err}")
