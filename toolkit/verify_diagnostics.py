"""``--verify-diagnostics``: check emitted diagnostics against annotations.

    // expected-error@+1 {{substring of the message}}
    // expected-warning@below {{...}}     expected-note@-2 {{...}}
    // expected-remark 2 {{...}}          expected-error-re {{value {{[0-9]+}}}}

An annotation applies to its own line, ``@+N``/``@-N`` lines away, or the
line ``@above``/``@below`` it. Every emitted diagnostic must match an
annotation and every annotation must be matched (as many times as its count),
otherwise the run fails, as upstream's SourceMgrDiagnosticVerifierHandler does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mlopt.diagnostics import Diagnostic, SourceLocation, SourceText

_ANNOTATION = re.compile(
    r"expected-(?P<kind>error|warning|note|remark)(?P<re>-re)?"
    r"(?: *(?P<count>\d+))?"
    r"(?: *@(?P<where>[+-]\d+|above|below))?"
    r"\s*\{\{(?P<text>.*)\}\}"
)


@dataclass
class Expectation:
    kind: str
    line: int
    text: str
    regex: re.Pattern[str] | None
    location: SourceLocation
    remaining: int

    def matches(self, diagnostic: Diagnostic) -> bool:
        if diagnostic.severity != self.kind or diagnostic.location is None:
            return False
        if diagnostic.location.line != self.line or diagnostic.location.file != self.location.file:
            return False
        if self.regex is not None:
            return self.regex.search(diagnostic.message) is not None
        return self.text in diagnostic.message


def _compile_expected_regex(text: str) -> re.Pattern[str]:
    """Literal text with ``{{regex}}`` holes, as upstream's ``-re`` variant."""
    pattern, pos = [], 0
    for hole in re.finditer(r"\{\{(.*?)\}\}", text):
        pattern.append(re.escape(text[pos : hole.start()]))
        pattern.append(f"(?:{hole.group(1)})")
        pos = hole.end()
    pattern.append(re.escape(text[pos:]))
    return re.compile("".join(pattern))


def parse_expectations(source: SourceText, start: int, end: int) -> tuple[list[Expectation], list[Diagnostic]]:
    """The annotations in ``source.text[start:end]``, and errors for malformed ones."""
    expectations: list[Expectation] = []
    errors: list[Diagnostic] = []
    for match in _ANNOTATION.finditer(source.text, start, end):
        directive_end = match.start("where") - 1 if match.group("where") else match.end("kind")
        location = source.location(match.start(), directive_end - match.start() + 1)
        where = match.group("where")
        line = location.line
        if where == "above":
            line -= 1
        elif where == "below":
            # As upstream: the next line that holds no expected-* annotation.
            line += 1
            while (text := source.line(line)) is not None and _ANNOTATION.search(text):
                line += 1
        elif where:
            line += int(where)
        regex = None
        if match.group("re"):
            try:
                regex = _compile_expected_regex(match.group("text"))
            except re.error as err:
                errors.append(Diagnostic("error", f"invalid regex in expected-{match.group('kind')}-re: {err}", location))
                continue
        expectations.append(
            Expectation(
                match.group("kind"),
                line,
                match.group("text"),
                regex,
                location,
                int(match.group("count") or 1),
            )
        )
    return expectations, errors


@dataclass
class DiagnosticVerifier:
    """Collects diagnostics of one input chunk and checks them at the end."""

    expectations: list[Expectation]
    problems: list[Diagnostic] = field(default_factory=list)

    def handle(self, diagnostic: Diagnostic) -> None:
        for emitted in [diagnostic, *(note for note in diagnostic.notes if not note.hint)]:
            self._match(emitted)

    def _match(self, diagnostic: Diagnostic) -> None:
        for expectation in self.expectations:
            if expectation.remaining > 0 and expectation.matches(diagnostic):
                expectation.remaining -= 1
                return
        self.problems.append(
            Diagnostic(
                "error",
                f"unexpected {diagnostic.severity}: {diagnostic.message}",
                diagnostic.location,
            )
        )

    def finish(self) -> list[Diagnostic]:
        """All mismatches: unexpected diagnostics, then unmet expectations."""
        unmet = [
            Diagnostic(
                "error",
                f'expected {e.kind} "{e.text}" was not produced',
                e.location,
            )
            for e in self.expectations
            if e.remaining > 0
        ]
        return self.problems + unmet
