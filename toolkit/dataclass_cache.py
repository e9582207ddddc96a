"""A disk cache of the methods that ``dataclasses`` generates.

Python 3.11 and 3.12 write each generated ``__init__``, ``__repr__``, ``__eq__``
... as source text and compile it when the class is created. Importing xDSL
creates some 260 dataclasses (1,100+ methods), and compiling them is about a
third of a cold ``mlopt tiny.mlir``. The compiled code of a text never
changes, so the tools keep it between runs: each text's code object is
stored, marshalled, in ``MLOPT_CACHE_DIR`` (one file per Python bytecode
version), and a later run executes the stored code instead of compiling.
What runs is exactly what ``dataclasses`` would have compiled from the same
text; only the compile is skipped.

Only the tools' process entry point installs this (``mlopt.cli.tool_main``);
a program importing mlopt as a library keeps the standard ``dataclasses``.
The cache is skipped silently where the directory cannot be read or written,
and where ``dataclasses`` does not build methods the way this copies (other
Python versions).
"""

from __future__ import annotations

import atexit
import dataclasses
import marshal
import os
import sys
import tempfile

_EXPECTED_VARIABLES = ("name", "args", "body", "globals", "locals", "return_type", "return_annotation", "txt", "local_vars", "ns")
"""``dataclasses._create_fn``'s variables in the versions whose text this module reproduces."""

MAX_ENTRIES = 20_000
"""Past this many texts (several xDSL versions' worth), the cache starts over."""


class _CompiledTexts:
    def __init__(self, path: str):
        self.path = path
        self.codes: dict[str, object] | None = None
        self.added = False

    def _load(self) -> dict[str, object]:
        try:
            # marshal.load on a file reads it piecemeal, several times slower
            # than unmarshalling the whole file's bytes at once.
            with open(self.path, "rb") as file:
                codes = marshal.loads(file.read())
            if not isinstance(codes, dict) or len(codes) > MAX_ENTRIES:
                codes = {}
        except (OSError, EOFError, ValueError, TypeError):
            codes = {}
        return codes

    def code(self, text: str):
        if self.codes is None:
            self.codes = self._load()
        code = self.codes.get(text)
        if code is None:
            code = compile(text, "<string>", "exec")
            self.codes[text] = code
            self.added = True
        return code

    def save(self) -> None:
        if not self.added or self.codes is None:
            return
        directory = os.path.dirname(self.path)
        try:
            os.makedirs(directory, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=directory, prefix=".dataclass-methods-")
            try:
                with os.fdopen(handle, "wb") as file:
                    marshal.dump(self.codes, file)
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            pass


def install() -> None:
    """Serve ``dataclasses``' generated methods from the cache, for this process."""
    create_fn = dataclasses._create_fn  # type: ignore[attr-defined]
    if getattr(create_fn, "__wrapped_by_mlopt__", False) or create_fn.__code__.co_varnames[:10] != _EXPECTED_VARIABLES:
        return
    from mlopt.codegen.cache import default_directory

    texts = _CompiledTexts(os.path.join(default_directory(), f"dataclass-methods-{sys.implementation.cache_tag}.marshal"))
    missing = dataclasses.MISSING

    def cached_create_fn(name, args, body, *, globals=None, locals=None, return_type=missing):  # noqa: A002 - dataclasses' names
        # The same text as dataclasses._create_fn builds, character for character.
        if locals is None:
            locals = {}
        return_annotation = ""
        if return_type is not missing:
            locals["_return_type"] = return_type
            return_annotation = "->_return_type"
        args = ",".join(args)
        body = "\n".join(f"  {b}" for b in body)
        text = f" def {name}({args}){return_annotation}:\n{body}"
        local_vars = ", ".join(locals.keys())
        text = f"def __create_fn__({local_vars}):\n{text}\n return {name}"
        namespace: dict = {}
        exec(texts.code(text), globals, namespace)  # noqa: S102 - dataclasses' own mechanism
        return namespace["__create_fn__"](**locals)

    cached_create_fn.__wrapped_by_mlopt__ = True  # type: ignore[attr-defined]
    dataclasses._create_fn = cached_create_fn  # type: ignore[attr-defined]
    atexit.register(texts.save)
