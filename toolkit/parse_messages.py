"""xDSL's parse error messages in upstream's words, at upstream's position.

Tests written for mlir-opt (``expected-error {{...}}`` under
``--verify-diagnostics``) and users who know its messages should meet the same
text: ``expected non-function type`` rather than xDSL's ``Expected shape
type.``. Each rule is a pattern on xDSL's message and upstream's words for it;
a few depend on what was being parsed (the builtin type whose ``<``/``>`` is
missing), read from the source around the error.
"""

from __future__ import annotations

import re

WORDING = (
    (re.compile(r"^type expected"), "expected non-function type"),
    (re.compile(r"^Expected shape type\.$"), "expected non-function type"),
    (re.compile(r"^Expected vector element type$"), "expected non-function type"),
    (re.compile(r"^operand expected"), "expected SSA operand"),
    (re.compile(r"^block argument expected$"), "expected SSA operand"),
    (re.compile(r"^Expected block argument!$"), "expected SSA operand"),
    (re.compile(r"^expected '=' after operation result list$"), "expected '=' after SSA name"),
    (re.compile(r"^operation name expected$"), "expected operation name in quotes"),
    (re.compile(r"^expected ':' after block argument name!$"), "expected ':'"),
    (re.compile(r"^attribute expected$"), "expected attribute value"),
    (re.compile(r"^Expected 'x' in shape delimiter, got \w+$"), "expected 'x' in dimension list"),
    (re.compile(r"^Expected SSA value tuple size$"), "expected integer number of results"),
    (re.compile(r"^Operation has 0 results, but was given \d+ to bind\.$"), "cannot name an operation with no results"),
    (re.compile(r"^Expected `<` after `strided`$"), "expected '<' after 'strided'"),
    (re.compile(r"^Expected result SSA value!$"), "expected valid ssa identifier"),
    (re.compile(r"^Expected bare-id or string-literal here as part of attribute entry!$"), "expected attribute name"),
    (re.compile(r"^Expected '(.*?)'"), r"expected '\1'"),
    (re.compile(r"^'(.*?)' expected"), r"expected '\1'"),
)
"""xDSL's message → upstream's, for messages that mean the same wherever they arise."""

AT_PREVIOUS_TOKEN = (
    (re.compile(r"^Could not parse entire input!$"), "expected operation name in quotes"),
    (re.compile(r"^Expected region!$"), "expected '{' to begin a region"),
)
"""Messages upstream reports where the previous token ends (a token is missing there)."""

CUSTOM_OP_WORDING = (
    (re.compile(r"^[Ee]xpected '([A-Za-z_][\w$.-]*)'$"), r"expected '\1'", False),
    (re.compile(r"^expect symbol name$"), "expected valid '@'-identifier for symbol name", True),
)
"""Messages of an op's custom parser that upstream prefixes with ``custom op 'name'``
(its OpAsmParser's own checks: keywords and symbol names), and whether upstream
reports them at the token found rather than where the previous one ends."""

_BUILTIN_NAME_BEFORE = re.compile(r"([A-Za-z_]\w*)\s*$")


def upstream_wording(message: str) -> str:
    for pattern, replacement in WORDING:
        message, count = pattern.subn(replacement, message)
        if count:
            break
    return message


def upstream_message(message: str, text: str, offset: int) -> tuple[str, int]:
    """Upstream's message for xDSL's ``message`` raised at ``offset`` in ``text``,
    and the offset upstream reports it at."""
    from mlopt.xdsl_fixes import wrong_token_offset

    for pattern, replacement in AT_PREVIOUS_TOKEN:
        if pattern.match(message):
            return replacement, wrong_token_offset(text, offset, offset >= len(text))
    if message == "expected '<' after builtin name":
        name = _BUILTIN_NAME_BEFORE.search(text, 0, offset)
        return (f"expected '<' in {name.group(1)} type" if name else message), offset
    if message == "expected '>' after builtin parameter list":
        return _missing_closing_angle(text, offset), offset
    return upstream_wording(message), offset


def custom_op_message(op_name: str, message: str) -> tuple[str, bool] | None:
    """Upstream's message when an op's custom parser fails with ``message`` and
    whether it is reported at the token found, or None when upstream does not
    name the op in it."""
    for pattern, replacement, at_token in CUSTOM_OP_WORDING:
        if pattern.match(message):
            return f"custom op '{op_name}' " + pattern.sub(replacement, message), at_token
    return None


def _missing_closing_angle(text: str, offset: int) -> str:
    """Upstream's words for a builtin type missing its ``>``: they name the type,
    except a memref's after a layout or memory space."""
    depth, commas = 0, 0
    for position in range(offset - 1, -1, -1):
        char = text[position]
        if char in ">)]}":
            depth += 1
        elif char in "([{":
            depth -= 1
        elif char == "<":
            if depth == 0:
                name = _BUILTIN_NAME_BEFORE.search(text, 0, position)
                if name is None:
                    break
                if name.group(1) == "memref":
                    return "expected ',' or '>'" if commas else "expected ',' or '>' in memref type"
                return f"expected '>' in {name.group(1)} type"
            depth -= 1
        elif char == "," and depth == 0:
            commas += 1
    return "expected '>'"
