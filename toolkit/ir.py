"""Parsing, printing and verifying IR the way mlir-opt does, on top of xDSL.

- :func:`parse_source` keeps a ``file:line:col`` location on every op (xDSL's
  parser only keeps explicit ``loc(...)``) and turns parse errors into
  diagnostics.
- :class:`UpstreamPrinter` prints like mlir-opt: ``module`` rather than
  ``builtin.module``, ``return`` inside ``func.func``, and custom syntax for ops
  built from xDSL's own classes when mlopt registers an extended class under
  the same name.
- :func:`verify` checks what xDSL's verifier leaves out (successor operands,
  dominance) and reports the op at fault with its location.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from xdsl.context import Context
from xdsl.dialects import builtin
from xdsl.ir import Block, BlockArgument, Operation, OpResult, Region, SSAValue
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.lexer import Span
from xdsl.utils.mlir_lexer import MLIRTokenKind
from xdsl.traits import IsolatedFromAbove, IsTerminator, NoTerminator, SymbolTable
from xdsl.utils.exceptions import MultipleSpansParseError, ParseError, VerifyException

from mlopt.diagnostics import Diagnostic, DiagnosticError, SourceText
from mlopt.printing_flags import elides_elements, resource_section
from mlopt import xdsl_fixes

xdsl_fixes.apply()

DEFAULT_DIALECT_OF_OP = {"builtin.module": "builtin", "func.func": "func"}
"""Ops whose regions print ops of this dialect without the prefix, as upstream's
OpAsmOpInterface::getDefaultDialect says."""

GRAPH_REGION_OPS = frozenset({"builtin.module", "gpu.module"})
"""Ops whose regions are graph regions (no dominance requirement), as upstream's
RegionKindInterface says."""


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
            self.raise_error(_exception_text(err), start, start + 1)
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
        raise DiagnosticError(_diagnostic_at_parser(parser, source, start, _exception_text(err))) from None


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


def _exception_text(err: BaseException) -> str:
    text = str(err).strip().split("\n")[0]
    return text or type(err).__name__


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


# --------------------------------------------------------------------------- verify


def verify(root: Operation, since: VerificationCache | None = None) -> None:
    """Verify ``root`` and everything nested in it; raise DiagnosticError at the
    first op that fails, as mlir-opt does after parsing and after each pass.

    With ``since``, ops that did not change since the last successful
    verification with that cache are not verified again (see VerificationCache).
    """
    # Scoping first: xDSL's own verifiers report a use across an isolated op
    # at the isolated op, where mlir-opt reports it at the use.
    _DominanceChecker().check(root)
    ops = list(walk_preorder(root))
    to_verify = since.stale(ops) if since is not None else None
    for op in ops:
        if to_verify is None or op in to_verify:
            _check_symbol_redefinition(op)
            _verify_op(op)
    if since is not None:
        since.remember(ops)


class VerificationCache:
    """What was verified last time, to verify only what a pass changed.

    xDSL's per-op verification dominates the run time of a pipeline that
    verifies after every pass. An op is verified again when it changed
    (operands and their types, results, properties, attributes, successors,
    parent, or its blocks' arguments and ends), when a direct child changed,
    when its parent's own state changed (a function's signature constrains
    its return), or when it refers to a symbol (a change anywhere can break a
    symbol use). The pass manager still verifies everything once at the end of
    a pipeline.
    """

    def __init__(self) -> None:
        self._snapshots: dict[Operation, tuple[tuple, tuple]] = {}
        self._pending: dict[Operation, tuple[tuple, tuple]] = {}

    def stale(self, ops: list[Operation]) -> set[Operation]:
        snapshots = {op: (_own_state(op), _body_state(op)) for op in ops}
        self._pending = snapshots
        stale: set[Operation] = set()
        for op, (own, body) in snapshots.items():
            previous = self._snapshots.get(op)
            if previous == (own, body):
                continue
            stale.add(op)
            if (parent := op.parent_op()) is not None:
                stale.add(parent)
            if previous is None or previous[0] != own:
                for region in op.regions:
                    for block in region.blocks:
                        stale.update(block.ops)
        stale.update(op for op in ops if _refers_to_symbols(op))
        return stale

    def remember(self, ops: list[Operation]) -> None:
        self._snapshots = self._pending
        self._pending = {}


def _own_state(op: Operation) -> tuple:
    # Read xDSL's fields directly: the public views are rebuilt on each access.
    operands = op._operands
    return (
        operands,
        tuple([operand.type for operand in operands]),
        tuple([result.type for result in op.results]),
        tuple(op.properties.items()),
        tuple(op.attributes.items()),
        op._successors,
        op.parent,
    )


def _body_state(op: Operation) -> tuple:
    return tuple(
        (tuple(arg.type for arg in block.args), block.first_op, block.last_op)
        for region in op.regions
        for block in region.blocks
    )


def _refers_to_symbols(op: Operation) -> bool:
    return any(
        isinstance(attr, builtin.SymbolRefAttr)
        for attrs in (op.properties, op.attributes)
        for attr in attrs.values()
    )


def walk_preorder(root: Operation) -> Iterator[Operation]:
    """``root`` and every nested op, parents first, in constant time per op
    (xDSL's recursive ``walk`` costs time proportional to the nesting depth
    for every op, which deeply nested input turns quadratic)."""
    stack: list[Operation] = [root]
    while stack:
        op = stack.pop()
        yield op
        for region in reversed(op.regions):
            for block in reversed(region.blocks):
                stack.extend(reversed(list(block.ops)))


def _check_symbol_redefinition(op: Operation) -> None:
    if not op.has_trait(SymbolTable, value_if_unregistered=False):
        return
    seen: dict[str, Operation] = {}
    for region in op.regions:
        for block in region.blocks:
            for child in block.ops:
                name = child.properties.get("sym_name") or child.attributes.get("sym_name")
                if not isinstance(name, builtin.StringAttr):
                    continue
                if name.data in seen:
                    raise DiagnosticError.at(
                        child,
                        f"redefinition of symbol named '{name.data}'",
                        notes=[(seen[name.data], "see existing symbol definition here")],
                    )
                seen[name.data] = child


def _verify_op(op: Operation) -> None:
    try:
        op.verify(verify_nested_ops=False)
    except DiagnosticError:
        raise
    except Exception as err:  # noqa: BLE001 - xDSL verifiers raise assorted errors
        raise DiagnosticError.at(op, f"'{op.name}' op {_verifier_text(err)}") from None
    if not op.has_trait(NoTerminator, value_if_unregistered=True):
        for region in op.regions:
            for block in region.blocks:
                last = block.last_op
                if last is None:
                    raise DiagnosticError.at(op, "empty block: expect at least a terminator")
                if not last.has_trait(IsTerminator, value_if_unregistered=True):
                    raise DiagnosticError.at(
                        last, f"block with no terminator, has '{last.name}'"
                    )
    # Successors are numbered by position: one block may be several successors.
    for successor, (block, operands) in enumerate(successor_operands(op)):
        if len(operands) != len(block.args):
            raise DiagnosticError.at(
                op,
                f"'{op.name}' op branch has {len(operands)} operands for successor "
                f"#{successor}, but target block has {len(block.args)}",
            )
        for index, (operand, arg) in enumerate(zip(operands, block.args)):
            if operand.type != arg.type:
                raise DiagnosticError.at(
                    op,
                    f"'{op.name}' op type mismatch for bb argument #{index} of successor #{successor}",
                )


def _verifier_text(err: BaseException) -> str:
    text = _exception_text(err)
    for prefix in ("Operation does not verify: ",):
        text = text.removeprefix(prefix)
    return text


def successor_operands(op: Operation) -> list[tuple[Block, Sequence[SSAValue]]]:
    """The operands a branch op forwards to each of its successors."""
    match op.name:
        case "cf.br" | "llvm.br":
            return [(op.successors[0], op.operands)]
        case "cf.cond_br" | "llvm.cond_br":
            then_args = getattr(op, "then_arguments")
            else_args = getattr(op, "else_arguments")
            return [(op.successors[0], then_args), (op.successors[1], else_args)]
        case "cf.switch":
            pairs = [(op.successors[0], getattr(op, "default_operands"))]
            segments = getattr(op, "case_operand_segments").get_values()
            case_operands = getattr(op, "case_operands")
            start = 0
            for block, size in zip(op.successors[1:], segments):
                pairs.append((block, case_operands[start : start + size]))
                start += size
            return pairs
        case _:
            return []


class _DominanceChecker:
    """Checks that every use is dominated by its definition (SSA regions only)."""

    def __init__(self) -> None:
        self._positions: dict[Block, dict[Operation, int]] = {}
        self._dominators: dict[Region, dict[Block, set[Block]]] = {}

    def check(self, root: Operation) -> None:
        self._check_uses(root, ())
        for op in walk_preorder(root):
            for region in op.regions:
                for block in region.blocks:
                    self._check_block(block)

    def _check_block(self, block: Block) -> None:
        # A value defined earlier in the same block always dominates its use:
        # that is almost every use, settled by one set lookup.
        defined: set[SSAValue] = set(block.args)
        for op in block.ops:
            self._check_uses(op, defined)
            defined.update(op.results)

    def _check_uses(self, op: Operation, defined: set[SSAValue] | tuple) -> None:
        for index, operand in enumerate(op._operands):
            if operand in defined:
                continue
            problem = self._use_problem(operand, op)
            if problem is None:
                continue
            if isinstance(problem, Operation):
                raise DiagnosticError.at(
                    op,
                    f"'{op.name}' op using value defined outside the region",
                    notes=[(problem, "required by region isolation constraints")],
                )
            raise DiagnosticError.at(
                op,
                f"operand #{index} does not dominate this use",
                notes=[(_defining_op_or_block_owner(operand), "operand defined here")],
            )

    def _use_problem(self, value: SSAValue, user: Operation) -> Operation | str | None:
        """None if ``user`` may use ``value``; the isolated op the use crosses;
        or "dominance" when the definition does not dominate the use."""
        if user.parent is not None and not self._is_reachable(user.parent):
            return None  # upstream checks dominance in reachable blocks only
        def_block = value.owner if isinstance(value, BlockArgument) else value.owner.parent
        if def_block is None or def_block.parent is None:
            return "dominance"
        def_region = def_block.parent
        # Walk up from the user to the op that sits directly in the def region;
        # crossing an isolated-from-above op on the way puts the value out of scope.
        ancestor = user
        while ancestor.parent is None or ancestor.parent.parent is not def_region:
            parent_op = ancestor.parent_op()
            if parent_op is None:
                return "dominance"
            if parent_op.has_trait(IsolatedFromAbove, value_if_unregistered=False):
                return parent_op
            ancestor = parent_op
        region_owner = def_region.parent
        if region_owner is not None and (
            region_owner.name in GRAPH_REGION_OPS or isinstance(region_owner, builtin.UnregisteredOp)
        ):
            return None  # graph region (an unregistered op's regions may be ones)
        use_block = ancestor.parent
        assert use_block is not None
        if not self._is_reachable(use_block):
            return None
        if isinstance(value, OpResult):
            if value.owner is ancestor:
                return "dominance"
            if use_block is def_block:
                positions = self._block_positions(def_block)
                return None if positions[value.owner] < positions[ancestor] else "dominance"
        elif use_block is def_block:
            return None
        dominators = self._region_dominators(def_region)
        if use_block not in dominators:
            return None  # unreachable code: upstream does not check it
        return None if def_block in dominators[use_block] else "dominance"

    def _is_reachable(self, block: Block) -> bool:
        region = block.parent
        if region is None or region.blocks.first is block:
            return True
        return block in self._region_dominators(region)

    def _block_positions(self, block: Block) -> dict[Operation, int]:
        if block not in self._positions:
            self._positions[block] = {op: i for i, op in enumerate(block.ops)}
        return self._positions[block]

    def _region_dominators(self, region: Region) -> dict[Block, set[Block]]:
        if region not in self._dominators:
            self._dominators[region] = _compute_dominators(region)
        return self._dominators[region]


def _defining_op_or_block_owner(value: SSAValue) -> Operation | None:
    if isinstance(value, OpResult):
        return value.owner
    block = value.owner
    return block.parent_op() if isinstance(block, Block) else None


def _successors(block: Block) -> Iterator[Block]:
    last = block.last_op
    if last is not None and last.has_trait(IsTerminator, value_if_unregistered=True):
        yield from last.successors


def _compute_dominators(region: Region) -> dict[Block, set[Block]]:
    """Dominator sets of the blocks reachable from the entry block."""
    blocks = list(region.blocks)
    if not blocks:
        return {}
    entry = blocks[0]
    reachable: list[Block] = []
    seen = {entry}
    stack = [entry]
    while stack:
        block = stack.pop()
        reachable.append(block)
        for succ in _successors(block):
            if succ not in seen:
                seen.add(succ)
                stack.append(succ)
    predecessors: dict[Block, list[Block]] = {b: [] for b in reachable}
    for block in reachable:
        for succ in _successors(block):
            predecessors[succ].append(block)
    every = set(reachable)
    dominators = {b: set(every) for b in reachable}
    dominators[entry] = {entry}
    changed = True
    while changed:
        changed = False
        for block in reachable[1:]:
            preds = [dominators[p] for p in predecessors[block]]
            new = set.intersection(*preds) if preds else set()
            new = new | {block}
            if new != dominators[block]:
                dominators[block] = new
                changed = True
    return dominators


def _is_i64(attribute) -> bool:
    return isinstance(attribute, builtin.IntegerAttr) and attribute.type == builtin.i64
