"""Small fixes to xDSL 0.74 applied at import (mlopt extends xDSL, never forks it).

Each fix is one function, applied once by :func:`apply`; each says what is
wrong upstream in xDSL and can go when xDSL fixes it.

- String literals: xDSL's string regex nests ``+`` inside ``*``
  (``(?:[^"...]+|escape)*``), so an unterminated string backtracks
  exponentially (24 characters take over a second, 40 hang). Possessive
  quantifiers here never backtrack into a run of characters. A bad string is
  reported as upstream's Lexer::lexString does: ``expected '"' in string literal`` at the line break
  or end of file, ``unknown escape in string literal`` at the backslash.
  Bytes that are not UTF-8 inside a literal (the driver keeps them
  surrogate-escaped) make a bytes literal, as upstream's strings are bytes.
- f16/f32 values beyond the format's range: xDSL packs them with ``struct``,
  which raises OverflowError where IEEE rounding (and upstream's APFloat) gives
  an infinity, so ``arith.constant 1.0e39 : f32`` and a folded
  ``3.0e38 + 3.0e38`` were errors or crashes. They round to ±inf here.
- Hexadecimal elements of float dense attributes (``dense<0xFF800000> :
  vector<8xf32>``, which upstream's vectorizer prints for -inf) are bit
  patterns in upstream; xDSL read them as integers converted to floats.
- NaN payloads: Python's float conversions (``struct``'s f16 and f32,
  xDSL's bf16) quiet a signalling NaN and drop an f16 payload, where upstream
  keeps every bit (``dense<[0x7F800001]> : tensor<1xf32>``). Here a NaN of a
  narrower type is held as the double with its sign and its payload in the
  top mantissa bits (:func:`_nan_from_bits`), and packs back to its bits; a
  dense attribute is a splat when its elements' bits are equal (NaN != NaN).
- Number literals and builtin types that upstream rejects and xDSL accepted
  (or wrapped silently): a decimal integer literal for a float
  (``arith.constant 1 : f32``, ``dense<1> : tensor<2xf32>``), an integer
  beyond its type's width (``index`` is 64 bits), integer widths beyond
  16777215 bits and non-positive or 64-bit-overflowing vector sizes; each is
  reported with upstream's message at upstream's token.
- Empty flag lists (``fastmath<>``, ``overflow<>``) and file locations whose
  line or column does not fit upstream's 32 bits are errors in upstream.
- Where a token is missing, xDSL reports the token it found instead, often on
  the next line; upstream's Parser::emitWrongTokenError reports the end of the
  previous token (skipping blank lines and comments). Failed expectations
  (``expect``, ``_parse_token``, ``parse_characters``) are moved there, and a
  block that ends where no ``}`` or block label follows (a missing ``}`` at
  the end of the file) says what upstream's op parser says. A lone ``#``,
  ``%``, ``^`` or ``!`` gets upstream's lexer message.
- An operand or result of the wrong type in custom syntax: xDSL says
  ``Unexpected attribute f32``; upstream says which operand and what it must
  be (``'arith.addi' op operand #0 must be signless-integer-like, but got
  'f32'``), in the words of ODS's type constraints (:func:`constraint_summaries`).
- A value used with another type than before: upstream's words, ``use of
  value '%b' expects different type than prior uses: 'i32' vs 'i64'``.
- IsolatedFromAbove's verifier walks the op's whole body (every function, at
  each verification of the function op). mlopt's verifier has checked every
  use against isolated ops already, and reports at the use as upstream does;
  while it runs (:data:`ISOLATION_CHECKED`), that walk is skipped.
- IRDL's count check of operands, results, regions and successors rebuilds
  the op definition's variadic layout for every op verified (a third of the
  time of verifying an op); an op definition without variadics only needs the
  count compared, which is done here first.
"""

from __future__ import annotations

import functools
import math
import re
import struct
import sys
from contextvars import ContextVar

from mlopt import xdsl_speedups

ISOLATION_CHECKED: ContextVar[bool] = ContextVar("isolation_checked", default=False)
"""True while mlopt's verifier, which has checked every use's scope, verifies ops."""

_STRING_BODY = r'(?:[^"\\\n\v\f]++|\\(?:["nt\\]|[0-9A-Fa-f]{2}))*+'
_STRING_LITERAL = re.compile(f'"{_STRING_BODY}"')
_RAW_BYTE = re.compile("[\udc80-\udcff]")
"""A byte that is not UTF-8, as the driver's surrogate-escaping decoder keeps it."""
_STRING_PREFIX = re.compile(_STRING_BODY)


def _string_literal_error(text: str, start: int) -> tuple[int, str]:
    """Where and why the string literal opening at ``start`` is malformed."""
    position = _STRING_PREFIX.match(text, start + 1).end()
    if position < len(text) and text[position] == "\\":
        return position, "unknown escape in string literal"
    return position, "expected '\"' in string literal"


def _fix_string_literals() -> None:
    from xdsl.utils.exceptions import ParseError
    from xdsl.utils.lexer import Input, Span, Token
    from xdsl.utils.mlir_lexer import MLIRLexer, MLIRTokenKind, StringLiteral

    lex_string_literal = MLIRLexer._lex_string_literal
    MLIRLexer._unescaped_characters_regex = _STRING_LITERAL

    @functools.wraps(lex_string_literal)
    def lex_string_literal_as_upstream(self, start_pos):
        try:
            token = lex_string_literal(self, start_pos)
        except ParseError:  # the literal did not match
            position, message = _string_literal_error(self.input.content, start_pos)
            raise ParseError(Span(position, position + 1, self.input), message) from None
        if _RAW_BYTE.search(token.text):
            return Token(MLIRTokenKind.BYTES_LIT, token.span)
        return token

    MLIRLexer._lex_string_literal = lex_string_literal_as_upstream

    bytes_contents = StringLiteral.bytes_contents.fget

    def bytes_contents_with_raw_bytes(self) -> bytes:
        text = self.text
        if not _RAW_BYTE.search(text):
            return bytes_contents(self)
        escaped = _RAW_BYTE.sub(lambda byte: f"\\{ord(byte.group()) - 0xDC00:02X}", text)
        return bytes_contents(StringLiteral(0, len(escaped), Input(escaped, self.input.name)))

    StringLiteral.bytes_contents = property(bytes_contents_with_raw_bytes)


def _rounded(format: str, value: float) -> float:
    """``value``, or ±inf where it overflows the struct ``format``."""
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
    size = float_type.compile_time_size
    return float_type.unpack((bits & ((1 << 8 * size) - 1)).to_bytes(size, "little"), 1)[0]


_NAN_LAYOUTS = {"f16": (16, 10), "bf16": (16, 7), "f32": (32, 23)}
"""The float types whose conversions lose NaN bits, by name: (width, mantissa bits)."""


def _nan_from_bits(bits: int, float_type) -> float | None:
    """The double that holds ``float_type``'s NaN ``bits``; None when they are not a NaN."""
    width, mantissa = _NAN_LAYOUTS[float_type.name]
    exponent_ones = (1 << (width - 1 - mantissa)) - 1
    payload = bits & ((1 << mantissa) - 1)
    if (bits >> mantissa) & exponent_ones != exponent_ones or not payload:
        return None
    double = (bits >> (width - 1)) << 63 | 0x7FF << 52 | payload << (52 - mantissa)
    return struct.unpack("<d", struct.pack("<Q", double))[0]


def _nan_bits(value: float, float_type) -> int:
    """The bits of NaN ``value`` as ``float_type`` holds them, inverse of :func:`_nan_from_bits`."""
    width, mantissa = _NAN_LAYOUTS[float_type.name]
    double = struct.unpack("<Q", struct.pack("<d", value))[0]
    payload = (double & ((1 << 52) - 1)) >> (52 - mantissa)
    # A payload only in the bits a narrower type drops: converting quiets it.
    payload = payload or 1 << (mantissa - 1)
    return (double >> 63) << (width - 1) | ((1 << (width - 1 - mantissa)) - 1) << mantissa | payload


def _has_nan(values) -> bool:
    # One pass in C. A NaN makes the sum a NaN; so does inf - inf, which only
    # costs the element-wise path.
    total = sum(values)
    return total != total


def _fix_nan_payloads() -> None:
    from xdsl.dialects.builtin import BFloat16Type, DenseIntOrFPElementsAttr, Float16Type, Float32Type

    for float_type in (Float16Type, Float32Type, BFloat16Type):

        def pack_bits_of_nans(self, values, pack=float_type.pack):
            # Read three times (the NaN test, the packing, the NaN pass): a
            # generator would be empty after the first.
            values = tuple(values)
            data = pack(self, values)
            if not _has_nan(values):
                return data
            buffer = bytearray(data)
            for index, value in enumerate(values):
                if value != value:
                    self.pack_into(buffer, index * self.compile_time_size, value)
            return bytes(buffer)

        def pack_into_bits_of_nan(self, buffer, offset, value, pack_into=float_type.pack_into):
            if value == value:
                pack_into(self, buffer, offset, value)
                return
            size = self.compile_time_size
            memoryview(buffer)[offset : offset + size] = _nan_bits(value, self).to_bytes(size, "little")

        def unpack_nans_from_bits(self, buffer, num, unpack=float_type.unpack):
            values = unpack(self, buffer, num)
            if not _has_nan(values):
                return values
            return tuple(value if value == value else _nan_at(self, buffer, index) for index, value in enumerate(values))

        def iter_unpack_nans_from_bits(self, buffer, iter_unpack=float_type.iter_unpack):
            for index, value in enumerate(iter_unpack(self, buffer)):
                yield value if value == value else _nan_at(self, buffer, index)

        float_type.pack = pack_bits_of_nans
        float_type.pack_into = pack_into_bits_of_nan
        float_type.unpack = unpack_nans_from_bits
        float_type.iter_unpack = iter_unpack_nans_from_bits

    def is_splat_by_bits(self) -> bool:
        data, count = self.data.data, len(self)
        return count > 0 and data == data[: len(data) // count] * count

    DenseIntOrFPElementsAttr.is_splat = is_splat_by_bits


def _nan_at(float_type, buffer, index: int) -> float:
    """Element ``index`` of ``buffer``, a NaN, read from its bits."""
    size = float_type.compile_time_size
    bits = int.from_bytes(memoryview(buffer)[index * size : (index + 1) * size], "little")
    return _nan_from_bits(bits, float_type)


def _fix_hex_float_elements() -> None:
    """In ``dense<0xFF800000> : vector<4xf32>`` the literal is the elements' bit
    pattern (-inf), as in upstream; xDSL reads it as the integer 4286578688."""
    from xdsl.dialects.builtin import AnyFloat
    from xdsl.parser.attribute_parser import AttrParser

    element = AttrParser._TensorLiteralElement
    to_type = element.to_type

    def to_type_with_hex_floats(self, parser, type):
        if isinstance(type, AnyFloat) and isinstance(self.value, int):
            if self.span.text[:2].lower() == "0x":
                return float_from_bits(self.value, type)
            raise _decimal_for_float_error(self.span)
        return to_type(self, parser, type)

    element.to_type = to_type_with_hex_floats


_MAX_INTEGER_WIDTH = 16777215
_INDEX_WIDTH = 64


def _decimal_for_float_error(span):
    from xdsl.utils.exceptions import ParseError

    return ParseError(span, "unexpected decimal integer literal for a floating point value")


def _integer_fits(value: int, type) -> bool:
    """Whether ``value`` is representable in ``type`` as upstream's parser
    checks it: signless integers take either signed or unsigned values, an
    index only signed 64-bit ones."""
    from xdsl.dialects.builtin import IndexType, Signedness

    if isinstance(type, IndexType):
        return -(1 << (_INDEX_WIDTH - 1)) <= value < 1 << (_INDEX_WIDTH - 1)
    width = type.width.data
    signedness = type.signedness.data
    low = 0 if signedness == Signedness.UNSIGNED else -(1 << max(width - 1, 0))
    high = (1 << (width - 1)) if signedness == Signedness.SIGNED else (1 << width)
    return low <= value < high


def _fix_number_literals() -> None:
    from xdsl.dialects.builtin import AnyFloat, IndexType, IntegerType
    from xdsl.parser.attribute_parser import AttrParser
    from xdsl.utils.exceptions import ParseError, VerifyException
    from xdsl.utils.lexer import Span
    from xdsl.utils.mlir_lexer import MLIRTokenKind

    parse_number_attr = AttrParser.parse_optional_builtin_int_or_float_attr

    def parse_number_attr_checked(self):
        # Upstream points at the digits, after a leading minus sign.
        source = self._current_token.span.input
        literal_start = self._current_token.span.start
        if self._current_token.kind == MLIRTokenKind.MINUS:
            literal_start = len(source.content) - len(source.content[literal_start + 1 :].lstrip())
        literal = re.compile(r"[0-9][0-9A-Za-z_.+-]*").match(source.content, literal_start)
        literal_span = Span(literal_start, literal.end() if literal else literal_start + 1, source)
        out_of_range = ParseError(literal_span, "integer constant out of range for attribute")
        try:
            attr = parse_number_attr(self)
        except VerifyException:  # xDSL's IntegerAttr range check, reported at the op
            raise out_of_range from None
        if attr is None or literal is None:
            return attr
        value = attr.value.data
        if isinstance(attr.type, AnyFloat) and re.fullmatch(r"[0-9]+", literal.group()):
            raise _decimal_for_float_error(literal_span)
        if isinstance(attr.type, IntegerType | IndexType) and not _integer_fits(value, attr.type):
            raise out_of_range
        return attr

    AttrParser.parse_optional_builtin_int_or_float_attr = parse_number_attr_checked

    parse_scalar_type = AttrParser._parse_optional_integer_or_float_type

    def parse_scalar_type_checked(self):
        token = self._current_token
        type = parse_scalar_type(self)
        if isinstance(type, IntegerType) and type.width.data > _MAX_INTEGER_WIDTH:
            raise ParseError(token.span, f"integer bitwidth is limited to {_MAX_INTEGER_WIDTH} bits")
        return type

    AttrParser._parse_optional_integer_or_float_type = parse_scalar_type_checked

    parse_dimension = AttrParser.parse_shape_dimension

    def parse_dimension_checked(self, allow_dynamic: bool = True) -> int:
        token = self._current_token
        dimension = parse_dimension(self, allow_dynamic)
        if dimension >= 1 << 63:
            raise ParseError(token.span, "invalid dimension")
        return dimension

    AttrParser.parse_shape_dimension = parse_dimension_checked

    parse_vector = AttrParser._parse_vector_attrs

    def parse_vector_checked(self):
        content = self._current_token.span.input.content
        keyword = content.rfind("vector", 0, self._current_token.span.start)
        vector = parse_vector(self)
        for size in vector.get_shape():
            if size <= 0:
                raise ParseError(
                    Span(keyword, keyword + len("vector"), self._current_token.span.input),
                    f"vector types must have positive constant sizes but got {size}",
                )
        return vector

    AttrParser._parse_vector_attrs = parse_vector_checked


def _fix_empty_flag_lists() -> None:
    from xdsl.dialects.utils.bit_enum_attribute import BitEnumAttribute
    from xdsl.utils.exceptions import ParseError
    from xdsl.utils.lexer import Span

    parse_flags = BitEnumAttribute.parse_parameter.__func__

    @classmethod
    def parse_nonempty_flags(cls, parser):
        opening = parser._current_token.span
        content = opening.input.content
        if opening.text == "<":
            closing = len(content) - len(content[opening.end :].lstrip())
            if content.startswith(">", closing):
                raise ParseError(Span(closing, closing + 1, opening.input), "expected valid keyword or string")
        return parse_flags(cls, parser)

    BitEnumAttribute.parse_parameter = parse_nonempty_flags


_FILE_LOCATION = re.compile(r'"(?:[^"\\]|\\.)*"\s*:\s*([0-9]+)\s*:\s*([0-9]+)')


def _fix_location_ranges() -> None:
    from xdsl.parser.attribute_parser import AttrParser
    from xdsl.utils.exceptions import ParseError
    from xdsl.utils.lexer import Span

    parse_location = AttrParser._parse_location

    def parse_location_in_range(self):
        start = self._current_token.span
        if (match := _FILE_LOCATION.match(start.input.content, start.start)) is not None:
            for group, what in ((1, "line"), (2, "column")):
                if int(match.group(group)) >= 1 << 32:
                    raise ParseError(
                        Span(match.start(group), match.end(group), start.input),
                        f"expected integer {what} number in FileLineColRange",
                    )
        return parse_location(self)

    AttrParser._parse_location = parse_location_in_range


def wrong_token_offset(content: str, token_start: int, at_eof: bool) -> int:
    """Where upstream reports a missing token when it finds the token starting
    at ``token_start``: the end of the previous token, past blank lines and
    trailing ``//`` comments (as Parser::emitWrongTokenError)."""
    original = token_start - 1 if at_eof and token_start > 0 else token_start
    before = content[:original]
    while True:
        before = before.rstrip(" \t")
        if not before:
            return original
        if before[-1] not in "\n\r":
            return len(before)
        before = before[:-1]
        line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
        comment = before.find("//", line_start)
        if comment != -1:
            before = before[:comment]


_PREFIXED_IDENTIFIER_ERRORS = {
    "#": "invalid attribute name",
    "%": "invalid SSA name",
    "^": "invalid block name",
    "!": "invalid type identifier",
}


def _fix_wrong_token_positions() -> None:
    from xdsl.parser.core import Parser
    from xdsl.parser.generic_parser import GenericParser
    from xdsl.utils.exceptions import ParseError
    from xdsl.utils.lexer import Span
    from xdsl.utils.mlir_lexer import MLIRLexer, MLIRTokenKind

    from mlopt.parse_messages import upstream_wording

    def raising_at_previous_token(method):
        @functools.wraps(method)
        def reporting_missing_token(self, *args, **kwargs):
            token = self._current_token
            try:
                return method(self, *args, **kwargs)
            except ParseError as err:
                if type(err) is not ParseError or err.span.start != token.span.start or self._current_token is not token:
                    raise  # not about the token found here
                offset = wrong_token_offset(token.span.input.content, token.span.start, token.kind == MLIRTokenKind.EOF)
                raise ParseError(Span(offset, offset, token.span.input), upstream_wording(err.msg)) from None

        return reporting_missing_token

    for name in ("_parse_token", "expect", "parse_characters"):
        setattr(GenericParser, name, raising_at_previous_token(getattr(GenericParser, name)))

    parse_block = Parser._parse_block

    def parse_block_or_report_missing_operation(self):
        if self._current_token.kind != MLIRTokenKind.CARET_IDENT:
            # Upstream reads an operation here (the region's '}' was not found).
            token = self._current_token
            offset = wrong_token_offset(token.span.input.content, token.span.start, token.kind == MLIRTokenKind.EOF)
            raise ParseError(Span(offset, offset, token.span.input), "expected operation name in quotes")
        return parse_block(self)

    Parser._parse_block = parse_block_or_report_missing_operation

    lex_prefixed_identifier = MLIRLexer._lex_prefixed_ident

    def lex_prefixed_identifier_as_upstream(self, start_pos):
        try:
            return lex_prefixed_identifier(self, start_pos)
        except ParseError:
            message = _PREFIXED_IDENTIFIER_ERRORS[self.input.at(start_pos)]
            raise ParseError(Span(start_pos, start_pos + 1, self.input), message) from None

    MLIRLexer._lex_prefixed_ident = lex_prefixed_identifier_as_upstream


@functools.cache
def _fix_resource_handles() -> None:
    """xDSL keeps dialect resources in one store per process and renames a
    handle it has seen before (``blob`` becomes ``blob_0``), so the second
    parse in a process (a test, a reducer, a reproducer replay) loses the data
    of its ``dense_resource`` attributes. Upstream's handles belong to the
    parse: a handle named again starts afresh, and the file's resource
    section fills it."""
    from xdsl.parser.attribute_parser import AttrParser

    def parse_handle_keeping_its_name(self, dialect_name, interface):
        key = self.parse_identifier(" for resource handle")
        if (dialect_name, key) not in self.dialect_resources:
            interface._blob_storage[key] = ""
            self.dialect_resources.add((dialect_name, key))
        return key

    AttrParser._parse_dialect_resource_handle = parse_handle_keeping_its_name


def constraint_summaries() -> dict:
    """ODS's summaries of the type constraints xDSL's classes share; none
    before xDSL's arith, which defines them, is imported (as nothing can use
    them then; importing it at start-up would cost a tenth of a tiny run)."""
    arith = sys.modules.get("xdsl.dialects.arith")
    return {} if arith is None else _arith_constraint_summaries(arith)


@functools.cache
def _arith_constraint_summaries(arith) -> dict:
    return {
        arith.signlessIntegerLike: "signless-integer-like",
        arith.floatingPointLike: "floating-point-like",
    }


def _fix_constraint_messages() -> None:
    from collections.abc import Sequence

    from xdsl.ir import Attribute
    from xdsl.irdl.constraints import VerificationContext
    from xdsl.irdl.declarative_assembly_format import FormatProgram
    from xdsl.utils.exceptions import VerifyException

    resolve = FormatProgram.resolve_constraint_variables

    def summarized(definition):
        """The constraint under the range and type variable wrappers, its
        summary, and the type variable's name (if any)."""
        summaries = constraint_summaries()
        constraint, variable = definition.constr, None
        while constraint is not None and constraint not in summaries:
            variable = getattr(constraint, "name", variable)
            constraint = getattr(constraint, "constr", None) or getattr(constraint, "constraint", None)
        return constraint, summaries.get(constraint), variable

    summarized_defs: dict[int, tuple] = {}
    """id of an op definition → (the definition, kept alive so that its id
    stays its own; its operands' and results' summarized constraints).
    Summarizing hashes each constraint, recursively: once per definition."""

    def summarized_checks(op_def) -> tuple[list, list, dict]:
        if (known := summarized_defs.get(id(op_def))) is None:
            operands = [summarized(definition) for _, definition in op_def.operands]
            results = [summarized(definition) for _, definition in op_def.results]
            operand_of_variable = {}
            for index, (_, _, variable) in enumerate(operands):
                operand_of_variable.setdefault(variable, index)
            known = summarized_defs[id(op_def)] = (op_def, (operands, results, operand_of_variable))
        return known[1]

    def check_types_as_upstream(op_def, state) -> None:
        operands, results, operand_of_variable = summarized_checks(op_def)
        checked = [("operand", index, types, found) for index, (types, found) in enumerate(zip(state.operand_types, operands))]
        checked += [("result", index, types, found) for index, (types, found) in enumerate(zip(state.result_types, results))]
        for what, index, types, (constraint, summary, variable) in checked:
            type = types[0] if isinstance(types, Sequence) and len(types) == 1 else types
            if summary is None or not isinstance(type, Attribute):
                continue
            try:
                constraint.verify(type, VerificationContext())
            except VerifyException:
                # Upstream infers the operands' types from a result's and
                # reports the first operand of that type.
                if what == "result" and variable in operand_of_variable:
                    what, index = "operand", operand_of_variable[variable]
                raise VerifyException(f"'{op_def.name}' op {what} #{index} must be {summary}, but got '{type}'") from None

    def resolve_with_upstream_messages(self, state, op_def):
        check_types_as_upstream(op_def, state)
        return resolve(self, state, op_def)

    FormatProgram.resolve_constraint_variables = resolve_with_upstream_messages


def _fix_type_mismatch_message() -> None:
    from xdsl.parser.core import Parser
    from xdsl.utils.exceptions import ParseError

    resolve_operand = Parser.resolve_operand

    def resolve_operand_as_upstream(self, operand, type):
        try:
            return resolve_operand(self, operand, type)
        except ParseError as err:
            if not err.msg.startswith("operand is used with type "):
                raise
            previous = self.ssa_values.get(operand.operand_name) or self.forward_ssa_references.get(operand.operand_name)
            previous = previous[operand.index] if previous is not None else None
            message = f"use of value '%{operand.operand_name}' expects different type than prior uses: '{type}'"
            if previous is not None:
                message += f" vs '{previous.type}'"
            raise ParseError(err.span, message) from None

    Parser.resolve_operand = resolve_operand_as_upstream


def _fix_isolation_walk() -> None:
    from xdsl.traits import IsolatedFromAbove

    verify_isolation = IsolatedFromAbove.verify

    def verify_unless_checked(self, op) -> None:
        if not ISOLATION_CHECKED.get():
            verify_isolation(self, op)

    IsolatedFromAbove.verify = verify_unless_checked


def _fix_fixed_count_checks() -> None:
    from xdsl.irdl import operations

    check_counts = operations.verify_variadic_size
    fixed_counts: dict[tuple[int, object], tuple[object, int | None]] = {}
    """(id of an op definition, construct) → (the definition, kept alive so
    that its id stays its own; its count when nothing is variadic)."""

    def fixed_count(op_def, construct) -> int | None:
        key = (id(op_def), construct)
        if key not in fixed_counts:
            defs = operations.get_construct_defs(op_def, construct)
            segmented = any(isinstance(option, operations.get_attr_size_option(construct)) for option in op_def.options)
            variadic = any(isinstance(definition, operations.VariadicDef) for _, definition in defs)
            fixed_counts[key] = (op_def, None if segmented or variadic else len(defs))
        return fixed_counts[key][1]

    def check_counts_fast(op, op_def, construct) -> None:
        count = fixed_count(op_def, construct)
        if count is None or len(operations.get_op_constructs(op, construct)) != count:
            check_counts(op, op_def, construct)  # its checks and messages

    operations.verify_variadic_size = check_counts_fast


@functools.cache
@functools.cache
def fix_branch_cycles() -> None:
    """Pass-through branches are not collapsed into a chain of unconditional
    branches that loops (upstream's collapseBranch): in such a cycle each
    collapse makes another possible, and the canonicalizer, which revisits a
    changed op at once, would never stop. Applied by the canonicalizer, not
    by :func:`apply`: xDSL's cf patterns import the arith dialect."""
    from xdsl.dialects import cf
    from xdsl.transforms.canonicalization_patterns import cf as cf_patterns

    collapse_branch = cf_patterns.collapse_branch

    def leads_into_cycle(successor) -> bool:
        visited = {successor}
        branch = successor.last_op
        while isinstance(branch, cf.BranchOp):
            if branch.successor in visited:
                return True
            visited.add(branch.successor)
            branch = branch.successor.last_op
        return False

    def collapse_branch_outside_cycles(successor, successor_operands):
        if leads_into_cycle(successor):
            return None
        return collapse_branch(successor, successor_operands)

    cf_patterns.collapse_branch = collapse_branch_outside_cycles


def apply() -> None:
    _fix_isolation_walk()
    _fix_fixed_count_checks()
    _fix_resource_handles()
    _fix_string_literals()
    _fix_float_overflow()
    _fix_nan_payloads()
    _fix_hex_float_elements()
    _fix_number_literals()
    _fix_empty_flag_lists()
    _fix_location_ranges()
    _fix_wrong_token_positions()
    _fix_constraint_messages()
    _fix_type_mismatch_message()
    xdsl_speedups.apply()
