"""Parsing and printing IR the way mlir-opt does, on top of xDSL.

- :func:`parse_source` keeps a ``file:line:col`` location on every op (xDSL's
  parser only keeps explicit ``loc(...)``) and turns parse errors into
  diagnostics.
- :class:`UpstreamPrinter` prints like mlir-opt: ``module`` rather than
  ``builtin.module``, ``return`` inside ``func.func``, and custom syntax for ops
  built from xDSL's own classes when mlopt registers an extended class under
  the same name.
"""

from __future__ import annotations

import enum
import functools
import io
import math
import re
from dataclasses import dataclass, field

from xdsl.context import Context
from xdsl.dialects import builtin
from xdsl.ir import Block, BlockArgument, Operation, OpResult, Region, SSAValue
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.lexer import Span
from xdsl.utils.mlir_lexer import MLIRTokenKind
from xdsl.traits import IsolatedFromAbove, IsTerminator
from xdsl.utils.exceptions import MultipleSpansParseError, ParseError, VerifyException

from mlopt.asm_names import block_argument_names, result_names
from mlopt.diagnostics import Diagnostic, DiagnosticError, SourceText, exception_text
from mlopt.parse_messages import custom_op_message, upstream_message
from mlopt.printing_flags import elides_elements, prints_local_scope, resource_section, uses_source_names
from mlopt import asm_speedups, xdsl_fixes

xdsl_fixes.apply()
asm_speedups.apply()  # after the fixes: it speeds up the fixed parser

SPACED_FLAG_ATTRIBUTES = frozenset({"arith.overflow", "llvm.overflow"})
"""Flag attributes whose enum upstream declares with the separator ", "
(``overflow<nsw, nuw>``); the others (``fastmath<nnan,ninf>``) use ","."""


def _space_flags_as_upstream() -> None:
    from xdsl.dialects.utils.bit_enum_attribute import BitEnumAttribute

    print_flags = BitEnumAttribute.print_parameter

    def print_flags_as_upstream(self, printer) -> None:
        if self.name not in SPACED_FLAG_ATTRIBUTES:
            print_flags(self, printer)
            return
        # xDSL's separator is also what its parser expects, a token: ",".
        text = io.StringIO()
        print_flags(self, Printer(stream=text))
        printer.print_string(text.getvalue().replace(",", ", "))

    BitEnumAttribute.print_parameter = print_flags_as_upstream


_space_flags_as_upstream()


def _build_affine_expressions_as_upstream() -> None:
    """Upstream simplifies affine sums and products as it builds them, and
    prints them in the order built; xDSL keeps a sum's order and distributes
    a product over a sum. As upstream's AffineExpr operator+ and operator*:
    a term with a dimension goes before a symbolic one, constants gather on
    the right, ``c1 * e + c2 * e`` is ``e * (c1 + c2)``, ``e - (e floordiv c)
    * c`` is ``e mod c``, and ``(e1 + e2) * c`` stays as written."""
    from xdsl.ir.affine import AffineBinaryOpExpr, AffineBinaryOpKind, AffineConstantExpr, AffineExpr

    add, mul = AffineBinaryOpKind.Add, AffineBinaryOpKind.Mul
    multiply = AffineExpr.__mul__

    def constant(expr: AffineExpr) -> int | None:
        return expr.value if isinstance(expr, AffineConstantExpr) else None

    def is_binary(expr: AffineExpr, kind: AffineBinaryOpKind) -> bool:
        return isinstance(expr, AffineBinaryOpExpr) and expr.kind == kind

    def scaled(expr: AffineExpr) -> tuple[AffineExpr, int]:
        if is_binary(expr, mul) and (factor := constant(expr.rhs)) is not None:
            return expr.lhs, factor
        return expr, 1

    def sum_as_upstream(lhs: AffineExpr, rhs: AffineExpr | int) -> AffineExpr:
        if isinstance(rhs, int):
            rhs = AffineExpr.constant(rhs)
        left, right = constant(lhs), constant(rhs)
        if left is not None and right is not None:
            return AffineExpr.constant(left + right)
        if left is not None or (not lhs.used_dims() and rhs.used_dims()):
            return rhs + lhs
        if right == 0:
            return lhs
        inner = constant(lhs.rhs) if is_binary(lhs, add) else None
        if inner is not None and right is not None:
            return lhs.lhs + (inner + right)
        (first, c1), (second, c2) = scaled(lhs), scaled(rhs)
        if first == second:
            return first * (c1 + c2)
        if inner is not None:
            return lhs.lhs + rhs + lhs.rhs
        if is_binary(rhs, mul) and is_binary(quotient := rhs.lhs, AffineBinaryOpKind.FloorDiv):
            divisor = constant(quotient.rhs)
            if quotient.lhs == lhs and divisor is not None and constant(rhs.rhs) == -divisor:
                return lhs % quotient.rhs
        return AffineBinaryOpExpr(add, lhs, rhs)

    def product_as_upstream(lhs: AffineExpr, rhs: AffineExpr | int) -> AffineExpr:
        if isinstance(rhs, int):
            rhs = AffineExpr.constant(rhs)
        left, right = constant(lhs), constant(rhs)
        if left is not None and right is not None:
            return AffineExpr.constant(left * right)
        if rhs.used_dims() or left is not None:
            lhs, rhs, right = rhs, lhs, left
        if right is None:
            return multiply(lhs, rhs)  # semi-affine: xDSL's error
        if right in (0, 1):
            return rhs if right == 0 else lhs
        if is_binary(lhs, mul) and (inner := constant(lhs.rhs)) is not None:
            return lhs.lhs * (inner * right)
        return AffineBinaryOpExpr(mul, lhs, rhs)

    AffineExpr.__add__ = sum_as_upstream
    AffineExpr.__mul__ = product_as_upstream


_build_affine_expressions_as_upstream()

DEFAULT_DIALECT_OF_OP = {"builtin.module": "builtin", "func.func": "func"}
"""Ops whose regions print ops of this dialect without the prefix, as upstream's
OpAsmOpInterface::getDefaultDialect says."""

# --------------------------------------------------------------------------- parse


_OP_NAME = re.compile(r"[A-Za-z_][\w$.-]*")
"""An op's name in custom form (the generic form's is quoted)."""

DIALECTS_ALLOWING_UNKNOWN_OPS = frozenset({"test"})
"""Registered dialects whose unknown ops --allow-unregistered-dialect admits
in generic form (upstream's test dialect allows unknown operations)."""


class LocatingParser(Parser):
    """An xDSL parser that records each op's source position as its location."""

    def __init__(self, ctx: Context, source: SourceText, start: int = 0, end: int | None = None):
        text, location_aliases = _hoist_location_aliases(ctx, source.text[start:end], source.name)
        if "{-#" in text:
            from mlopt.reproducer import split_external_resources

            text, _ = split_external_resources(text)  # xDSL's parser rejects external resources
        super().__init__(ctx, text, source.name)
        self.attribute_aliases.update(location_aliases)
        self._source = source
        self._start = start
        self._op_name_offsets: list[int] = []
        self._file_attr = builtin.StringAttr(source.name)
        self._int_attrs: dict[int, builtin.IntAttr] = {}
        """Line and column numbers, built once each."""
        self.first_uses: dict[str, Span] = {}
        """Where each value used before its definition is first used: upstream
        reports an undeclared value there."""
        self.last_parsed_op: Operation | None = None
        self._explicit_unknown_end = -1
        """Where the last `loc(unknown)` written in the source ends: an op
        that ends there keeps it (an op without a location is located at its
        name)."""

    def location_at(self, offset: int) -> builtin.FileLineColLoc:
        line, column = self._source.line_and_column(self._start + offset)
        # As FileLineColLoc(file, line, column) builds it, without checking
        # the parameters against its definition: they are of its parameters'
        # types by construction, and every op of the input gets one.
        location = _new_attribute(builtin.FileLineColLoc)
        _set_field(location, "filename", self._file_attr)
        _set_field(location, "line", self._int_attr(line))
        _set_field(location, "column", self._int_attr(column))
        return location

    def _int_attr(self, value: int) -> builtin.IntAttr:
        if (attr := self._int_attrs.get(value)) is None:
            attr = self._int_attrs[value] = builtin.IntAttr(value)
        return attr

    def _parse_op_result_list(self):
        results = super()._parse_op_result_list()
        # Upstream locates an op at its name, after the results.
        self._op_name_offsets.append(self._current_token.span.start)
        return results

    def resolve_operand(self, operand, type):
        if operand.operand_name not in self.ssa_values:
            self.first_uses.setdefault(operand.operand_name, operand.span)
        return super().resolve_operand(operand, type)

    def _register_ssa_definition(self, name, values, span) -> None:
        if name in self.ssa_values:
            self.raise_error(f"redefinition of SSA value '%{name}'", span)
        super()._register_ssa_definition(name, values, span)
        for value in values:
            if isinstance(value, BlockArgument) and isinstance(value.location, builtin.UnknownLoc):
                # Upstream locates a block argument at its name.
                value.location = self.location_at(span.start)

    def parse_optional_location(self):
        location = super().parse_optional_location()
        if isinstance(location, builtin.UnknownLoc):
            self._explicit_unknown_end = self._current_token.span.start
        return location

    def _ends_with_unknown_location(self) -> bool:
        """Whether what was parsed last ends with `loc(unknown)`."""
        return self._explicit_unknown_end == self._current_token.span.start

    def parse_operation(self) -> Operation:
        depth = len(self._op_name_offsets)
        start = self._current_token.span.start
        try:
            op = super().parse_operation()
            if isinstance(op.location, builtin.UnknownLoc) and not self._ends_with_unknown_location():
                op.location = self.location_at(self._op_name_offsets[depth])
            self.last_parsed_op = op
            if op.has_trait(IsolatedFromAbove):
                self._check_uses_defined(start)
            return op
        except ParseError as err:
            if type(err) is not ParseError or len(self._op_name_offsets) <= depth:
                raise
            name = _OP_NAME.match(self.lexer.input.content, self._op_name_offsets[depth])
            upstream = custom_op_message(name.group(), err.msg) if name else None
            if upstream is None:
                raise
            message, at_token = upstream
            raise ParseError(self._current_token.span if at_token else err.span, message) from None
        except VerifyException as err:
            # A custom parser checking its operands' constraints: upstream's
            # verifier reports that at the op.
            if len(self._op_name_offsets) <= depth:
                raise
            start = self._op_name_offsets[depth]
            self.raise_error(exception_text(err), start, start + 1)
        finally:
            del self._op_name_offsets[depth:]

    def _check_uses_defined(self, start: int) -> None:
        """Values first used after ``start`` (inside an isolated op just parsed)
        must be defined in it: upstream checks this as each such region ends."""
        uses = [self.first_uses[name] for name in self.forward_ssa_references if self.first_uses[name].start >= start]
        if uses:
            first = min(uses, key=lambda span: span.start)
            self.raise_error("use of undeclared SSA value name", first.start, first.end)

    def _available_dialects(self) -> str:
        from mlopt.registry import DIALECT

        registry = getattr(self.ctx, "mlopt_registry", None)
        names = registry.user_facing(DIALECT) if registry is not None else self.ctx.registered_dialect_names
        return (
            f"Available dialects: {', '.join(sorted(names))} ; for more info on dialect registration see "
            "https://mlir.llvm.org/getting_started/Faq/#registered-loaded-dependent-whats-up-with-dialects-management"
        )

    def _get_op_by_name(self, name: str) -> type[Operation]:
        op_type = self.ctx.get_optional_op(name, dialect_stack=self._parser_state.dialect_stack)
        start = self._op_name_offsets[-1] if self._op_name_offsets else None
        generic = start is not None and self.lexer.input.at(start) == '"'
        end = None if start is None else start + len(name) + (2 if generic else 0)
        dialect, dot, _ = name.partition(".")
        known_dialect = bool(dot) and dialect in self.ctx.registered_dialect_names
        strict_dialect = known_dialect and dialect not in DIALECTS_ALLOWING_UNKNOWN_OPS
        if not generic and (op_type is None or issubclass(op_type, builtin.UnregisteredOp)):
            # Upstream's messages, also under --allow-unregistered-dialect,
            # which admits unknown ops in generic form only.
            if not dot:
                default = self._parser_state.dialect_stack[-1]
                self.raise_error(f"custom op '{name}' is unknown (tried '{default}.{name}' as well)", start, end)
            if not known_dialect:
                span = Span(start, end, self.lexer.input)
                raise MultipleSpansParseError(
                    span, f"Dialect `{dialect}' not found for custom op '{name}' ", None, [(span, self._available_dialects())]
                )
            self.raise_error(f"custom op '{name}' is unknown", start, end)
        if strict_dialect and (op_type is None or issubclass(op_type, builtin.UnregisteredOp)):
            self.raise_error(
                f"unregistered operation '{name}' found in dialect ('{dialect}') that does not allow unknown operations",
                start,
                end,
            )
        if op_type is not None:
            return op_type
        self.raise_error(
            "operation being parsed with an unregistered dialect. If this is intended, please use "
            "-allow-unregistered-dialect with the MLIR tool used",
            end,
            end,
        )


_new_attribute = object.__new__
_set_field = object.__setattr__  # attributes are frozen dataclasses

_LOCATION_ALIAS = re.compile(r"^(#[\w.$-]+)[ \t]*=[ \t]*(loc\(.*\))[ \t]*$", re.MULTILINE)


def _hoist_location_aliases(ctx: Context, text: str, name: str) -> tuple[str, dict[str, builtin.LocationAttr]]:
    """mlir-opt --mlir-print-debuginfo defines ``#loc = loc(...)`` aliases after
    the ops that use them; parse them first and blank their lines (keeping
    every offset), so the ops can refer to them."""
    aliases: dict[str, builtin.LocationAttr] = {}
    hoisted: list[tuple[int, int]] = []
    for match in _LOCATION_ALIAS.finditer(text):
        parser = Parser(ctx, match.group(2), name)
        parser.attribute_aliases.update(aliases)
        try:
            location = parser.parse_optional_location()
        except ParseError:
            continue  # left in place: the main parse reports it
        if location is not None:
            aliases[match.group(1)] = location
            hoisted.append(match.span())
    for begin, finish in reversed(hoisted):
        text = text[:begin] + " " * (finish - begin) + text[finish:]
    return text, aliases


def parse_source(
    ctx: Context,
    source: SourceText,
    start: int = 0,
    end: int | None = None,
    *,
    implicit_module: bool = True,
) -> Operation:
    """Parse ``source.text[start:end]`` into a top-level op (a module unless
    ``implicit_module`` is off), raising DiagnosticError on bad input."""
    parser: LocatingParser | None = None
    try:
        parser = LocatingParser(ctx, source, start, end)
        if not implicit_module:
            return _parse_single_top_level_op(parser)
        if parser._current_token.kind == MLIRTokenKind.EOF:
            module = builtin.ModuleOp([])  # mlir-opt prints empty input as an empty module
        else:
            module = parser.parse_module()
        if module is not parser.last_parsed_op:  # the implicit module around the input's ops
            # Upstream locates it at its piece's start: 0:0 for the first,
            # right after the split marker for the others.
            line, column = source.line_and_column(start) if start else (0, 0)
            module.location = builtin.FileLineColLoc(
                builtin.StringAttr(source.name), builtin.IntAttr(line), builtin.IntAttr(column)
            )
        return module
    except ParseError as err:
        if parser is not None and err.msg.startswith("values used but not defined"):
            raise DiagnosticError(_undefined_value_diagnostic(parser, source, start)) from None
        raise DiagnosticError(_parse_error_diagnostic(err, source, start)) from None
    except RecursionError:
        raise DiagnosticError(_diagnostic_at_parser(parser, source, start, "input is nested too deeply to parse")) from None
    except (DiagnosticError, KeyboardInterrupt):
        raise
    except Exception as err:  # noqa: BLE001
        from mlopt.registry import PluginFailure

        if isinstance(err, PluginFailure):
            raise
        # xDSL's custom-syntax parsers and op constructors raise assorted
        # exceptions on malformed input; they are input errors at this point.
        raise DiagnosticError(_diagnostic_at_parser(parser, source, start, exception_text(err))) from None


def _parse_error_diagnostic(err: ParseError, source: SourceText, start: int) -> Diagnostic:
    """A parse error as a diagnostic located in the original source."""
    if isinstance(err, MultipleSpansParseError) and err.msg.startswith("region ends with missing block"):
        # Upstream reports a block that no region declares at its first use.
        first_use = min((span for span, _ in err.refs), key=lambda span: span.start)
        return Diagnostic(
            "error", "reference to an undefined block", source.location(start + first_use.start)
        )
    message, offset = err.msg, err.span.start
    if type(err) is ParseError:
        message, offset = upstream_message(message, err.span.input.content, offset)
    # Upstream's parser reports a position, never a range: a caret, no tildes.
    diagnostic = Diagnostic("error", message, source.location(start + offset))
    if isinstance(err, MultipleSpansParseError):
        for ref_span, ref_msg in err.refs:
            diagnostic.notes.append(Diagnostic("note", ref_msg or "see here", source.location(start + ref_span.start)))
    return diagnostic


def _diagnostic_at_parser(parser: LocatingParser | None, source: SourceText, start: int, message: str) -> Diagnostic:
    offset = parser._current_token.span.start if parser is not None else 0
    return Diagnostic("error", message, source.location(start + offset))


def _undefined_value_diagnostic(parser: LocatingParser, source: SourceText, start: int) -> Diagnostic:
    """Upstream's "use of undeclared SSA value name", at the first use."""
    first = min((parser.first_uses[name] for name in parser.forward_ssa_references), key=lambda span: span.start)
    return Diagnostic("error", "use of undeclared SSA value name", source.location(start + first.start))


def _parse_single_top_level_op(parser: LocatingParser) -> Operation:
    ops: list[Operation] = []
    first_offset = parser._current_token.span.start
    while (op := parser.parse_optional_operation()) is not None:
        ops.append(op)
    if parser._current_token.kind != MLIRTokenKind.EOF:
        parser.raise_error("expected an operation")
    if len(ops) != 1:
        raise DiagnosticError(
            Diagnostic(
                "error",
                "source must contain a single top-level operation, found: " + str(len(ops)),
                parser._source.location(parser._start + first_offset),
            )
        )
    if parser.forward_ssa_references:
        names = ", ".join("%" + name for name in parser.forward_ssa_references)
        parser.raise_error(f"values used but not defined: [{names}]")
    return ops[0]


# --------------------------------------------------------------------------- print


@dataclass(eq=False, repr=False)
class UpstreamPrinter(Printer):
    """xDSL's printer with mlir-opt's SSA names, name elision, attribute aliases
    and mlopt's extended op syntax."""

    context: Context | None = field(default=None)
    source_names_as_prefix: bool = field(default=False)
    aliasing: bool = field(default=False)
    """Leave out the attributes upstream aliases, noting where they go in the
    stream (a StringIO): :func:`print_ir` names them once the whole op is
    printed, so that the op is printed only once."""
    _alias_uses: dict[builtin.Attribute, int] = field(default_factory=dict, init=False)
    """Aliased attribute → its order of first use."""
    _alias_places: list[tuple[int, int]] = field(default_factory=list, init=False)
    location_aliases: dict[builtin.Attribute, str] = field(default_factory=dict)
    """Locations printed as an alias inside another location (``#loc3``)."""
    _location_depths: dict[builtin.Attribute, int] = field(default_factory=dict, init=False)
    """When aliasing with debuginfo, the locations met, in upstream's order (an
    op's when the op begins, one printed in place where it is, a location's
    parts before it) → how deeply they nest aliased locations."""
    _locations_in_place: set[builtin.Attribute] = field(default_factory=set, init=False)
    """Locations printed in place (block arguments'): their aliases are defined first."""
    _location_places: list[tuple[int, builtin.Attribute]] = field(default_factory=list, init=False)
    """(offset in the stream, order of first use) of each aliased attribute printed."""
    _default_dialects: list[str] = field(default_factory=lambda: ["builtin"], init=False)
    _names: SSANames | None = field(default=None, init=False)

    def print_string(self, text: str, *, indent: int | None = None) -> None:
        # As xDSL's, which calls the builtin print() for every piece of text:
        # most of the printing time of a large module.
        if "\n" in text:
            super().print_string(text, indent=indent)
            return
        self._current_column += len(text)
        self.stream.write(text)

    def print_float(self, value: float, type: builtin.AnyFloat) -> None:
        if value != value or value in (float("inf"), float("-inf")):
            # Bit patterns in upstream's uppercase hexadecimal (0xFF800000).
            self.print_string("0x" + type.pack((value,))[::-1].hex().upper())
            return
        bits = _SIGNIFICAND_BITS.get(type.name)
        if bits is None:
            super().print_float(value, type)
            return
        # Upstream: 6 significant digits in exponent form when they read back
        # as the same value, else APFloat's default form when it has a point
        # (else the bit pattern).
        short = _apfloat_exponent_form(value, bits)
        if type.unpack(type.pack((float(short),)), 1)[0] == value:
            self.print_string(short)
            return
        text = _apfloat_default_string(value, bits)
        self.print_string(text if "." in text else "0x" + type.pack((value,))[::-1].hex().upper())

    def print_ssa_value(self, value: SSAValue) -> str:
        name = self._names.name_of(value) if self._names is not None else None
        if name is None:
            return super().print_ssa_value(value)
        self.print_string(f"%{name}")
        return name

    def _print_results(self, op: Operation) -> None:
        if not op.results:
            return
        if self._names is None or op.results[0] not in self._names.values:
            return super()._print_results(op)
        self.print_string(", ".join(f"%{name}" for name in self._names.result_definitions(op)) + " = ")

    def _populate_block_name(self, block: Block, block_index: int | None = None) -> None:
        known = self._names.blocks.get(block) if self._names is not None else None
        if known is None:
            return super()._populate_block_name(block, block_index)
        self._blocks[block] = known[0]

    def print_block(self, block: Block, print_block_args: bool = True, print_block_terminator: bool = True) -> None:
        # As xDSL's, with upstream's comment on the predecessors after the label.
        if print_block_args:
            self._print_new_line()
            if block not in self._blocks:
                self._populate_block_name(block)
            self.print_block_name(block)
            if block.args:
                with self.in_parens():
                    self.print_list(block.args, self.print_block_argument)
            self.print_string(":" + self._predecessors_comment(block))
        with self.indented():
            for op in block.ops:
                if print_block_terminator or not op.has_trait(IsTerminator, value_if_unregistered=False):
                    self._print_new_line()
                    self.print_op(op)

    def _predecessors_comment(self, block: Block) -> str:
        predecessors = block.predecessors()
        if not predecessors:
            return "" if block.parent is None or block.parent.blocks.first is block else "  // no predecessors"
        if all(pred is predecessors[0] for pred in predecessors):
            return f"  // pred: ^{self._get_block_name(predecessors[0])}"
        ordered = sorted(predecessors, key=lambda pred: self._names.blocks[pred][1] if self._names else 0)
        return f"  // {len(ordered)} preds: " + ", ".join(f"^{self._get_block_name(pred)}" for pred in ordered)

    def print_op(self, op: Operation) -> None:
        if self._names is None:
            self._names = SSANames(
                op, custom_names=not self.print_generic_format, source_names_as_prefix=self.source_names_as_prefix
            )
        if self.print_debuginfo and self.aliasing:
            self._note_location(op.location)
        scope = op.has_trait(IsolatedFromAbove, value_if_unregistered=False)
        begin_op_pos = self._current_column
        self._print_results(op)
        if scope:
            self.enter_scope()
        printer_class = self._custom_printer_class(op)
        if isinstance(op, builtin.UnregisteredOp):
            self.print_string(f'"{op.op_name.data}"')
        elif printer_class is None:
            self.print_string(f'"{op.name}"')
        else:
            self.print_string(self._shown_name(op.name))
        end_op_pos = self._current_column
        for message in self.diagnostic.op_messages.get(op, ()):
            self._add_message_on_next_line(message, begin_op_pos, end_op_pos)
        self._default_dialects.append(DEFAULT_DIALECT_OF_OP.get(op.name, ""))
        try:
            if isinstance(op, builtin.UnregisteredOp):
                op_name = op.op_name
                del op.attributes["op_name__"]
                self.print_op_with_default_format(op)
                op.attributes["op_name__"] = op_name
            elif printer_class is not None:
                printer_class.print(op, self)
                if self.print_debuginfo:
                    self.print_string(" ")
                    self._print_op_location(op)
            else:
                self.print_op_with_default_format(op)
        finally:
            self._default_dialects.pop()
        if scope:
            self.exit_scope()

    def _custom_printer_class(self, op: Operation) -> type[Operation] | None:
        """The class whose custom syntax prints ``op``, or None for generic form."""
        if self.print_generic_format or isinstance(op, builtin.UnregisteredOp):
            return None
        cls: type[Operation] = type(op)
        if self.context is not None:
            registered = self.context.get_optional_op(op.name)
            if registered is not None and registered is not cls and issubclass(registered, cls):
                cls = _adopt_printer_class(op, registered)
        return None if cls.print is Operation.print else cls

    def print_attr_dict(self, attr_dict) -> None:
        # MLIR dictionaries are sorted by key; print them as mlir-opt does.
        super().print_attr_dict(dict(sorted(attr_dict.items())))

    def print_operation_type(self, op: Operation) -> None:
        # As xDSL's, with the location aliased.
        self.print_function_type(op.operand_types, op.result_types)
        if self.print_debuginfo:
            self.print_string(" ")
            self._print_op_location(op)

    def _print_op_location(self, op: Operation) -> None:
        if not self.aliasing:
            self.print_attribute(op.location)
            return
        self.print_string("loc(")
        self._location_places.append((self.stream.tell(), op.location))
        self.print_string(")")

    def _note_location(self, location: builtin.Attribute) -> int:
        if (depth := self._location_depths.get(location)) is None:
            depth = max(map(self._note_location, _location_parts(location)), default=-1) + 1
            self._location_depths[location] = depth
        return depth


    def print_attribute(self, attribute) -> None:
        if self.printing_location and (alias := self.location_aliases.get(attribute)) is not None:
            self.print_string(f"#{alias}")
            return
        kind = _printing_kind(type(attribute))
        if kind is _Printed.LOCATION and self.print_debuginfo and self.aliasing and not self.printing_location:
            # A location printed in place (a block argument's): upstream
            # still numbers an alias for it, defined before the op.
            self._note_location(attribute)
            self._locations_in_place.add(attribute)
        elif kind is _Printed.DENSE and elides_elements(attribute):
            self.print_string("dense_resource<__elided__> : ")
            self.print_attribute(attribute.type)
            return
        elif kind in _ALIASED_KINDS and self.aliasing:
            use = self._alias_uses.setdefault(attribute, len(self._alias_uses))
            self._alias_places.append((self.stream.tell(), use))
            return
        # xDSL parenthesizes every affine binary expression; upstream only
        # where precedence needs it.
        if kind is _Printed.AFFINE_MAP:
            from mlopt.dialects.builtin import affine_map_text

            self.print_string(f"affine_map<{affine_map_text(attribute.data)}>")
        elif kind is _Printed.AFFINE_SET:
            from mlopt.dialects.builtin import affine_set_text

            self.print_string(f"affine_set<{affine_set_text(attribute.data)}>")
        elif kind is _Printed.ARRAY:
            # Upstream elides the type of i64 integers inside arrays: [0, 1 : i32].
            self.print_string("[")
            for index, element in enumerate(attribute.data):
                if index:
                    self.print_string(", ")
                if _is_i64(element):
                    self.print_string(str(element.value.data))
                else:
                    self.print_attribute(element)
            self.print_string("]")
        elif kind is _Printed.MEMREF and _is_i64(attribute.memory_space):
            self._print_memref_with_integer_space(attribute)
        elif kind is not None:
            attribute.print_builtin(self)  # as xDSL's print_attribute does for a builtin attribute
        else:
            super().print_attribute(attribute)

    def _print_memref_with_integer_space(self, type) -> None:
        # Upstream writes an i64 memory space bare: memref<4xf32, 3>.
        self.print_string("memref<")
        if isinstance(type, builtin.UnrankedMemRefType):
            self.print_string("*x")
        elif type.shape.data:
            self.print_dimension_list(type.get_shape())
            self.print_string("x")
        self.print_attribute(type.element_type)
        if isinstance(type, builtin.MemRefType) and not isinstance(type.layout, builtin.NoneAttr):
            self.print_string(", ")
            self.print_attribute(type.layout)
        self.print_string(f", {type.memory_space.value.data}>")

    def _shown_name(self, name: str) -> str:
        dialect, _, short = name.partition(".")
        if dialect == self._default_dialects[-1]:
            return short
        return name



class SSANames:
    """The names upstream's AsmPrinter gives the values and blocks under one
    printed op: results numbered ``%0, %1, ...``, the values of nested regions
    after those of their parent region (sibling regions alike), entry block
    arguments ``%arg0, ...``, blocks ``^bb0, ...`` per region; in custom form
    the ops' own names (``%c0``, ``%alloc``, :mod:`mlopt.asm_names`) uniqued
    with one shared ``_N`` counter. With ``source_names_as_prefix`` a name
    written in the source takes precedence, as ``loc("name")`` does under
    upstream's ``--mlir-use-nameloc-as-prefix``."""

    def __init__(self, root: Operation, *, custom_names: bool, source_names_as_prefix: bool) -> None:
        self.custom_names = custom_names
        self.source_names_as_prefix = source_names_as_prefix
        self.values: dict[SSAValue, str] = {}
        """The head of each result group and each block argument → its name."""
        self.result_groups: dict[Operation, list[int]] = {}
        """Ops whose results split into several named groups → the first index of each."""
        self.blocks: dict[Block, tuple[str, int]] = {}
        """Block → (name, position in its region)."""
        self._next_value = self._next_argument = self._next_conflict = 0
        self._used: set[str] = set()
        pending = [(region, 0, 0, 0, self._used) for region in root.regions]
        self._number_op(root)
        while pending:
            region, self._next_value, self._next_argument, self._next_conflict, parent_used = pending.pop()
            self._used = set(parent_used)
            self._number_region(region)
            state = (self._next_value, self._next_argument, self._next_conflict, self._used)
            pending.extend((nested, *state) for block in region.blocks for op in block.ops for nested in op.regions)

    def name_of(self, value: SSAValue) -> str | None:
        """``value``'s name as printed where it is used (``0#1`` for the second
        result of a group), or None for a value defined outside the printed op."""
        if not isinstance(value, OpResult):
            return self.values.get(value)
        op, index = value.op, value.index
        starts = self.result_groups.get(op)
        if starts is None:
            # Most ops: one group, named after its first result.
            results = op.results
            name = self.values.get(value if index == 0 else results[0])
            return name if name is None or len(results) == 1 else f"{name}#{index}"
        start = max(s for s in starts if s <= index)
        name = self.values.get(op.results[start])
        if name is None:
            return None
        end = next((s for s in starts if s > start), len(op.results))
        return name if end - start == 1 else f"{name}#{index - start}"

    def result_definitions(self, op: Operation) -> list[str]:
        """The result groups as ``op``'s definition prints them: ``0:2``."""
        starts = self.result_groups.get(op)
        if starts is None:
            count = len(op.results)
            return [self.values[op.results[0]] + (f":{count}" if count > 1 else "")]
        ends = [*starts[1:], len(op.results)]
        return [
            self.values[op.results[start]] + (f":{end - start}" if end - start > 1 else "")
            for start, end in zip(starts, ends)
        ]

    def _number_region(self, region: Region) -> None:
        parent = region.parent
        if self.custom_names and parent is not None:
            for argument, name in block_argument_names(parent, region):
                self._set_name(argument, name)
        for position, block in enumerate(region.blocks):
            self.blocks[block] = (f"bb{position}", position)
            entry = position == 0
            for argument in block.args:
                if argument in self.values:
                    continue
                if entry:
                    name = f"arg{self._next_argument}"
                    self._next_argument += 1
                else:
                    name = ""
                self._set_name(argument, self._source_name(argument) or name)
            for op in block.ops:
                self._number_op(op)

    def _number_op(self, op: Operation) -> None:
        if not op.results:
            return
        starts = [0]
        if self.custom_names:
            for index, name in result_names(op):
                self._set_name(op.results[index], name)
                if index:
                    starts.append(index)
        head = op.results[0]
        if head not in self.values:
            self._set_name(head, self._source_name(head))
        if len(starts) > 1:
            self.result_groups[op] = sorted(starts)

    def _source_name(self, value: SSAValue) -> str:
        return value.name_hint or "" if self.source_names_as_prefix else ""

    def _set_name(self, value: SSAValue, name: str) -> None:
        if self.source_names_as_prefix and value.name_hint:
            name = value.name_hint
        if not name:
            self.values[value] = str(self._next_value)
            self._next_value += 1
            return
        name = _sanitized_identifier(name)
        if name in self._used:
            stem = name
            while name in self._used:
                name = f"{stem}_{self._next_conflict}"
                self._next_conflict += 1
        self._used.add(name)
        self.values[value] = name


_PLAIN_IDENTIFIER = re.compile(r"[A-Za-z$._-][A-Za-z0-9$._-]*")
"""A name that sanitizing leaves as it is (most are)."""


def _sanitized_identifier(name: str) -> str:
    if _PLAIN_IDENTIFIER.fullmatch(name):
        return name
    # As upstream: a leading digit would clash with the numbered names.
    text = "".join(
        ch if ch.isascii() and (ch.isalnum() or ch in "$._-") else "_" if ch == " " else f"{ord(ch):X}" for ch in name
    )
    return f"_{text}" if text[0].isdigit() else text


def _adopt_printer_class(op: Operation, printer_class: type[Operation]) -> type[Operation]:
    """An op built from xDSL's class prints as mlopt's extension of it. The
    extension's format may name properties only its definition has, so the op
    takes the extension's class where Python allows it; otherwise it keeps its
    own (xDSL's) syntax."""
    if type(op) is printer_class:
        return printer_class
    try:
        op.__class__ = printer_class
    except TypeError:
        return type(op)
    return printer_class


def print_ir(
    op: Operation,
    stream: io.TextIOBase,
    *,
    context: Context | None = None,
    generic: bool = False,
    debuginfo: bool = False,
    source_names_as_prefix: bool | None = None,
) -> None:
    """Print ``op`` and a final newline as mlir-opt prints its output: the
    attribute aliases it uses first (``#map = affine_map<...>``). As upstream,
    an op inside another, or any op under ``--mlir-print-local-scope``, prints
    its attributes and locations in place and no resources. Source names are
    kept when asked here or by ``--mlir-use-nameloc-as-prefix``."""
    options = dict(
        print_generic_format=generic,
        print_debuginfo=debuginfo,
        context=context,
        source_names_as_prefix=uses_source_names() if source_names_as_prefix is None else source_names_as_prefix,
    )
    if prints_local_scope() or op.parent is not None:
        printer = UpstreamPrinter(stream=stream, **options)
        # Values are named as in the enclosing isolated op (``%arg0`` for its
        # argument, ``%3`` for its fourth result), as upstream names them.
        printer._names = SSANames(
            _isolated_ancestor(op), custom_names=not generic, source_names_as_prefix=options["source_names_as_prefix"]
        )
        printer.print_op(op)
        stream.write("\n")
        return
    printer = UpstreamPrinter(stream=io.StringIO(), aliasing=True, **options)
    printer.print_op(op)
    text = printer.stream.getvalue()
    # Upstream numbers the locations made of aliased ones after all others.
    ordered = sorted(printer._location_depths, key=printer._location_depths.__getitem__)
    locations = {location: f"loc{index or ''}" for index, location in enumerate(ordered)}
    in_place = printer._locations_in_place
    options["location_aliases"] = locations
    # Upstream defines the aliases printed first by name: loc, map, set.
    _write_location_aliases(stream, locations, in_place, options)
    aliases = _alias_names(printer._alias_uses)
    for attribute, alias in aliases.items():
        stream.write(f"#{alias} = ")
        UpstreamPrinter(stream=stream, **options).print_attribute(attribute)
        stream.write("\n")
    by_use = list(map(aliases.get, printer._alias_uses))
    places = [(offset, by_use[use]) for offset, use in printer._alias_places]
    places += [(offset, locations[location]) for offset, location in printer._location_places]
    pieces, start = [], 0
    for offset, alias in sorted(places, key=lambda place: place[0]):
        pieces += (text[start:offset], "#", alias)
        start = offset
    text = "".join(pieces) + text[start:]
    stream.write(text)
    stream.write("\n")
    _write_location_aliases(stream, locations, locations.keys() - in_place, options)
    stream.write(resource_section(op))


_SIGNIFICAND_BITS = {"f16": 11, "bf16": 8, "f32": 24, "f64": 53, "f80": 64, "f128": 113}


def _apfloat_digits(value: float, significand_bits: int, precision: int) -> tuple[str, int]:
    """APFloat::toString's digits of |value|, without trailing zeros, and the
    power of ten of the last: the exact value's decimal digits cut by a power
    of ten its bit count suggests, then rounded half up to ``precision``
    significant digits (so not always the correctly rounded ones)."""
    mantissa, binary_exponent = math.frexp(abs(value))
    significand, exp = int(mantissa * (1 << 64)), binary_exponent - 64  # exact: value = significand * 2**exp
    if significand == 0:
        return "0", 0
    trailing = (significand & -significand).bit_length() - 1
    significand, exp = significand >> trailing, exp + trailing
    if exp >= 0:
        significand, exp = significand << exp, 0
    else:
        significand *= 5**-exp  # value = significand * 10**exp
    bits_required = (precision * 196 + 58) // 59
    if significand.bit_length() > bits_required:
        removable = (significand.bit_length() - bits_required) * 59 // 196
        significand //= 10**removable
        exp += removable
    digits = str(significand)
    if len(digits) > precision:
        dropped = len(digits) - precision
        kept = int(digits[:precision]) + (digits[precision] >= "5")
        digits, exp = str(kept), exp + dropped
        if len(digits) > precision:  # carried into a new digit: 99..9 + 1
            digits, exp = digits[:precision], exp + 1
    stripped = digits.rstrip("0") or "0"
    return stripped, exp + len(digits) - len(stripped)


def _apfloat_exponent_form(value: float, significand_bits: int, precision: int = 6) -> str:
    """APFloat::toString(value, precision, 0, false), as upstream's printer tries first."""
    digits, exp = _apfloat_digits(value, significand_bits, precision)
    msd = exp + len(digits) - 1
    sign = "-" if math.copysign(1.0, value) < 0 else ""
    return f"{sign}{digits[0]}.{digits[1:].ljust(precision, '0')}e{'+' if msd >= 0 else '-'}{abs(msd):02d}"


def _apfloat_default_string(value: float, significand_bits: int) -> str:
    """APFloat::toString(value) with its defaults: ``2 + bits * 59 / 196``
    significant digits; a plain decimal unless that needs more than 3 padding
    zeros, else ``d.dddE+N``."""
    precision = 2 + significand_bits * 59 // 196
    digits, exp = _apfloat_digits(value, significand_bits, precision)
    sign = "-" if math.copysign(1.0, value) < 0 else ""
    msd = exp + len(digits) - 1  # the power of ten of the first digit
    if (exp >= 0 and (exp > 3 or len(digits) + exp > precision)) or msd < -3:
        return f"{sign}{digits[0]}.{digits[1:] or '0'}E{'+' if msd >= 0 else '-'}{abs(msd)}"
    if exp >= 0:
        return sign + digits + "0" * exp
    whole = len(digits) + exp
    if whole > 0:
        return f"{sign}{digits[:whole]}.{digits[whole:]}"
    return f"{sign}0.{'0' * -whole}{digits}"


def _isolated_ancestor(op: Operation) -> Operation:
    """The nearest op at or above ``op`` that is isolated from above, else the top."""
    while not op.has_trait(IsolatedFromAbove, value_if_unregistered=False) and (parent := op.parent_op()) is not None:
        op = parent
    return op


_LOCATIONS = (builtin.UnknownLoc, builtin.FileLineColLoc, builtin.NameLoc, builtin.FusedLoc, builtin.CallSiteLoc)


def _location_parts(location: builtin.Attribute) -> list[builtin.Attribute]:
    if isinstance(location, builtin.FusedLoc):
        return list(location.locations.data)
    if isinstance(location, builtin.CallSiteLoc):
        return [location.callee, location.caller]
    if isinstance(location, builtin.NameLoc) and not isinstance(location.location, builtin.UnknownLoc | builtin.NoneAttr):
        return [location.location]
    return []


def _write_location_aliases(stream, locations: dict[builtin.Attribute, str], chosen, options: dict) -> None:
    for location, alias in locations.items():
        if location in chosen:
            stream.write(f"#{alias} = ")
            UpstreamPrinter(stream=stream, **options).print_attribute(location)
            stream.write("\n")


class _Printed(enum.Enum):
    """The attributes UpstreamPrinter prints its own way, by kind."""

    LOCATION = _LOCATIONS
    DENSE = (builtin.DenseIntOrFPElementsAttr,)
    AFFINE_MAP = (builtin.AffineMapAttr,)
    AFFINE_SET = (builtin.AffineSetAttr,)
    ARRAY = (builtin.ArrayAttr,)
    MEMREF = (builtin.MemRefType, builtin.UnrankedMemRefType)
    BUILTIN = (builtin.BuiltinAttribute,)


_ALIASED_KINDS = (_Printed.AFFINE_MAP, _Printed.AFFINE_SET)
"""The attributes upstream's builtin dialect prints as aliases."""


@functools.cache
def _printing_kind(cls: type) -> _Printed | None:
    """The first kind ``cls`` belongs to; None for a dialect attribute. Found
    once per class: each isinstance check on an attribute is an ABC check, a
    Python call, and the printer asks for every attribute it prints."""
    return next((kind for kind in _Printed if issubclass(cls, kind.value)), None)


_ALIAS_STEMS = {builtin.AffineMapAttr: "map", builtin.AffineSetAttr: "set"}

def _alias_names(first_uses: dict[builtin.Attribute, int]) -> dict[builtin.Attribute, str]:
    """Upstream's aliases for the attributes printed, in the order it defines
    them: ``map``, ``map1``, ... per kind in order of first use, the kinds in
    alphabetical order."""
    aliases: dict[builtin.Attribute, str] = {}
    counts: dict[str, int] = {}
    for attribute in sorted(first_uses, key=lambda attribute: _ALIAS_STEMS[type(attribute)]):
        stem = _ALIAS_STEMS[type(attribute)]
        count = counts.get(stem, 0)
        counts[stem] = count + 1
        aliases[attribute] = f"{stem}{count or ''}"
    return aliases


def print_to_string(op: Operation, *, generic: bool = False, context: Context | None = None) -> str:
    out = io.StringIO()
    print_ir(op, out, generic=generic, context=context)
    return out.getvalue()


def _is_i64(attribute) -> bool:
    return isinstance(attribute, builtin.IntegerAttr) and attribute.type == builtin.i64
