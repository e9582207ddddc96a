"""The Toy language: lexer, syntax tree and parser (MLIR tutorial, chapter 1).

    # A comment.
    def multiply_transpose(a, b) {
      return transpose(a) * transpose(b);
    }

    def main() {
      var a<2, 3> = [[1, 2, 3], [4, 5, 6]];
      print(multiply_transpose(a, a));
    }

Every node keeps the source offset of its first token; errors are
``DiagnosticError`` at that place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mlopt.diagnostics import Diagnostic, DiagnosticError, SourceText

KEYWORDS = frozenset({"def", "var", "return"})
BINARY_PRECEDENCE = {"+": 20, "-": 20, "*": 40}
"""Operators the parser knows; IR generation supports '+' and '*'."""

_TOKEN = re.compile(
    r"(?P<space>\s+)|(?P<comment>#[^\n\r]*)|(?P<identifier>[A-Za-z][A-Za-z0-9_]*)"
    r"|(?P<number>[0-9.]+)|(?P<punctuation>.)",
    re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str
    """'identifier', 'number', 'keyword', 'punctuation' or 'eof'."""
    text: str
    offset: int

    def describe(self) -> str:
        return "end of file" if self.kind == "eof" else f"'{self.text}'"


def tokenize(source: SourceText) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(source.text):
        kind = match.lastgroup
        assert kind is not None
        if kind in ("space", "comment"):
            continue
        text = match.group()
        if kind == "identifier" and text in KEYWORDS:
            kind = "keyword"
        tokens.append(Token(kind, text, match.start()))
    tokens.append(Token("eof", "", len(source.text)))
    return tokens


# --------------------------------------------------------------------------- syntax tree


@dataclass
class Expr:
    offset: int


@dataclass
class Number(Expr):
    value: float


@dataclass
class Literal(Expr):
    """A tensor literal; ``values`` holds the elements in row-major order."""

    shape: tuple[int, ...]
    values: list[float]


@dataclass
class Variable(Expr):
    name: str


@dataclass
class BinaryOp(Expr):
    operator: str
    lhs: Expr
    rhs: Expr


@dataclass
class Call(Expr):
    callee: str
    args: list[Expr]


@dataclass
class Print(Expr):
    arg: Expr


@dataclass
class VarDecl(Expr):
    name: str
    shape: tuple[int, ...] | None
    init: Expr


@dataclass
class Return(Expr):
    value: Expr | None


@dataclass
class Parameter:
    name: str
    offset: int


@dataclass
class Function:
    name: str
    offset: int
    params: list[Parameter]
    body: list[Expr] = field(default_factory=list)


# --------------------------------------------------------------------------- parser


class Parser:
    """A recursive-descent parser producing :class:`Function` nodes."""

    def __init__(self, source: SourceText):
        self.source = source
        self.tokens = tokenize(source)
        self.index = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.token
        if token.kind != "eof":
            self.index += 1
        return token

    def at(self, text: str) -> bool:
        return self.token.text == text and self.token.kind in ("punctuation", "keyword")

    def error(self, message: str, token: Token | None = None) -> DiagnosticError:
        token = token or self.token
        return DiagnosticError(
            Diagnostic("error", message, self.source.location(token.offset, max(1, len(token.text))))
        )

    def expect(self, text: str, context: str) -> Token:
        if not self.at(text):
            raise self.error(f"expected '{text}' {context}, found {self.token.describe()}")
        return self.advance()

    def expect_identifier(self, context: str) -> Token:
        if self.token.kind != "identifier":
            raise self.error(f"expected an identifier {context}, found {self.token.describe()}")
        return self.advance()

    # Module and functions ----------------------------------------------------

    def parse_module(self) -> list[Function]:
        functions = []
        while self.token.kind != "eof":
            functions.append(self.parse_function())
        return functions

    def parse_function(self) -> Function:
        start = self.expect("def", "to begin a function definition")
        name = self.expect_identifier("as the function name")
        self.expect("(", "after the function name")
        params = []
        if not self.at(")"):
            while True:
                param = self.expect_identifier("in the parameter list")
                params.append(Parameter(param.text, param.offset))
                if not self.at(","):
                    break
                self.advance()
        self.expect(")", "to end the parameter list")
        function = Function(name.text, start.offset, params)
        function.body = self.parse_block()
        return function

    def parse_block(self) -> list[Expr]:
        self.expect("{", "to begin the function body")
        statements: list[Expr] = []
        self.skip_semicolons()
        while not self.at("}"):
            if self.token.kind == "eof":
                raise self.error("expected '}' to close the function body, found end of file")
            statements.append(self.parse_statement())
            self.expect(";", "after the statement")
            self.skip_semicolons()
        self.advance()
        return statements

    def skip_semicolons(self) -> None:
        while self.at(";"):
            self.advance()

    def parse_statement(self) -> Expr:
        if self.at("var"):
            return self.parse_declaration()
        if self.at("return"):
            start = self.advance()
            value = None if self.at(";") else self.parse_expression()
            return Return(start.offset, value)
        return self.parse_expression()

    def parse_declaration(self) -> VarDecl:
        start = self.advance()
        name = self.expect_identifier("after 'var'")
        shape = self.parse_shape() if self.at("<") else None
        self.expect("=", "in the variable declaration")
        return VarDecl(start.offset, name.text, shape, self.parse_expression())

    def parse_shape(self) -> tuple[int, ...]:
        self.advance()
        dims = []
        while not self.at(">"):
            token = self.token
            if token.kind != "number" or not token.text.isdigit() or int(token.text) == 0:
                raise self.error(f"expected a positive integer dimension, found {token.describe()}")
            dims.append(int(self.advance().text))
            if not self.at(">"):
                self.expect(",", "between dimensions")
        self.advance()
        return tuple(dims)

    # Expressions --------------------------------------------------------------

    def parse_expression(self) -> Expr:
        return self.parse_binary_rhs(0, self.parse_primary())

    def parse_binary_rhs(self, min_precedence: int, lhs: Expr) -> Expr:
        while True:
            precedence = self.precedence()
            if precedence < min_precedence:
                return lhs
            operator = self.advance()
            rhs = self.parse_primary()
            if self.precedence() > precedence:
                rhs = self.parse_binary_rhs(precedence + 1, rhs)
            lhs = BinaryOp(operator.offset, operator.text, lhs, rhs)

    def precedence(self) -> int:
        if self.token.kind != "punctuation":
            return -1
        return BINARY_PRECEDENCE.get(self.token.text, -1)

    def parse_primary(self) -> Expr:
        token = self.token
        if token.kind == "identifier":
            return self.parse_identifier_expression()
        if token.kind == "number":
            return Number(token.offset, self.parse_number())
        if self.at("("):
            self.advance()
            inner = self.parse_expression()
            self.expect(")", "to close the parenthesized expression")
            return inner
        if self.at("["):
            return self.parse_literal()
        raise self.error(f"expected an expression, found {token.describe()}")

    def parse_number(self) -> float:
        token = self.advance()
        try:
            return float(token.text)
        except ValueError:
            raise self.error(f"invalid number '{token.text}'", token) from None

    def parse_identifier_expression(self) -> Expr:
        name = self.advance()
        if not self.at("("):
            return Variable(name.offset, name.text)
        self.advance()
        args: list[Expr] = []
        if not self.at(")"):
            while True:
                args.append(self.parse_expression())
                if not self.at(","):
                    break
                self.advance()
        self.expect(")", "to end the argument list")
        if name.text == "print":
            if len(args) != 1:
                raise self.error(f"print() takes exactly one argument, {len(args)} given", name)
            return Print(name.offset, args[0])
        return Call(name.offset, name.text, args)

    def parse_literal(self) -> Literal:
        """``[1, 2]`` or ``[[1, 2], [3, 4]]``: nested lists of a uniform shape."""
        start = self.advance()
        items: list[Literal | float] = []
        while True:
            if self.at("["):
                items.append(self.parse_literal())
            elif self.token.kind == "number":
                items.append(self.parse_number())
            else:
                raise self.error(f"expected a number or '[' in the tensor literal, found {self.token.describe()}")
            if self.at("]"):
                break
            self.expect(",", "between the elements of the tensor literal")
        self.advance()
        nested = [item for item in items if isinstance(item, Literal)]
        if not nested:
            return Literal(start.offset, (len(items),), [float(item) for item in items])  # type: ignore[arg-type]
        inner_shape = nested[0].shape
        if len(nested) != len(items) or any(item.shape != inner_shape for item in nested):
            raise self.error("the elements of a tensor literal must all have the same shape", start)
        values = [value for item in nested for value in item.values]
        return Literal(start.offset, (len(items), *inner_shape), values)


def parse_toy(source: SourceText) -> list[Function]:
    """Parse a whole Toy source file into its functions."""
    return Parser(source).parse_module()
