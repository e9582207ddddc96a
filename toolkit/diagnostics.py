"""Diagnostics: source locations, MLIR-style rendering, and the error type.

Every user-facing error in mlopt is a :class:`Diagnostic` carried by a
:class:`DiagnosticError`, rendered the way MLIR's SourceMgr renders it::

    input.mlir:3:8: error: 'arith.addi' op requires the same type for all operands
      %0 = arith.addi %a, %b : i64
           ^

Passes and frontends raise ``DiagnosticError.at(op_or_location, message)``;
the driver decides whether to print the diagnostics or check them against
``expected-*`` annotations (``--verify-diagnostics``).
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from xdsl.ir import Operation

SEVERITIES = ("error", "warning", "note", "remark")
UNKNOWN_FILE = "<unknown>"
MAX_SHOWN_LINE = 160
"""Longer source lines are shown as a window around the column."""
MAX_MESSAGE = 500
"""Longer messages (quoting a huge identifier, say) are cut in the middle."""


@dataclass(frozen=True)
class SourceLocation:
    """A 1-based line and column in a named source; ``length`` columns for ranges."""

    file: str
    line: int
    col: int
    length: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass
class Diagnostic:
    severity: str
    message: str
    location: SourceLocation | None = None
    notes: list[Diagnostic] = field(default_factory=list)
    op: Operation | None = None
    """The op the diagnostic is about, printed as a note where that is wanted."""
    hint: bool = False
    """A note for people only: printed, but not checked by --verify-diagnostics
    (like upstream's "see current operation" note)."""


class DiagnosticError(Exception):
    """One or more diagnostics, the first of them an error."""

    def __init__(self, *diagnostics: Diagnostic):
        super().__init__(diagnostics[0].message if diagnostics else "error")
        self.diagnostics = list(diagnostics)

    @classmethod
    def at(
        cls,
        where: Operation | SourceLocation | object | None,
        message: str,
        *,
        notes: Iterable[tuple[object, str]] = (),
    ) -> DiagnosticError:
        """An error at an op, an xDSL location attribute or a SourceLocation.

        ``notes`` are ``(where, message)`` pairs attached to the error.
        """
        error = Diagnostic("error", message, location_of(where), op=_op_or_none(where))
        error.notes = [Diagnostic("note", text, location_of(place)) for place, text in notes]
        return cls(error)

    def __str__(self) -> str:
        return "\n".join(render_plain(d) for d in self.diagnostics)


def exception_text(err: BaseException) -> str:
    """The first line of an exception's message (xDSL's errors go on with
    context lines), or its class name when it has none."""
    text = str(err).strip().split("\n")[0]
    return text or type(err).__name__


def _op_or_none(where: object) -> Operation | None:
    from xdsl.ir import Operation

    return where if isinstance(where, Operation) else None


def location_of(where: object) -> SourceLocation | None:
    """The source location of an op, an xDSL location attribute, or None."""
    if where is None or isinstance(where, SourceLocation):
        return where
    from xdsl.dialects import builtin
    from xdsl.ir import Operation

    if isinstance(where, Operation):
        where = where.location
    # Descend through wrapping locations to the first file location.
    while True:
        match where:
            case builtin.FileLineColLoc():
                return SourceLocation(where.filename.data, where.line.data, where.column.data)
            case builtin.NameLoc():
                where = where.location
            case builtin.CallSiteLoc():
                where = where.callee
            case builtin.FusedLoc() if where.locations.data:
                where = where.locations.data[0]
            case _:
                return None


class SourceText:
    """A source file's text with a line index, for locating and quoting lines."""

    def __init__(self, name: str, text: str):
        self.name = name
        self.text = text
        self._line_starts = [0]
        newline = text.find("\n")
        while newline >= 0:
            self._line_starts.append(newline + 1)
            newline = text.find("\n", newline + 1)

    def line_and_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of an offset into the text."""
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        return line_index + 1, offset - self._line_starts[line_index] + 1

    def location(self, offset: int, length: int = 1, line_offset: int = 0) -> SourceLocation:
        line, col = self.line_and_column(offset)
        return SourceLocation(self.name, line + line_offset, col, max(1, length))

    def line(self, number: int) -> str | None:
        if not 1 <= number <= len(self._line_starts):
            return None
        start = self._line_starts[number - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)]


class SourceManager:
    """The sources of one run, by name, to quote lines under diagnostics."""

    def __init__(self) -> None:
        self._sources: dict[str, SourceText] = {}

    def add(self, name: str, text: str) -> SourceText:
        source = SourceText(name, text)
        self._sources[name] = source
        return source

    def get(self, name: str) -> SourceText | None:
        return self._sources.get(name)

    def render(self, diagnostic: Diagnostic) -> str:
        """The diagnostic and its notes, each with its source line and caret,
        except a note where the one before it is (as upstream)."""
        parts = [self._render_one(diagnostic)]
        previous = _position(diagnostic.location)
        for note in diagnostic.notes:
            parts.append(self._render_one(note, quote=_position(note.location) != previous))
            previous = _position(note.location)
        return "".join(parts)

    def _render_one(self, diagnostic: Diagnostic, *, quote: bool = True) -> str:
        head = render_plain(diagnostic) + "\n"
        loc = diagnostic.location
        source = self.get(loc.file) if loc and quote else None
        text = source.line(loc.line) if source and loc else None
        if text is None or loc is None:
            return head
        return head + _quote(text, loc.col, loc.length)


def _position(location: SourceLocation | None) -> tuple[str, int, int] | None:
    return None if location is None else (location.file, location.line, location.col)


def _quote(line: str, col: int, length: int) -> str:
    """The source line and a caret under ``col`` (tabs kept, long lines windowed)."""
    col = max(1, min(col, len(line) + 1))
    shown, start = line, 0
    if len(line) > MAX_SHOWN_LINE:
        start = max(0, col - 1 - MAX_SHOWN_LINE // 2)
        shown = line[start : start + MAX_SHOWN_LINE]
        if start:
            shown = "..." + shown
            start -= 3
        if start + 3 + MAX_SHOWN_LINE < len(line):
            shown += "..."
    lead = "".join(c if c == "\t" else " " for c in shown[: col - 1 - start])
    marker = "^" + "~" * max(0, min(length, len(shown) - (col - 1 - start)) - 1)
    return f"{shown}\n{lead}{marker}\n"


def render_plain(diagnostic: Diagnostic) -> str:
    """``file:line:col: severity: message`` without the quoted source."""
    loc = diagnostic.location
    where = str(loc) if loc else f"{UNKNOWN_FILE}:0"
    message = diagnostic.message
    if len(message) > MAX_MESSAGE:
        half = MAX_MESSAGE // 2
        message = f"{message[:half]}...({len(message) - MAX_MESSAGE} characters)...{message[-half:]}"
    return f"{where}: {diagnostic.severity}: {message}"


DiagnosticHandler = Callable[[Diagnostic], None]

_handler: ContextVar[DiagnosticHandler | None] = ContextVar("mlopt_diagnostic_handler", default=None)


def emit(diagnostic: Diagnostic) -> None:
    """Report a non-fatal diagnostic (warning, remark) to the running tool."""
    handler = _handler.get()
    if handler is None:
        sys.stderr.write(render_plain(diagnostic) + "\n")
    else:
        handler(diagnostic)


def emit_warning(where: object, message: str) -> None:
    emit(Diagnostic("warning", message, location_of(where), op=_op_or_none(where)))


def emit_remark(where: object, message: str) -> None:
    emit(Diagnostic("remark", message, location_of(where), op=_op_or_none(where)))


@contextmanager
def handling(handler: DiagnosticHandler) -> Iterator[None]:
    """Route emitted diagnostics to ``handler`` within the block."""
    token = _handler.set(handler)
    try:
        yield
    finally:
        _handler.reset(token)


def printing_handler(
    sources: SourceManager, stream: TextIO | None = None, *, op_notes: bool = True
) -> DiagnosticHandler:
    """A handler that prints diagnostics; ``op_notes`` adds upstream's
    "see current operation" note to diagnostics emitted on an op."""

    def handle(diagnostic: Diagnostic) -> None:
        if op_notes and diagnostic.op is not None and diagnostic.severity == "error":
            diagnostic.notes.insert(
                0,
                Diagnostic(
                    "note",
                    # On a line of its own only when it spans several (as upstream).
                    "see current operation: " + ("\n" if "\n" in (described := describe_op(diagnostic.op)) else "") + described,
                    diagnostic.location,
                    hint=True,
                )
            )
        out = stream or sys.stderr
        out.write(sources.render(diagnostic))
        out.flush()

    return handle


def describe_op(op: Operation, max_lines: int = 20) -> str:
    """The op in generic form, cut after ``max_lines`` lines."""
    from mlopt.asm import print_to_string

    text = print_to_string(op, generic=True).rstrip("\n")
    lines = text.split("\n")
    if len(lines) > max_lines:
        lines = lines[:max_lines] + [f"  ... ({len(lines) - max_lines} more lines)"]
    return "\n".join(lines)
