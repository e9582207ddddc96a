"""mlopt.asm_speedups: the fast lexer makes the tokens xDSL's lexer makes, the
token layer consumes and reports as xDSL's does, an assembly format is
compiled on its op's first use, and a builtin type parsed once is reused only
for the same text."""

import pytest
from xdsl.utils.exceptions import ParseError
from xdsl.utils.lexer import Input, Span, Token
from xdsl.utils.mlir_lexer import MLIRLexer, MLIRTokenKind

import mlopt.asm  # noqa: F401 - applies the speed-ups
from mlopt.asm import parse_source
from mlopt.diagnostics import SourceText
from mlopt.plugins import load_plugins
from mlopt.registry import Registry


class _XDSLLexer(MLIRLexer):
    """The fast path serves MLIRLexer itself only; a subclass lexes as xDSL does."""


def _tokens(lexer_class: type[MLIRLexer], text: str) -> list[tuple[MLIRTokenKind, int, int]]:
    lexer = lexer_class(Input(text, "<test>"))
    tokens = []
    while True:
        try:
            token = lexer.lex()
        except ParseError as err:
            tokens.append(("error", err.span.start, err.msg))
            return tokens
        tokens.append((token.kind, token.span.start, token.span.end, token.span.line_offset, token.text, hash(token.span)))
        if token.kind == MLIRTokenKind.EOF:
            return tokens


TEXTS = [
    "%0:2 = \"test.op\"(%arg0#1) : (i32) -> (f32, memref<4x?xf32, 3>)",
    "  // a comment\n^bb0(%a: index):  // pred: ^bb1\n  cf.br ^bb1",
    "#map = affine_map<(d0)[s0] -> (d0 floordiv 2 - s0 * -3)>\n!t = !llvm.ptr<1>",
    "{-# dialect_resources: {builtin: {blob: \"0x08\"}} #-}",
    "0x1F 0xi32 0 42 1.5 1.5e3 2.e-1 3e4 4xf32 vector<[4]x8xi1>",
    "@sym @\"quoted sym\" ... -> - -1 + * / ? | = < > { } [ ] ( ) , :",
    "#-foo #a.b$c_1 %_x$.-1 ^bb.1 !dialect.type",
    "é_unicode %ß",
    "%",
    "\"unterminated",
]


@pytest.mark.parametrize("text", TEXTS)
def test_fast_lexer_makes_xdsl_tokens(text):
    assert _tokens(MLIRLexer, text) == _tokens(_XDSLLexer, text)


def test_token_text_is_the_source_slice_decoded_strictly():
    assert Token(MLIRTokenKind.BARE_IDENT, Span(1, 4, Input(" abc ", "<test>"))).text == "abc"
    assert Span(0, 2, Input("é!".encode(), "<test>")).text == "é"
    with pytest.raises(UnicodeDecodeError):
        Span(0, 1, Input("é".encode(), "<test>")).text


def _token_parser(text: str):
    from xdsl.context import Context
    from xdsl.parser import Parser

    return Parser(Context(), text, "<test>")


def test_token_access_follows_the_parser_state():
    parser = _token_parser("(%a, %b)")
    first = parser._current_token
    assert first is parser._parser_state.current_token and parser.lexer is parser._parser_state.lexer
    assert parser._consume_token(MLIRTokenKind.L_PAREN) is first
    assert parser._parse_optional_token(MLIRTokenKind.COMMA) is None
    assert parser._parse_optional_token(MLIRTokenKind.PERCENT_IDENT).text == "%a"
    assert parser.pos == 3
    saved = parser._parser_state.current_token
    parser._resume_from(1)
    assert parser._current_token.text == "%a" and parser._current_token is not saved
    with pytest.raises(AssertionError):
        parser._consume_token(MLIRTokenKind.COMMA)


def _outcome(parse, text: str, spelling: str):
    parser = _token_parser(text)
    try:
        found = parse(parser, spelling)
    except (ParseError, AssertionError) as err:
        return type(err), str(err)
    return found, parser._current_token.text


@pytest.mark.parametrize("method", ["parse_punctuation", "parse_optional_punctuation"])
@pytest.mark.parametrize(("spelling", "text"), [("(", "( x"), ("->", "-> x"), (",", "x ,"), ("{", ""), ("nope", "x")])
def test_punctuation_parsed_as_xdsl_parses_it(method, spelling, text):
    from xdsl.parser.base_parser import BaseParser

    fast = getattr(BaseParser, method)
    assert _outcome(fast, text, spelling) == _outcome(fast.__wrapped__, text, spelling)


def _op_with_format(assembly_format: str):
    from xdsl.dialects.builtin import IntegerType
    from xdsl.irdl import IRDLOperation, irdl_op_definition, operand_def, result_def

    class FormattedOp(IRDLOperation):
        name = "test.formatted"
        value = operand_def(IntegerType)
        out = result_def(IntegerType)

    FormattedOp.assembly_format = assembly_format
    return irdl_op_definition(FormattedOp)


def _parse_with_format(op_class, text: str):
    from xdsl.context import Context
    from xdsl.dialects.builtin import i32
    from xdsl.dialects.test import TestOp
    from xdsl.parser import Parser

    parser = Parser(Context(), text, "<test>")
    parser.ssa_values["a"] = (TestOp.create(result_types=[i32]).results[0],)
    return op_class.parse(parser)


def test_an_assembly_format_is_compiled_on_first_use():
    from xdsl.irdl.declarative_assembly_format import FormatProgram

    op_class = _op_with_format("$value attr-dict `:` type($value) `->` type($out)")
    lazy = op_class.parse.__func__.__closure__  # xDSL's parse_with_format holds its program
    (program,) = [cell.cell_contents for cell in lazy if hasattr(cell.cell_contents, "compiled")]
    assert program.program is None
    op = _parse_with_format(op_class, "%a : i32 -> i64")
    assert str(op.out.type) == "i64" and program.program is not None
    eager = FormatProgram.from_str.__wrapped__(program.text, op_class.get_irdl_definition())
    assert program.program.stmts == eager.stmts


def test_formats_can_be_compiled_before_first_use():
    from mlopt.asm_speedups import compile_formats_now

    op_class = _op_with_format("$value attr-dict `:` type($value) `->` type($out)")
    broken = _op_with_format("$value `:` type($nothing)")
    (program,) = [cell.cell_contents for cell in op_class.parse.__func__.__closure__ if hasattr(cell.cell_contents, "compiled")]
    assert program.program is None
    compile_formats_now()  # the malformed one is left for its first use to report
    assert program.program is not None
    with pytest.raises(Exception, match="assembly format"):
        _parse_with_format(broken, "%a : i32")


def test_a_malformed_assembly_format_is_reported_at_first_use():
    from xdsl.utils.exceptions import PyRDLOpDefinitionError

    op_class = _op_with_format("$value `:` type($nothing)")
    with pytest.raises(PyRDLOpDefinitionError, match="Error during the parsing of the assembly format"):
        _parse_with_format(op_class, "%a : i32")


def _parsed(text: str):
    context = Registry(load_plugins()).make_context()
    return parse_source(context, SourceText("<test>", text))


def test_builtin_type_reused_for_the_same_text():
    module = _parsed(
        "func.func @f(%a: memref<?xf32>, %b: memref<?xf32>, %c: memref<?x4xf32>) {\n  return\n}\n"
    )
    a, b, c = module.body.block.first_op.body.block.args
    assert a.type is b.type
    assert c.type is not a.type and c.type.get_shape()[1] == 4


def test_type_text_beyond_the_simple_pattern_is_parsed_in_full():
    # The first '>' closes the arrow, not the type; and a type with an alias
    # depends on the alias.
    module = _parsed(
        "#m = affine_map<(d0) -> (d0 + 1)>\n"
        "func.func @f(%a: memref<4xf32, affine_map<(d0) -> (d0)>>, %b: memref<4xf32, #m>, %c: memref<4xf32>) {\n"
        "  return\n}\n"
    )
    a, b, c = module.body.block.first_op.body.block.args
    assert str(a.type.layout.data) != str(b.type.layout.data)
    assert c.type.layout != a.type.layout


def test_ops_are_located_at_their_names_nested_or_not():
    from xdsl.dialects.builtin import FileLineColLoc, IntAttr, StringAttr

    module = _parsed(
        "func.func @f(%a: i32) -> i32 {\n"
        "  %b = arith.addi %a, %a : i32\n"
        "  %c = scf.execute_region -> i32 {\n"
        "    scf.yield %b : i32\n"
        "  }\n"
        "  return %c : i32\n"
        "}\n"
    )
    located = [(op.name, op.location) for op in module.walk() if op is not module]
    expected = [("func.func", 1, 1), ("arith.addi", 2, 8), ("scf.execute_region", 3, 8), ("scf.yield", 4, 5), ("func.return", 6, 3)]
    assert [name for name, _ in located] == [name for name, _, _ in expected]
    for (_, location), (_, line, column) in zip(located, expected):
        built = FileLineColLoc(StringAttr("<test>"), IntAttr(line), IntAttr(column))
        assert location == built and hash(location) == hash(built)
