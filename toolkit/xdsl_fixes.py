"""Small fixes to xDSL 0.74 applied at import (mlopt extends xDSL, never forks it).

Each fix is one function, applied once by :func:`apply`; each says what is
wrong upstream in xDSL and can go when xDSL fixes it.

- String literals: xDSL's string regex nests ``+`` inside ``*``
  (``(?:[^"...]+|escape)*``), so an unterminated string backtracks
  exponentially (24 characters take over a second, 40 hang). Possessive
  quantifiers here never backtrack into a run of characters. A bad string is
  reported as upstream's Lexer::lexString does: ``expected '"' in string literal`` at the line break
  or end of file, ``unknown escape in string literal`` at the backslash.
- f16/f32 values beyond the format's range: xDSL packs them with ``struct``,
  which raises OverflowError where IEEE rounding (and upstream's APFloat) gives
  an infinity, so ``arith.constant 1.0e39 : f32`` and a folded
  ``3.0e38 + 3.0e38`` were errors or crashes. They round to ±inf here.
- Hexadecimal elements of float dense attributes (``dense<0xFF800000> :
  vector<8xf32>``, which upstream's vectorizer prints for -inf) are bit
  patterns in upstream; xDSL read them as integers converted to floats.
"""

from __future__ import annotations

import functools
import math
import re

_STRING_BODY = r'(?:[^"\\\n\v\f]++|\\(?:["nt\\]|[0-9A-Fa-f]{2}))*+'
_STRING_LITERAL = re.compile(f'"{_STRING_BODY}"')
_STRING_PREFIX = re.compile(_STRING_BODY)


def _string_literal_error(text: str, start: int) -> tuple[int, str]:
    """Where and why the string literal opening at ``start`` is malformed."""
    position = _STRING_PREFIX.match(text, start + 1).end()
    if position < len(text) and text[position] == "\\":
        return position, "unknown escape in string literal"
    return position, "expected '\"' in string literal"


def _fix_string_literals() -> None:
    from xdsl.utils.exceptions import ParseError
    from xdsl.utils.lexer import Span
    from xdsl.utils.mlir_lexer import MLIRLexer

    lex_string_literal = MLIRLexer._lex_string_literal
    MLIRLexer._unescaped_characters_regex = _STRING_LITERAL

    @functools.wraps(lex_string_literal)
    def lex_string_literal_as_upstream(self, start_pos):
        try:
            return lex_string_literal(self, start_pos)
        except ParseError:  # the literal did not match
            position, message = _string_literal_error(self.input.content, start_pos)
            raise ParseError(Span(position, position + 1, self.input), message) from None

    MLIRLexer._lex_string_literal = lex_string_literal_as_upstream


def _rounded(format: str, value: float) -> float:
    """``value``, or ±inf where it overflows the struct ``format``."""
    import struct

    try:
        struct.pack(format, value)
    except OverflowError:
        return math.copysign(math.inf, value)
    return value


def _fix_float_overflow() -> None:
    from xdsl.dialects.builtin import Float16Type, Float32Type

    for float_type in (Float16Type, Float32Type):

        def pack(self, values, pack=float_type.pack):
            try:
                return pack(self, values)
            except OverflowError:
                return pack(self, [_rounded(self.format, value) for value in values])

        def pack_into(self, buffer, offset, value, pack_into=float_type.pack_into):
            pack_into(self, buffer, offset, _rounded(self.format, value))

        float_type.pack = pack
        float_type.pack_into = pack_into


def float_from_bits(bits: int, float_type) -> float:
    """The float whose bit pattern is ``bits`` (upstream's hexadecimal float literals)."""
    import struct

    from xdsl.dialects.builtin import BFloat16Type, Float16Type, Float32Type

    if isinstance(float_type, BFloat16Type):
        return struct.unpack("<f", struct.pack("<I", (bits & 0xFFFF) << 16))[0]
    if isinstance(float_type, Float16Type):
        return struct.unpack("<e", struct.pack("<H", bits & 0xFFFF))[0]
    if isinstance(float_type, Float32Type):
        return struct.unpack("<f", struct.pack("<I", bits & 0xFFFFFFFF))[0]
    return struct.unpack("<d", struct.pack("<Q", bits & 0xFFFFFFFFFFFFFFFF))[0]


def _fix_hex_float_elements() -> None:
    """In ``dense<0xFF800000> : vector<4xf32>`` the literal is the elements' bit
    pattern (-inf), as in upstream; xDSL reads it as the integer 4286578688."""
    from xdsl.dialects.builtin import AnyFloat
    from xdsl.parser.attribute_parser import AttrParser

    element = AttrParser._TensorLiteralElement
    to_type = element.to_type

    def to_type_with_hex_floats(self, parser, type):
        if isinstance(type, AnyFloat) and isinstance(self.value, int) and self.span.text[:2].lower() == "0x":
            return float_from_bits(self.value, type)
        return to_type(self, parser, type)

    element.to_type = to_type_with_hex_floats


@functools.cache
def apply() -> None:
    _fix_string_literals()
    _fix_float_overflow()
    _fix_hex_float_elements()
