"""``mlopt.ir``: MLIR's Python-bindings shape (``mlir.ir``) over xDSL's IR.

    from mlopt.ir import Context, Module
    with Context():
        module = Module.parse(open("prog.mlir").read())
    print(module)                         # mlopt's upstream-style printer
    module.operation.verify()             # raises MLIRError with located diagnostics
    module.operation.opview               # the xDSL ModuleOp: every xDSL API works on it

A script written against MLIR's bindings ports by changing its imports; what
differs (no bindings-style op builders: build ops with xDSL's classes) is
listed in docs/python-api.md. The wrappers forward any attribute they do not
define to the xDSL object, so ``module.operation.regions`` or ``.walk()``-style
xDSL calls keep working one attribute away.
"""

from __future__ import annotations

import enum
import html
import io
import re
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "Block",
    "Context",
    "DiagnosticInfo",
    "DiagnosticSeverity",
    "Location",
    "MLIRError",
    "Module",
    "Operation",
    "WalkOrder",
    "WalkResult",
    "load_plugin",
]

_PLUGINS: list[str] = []
"""Plugins loaded with :func:`load_plugin`; every Context created afterwards has them."""


def load_plugin(module_or_path: str) -> None:
    """Load a plugin (a module name or a path to a ``.py`` file) for the Contexts
    created from now on, as ``--load-plugin`` does for the command-line tools.
    A plugin that fails to load raises ``mlopt.plugins.PluginLoadError`` at once."""
    from mlopt.plugins import load_plugins

    load_plugins(extra=(module_or_path,))
    if module_or_path not in _PLUGINS:
        _PLUGINS.append(module_or_path)
    _DEFAULT.context = None


# --------------------------------------------------------------------------- diagnostics


class DiagnosticSeverity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"
    REMARK = "remark"


@dataclass
class DiagnosticInfo:
    """One diagnostic, as MLIR's bindings report it; ``str()`` is the CLI's first line."""

    severity: DiagnosticSeverity
    location: Location
    message: str
    notes: list[DiagnosticInfo] = field(default_factory=list)
    rendered: str = ""
    """The diagnostic with its source line and caret, exactly as the CLI prints it."""

    def __str__(self) -> str:
        return self.rendered.split("\n", 1)[0] if self.rendered else self.message


class MLIRError(Exception):
    """A parse, verification or pass failure; ``diagnostics`` are located as the CLI locates them."""

    def __init__(self, message: str, diagnostics: list[DiagnosticInfo]):
        self.message = message
        self.diagnostics = diagnostics
        self.error_diagnostics = diagnostics
        """The name MLIR's bindings use."""
        super().__init__(message)

    def __str__(self) -> str:
        details = "".join(d.rendered for d in self.diagnostics)
        return f"{self.message}:\n{details}".rstrip("\n")


def _mlir_error(message: str, error, context: Context) -> MLIRError:
    """An MLIRError from mlopt's DiagnosticError, rendered with the context's sources."""
    return MLIRError(message, [_diagnostic_info(d, context) for d in error.diagnostics])


def _diagnostic_info(diagnostic, context: Context) -> DiagnosticInfo:
    from xdsl.dialects import builtin

    loc = diagnostic.location
    if loc is None:
        attr = builtin.UnknownLoc()
    else:
        attr = builtin.FileLineColLoc(builtin.StringAttr(loc.file), builtin.IntAttr(loc.line), builtin.IntAttr(loc.col))
    rendered = context._sources.render(diagnostic)
    return DiagnosticInfo(
        DiagnosticSeverity(diagnostic.severity),
        Location(attr, context),
        diagnostic.message,
        [_diagnostic_info(note, context) for note in diagnostic.notes],
        rendered,
    )


# --------------------------------------------------------------------------- context


class _DefaultContext(threading.local):
    stack: list[Context]
    context: Context | None

    def __init__(self) -> None:
        self.stack = []
        self.context = None


_DEFAULT = _DefaultContext()


class Context:
    """The dialects, passes and pipelines of the loaded plugins (built-ins,
    installed entry points, :func:`load_plugin` and ``plugins=``), loaded on
    first use. ``with Context():`` makes it the implicit context; without one,
    a shared default context is used."""

    def __init__(self, *, allow_unregistered_dialects: bool = False, plugins: tuple[str, ...] | list[str] = ()):
        from mlopt.diagnostics import SourceManager

        self._plugins = (*_PLUGINS, *plugins)
        self._registry = None
        self._xdsl = None
        self._allow_unregistered = allow_unregistered_dialects
        self._sources = SourceManager()

    @property
    def registry(self):
        """mlopt's registry of what the plugins provide."""
        if self._registry is None:
            from mlopt.plugins import load_plugins
            from mlopt.registry import Registry

            self._registry = Registry(load_plugins(extra=self._plugins))
        return self._registry

    @property
    def xdsl(self):
        """The xDSL ``Context`` that parses and runs passes."""
        if self._xdsl is None:
            self._xdsl = self.registry.make_context(allow_unregistered=self._allow_unregistered)
        return self._xdsl

    @property
    def allow_unregistered_dialects(self) -> bool:
        return self._allow_unregistered

    @allow_unregistered_dialects.setter
    def allow_unregistered_dialects(self, value: bool) -> None:
        self._allow_unregistered = bool(value)
        if self._xdsl is not None:
            self._xdsl.allow_unregistered = self._allow_unregistered

    @property
    def dialects(self) -> list[str]:
        """The names of the dialects the plugins register."""
        from mlopt.registry import DIALECT

        return sorted(self.registry.entries(DIALECT))

    def __enter__(self) -> Context:
        _DEFAULT.stack.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        _DEFAULT.stack.remove(self)

    @staticmethod
    def current() -> Context:
        """The innermost ``with Context()``, else the shared default context."""
        return _resolve(None)


def _resolve(context: Context | None) -> Context:
    if context is not None:
        return context
    if _DEFAULT.stack:
        return _DEFAULT.stack[-1]
    if _DEFAULT.context is None:
        _DEFAULT.context = Context()
    return _DEFAULT.context


# --------------------------------------------------------------------------- locations


class Location:
    """A source location (an xDSL location attribute in ``.attr``)."""

    def __init__(self, attr, context: Context | None = None):
        self.attr = attr
        self.context = _resolve(context)

    @staticmethod
    def file(filename: str, line: int, col: int, context: Context | None = None) -> Location:
        from xdsl.dialects import builtin

        return Location(builtin.FileLineColLoc(builtin.StringAttr(filename), builtin.IntAttr(line), builtin.IntAttr(col)), context)

    @staticmethod
    def unknown(context: Context | None = None) -> Location:
        from xdsl.dialects import builtin

        return Location(builtin.UnknownLoc(), context)

    @staticmethod
    def name(name: str, childLoc: Location | None = None, context: Context | None = None) -> Location:  # noqa: N803 - MLIR's spelling
        from xdsl.dialects import builtin

        child = childLoc.attr if childLoc is not None else builtin.UnknownLoc()
        return Location(builtin.NameLoc(builtin.StringAttr(name), child), context)

    @property
    def filename(self) -> str:
        return self._file_loc().filename.data

    @property
    def start_line(self) -> int:
        return self._file_loc().line.data

    @property
    def start_col(self) -> int:
        return self._file_loc().column.data

    def _file_loc(self):
        from xdsl.dialects import builtin

        if not isinstance(self.attr, builtin.FileLineColLoc):
            raise ValueError(f"{self} is not a file location")
        return self.attr

    def __str__(self) -> str:
        from xdsl.printer import Printer

        buffer = io.StringIO()
        Printer(stream=buffer).print_attribute(self.attr)
        return buffer.getvalue()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Location) and self.attr == other.attr

    def __hash__(self) -> int:
        return hash(self.attr)


# --------------------------------------------------------------------------- operations


class WalkOrder(enum.Enum):
    PRE_ORDER = 0
    POST_ORDER = 1


class WalkResult(enum.Enum):
    ADVANCE = 0
    INTERRUPT = 1
    SKIP = 2


class Operation:
    """An op: MLIR's ``Operation`` API, with the xDSL op in ``.opview``.

    Attributes it does not define are looked up on the xDSL op."""

    __slots__ = ("_op", "_context")

    def __init__(self, op, context: Context | None = None):
        object.__setattr__(self, "_op", op)
        object.__setattr__(self, "_context", _resolve(context))

    @property
    def opview(self):
        """The xDSL op itself (an instance of its op class, e.g. ``ModuleOp``)."""
        return self._op

    @property
    def operation(self) -> Operation:
        return self

    @property
    def context(self) -> Context:
        return self._context

    @property
    def name(self) -> str:
        from xdsl.dialects.builtin import UnregisteredOp

        return self._op.op_name.data if isinstance(self._op, UnregisteredOp) else self._op.name

    @property
    def location(self) -> Location:
        return Location(self._op.location, self._context)

    @property
    def attributes(self) -> Mapping[str, Any]:
        """Inherent (properties) and discardable attributes, by name."""
        return {**self._op.properties, **self._op.attributes}

    @property
    def parent(self) -> Operation | None:
        parent = self._op.parent_op()
        return None if parent is None else Operation(parent, self._context)

    def print(
        self,
        file=None,
        *,
        generic: bool | None = None,
        debug_info: bool | None = None,
        print_generic_op_form: bool = False,
        enable_debug_info: bool = False,
        assume_verified: bool = False,
        **unsupported: Any,
    ) -> None:
        """Print as mlir-opt does (``generic=``/``debug_info=`` or MLIR's
        ``print_generic_op_form=``/``enable_debug_info=``) to ``file`` or stdout."""
        text = self.get_asm(
            generic=generic,
            debug_info=debug_info,
            print_generic_op_form=print_generic_op_form,
            enable_debug_info=enable_debug_info,
            assume_verified=assume_verified,
            **unsupported,
        )
        (file or sys.stdout).write(text)

    def get_asm(
        self,
        *,
        generic: bool | None = None,
        debug_info: bool | None = None,
        print_generic_op_form: bool = False,
        enable_debug_info: bool = False,
        assume_verified: bool = False,
        **unsupported: Any,
    ) -> str:
        """The op's text (with a final newline)."""
        from mlopt.asm import print_ir

        given = sorted(name for name, value in unsupported.items() if value not in (None, False))
        if given:
            raise TypeError(f"print option(s) not supported by mlopt: {', '.join(given)}")
        generic = print_generic_op_form if generic is None else generic
        debug_info = enable_debug_info if debug_info is None else debug_info
        if not assume_verified and not generic and not self._is_valid():
            generic = True  # as upstream: invalid IR is printed in the generic form
        buffer = io.StringIO()
        print_ir(self._op, buffer, context=self._context.xdsl, generic=generic, debuginfo=debug_info)
        return buffer.getvalue()

    def _is_valid(self) -> bool:
        from mlopt.diagnostics import DiagnosticError
        from mlopt.verifier import verify

        try:
            verify(self._op)
        except DiagnosticError:
            return False
        return True

    def verify(self) -> bool:
        """True, or MLIRError with the first failure located."""
        from mlopt.diagnostics import DiagnosticError
        from mlopt.verifier import verify

        try:
            verify(self._op)
        except DiagnosticError as error:
            raise _mlir_error("Verification failed", error, self._context) from None
        return True

    def walk(self, callback: Callable[[Operation], WalkResult | None], walk_order: WalkOrder = WalkOrder.POST_ORDER) -> None:
        """Call ``callback`` on this op and every nested op (post-order by
        default, as MLIR); it may return WalkResult.INTERRUPT to stop or, in
        pre-order, WalkResult.SKIP to skip an op's regions."""
        self._walk(self._op, callback, walk_order)

    def _walk(self, op, callback, order: WalkOrder) -> bool:
        if order is WalkOrder.PRE_ORDER:
            result = callback(Operation(op, self._context))
            if result is WalkResult.INTERRUPT:
                return False
            if result is WalkResult.SKIP:
                return True
        for region in op.regions:
            for block in region.blocks:
                for child in list(block.ops):
                    if not self._walk(child, callback, order):
                        return False
        if order is WalkOrder.POST_ORDER:
            return callback(Operation(op, self._context)) is not WalkResult.INTERRUPT
        return True

    def clone(self) -> Operation:
        return Operation(self._op.clone(), self._context)

    def erase(self) -> None:
        self._op.erase()

    def __str__(self) -> str:
        return self.get_asm()

    def __repr__(self) -> str:
        return f"<mlopt.ir.Operation '{self.name}'>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Operation) and other._op is self._op

    def __hash__(self) -> int:
        return id(self._op)

    def __getattr__(self, name: str) -> Any:
        return getattr(object.__getattribute__(self, "_op"), name)

    def _repr_html_(self) -> str:
        return render_html(self.get_asm())


class Block:
    """A block: ``operations`` (as Operation wrappers) and ``arguments``."""

    def __init__(self, block, context: Context):
        self._block = block
        self._context = context

    @property
    def operations(self) -> list[Operation]:
        return [Operation(op, self._context) for op in self._block.ops]

    @property
    def arguments(self):
        return self._block.args

    def append(self, operation: Operation | Any) -> None:
        """Append an op (a wrapper or an xDSL op) at the end of the block."""
        self._block.add_op(operation.opview if isinstance(operation, Operation) else operation)

    def __iter__(self) -> Iterator[Operation]:
        return iter(self.operations)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._block, name)


class Module:
    """A ``builtin.module``: parse, print, verify, run pipelines on ``.operation``."""

    def __init__(self, op, context: Context):
        self._operation = Operation(op, context)

    @staticmethod
    def parse(asm: str | bytes, context: Context | None = None, *, source_name: str = "<string>") -> Module:
        """Parse and verify; MLIRError (with ``file:line:col`` diagnostics) on bad input."""
        from mlopt.diagnostics import DiagnosticError
        from mlopt.asm import parse_source
        from mlopt.verifier import verify

        context = _resolve(context)
        text = asm.decode() if isinstance(asm, bytes) else asm
        source = context._sources.add(source_name, text)
        try:
            op = parse_source(context.xdsl, source)
        except DiagnosticError as error:
            raise _mlir_error("Unable to parse module assembly", error, context) from None
        try:
            verify(op)
        except DiagnosticError as error:
            raise _mlir_error("Verification failed", error, context) from None
        return Module(op, context)

    @staticmethod
    def parse_file(path: str | Path, context: Context | None = None) -> Module:
        return Module.parse(Path(path).read_text(), context, source_name=str(path))

    @staticmethod
    def create(loc: Location | None = None, context: Context | None = None) -> Module:
        from xdsl.dialects import builtin

        context = _resolve(context if loc is None else loc.context)
        op = builtin.ModuleOp([])
        if loc is not None:
            op.location = loc.attr
        return Module(op, context)

    @property
    def operation(self) -> Operation:
        return self._operation

    @property
    def context(self) -> Context:
        return self._operation.context

    @property
    def body(self) -> Block:
        return Block(self._operation.opview.body.block, self.context)

    def dump(self) -> None:
        sys.stderr.write(str(self))

    def __str__(self) -> str:
        return str(self._operation)

    def _repr_html_(self) -> str:
        return render_html(str(self))


# --------------------------------------------------------------------------- notebook display

_TOKEN = re.compile(
    r"(?P<comment>//[^\n]*)"
    r"|(?P<string>\"(?:[^\"\\]|\\.)*\")"
    r"|(?P<value>%[\w$.#-]+(?::\d+)?|\^[\w$.-]+)"
    r"|(?P<symbol>@[\w$.-]+|@\"(?:[^\"\\]|\\.)*\")"
    r"|(?P<alias>#[\w$.-]+|![\w$.-]+)"
    r"|(?P<op>\b[a-z_][\w$]*\.[\w$.]+\b)"
    r"|(?P<type>\b(?:i\d+|f\d+|bf16|index|memref|tensor|vector|none)\b)"
)
_STYLE = (
    "<style>.mlopt-ir{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;white-space:pre;"
    "background:#fafafa;border:1px solid #ddd;padding:6px;overflow:auto}"
    ".mlopt-ir summary{cursor:pointer;color:#555}.mlopt-ir .c{color:#888}.mlopt-ir .s{color:#a31515}"
    ".mlopt-ir .v{color:#001080}.mlopt-ir .y{color:#795e26}.mlopt-ir .a{color:#098658}"
    ".mlopt-ir .o{color:#0000ff;font-weight:bold}.mlopt-ir .t{color:#267f99}</style>"
)
_CLASSES = {"comment": "c", "string": "s", "value": "v", "symbol": "y", "alias": "a", "op": "o", "type": "t"}


def _highlight(text: str) -> str:
    parts, last = [], 0
    for match in _TOKEN.finditer(text):
        parts.append(html.escape(text[last : match.start()]))
        parts.append(f'<span class="{_CLASSES[match.lastgroup]}">{html.escape(match.group(0))}</span>')
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


_FUNCTION_START = re.compile(r"^  (?:func\.func|llvm\.func|gpu\.module|gpu\.func|transform\.named_sequence)\b")


def render_html(text: str) -> str:
    """Self-contained HTML (inline CSS, no scripts, no network) for IR text:
    highlighted, each top-level function collapsible."""
    lines = text.rstrip("\n").split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _FUNCTION_START.match(line) and line.endswith("{"):
            end = next((j for j in range(index + 1, len(lines)) if lines[j] == "  }"), None)
            if end is not None:
                body = "\n".join(lines[index + 1 : end + 1])
                out.append(f"<details open><summary>{_highlight(line.strip())}</summary>{_highlight(body)}</details>")
                index = end + 1
                continue
        out.append(_highlight(line) + "\n")
        index += 1
    return f'{_STYLE}<div class="mlopt-ir">{"".join(out)}</div>'


def __getattr__(name: str) -> Any:
    return moved_attribute(__name__, name, {"mlopt.asm": "the parser and printer", "mlopt.verifier": "the verifier"})


def moved_attribute(module: str, name: str, new_homes: dict[str, str]) -> Any:
    """The AttributeError for a name an internal module used to export here."""
    import importlib

    for home, what in new_homes.items():
        if not name.startswith("__") and hasattr(importlib.import_module(home), name):
            raise AttributeError(
                f"module '{module}' has no attribute '{name}': {what} moved to {home}.{name} "
                f"('{module}' is now the Python API in the shape of MLIR's bindings)"
            )
    raise AttributeError(f"module '{module}' has no attribute '{name}'")
