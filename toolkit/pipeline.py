"""Pass pipelines: upstream's textual syntax, pass options, and named pipelines.

    builtin.module(func.func(canonicalize{max-iterations=5},cse),convert-to-llvm)

A pipeline is a tree of :class:`OpPassManager` nodes (one per op name to nest
on) holding scheduled passes. Option text is bound to the pass's dataclass
fields by their types: ``max-iterations=5`` sets ``max_iterations: int``.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Union

from mlopt.diagnostics import Diagnostic, DiagnosticError, SourceText
from mlopt.plugins import PluginInfo
from mlopt.registry import PASS, PIPELINE, PluginFailure, Registry

PIPELINE_SOURCE = "<pass-pipeline>"
ANY_OP = "any"


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class PassPipelineDefinition:
    """Base class of named pipelines: options as fields, and what they expand to.

    Subclasses set ``name`` and implement :meth:`expand`, returning the pipeline
    elements (without an anchor), e.g. ``"func.func(cse),convert-func-to-llvm"``.
    The first docstring line is the pipeline's one-line summary.
    """

    name: ClassVar[str]

    def expand(self) -> str:
        raise NotImplementedError


@dataclass
class ScheduledPass:
    """A pass instance in a pipeline, with what messages need to say about it."""

    instance: Any
    plugin: PluginInfo

    @property
    def argument(self) -> str:
        return self.instance.name

    @property
    def display_name(self) -> str:
        """Upstream's pass class name (``CSE``), shown in IR dumps and timings."""
        return getattr(type(self.instance), "display_name", type(self.instance).__name__)


@dataclass
class OpPassManager:
    """Passes to run on ops named ``op_name`` (``any`` for any op)."""

    op_name: str
    items: list[ScheduledPass | OpPassManager] = field(default_factory=list)

    def nest(self, op_name: str) -> OpPassManager:
        """A new nested manager for ``op_name`` (adjacent ones stay separate, as upstream's)."""
        nested = OpPassManager(op_name)
        self.items.append(nested)
        return nested

    def passes(self):
        for item in self.items:
            if isinstance(item, OpPassManager):
                yield from item.passes()
            else:
                yield item

    def textual(self) -> str:
        """The pipeline on one line, as pipeline text (``builtin.module(func.func(cse))``)."""
        items = (
            item.textual() if isinstance(item, OpPassManager) else f"{item.argument}{format_options(item.instance)}"
            for item in self.items
        )
        return f"{self.op_name}({','.join(items)})"

    def dump(self) -> str:
        """The pipeline as ``--dump-pass-pipeline`` prints it."""
        return f"Pass Manager with {len(self.items)} passes:\n" + self._dump(0) + "\n\n"

    def _dump(self, depth: int) -> str:
        indent = "  " * depth
        lines = [f"{indent}{self.op_name}("]
        rendered = []
        for item in self.items:
            if isinstance(item, OpPassManager):
                rendered.append(item._dump(depth + 1))
            else:
                rendered.append(f"{indent}  {item.argument}{format_options(item.instance)}")
        lines.append(",\n".join(rendered))
        lines.append(f"{indent})")
        return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- options


@dataclass(frozen=True)
class OptionInfo:
    """One pass option: its command-line spelling, type and help text."""

    name: str
    field_name: str
    type: Any
    default: Any
    help: str

    @property
    def type_name(self) -> str:
        return _type_name(self.type)


def option_infos(cls: type) -> list[OptionInfo]:
    """The options of a pass or pipeline class, from its dataclass fields."""
    if not dataclasses.is_dataclass(cls):
        return []
    hints = typing.get_type_hints(cls)
    infos = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = dataclasses.MISSING
        infos.append(
            OptionInfo(
                f.name.replace("_", "-"),
                f.name,
                hints.get(f.name, str),
                default,
                f.metadata.get("help", ""),
            )
        )
    return infos


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        return " | ".join(_type_name(a) for a in typing.get_args(tp) if a is not type(None))
    if origin is tuple:
        return "list of " + _type_name(typing.get_args(tp)[0])
    if origin is Literal:
        return "|".join(str(a) for a in typing.get_args(tp))
    return {int: "int", float: "number", bool: "bool", str: "string"}.get(tp, str(tp))


def _convert_scalar(text: str, tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        errors = []
        for arg in typing.get_args(tp):
            if arg is type(None):
                continue
            try:
                return _convert_scalar(text, arg)
            except ValueError as err:
                errors.append(str(err))
        raise ValueError(" or ".join(errors))
    if origin is Literal:
        choices = [str(a) for a in typing.get_args(tp)]
        if text not in choices:
            raise ValueError("expected one of " + ", ".join(choices))
        return text
    if tp is bool:
        lowered = text.lower()
        if lowered in ("true", "1", "yes", "on", ""):
            return True
        if lowered in ("false", "0", "no", "off"):
            return False
        raise ValueError("expected true or false")
    if tp is int:
        try:
            return int(text, 0)
        except ValueError:
            raise ValueError("expected an integer") from None
    if tp is float:
        try:
            return float(text)
        except ValueError:
            raise ValueError("expected a number") from None
    return text


def convert_option(text: str, tp: Any) -> Any:
    """Convert option text to the field type (lists are comma-separated)."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return convert_option(text, args[0])
    if origin is tuple:
        element = typing.get_args(tp)[0]
        if not text:
            return ()
        return tuple(_convert_scalar(part, element) for part in _split_list(text))
    return _convert_scalar(text, tp)


def _split_list(text: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in text:
        if char in "{[(":
            depth += 1
        elif char in "}])":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def format_option_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:e}"  # as LLVM prints a double option: 3.000000e-01
    if isinstance(value, tuple):
        return ",".join(format_option_value(v) for v in value)
    if value is None:
        return ""
    text = str(value)
    if any(c.isspace() for c in text) or any(c in text for c in "{}"):
        return "'" + text + "'"
    return text


def format_options(instance: Any) -> str:
    """``{a=1 b=true}`` with every option (sorted, as upstream prints them)."""
    infos = sorted(option_infos(type(instance)), key=lambda info: info.name)
    if not infos:
        return ""
    rendered = []
    for info in infos:
        value = getattr(instance, info.field_name)
        # Empty lists print as nothing, which gives upstream's "{  a=1" spacing.
        rendered.append("" if value in ((), None) else f"{info.name}={format_option_value(value)}")
    return "{" + " ".join(rendered) + "}"


@dataclass(frozen=True)
class RawOption:
    key: str
    value: str | None
    offset: int
    """Offset of the key within the option text."""


def split_options(text: str) -> list[RawOption]:
    """Split ``a=1 b='x y' c={nested} flag`` into raw options."""
    options: list[RawOption] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            break
        start = i
        while i < n and not text[i].isspace() and text[i] != "=":
            i += 1
        key = text[start:i]
        if i < n and text[i] == "=":
            i += 1
            value, i = _read_value(text, i)
            options.append(RawOption(key, value, start))
        else:
            options.append(RawOption(key, None, start))
    return options


def _read_value(text: str, i: int) -> tuple[str, int]:
    n = len(text)
    if i < n and text[i] in "'\"":
        quote = text[i]
        end = text.find(quote, i + 1)
        if end < 0:
            raise ValueError(f"unterminated {quote} in option value")
        return text[i + 1 : end], end + 1
    start, depth = i, 0
    while i < n and (depth > 0 or not text[i].isspace()):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
        i += 1
    value = text[start:i]
    if value.startswith("{") and value.endswith("}"):
        value = value[1:-1]
    return value, i


# --------------------------------------------------------------------------- text


@dataclass
class PassElement:
    name: str
    options: str | None
    offset: int
    options_offset: int = 0


@dataclass
class NestElement:
    op_name: str
    items: list[PassElement | NestElement]
    offset: int


class PipelineSyntaxError(Exception):
    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.$")


class _PipelineTextParser:
    def __init__(self, text: str):
        self.text = text
        self.pos = 0

    def _skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def _peek(self) -> str:
        self._skip_space()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def _name(self, what: str) -> tuple[str, int]:
        self._skip_space()
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] in _NAME_CHARS:
            self.pos += 1
        if start == self.pos:
            found = f"'{self.text[self.pos]}'" if self.pos < len(self.text) else "end of pipeline"
            raise PipelineSyntaxError(f"expected {what}, found {found}", self.pos)
        return self.text[start : self.pos], start

    def elements(self, closing: str | None) -> list[PassElement | NestElement]:
        items: list[PassElement | NestElement] = []
        if closing and self._peek() == closing:
            return items
        while True:
            items.append(self._element())
            char = self._peek()
            if char == ",":
                self.pos += 1
                continue
            if closing is None and char == "":
                return items
            if char == closing:
                return items
            expected = f"',' or '{closing}'" if closing else "','"
            found = f"'{char}'" if char else "end of pipeline"
            raise PipelineSyntaxError(f"expected {expected}, found {found}", self.pos)

    def _element(self) -> PassElement | NestElement:
        name, offset = self._name("a pass name or an op name")
        char = self._peek()
        if char == "(":
            self.pos += 1
            items = self.elements(")")
            self.pos += 1  # ')'
            return NestElement(name, items, offset)
        if char == "{":
            start = self.pos
            depth = 0
            quote = ""
            while self.pos < len(self.text):
                c = self.text[self.pos]
                if quote:
                    quote = "" if c == quote else quote
                elif c in "'\"":
                    quote = c
                elif c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                    if depth == 0:
                        break
                self.pos += 1
            if self.pos >= len(self.text):
                raise PipelineSyntaxError("unbalanced '{' in pass options", start)
            options = self.text[start + 1 : self.pos]
            self.pos += 1
            return PassElement(name, options, offset, start + 1)
        return PassElement(name, None, offset)


def parse_pipeline_text(text: str, *, anchored: bool) -> list[PassElement | NestElement]:
    """Parse pipeline text; ``anchored`` requires the ``op-name(...)`` wrapper."""
    parser = _PipelineTextParser(text)
    items = parser.elements(None)
    if anchored and (len(items) != 1 or not isinstance(items[0], NestElement)):
        raise PipelineSyntaxError(
            "expected the pipeline to be wrapped in its anchor op, e.g. 'builtin.module(...)'",
            items[0].offset if items else 0,
        )
    return items


# --------------------------------------------------------------------------- build


class PipelineBuilder:
    """Resolves pipeline text against the registry into an OpPassManager tree.

    Errors are DiagnosticErrors located in the pipeline text, which is quoted
    under the message like any other source.
    """

    def __init__(self, registry: Registry, sources: Any = None, source_name: str = PIPELINE_SOURCE):
        self.registry = registry
        self.sources = sources
        self.source_name = source_name

    def from_text(self, text: str, *, source_name: str | None = None) -> OpPassManager:
        """Build from ``--pass-pipeline`` text (anchored, explicit nesting)."""
        name = source_name or self.source_name
        source = self._register_source(name, text)
        try:
            items = parse_pipeline_text(text, anchored=True)
        except PipelineSyntaxError as err:
            raise self._error(source, err.offset, str(err)) from None
        root_element = items[0]
        assert isinstance(root_element, NestElement)
        root = OpPassManager(root_element.op_name)
        self._add_items(root, root_element.items, source, implicit=False)
        return root

    def add_text(self, pm: OpPassManager, text: str, *, source_name: str | None = None) -> None:
        """Append unanchored pipeline text (``func.func(cse),canonicalize``) to ``pm``."""
        source = self._register_source(source_name or self.source_name, text)
        try:
            items = parse_pipeline_text(text, anchored=False)
        except PipelineSyntaxError as err:
            raise self._error(source, err.offset, str(err)) from None
        self._add_items(pm, items, source, implicit=False)

    def add_flag(self, root: OpPassManager, name: str, options: str | None, flag_text: str) -> None:
        """Add a ``--pass-name[=options]`` flag, nesting implicitly as mlir-opt does."""
        source = self._register_source("<command line>", flag_text)
        element = PassElement(name, options, 2, flag_text.find("=") + 1)
        self._add_items(root, [element], source, implicit=True)

    def _register_source(self, name: str, text: str) -> SourceText:
        if self.sources is not None:
            return self.sources.add(name, text)
        return SourceText(name, text)

    def _error(self, source: SourceText, offset: int, message: str, length: int = 1) -> DiagnosticError:
        return DiagnosticError(Diagnostic("error", message, source.location(offset, length)))

    def _add_items(
        self,
        pm: OpPassManager,
        items: list[PassElement | NestElement],
        source: SourceText,
        *,
        implicit: bool,
    ) -> None:
        for element in items:
            if isinstance(element, NestElement):
                self._add_items(pm.nest(element.op_name), element.items, source, implicit=implicit)
            else:
                self._add_pass(pm, element, source, implicit=implicit)

    def _add_pass(self, pm: OpPassManager, element: PassElement, source: SourceText, *, implicit: bool) -> None:
        passes = self.registry.entries(PASS)
        pipelines = self.registry.entries(PIPELINE)
        if element.name in passes:
            cls = self.registry.pass_class(element.name)
            instance = self._instantiate(cls, element, source)
            anchor = getattr(cls, "anchor", None)
            target = pm
            if anchor and anchor != pm.op_name and pm.op_name != ANY_OP:
                if not implicit:
                    raise self._error(
                        source,
                        element.offset,
                        f"pass '{element.name}' is restricted to '{anchor}' ops and cannot "
                        f"run on '{pm.op_name}'; did you mean to nest it, as "
                        f"'{anchor}({element.name})'?",
                        len(element.name),
                    )
                target = pm.nest(anchor)
            target.items.append(ScheduledPass(instance, passes[element.name].plugin))
            return
        if element.name in pipelines:
            cls = self.registry.pipeline_class(element.name)
            definition = self._instantiate(cls, element, source)
            expansion = definition.expand()
            expanded_source = SourceText(f"<pipeline {element.name}>", expansion)
            try:
                expanded = parse_pipeline_text(expansion, anchored=False)
                self._add_items(pm, expanded, expanded_source, implicit=implicit)
            except PipelineSyntaxError as err:
                raise PluginFailure(
                    f"{pipelines[element.name].plugin.describe()}: pipeline '{element.name}' "
                    f"expands to invalid text {expansion!r}: {err}"
                ) from None
            return
        known = list(self.registry.user_facing(PASS)) + list(self.registry.user_facing(PIPELINE))
        hint = difflib.get_close_matches(element.name, known, n=1)
        suffix = f"; did you mean '{hint[0]}'?" if hint else ""
        raise self._error(
            source,
            element.offset,
            f"'{element.name}' does not refer to a registered pass or pass pipeline{suffix}",
            len(element.name),
        )

    def _instantiate(self, cls: type, element: PassElement, source: SourceText) -> Any:
        infos = {info.name: info for info in option_infos(cls)}
        try:
            raw_options = split_options(element.options or "")
        except ValueError as err:
            raise self._error(source, element.options_offset, str(err)) from None
        kwargs: dict[str, Any] = {}
        for raw in raw_options:
            where = element.options_offset + raw.offset
            info = infos.get(raw.key) or infos.get(raw.key.replace("_", "-"))
            if info is None:
                hint = difflib.get_close_matches(raw.key, list(infos), n=1)
                suffix = f"; did you mean '{hint[0]}'?" if hint else ""
                known = ", ".join(sorted(infos)) or "none"
                raise self._error(
                    source,
                    where,
                    f"pass '{element.name}' has no option '{raw.key}'{suffix} (options: {known})",
                    len(raw.key),
                )
            text = raw.value if raw.value is not None else ""
            if raw.value is None and _base_type(info.type) is not bool:
                raise self._error(source, where, f"option '{raw.key}' of '{element.name}' needs a value")
            try:
                kwargs[info.field_name] = convert_option(text, info.type)
            except ValueError as err:
                raise self._error(
                    source,
                    where,
                    f"invalid value '{text}' for option '{raw.key}' of '{element.name}': {err}",
                    len(raw.key),
                ) from None
        missing = [i.name for i in infos.values() if i.default is dataclasses.MISSING and i.field_name not in kwargs]
        if missing:
            raise self._error(
                source, element.offset, f"'{element.name}' needs option(s): {', '.join(missing)}"
            )
        try:
            return cls(**kwargs)
        except (ValueError, TypeError) as err:
            raise self._error(source, element.offset, f"invalid options for '{element.name}': {err}") from None


def _base_type(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp
