"""Speed-ups of xDSL 0.74's parser, applied at import by :mod:`mlopt.asm`
(mlopt extends xDSL, never forks it). Each keeps xDSL's results exactly and
falls back to xDSL's own code for anything it does not recognize.

- The lexer: xDSL's ``MLIRLexer.lex`` tries each token kind in turn, building
  a dictionary and slicing the input for every token (a third of parsing a
  large module). The tokens that make up most of the IR (identifiers,
  punctuation, ``%``/``^``/``#``/``!`` names, numbers) are recognized here by
  one regular expression; anything else (strings, ``@`` names, EOF, bad
  input) goes to xDSL's lexer.
- Token text: the parser asks for the text of most tokens, through
  ``Token.text`` → ``Span.text`` → ``Span.content``, three Python calls
  around one slice; here one property slices the input itself.
- The token layer: the parser reaches its current token through two
  properties (``_current_token`` → ``_parser_state.current_token``), a
  Python call each, some 50 times per op; here the properties read the
  state through C attribute getters. Consuming a token, and the punctuation
  checks (which look the spelling up twice, once in an ``assert``), read the
  state once.
- Assembly formats: xDSL compiles each op's declarative format when the op
  class is defined (and again for each mlopt extension of it): most of a
  dialect's import, for the few ops a module uses. A format is compiled
  on the op's first parse or print instead; a malformed format is reported
  then, with xDSL's error.
- Builtin types: each is parsed and built anew for every use (an IRDL
  construction and verification, for every ``f32`` and ``memref<?xf32>`` of
  the module). Types are immutable and a builtin type's text alone decides
  it, so a type parsed once is reused for the same text. Types that mention
  an alias or a dialect attribute (``#``, ``!``) are parsed every time.
"""

from __future__ import annotations

import functools
import re

_TOKEN = re.compile(
    r"""
    (?: \s++ | //[^\n]*+\n? )*+
    (?:
        (?P<bare> [a-zA-Z_][a-zA-Z0-9_$.]*+ )
      | (?P<punctuation> [:,()}\[\]<>=+/*?|] | -> | \{(?!-\#) )
      | (?P<prefixed> (?: [%^!] | \#(?!-\}) ) (?: [0-9]++ | [a-zA-Z$._-][a-zA-Z0-9$._-]*+ ) )
      | (?P<hex> 0x[0-9a-fA-F]++ )
      | (?P<float> [0-9]++ \.[0-9]*+ (?: [eE][+-]?[0-9]+ )?+ )
      | (?P<integer> [0-9]++ )
    )
    """,
    re.ASCII | re.VERBOSE,
)
"""Whitespace and comments as xDSL skips them, then one token of the common
kinds; each alternative matches what xDSL's lexer makes of the same text."""

_SIMPLE_TYPE = re.compile(r"(?:vector|memref|tensor|complex|tuple)<[^<>#!\"]*>")
"""A parametrized builtin type with no nested ``<...>``, alias, dialect
attribute nor string: its text alone decides it."""

_CACHE_LIMIT = 4096
"""Distinct type texts kept; a long-running server starts afresh beyond it."""


def _fast_lexer() -> None:
    from xdsl.utils.lexer import Span, Token
    from xdsl.utils.mlir_lexer import KIND_BY_PUNCTUATION_SPELLING, MLIRLexer, MLIRTokenKind

    lex = MLIRLexer.lex
    kind_by_group = {
        "bare": MLIRTokenKind.BARE_IDENT,
        "float": MLIRTokenKind.FLOAT_LIT,
        "integer": MLIRTokenKind.INTEGER_LIT,
        "hex": MLIRTokenKind.INTEGER_LIT,
    }
    kind_by_first_character = {
        "%": MLIRTokenKind.PERCENT_IDENT,
        "^": MLIRTokenKind.CARET_IDENT,
        "#": MLIRTokenKind.HASH_IDENT,
        "!": MLIRTokenKind.EXCLAMATION_IDENT,
        **KIND_BY_PUNCTUATION_SPELLING,
    }
    match_token = _TOKEN.match
    new_span = object.__new__

    def lex_common_tokens(self):
        # Subclasses (xDSL's assembly format lexer) lex some tokens their own way.
        content = self.input.content
        found = match_token(content, self.pos) if type(self) is MLIRLexer else None
        if found is None:
            return lex(self)
        group = found.lastgroup
        start, end = found.span(group)
        kind = kind_by_group.get(group) or kind_by_first_character[found[group] if group == "punctuation" else content[start]]
        self.pos = end
        # As Span(start, end, input) makes it (line_offset keeps its class
        # default), without the frozen dataclass's four object.__setattr__ calls.
        span = new_span(Span)
        fields = span.__dict__
        fields["start"], fields["end"], fields["input"] = start, end, self.input
        return Token(kind, span)

    MLIRLexer.lex = lex_common_tokens

    def span_text(span) -> str:
        content = span.input.content[span.start : span.end]
        return content if type(content) is str else content.decode("utf-8")

    def token_text(token) -> str:
        return span_text(token.span)

    Span.text = property(span_text, doc=Span.text.__doc__)
    Token.text = property(token_text, doc=Token.text.__doc__)


def _direct_token_access() -> None:
    from operator import attrgetter

    from xdsl.parser.base_parser import BaseParser
    from xdsl.parser.generic_parser import GenericParser
    from xdsl.utils.mlir_lexer import KIND_BY_PUNCTUATION_SPELLING

    def consume_token(self, expected_kind=None):
        state = self._parser_state
        consumed = state.current_token
        assert expected_kind is None or consumed.kind == expected_kind, (
            f"Unexpected token {consumed}, expected {expected_kind}"
        )
        state.current_token = state.lexer.lex()
        return consumed

    def parse_optional_token(self, expected_kind):
        state = self._parser_state
        if (consumed := state.current_token).kind == expected_kind:
            state.current_token = state.lexer.lex()
            return consumed
        return None

    parse_punctuation_generally = BaseParser.parse_punctuation
    parse_optional_punctuation_generally = BaseParser.parse_optional_punctuation

    def parse_punctuation(self, punctuation, context_msg=""):
        state = self._parser_state
        if state.current_token.kind is not KIND_BY_PUNCTUATION_SPELLING.get(punctuation):
            # Not there (or not a punctuation): xDSL's says what is wrong.
            return parse_punctuation_generally(self, punctuation, context_msg)
        state.current_token = state.lexer.lex()
        return punctuation

    def parse_optional_punctuation(self, punctuation):
        kind = KIND_BY_PUNCTUATION_SPELLING.get(punctuation)
        if kind is None:
            return parse_optional_punctuation_generally(self, punctuation)
        state = self._parser_state
        if state.current_token.kind is not kind:
            return None
        state.current_token = state.lexer.lex()
        return punctuation

    parse_punctuation.__wrapped__ = parse_punctuation_generally  # type: ignore[attr-defined]
    parse_optional_punctuation.__wrapped__ = parse_optional_punctuation_generally  # type: ignore[attr-defined]
    GenericParser._current_token = property(attrgetter("_parser_state.current_token"), doc=GenericParser._current_token.__doc__)
    GenericParser.lexer = property(attrgetter("_parser_state.lexer"), doc=GenericParser.lexer.__doc__)
    GenericParser.pos = property(attrgetter("_parser_state.current_token.span.start"), doc=GenericParser.pos.__doc__)
    GenericParser._consume_token = consume_token
    GenericParser._parse_optional_token = parse_optional_token
    BaseParser.parse_punctuation = parse_punctuation
    BaseParser.parse_optional_punctuation = parse_optional_punctuation


_FORMATS_NOT_YET_COMPILED: list = []
"""The formats of the op classes defined so far that no parse or print has compiled."""


def compile_formats_now() -> None:
    """Compile the assembly format of every op class defined so far: the warm
    server does before it forks, so that no request compiles one of its own.
    A malformed format is left for the request that uses its op to report."""
    while _FORMATS_NOT_YET_COMPILED:
        try:
            _FORMATS_NOT_YET_COMPILED.pop().compiled()
        except Exception:  # noqa: BLE001 - reported at first use, as in-process
            pass


def _formats_compiled_on_first_use() -> None:
    from xdsl.irdl.declarative_assembly_format import FormatProgram
    from xdsl.utils.exceptions import ParseError, PyRDLOpDefinitionError

    compile_format = FormatProgram.from_str

    class FormatCompiledOnFirstUse:
        """Stands for the FormatProgram of ``text`` for ``op_def``."""

        def __init__(self, text: str, op_def) -> None:
            self.text = text
            self.op_def = op_def
            self.program: FormatProgram | None = None

        def compiled(self) -> FormatProgram:
            if self.program is None:
                try:
                    self.program = compile_format(self.text, self.op_def)
                except ParseError as err:
                    # As xDSL reports it when it defines the op class.
                    raise PyRDLOpDefinitionError("Error during the parsing of the assembly format: ", err.args) from err
                # Later uses call the program's own methods (found on the instance first).
                self.parse, self.print = self.program.parse, self.program.print
            return self.program

        def parse(self, parser, op_type):
            return self.compiled().parse(parser, op_type)

        def print(self, printer, op) -> None:
            return self.compiled().print(printer, op)

        def __getattr__(self, name: str):
            return getattr(self.compiled(), name)

    def format_compiled_on_first_use(input: str, op_def):  # noqa: A002 - xDSL's name
        program = FormatCompiledOnFirstUse(input, op_def)
        _FORMATS_NOT_YET_COMPILED.append(program)
        return program

    format_compiled_on_first_use.__wrapped__ = compile_format  # type: ignore[attr-defined]
    FormatProgram.from_str = staticmethod(format_compiled_on_first_use)


def _reused_builtin_types() -> None:
    from xdsl.parser.attribute_parser import AttrParser
    from xdsl.utils.mlir_lexer import MLIRTokenKind

    parse_scalar = AttrParser._parse_optional_integer_or_float_type
    parse_parametrized = AttrParser._parse_optional_builtin_parametrized_type
    scalars: dict[str, object] = {}
    parametrized: dict[str, object] = {}

    def parse_scalar_once(self):
        token = self._current_token
        if token.kind == MLIRTokenKind.BARE_IDENT and (known := scalars.get(token.text)) is not None:
            self._consume_token()
            return known
        found = parse_scalar(self)
        if found is not None:
            _keep(scalars, token.text, found)
        return found

    def parse_parametrized_once(self):
        token = self._current_token
        if token.kind != MLIRTokenKind.BARE_IDENT:
            return None
        simple = _SIMPLE_TYPE.match(token.span.input.content, token.span.start)
        if simple is None:
            return parse_parametrized(self)
        if (known := parametrized.get(simple[0])) is not None:
            self._resume_from(simple.end())
            return known
        found = parse_parametrized(self)
        if found is not None and self._current_token.span.start >= simple.end():
            # Where the type's '>' is the one the pattern found (whatever follows it).
            previous_end = self.lexer.input.content.rfind(">", 0, self._current_token.span.start) + 1
            if previous_end == simple.end():
                _keep(parametrized, simple[0], found)
        return found

    AttrParser._parse_optional_integer_or_float_type = parse_scalar_once
    AttrParser._parse_optional_builtin_parametrized_type = parse_parametrized_once


def _keep(cache: dict, text: str, value: object) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[text] = value


@functools.cache
def apply() -> None:
    _fast_lexer()
    _direct_token_access()
    _formats_compiled_on_first_use()
    _reused_builtin_types()
