"""Helpers for mlopt's own unit tests: run the tools in-process."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest

INPUTS = Path(__file__).parent / "Inputs"


@dataclass
class Result:
    code: int
    out: str
    err: str


class _Stdin(io.StringIO):
    """Text stdin with a .buffer, as sys.stdin has."""

    def __init__(self, text: str):
        super().__init__(text)
        self.buffer = io.BytesIO(text.encode())


def run_mlopt(args: list[str], stdin: str | None = None, plugins=()) -> Result:
    from mlopt.opt_main import run

    out, err = io.StringIO(), io.StringIO()
    code = run(args, stdin=_Stdin(stdin or ""), stdout=out, stderr=err, plugins=tuple(plugins))
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def mlopt():
    return run_mlopt
