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

import io
import re
from dataclasses import dataclass, field

from xdsl.context import Context
from xdsl.dialects import builtin
from xdsl.ir import BlockArgument, Operation, SSAValue
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.lexer import Span
from xdsl.utils.mlir_lexer import MLIRTokenKind
from xdsl.traits import IsolatedFromAbove
from xdsl.utils.exceptions import MultipleSpansParseError, ParseError, VerifyException

from mlopt.diagnostics import Diagnostic, DiagnosticError, SourceText, exception_text
from mlopt.printing_flags import elides_elements, resource_section
from mlopt import xdsl_fixes

xdsl_fixes.apply()

DEFAULT_DIALECT_OF_OP = {"builtin.module": "builtin", "func.func": "func"}
"""Ops whose regions print ops of this dialect without the prefix, as upstream's
OpAsmOpInterface::getDefaultDialect says."""

# --------------------------------------------------------------------------- parse


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
        self.first_uses: dict[str, Span] = {}
        """Where each value used before its definition is first used: upstream
        reports an undeclared value there."""

    def location_at(self, offset: int) -> builtin.FileLineColLoc:
        loc = self._source.location(self._start + offset)
        return builtin.FileLineColLoc(
            self._file_attr, builtin.IntAttr(loc.line), builtin.IntAttr(loc.col)
        )

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

    def parse_operation(self) -> Operation:
        depth = len(self._op_name_offsets)
        start = self._current_token.span.start
        try:
            op = super().parse_operation()
            if isinstance(op.location, builtin.UnknownLoc):
                op.location = self.location_at(self._op_name_offsets[depth])
            if op.has_trait(IsolatedFromAbove):
                self._check_uses_defined(start)
            return op
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

    def _get_op_by_name(self, name: str) -> type[Operation]:
        op_type = self.ctx.get_optional_op(name, dialect_stack=self._parser_state.dialect_stack)
        start = self._op_name_offsets[-1] if self._op_name_offsets else None
        generic = start is not None and self.lexer.input.at(start) == '"'
        end = None if start is None else start + len(name) + (2 if generic else 0)
        if op_type is not None:
            if not generic and issubclass(op_type, builtin.UnregisteredOp):
                # --allow-unregistered-dialect admits unknown ops in generic form only.
                self.raise_error(f"custom op '{name}' is unknown", start, end)
            return op_type
        dialect, dot, _ = name.partition(".")
        if dot and dialect not in self.ctx.registered_dialect_names:
            self.raise_error(
                f"operation '{name}' belongs to the unregistered dialect '{dialect}'; if this "
                "is intended, use --allow-unregistered-dialect",
                start,
                end,
            )
        self.raise_error(f"operation '{name}' is not registered (unknown op)", start, end)


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
            return builtin.ModuleOp([])  # mlir-opt prints empty input as an empty module
        module = parser.parse_module()
        if isinstance(module.location, builtin.UnknownLoc):
            module.location = builtin.FileLineColLoc(
                builtin.StringAttr(source.name), builtin.IntAttr(0), builtin.IntAttr(0)
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
            "error", "reference to an undefined block", source.location(start + first_use.start, max(1, first_use.len))
        )
    diagnostic = Diagnostic("error", err.msg, source.location(start + err.span.start, max(1, err.span.len)))
    if isinstance(err, MultipleSpansParseError):
        for ref_span, ref_msg in err.refs:
            diagnostic.notes.append(
                Diagnostic("note", ref_msg or "see here", source.location(start + ref_span.start, max(1, ref_span.len)))
            )
    return diagnostic


def _diagnostic_at_parser(parser: LocatingParser | None, source: SourceText, start: int, message: str) -> Diagnostic:
    offset = parser._current_token.span.start if parser is not None else 0
    return Diagnostic("error", message, source.location(start + offset))


def _undefined_value_diagnostic(parser: LocatingParser, source: SourceText, start: int) -> Diagnostic:
    """Upstream's "use of undeclared SSA value name", at the first use."""
    first = min((parser.first_uses[name] for name in parser.forward_ssa_references), key=lambda span: span.start)
    return Diagnostic("error", "use of undeclared SSA value name", source.location(start + first.start, first.len))


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
    """xDSL's printer with mlir-opt's name elision and mlopt's extended op syntax."""

    context: Context | None = field(default=None)
    _default_dialects: list[str] = field(default_factory=lambda: ["builtin"], init=False)
    _next_argument_id: list[int] = field(default_factory=lambda: [0], init=False)

    def print_ssa_value(self, value: SSAValue) -> str:
        # Upstream names the arguments of entry blocks %arg0, %arg1, ... per
        # isolated scope; names written in the source (name hints) are kept.
        if (
            isinstance(value, BlockArgument)
            and value not in self._ssa_values
            and not value.name_hint
            and value.block.parent is not None
            and value.block.parent.blocks.first is value.block
        ):
            name = f"arg{self._next_argument_id[-1]}"
            while name in self.ssa_names:
                self._next_argument_id[-1] += 1
                name = f"arg{self._next_argument_id[-1]}"
            self._next_argument_id[-1] += 1
            self.ssa_names[name] = 1
            self._ssa_values[value] = name
        return super().print_ssa_value(value)

    def enter_scope(self) -> None:
        super().enter_scope()
        self._next_argument_id.append(0)

    def exit_scope(self) -> None:
        super().exit_scope()
        self._next_argument_id.pop()

    def print_op(self, op: Operation) -> None:
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
                    self.print_attribute(op.location)
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

    def print_attribute(self, attribute) -> None:
        if isinstance(attribute, builtin.DenseIntOrFPElementsAttr) and elides_elements(attribute):
            self.print_string("dense_resource<__elided__> : ")
            self.print_attribute(attribute.type)
            return
        # xDSL parenthesizes every affine binary expression; upstream only
        # where precedence needs it.
        if isinstance(attribute, builtin.AffineMapAttr):
            from mlopt.dialects.builtin import affine_map_text

            self.print_string(f"affine_map<{affine_map_text(attribute.data)}>")
        elif isinstance(attribute, builtin.AffineSetAttr):
            from mlopt.dialects.builtin import affine_set_text

            self.print_string(f"affine_set<{affine_set_text(attribute.data)}>")
        elif isinstance(attribute, builtin.ArrayAttr):
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
        elif isinstance(attribute, builtin.MemRefType | builtin.UnrankedMemRefType) and _is_i64(
            attribute.memory_space
        ):
            self._print_memref_with_integer_space(attribute)
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
) -> None:
    """Print ``op`` and a final newline, as mlir-opt prints its output."""
    printer = UpstreamPrinter(
        stream=stream, print_generic_format=generic, print_debuginfo=debuginfo, context=context
    )
    printer.print_op(op)
    stream.write("\n")
    stream.write(resource_section(op))


def print_to_string(op: Operation, *, generic: bool = False, context: Context | None = None) -> str:
    out = io.StringIO()
    print_ir(op, out, generic=generic, context=context)
    return out.getvalue()


def _is_i64(attribute) -> bool:
    return isinstance(attribute, builtin.IntegerAttr) and attribute.type == builtin.i64
