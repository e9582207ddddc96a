"""How often mlopt's first error on malformed input is mlir-opt's.

    python -m mlopt.tools.diagnostic_parity [-n COUNT] [--seed S] [-v] [--mlir-opt PATH] [DIR ...]

Mutation fuzzing of diagnostics: each mutant is one function-holding chunk of a
``.mlir`` test input under DIR (default: the repository's test/) with one
token deleted, duplicated, swapped with the next, replaced by another of the
chunk's tokens, or cut by a character. Both tools read it with
``--allow-unregistered-dialect``; mlopt runs in this process. Counted: mutants
both tools accept, those only one accepts (a parity bug either way), and for
those both reject, whether mlopt's first error is on mlir-opt's line, at its
column, and with its message. ``-v`` prints the most frequent differences.
The seed makes a run repeatable; mutants are written to a scratch directory
and nothing else is written.
"""

from __future__ import annotations

import argparse
import collections
import io
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from mlopt.opt_main import SPLIT_MARKER, run
from mlopt.tools.canonicalize_parity import DEFAULT_MLIR_OPT, oracle

FIRST_ERROR = re.compile(r"^[^\n]*?:(\d+):(\d+): error: (.*)$", re.MULTILINE)
TOKEN = re.compile(r'"[^"\n]*"|[%@#^!]?[\w.$-]+|->|::|\S')
MAX_CHUNK = 3000
"""Longer chunks make slow mutants and rarely new messages."""


def chunks(roots: list[Path]) -> list[str]:
    """Function-holding chunks of the test inputs, comments and diagnostics checks left out."""
    found = []
    for root in roots:
        for path in sorted(root.rglob("*.mlir")):
            if {"Output", "Inputs"} & set(path.parts):
                continue
            text = path.read_text()
            if "expected-error" in text:
                continue
            for chunk in SPLIT_MARKER.split(text):
                body = "\n".join(line for line in chunk.splitlines() if not line.lstrip().startswith("//"))
                if "func.func" in body and len(body) < MAX_CHUNK:
                    found.append(body)
    return found


def mutate(text: str, rng: random.Random) -> str:
    tokens = list(TOKEN.finditer(text))
    token = rng.choice(tokens)
    start, end = token.span()
    match rng.choice(("delete", "duplicate", "swap", "cut", "replace")):
        case "delete":
            return text[:start] + text[end:]
        case "duplicate":
            return text[:end] + " " + token.group() + text[end:]
        case "replace":
            return text[:start] + rng.choice(tokens).group() + text[end:]
        case "cut":
            cut = rng.randrange(start, end)
            return text[:cut] + text[cut + 1 :]
        case _:
            following = tokens[(tokens.index(token) + 1) % len(tokens)]
            if following.start() <= end:
                return text[:start] + text[end:]
            between = text[end : following.start()]
            return text[:start] + following.group() + between + token.group() + text[following.end() :]


def first_error(stderr: str) -> tuple[int, int, str] | None:
    match = FIRST_ERROR.search(stderr)
    return (int(match[1]), int(match[2]), match[3]) if match else None


def _template(message: str) -> str:
    """A message with its quoted names and numbers blanked, to group alike ones."""
    return re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "_", message)


def measure(sources: list[str], count: int, rng: random.Random, mlir_opt: str) -> tuple[collections.Counter, collections.Counter]:
    tally: collections.Counter = collections.Counter()
    differences: collections.Counter = collections.Counter()
    with tempfile.TemporaryDirectory() as scratch:
        path = str(Path(scratch) / "mutant.mlir")
        for _ in range(count):
            Path(path).write_text(mutate(rng.choice(sources), rng))
            upstream = subprocess.run([mlir_opt, "--allow-unregistered-dialect", path], capture_output=True, text=True)
            stdout, stderr = io.StringIO(), io.StringIO()
            status = run(["--allow-unregistered-dialect", path], stdout=stdout, stderr=stderr)
            if status == 2:
                tally["internal errors"] += 1
                continue
            if upstream.returncode == 0 or status == 0:
                tally["both accept" if upstream.returncode == status else "one accepts"] += 1
                continue
            theirs, ours = first_error(upstream.stderr), first_error(stderr.getvalue())
            if theirs is None or ours is None:
                tally["unlocated"] += 1
                continue
            tally["both reject"] += 1
            same_line = theirs[0] == ours[0]
            same_column = same_line and theirs[1] == ours[1]
            same_message = theirs[2] == ours[2]
            tally["same line"] += same_line
            tally["same line and column"] += same_column
            tally["same message"] += same_message
            tally["same everything"] += same_column and same_message
            if not (same_column and same_message):
                differences[(_template(theirs[2]), _template(ours[2]), theirs[1] - ours[1] if same_line else None)] += 1
    return tally, differences


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="*", type=Path, help="directories of .mlir inputs (default: test/)")
    parser.add_argument("-n", "--count", type=int, default=300, help="mutants to try (default: 300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mlir-opt", default=DEFAULT_MLIR_OPT, help="upstream's mlir-opt, the oracle")
    parser.add_argument("-v", "--verbose", action="store_true", help="print the most frequent differences")
    args = parser.parse_args(argv)
    mlir_opt = oracle(args.mlir_opt)
    if mlir_opt is None:
        return 1
    roots = args.roots or [Path(__file__).resolve().parent.parent / "test"]
    sources = chunks(roots)
    if not sources:
        print("error: no function-holding .mlir inputs found", file=sys.stderr)
        return 1
    sys.setrecursionlimit(10_000)
    tally, differences = measure(sources, args.count, random.Random(args.seed), mlir_opt)
    rejected = tally["both reject"]
    for key in ("both accept", "one accepts", "internal errors", "unlocated", "both reject"):
        print(f"{key}: {tally[key]}")
    for key in ("same line", "same line and column", "same message", "same everything"):
        print(f"{key}: {tally[key]}/{rejected} ({tally[key] / max(rejected, 1):.1%})")
    if args.verbose:
        print("most frequent differences (mlir-opt's message | mlopt's | column difference):")
        for (theirs, ours, shift), seen in differences.most_common(25):
            print(f"  {seen:3}  {theirs} | {ours} | {'other line' if shift is None else shift}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
