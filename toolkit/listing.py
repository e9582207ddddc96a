"""``--list-passes``, ``--show-dialects`` and ``--list-plugins``.

Docs come from where the things are defined (a pass's docstring and fields),
so listing imports what it lists; nothing else in a normal run does.
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

from mlopt.pipeline import option_infos, format_option_value
from mlopt.registry import DIALECT, KINDS, PASS, PIPELINE, Kind, PluginFailure, Registration, Registry

_NAME_COLUMN = 56


def summary_of(obj: Any) -> str:
    """The first line of an object's docstring (its own, not inherited; not
    the signature @dataclass writes where a class has none)."""
    doc = obj.__dict__.get("__doc__") if isinstance(obj, type) else getattr(obj, "__doc__", None)
    if isinstance(obj, type) and dataclasses.is_dataclass(obj) and (doc or "").startswith(f"{obj.__name__}("):
        doc = None
    doc = inspect.cleandoc(doc or "")
    return doc.split("\n")[0].strip() if doc else ""


def _plugin_suffix(plugin_name: str) -> str:
    return "" if plugin_name == "mlopt" else f" [{plugin_name}]"


def _listed(registry: Registry, kind: Kind, everything: bool) -> dict[str, Registration]:
    """What a listing shows: xDSL's research passes and dialects only with --all."""
    return registry.entries(kind) if everything else registry.user_facing(kind)


def passes_listing(registry: Registry, session: Any, *, everything: bool = False) -> str:
    lines: list[str] = []
    for title, kind, loader in (("Passes:", PASS, registry.pass_class), ("Pass Pipelines:", PIPELINE, registry.pipeline_class)):
        entries = _listed(registry, kind, everything)
        if not entries:
            continue
        lines.append(title)
        for name in sorted(entries):
            try:
                cls = loader(name)
            except PluginFailure as err:
                session.error(str(err))
                continue
            head = f"  --{name}"
            lines.append(f"{head:<{_NAME_COLUMN}}-   {summary_of(cls)}{_plugin_suffix(entries[name].plugin.name)}")
            for info in option_infos(cls):
                spelled = f"    --{info.name}=<{info.type_name}>"
                lines.append(f"{spelled:<{_NAME_COLUMN - 2}}- {info.help}{_default_note(info.default)}")
    return "\n".join(lines) + "\n"


def _default_note(default: Any) -> str:
    if default is dataclasses.MISSING:
        return " (required)"
    if default in (None, ()):
        return ""
    return f" (default: {format_option_value(default)})"


def dialects_listing(registry: Registry, session: Any, *, everything: bool = False) -> str:
    lines = ["Available Dialects:"]
    entries = _listed(registry, DIALECT, everything)
    for name in sorted(entries):
        try:
            dialect = entries[name].load()
        except PluginFailure as err:
            session.error(str(err))
            continue
        lines.append(f"  {name:<20} - {_dialect_summary(dialect)}{_plugin_suffix(entries[name].plugin.name)}")
    return "\n".join(lines) + "\n"


def _dialect_summary(dialect: Any) -> str:
    doc = getattr(dialect, "doc", None)
    if not doc:
        members = list(dialect.operations) + list(dialect.attributes)
        module = inspect.getmodule(members[0]) if members else None
        doc = module.__doc__ if module is not None else ""
    paragraph = inspect.cleandoc(doc or "").split("\n\n")[0].replace("\n", " ").strip()
    text = paragraph.split(". ")[0].rstrip(".")  # one line: the first sentence
    ops = len(list(dialect.operations))
    count = f"{ops} ops"
    return f"{text} ({count})" if text else count


def plugins_listing(registry: Registry) -> str:
    lines = []
    for name, info in registry.plugins.infos.items():
        where = f"distribution {info.distribution} {info.version}" if info.distribution else info.origin
        lines.append(f"{name} ({info.origin}; {where})")
        for kind in KINDS:
            names = sorted(r.name for r in registry.entries(kind).values() if r.plugin.name == name)
            if names:
                lines.append(f"  {kind.plural} ({len(names)}): {', '.join(names)}")
    return "\n".join(lines) + "\n"
