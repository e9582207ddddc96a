"""Differential test against mlir-opt 22: every .mlir test input is read alike.

For each .mlir file under test/ whose RUN lines run mlopt on ``%s``, with the
flags of that RUN line that affect parsing (``--split-input-file``,
``--allow-unregistered-dialect``, ``--no-implicit-module``), and no passes:

- every split chunk is accepted by both tools or rejected by both; when both
  reject it, the first error is reported on the same line;
- what mlopt prints for an accepted chunk, in custom and in generic form,
  parses in mlir-opt and means what the input means there (mlir-opt prints
  the same generic form for both; for the custom form, what mlir-opt's own
  custom form means is accepted too: it elides attributes at their default).

A file that mlir-opt deliberately cannot read opts out with a comment line
``// DIFFERENTIAL: skip <reason>``. One mlir-opt process per file and form.
"""

from __future__ import annotations

import difflib
import functools
import io
import re
import shlex
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mlopt.opt_main import SPLIT_MARKER, run
from mlopt.testing.features import llvm_tool, llvm_tool_missing

TEST_ROOT = Path(__file__).resolve().parent.parent
PARSING_FLAGS = ("--split-input-file", "--allow-unregistered-dialect", "--no-implicit-module")
SKIP_MARKER = re.compile(r"^\s*//\s*DIFFERENTIAL:\s*skip\b\s*(?P<reason>.*)$", re.MULTILINE)
RUN_LINE = re.compile(r"^\s*//\s*RUN:\s?(?P<command>.*)$")
ERROR_LINE = re.compile(r"^(?P<file>[^\n:]+):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.*)$", re.MULTILINE)
UNMET_EXPECTATION = re.compile(r'^expected (error|warning|note|remark) ".*" was not produced$')
"""mlir-opt checks expected-* annotations even without --verify-diagnostics and
reports unmet ones as errors, while still printing the chunk: not a rejection."""
EXCLUDED_DIRS = {"Output", "Inputs", "corpus"}


@dataclass
class Subject:
    """A test input and the parsing flags its RUN lines give mlopt."""

    path: Path
    flags: tuple[str, ...]
    skip_reason: str | None = None

    @property
    def name(self) -> str:
        return self.path.relative_to(TEST_ROOT).as_posix()


def run_commands(text: str) -> list[str]:
    """The RUN commands of a lit test, with ``\\`` continuations joined."""
    commands: list[str] = []
    pending = ""
    for line in text.splitlines():
        match = RUN_LINE.match(line)
        if not match:
            continue
        part = match.group("command").rstrip()
        if part.endswith("\\"):
            pending += part[:-1] + " "
            continue
        commands.append(pending + part)
        pending = ""
    return commands


def mlopt_parsing_flags(command: str) -> tuple[str, ...] | None:
    """The parsing flags of the first ``mlopt ... %s`` stage of a RUN command,
    or None when no stage runs mlopt on the test file."""
    for stage in command.split("|"):
        try:
            words = shlex.split(stage)
        except ValueError:
            words = stage.split()
        if words[:1] == ["not"]:
            words = words[1:]
        if not words or words[0] != "mlopt" or "%s" not in words:
            continue
        flags = []
        for word in words[1:]:
            flag = "--" + word.lstrip("-")
            if flag in PARSING_FLAGS and flag not in flags:
                flags.append(flag)
        return tuple(flags)
    return None


def collect_subjects(root: Path = TEST_ROOT) -> list[Subject]:
    subjects = []
    for path in sorted(root.rglob("*.mlir")):
        if EXCLUDED_DIRS & set(path.relative_to(root).parts):
            continue
        text = path.read_text(errors="replace")
        flag_sets = [f for f in map(mlopt_parsing_flags, run_commands(text)) if f is not None]
        if not flag_sets:
            continue
        skip = SKIP_MARKER.search(text)
        # The RUN line that reads the most (splitting, unregistered ops) decides.
        flags = max(flag_sets, key=len)
        subjects.append(Subject(path, flags, skip.group("reason").strip() or "no reason given" if skip else None))
    return subjects


# --------------------------------------------------------------------------- running the tools


@dataclass
class Outcome:
    """One tool's reading of each chunk: its printed text (empty when the
    chunk is rejected) and the first error reported in it."""

    texts: list[str] = field(default_factory=list)
    errors: dict[int, tuple[int, str]] = field(default_factory=dict)
    """chunk index → (line, message) of the first error reported in it."""

    def rejected(self, index: int) -> bool:
        return not self.texts[index].strip()


def chunk_starts(text: str, split: bool) -> list[int]:
    """The 1-based line on which each chunk starts."""
    starts = [1]
    if split:
        for marker in SPLIT_MARKER.finditer(text):
            starts.append(text.count("\n", 0, marker.end()) + 1)
    return starts


def chunk_of(line: int, starts: list[int]) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= line:
            index = i
    return index


def split_output(stdout: str, count: int) -> list[str]:
    pieces = SPLIT_MARKER.split(stdout) if count > 1 else [stdout]
    pieces = [p.strip("\n") for p in pieces]
    return pieces + [""] * (count - len(pieces))


def first_errors(stderr: str, file: str, starts: list[int]) -> dict[int, tuple[int, str]]:
    errors: dict[int, tuple[int, str]] = {}
    for match in ERROR_LINE.finditer(stderr):
        if Path(match.group("file")).name != Path(file).name or UNMET_EXPECTATION.match(match.group("message")):
            continue
        line = int(match.group("line"))
        errors.setdefault(chunk_of(line, starts), (line, match.group("message")))
    return errors


def run_mlopt(subject: Subject, starts: list[int], *, generic: bool) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    argv = [str(subject.path), *subject.flags, *(["--mlir-print-op-generic"] if generic else [])]
    run(argv, stdout=out, stderr=err)
    return Outcome(split_output(out.getvalue(), len(starts)), first_errors(err.getvalue(), str(subject.path), starts))


def run_mlir_opt(path_or_text: Path | str, subject: Subject, starts: list[int], *, generic: bool = True) -> Outcome:
    """mlir-opt's generic (or custom) form of each chunk of a file (or of text given inline)."""
    tool = llvm_tool("mlir-opt")
    argv = [tool, *subject.flags, *(["--mlir-print-op-generic"] if generic else [])]
    if isinstance(path_or_text, Path):
        proc = subprocess.run([*argv, str(path_or_text)], capture_output=True, text=True, timeout=120)
        name = str(path_or_text)
    else:
        proc = subprocess.run([*argv, "-"], input=path_or_text, capture_output=True, text=True, timeout=120)
        name = "<stdin>"
    return Outcome(split_output(proc.stdout, len(starts)), first_errors(proc.stderr, name, starts))


def rejoin(texts: list[str]) -> str:
    """mlopt's chunk outputs as one split input, keeping failed chunks empty."""
    return "\n// -----\n".join(texts) + "\n"


def output_starts(texts: list[str]) -> list[int]:
    starts, line = [], 1
    for text in texts:
        starts.append(line)
        line += text.count("\n") + 2
    return starts


# --------------------------------------------------------------------------- the test

SUBJECTS = collect_subjects()


def test_subjects_are_found():
    """The collection itself: lit tests running mlopt on %s exist and are seen."""
    assert SUBJECTS, f"no .mlir test under {TEST_ROOT} runs mlopt on %s"


@pytest.mark.parametrize("subject", SUBJECTS, ids=[s.name for s in SUBJECTS])
def test_mlir_opt_reads_what_mlopt_reads_and_prints(subject: Subject):
    if reason := llvm_tool_missing("mlir-opt"):
        pytest.skip(reason)
    if subject.skip_reason is not None:
        pytest.skip(f"DIFFERENTIAL: skip {subject.skip_reason}")
    text = subject.path.read_text()
    starts = chunk_starts(text, "--split-input-file" in subject.flags)
    reference = run_mlir_opt(subject.path, subject, starts)
    problems: list[str] = []

    @functools.cache
    def upstream_round_trip() -> Outcome:
        """mlir-opt reading its own custom form: where that custom form drops
        something (an attribute spelled at its default value), mlopt's may too."""
        custom = run_mlir_opt(subject.path, subject, starts, generic=False)
        return run_mlir_opt(rejoin(custom.texts), subject, output_starts(custom.texts))

    for generic in (False, True):
        form = "generic" if generic else "custom"
        ours = run_mlopt(subject, starts, generic=generic)
        if not generic:
            problems += _compare_acceptance(subject, starts, ours, reference)
        accepted = [i for i in range(len(starts)) if not ours.rejected(i) and not reference.rejected(i)]
        if not accepted:
            continue
        texts = [ours.texts[i] if i in accepted else "" for i in range(len(starts))]
        reread = run_mlir_opt(rejoin(texts), subject, output_starts(texts))
        for index in accepted:
            where = f"{subject.name}:{starts[index]} (chunk {index + 1}, {form} form)"
            if index in reread.errors:
                line, message = reread.errors[index]
                problems.append(f"{where}: mlir-opt rejects mlopt's output: line {line}: {message}")
            elif reread.texts[index] != reference.texts[index] and (
                generic or reread.texts[index] != upstream_round_trip().texts[index]
            ):
                diff = difflib.unified_diff(
                    reference.texts[index].splitlines(), reread.texts[index].splitlines(),
                    "mlir-opt reading the input", "mlir-opt reading mlopt's output", lineterm="", n=1,
                )  # fmt: skip
                problems.append(f"{where}: mlopt's output means something else:\n" + "\n".join(list(diff)[:30]))
    assert not problems, "\n".join(problems)


def _compare_acceptance(subject: Subject, starts: list[int], ours: Outcome, reference: Outcome) -> list[str]:
    problems = []
    for index, start in enumerate(starts):
        where = f"{subject.name}:{start} (chunk {index + 1})"
        mine, theirs = ours.errors.get(index, (0, "no error message")), reference.errors.get(index, (0, "no error message"))
        if not ours.rejected(index) and reference.rejected(index):
            problems.append(f"{where}: mlir-opt rejects it (line {theirs[0]}: {theirs[1]}) but mlopt accepts it")
        elif ours.rejected(index) and not reference.rejected(index):
            problems.append(f"{where}: mlopt rejects it (line {mine[0]}: {mine[1]}) but mlir-opt accepts it")
        elif ours.rejected(index) and mine[0] != theirs[0]:
            problems.append(
                f"{where}: first error on different lines: mlopt {mine[0]} ({mine[1]}), "
                f"mlir-opt {theirs[0]} ({theirs[1]})"
            )
    return problems
