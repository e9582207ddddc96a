"""Toy syntax tree -> ``toy`` dialect IR (MLIR tutorial, chapter 2's MLIRGen).

Functions take and return tensors of unknown shape (``tensor<*xf64>``);
shapes become known after inlining and ``toy-shape-inference``. Every
function but ``main`` is private, so that the inliner may drop it.
"""

from __future__ import annotations

from xdsl.dialects.builtin import FileLineColLoc, FunctionType, IntAttr, ModuleOp, StringAttr
from xdsl.ir import Block, SSAValue

from mlopt.diagnostics import DiagnosticError, SourceText, emit_warning
from mlopt_toy import dialect as toy
from mlopt_toy import language as ast

class IRGenerator:
    def __init__(self, source: SourceText):
        self.source = source
        self._file = StringAttr(source.name)
        self._symbols: dict[str, SSAValue] = {}
        self._block: Block | None = None
        self._calls: list[tuple[ast.Call, toy.GenericCallOp]] = []

    def location(self, offset: int) -> FileLineColLoc:
        where = self.source.location(offset)
        return FileLineColLoc(self._file, IntAttr(where.line), IntAttr(where.col))

    def error(self, offset: int, message: str) -> DiagnosticError:
        return DiagnosticError.at(self.source.location(offset), message)

    # Module and functions ----------------------------------------------------

    def generate(self, functions: list[ast.Function]) -> ModuleOp:
        module = ModuleOp([])
        defined: dict[str, ast.Function] = {}
        for function in functions:
            if function.name in defined:
                raise DiagnosticError.at(
                    self.source.location(function.offset),
                    f"redefinition of function '{function.name}'",
                    notes=[(self.source.location(defined[function.name].offset), "previous definition is here")],
                )
            defined[function.name] = function
            module.body.block.add_op(self.function(function))
        self.check_calls(defined)
        return module

    def function(self, function: ast.Function) -> toy.FuncOp:
        arg_types = [toy.UNRANKED] * len(function.params)
        op = toy.FuncOp(function.name, FunctionType.from_lists(arg_types, []), private=function.name != "main")
        op.location = self.location(function.offset)
        block = op.body.block
        self._symbols = {}
        for param, arg in zip(function.params, block.args):
            self.declare(param.name, arg, param.offset)
        self._block = block
        returned = self.statements(function.body)
        if returned is None:
            self.add(toy.ReturnOp(), function.offset)
        elif returned.input:
            op.function_type = FunctionType.from_lists(arg_types, [toy.UNRANKED])
        return op

    def statements(self, statements: list[ast.Expr]) -> toy.ReturnOp | None:
        """Generate a function body; the return op if there is one."""
        for index, statement in enumerate(statements):
            match statement:
                case ast.Return(value=value):
                    if index + 1 < len(statements):
                        emit_warning(self.source.location(statements[index + 1].offset), "code after 'return' is never executed")
                    operands = self.expression(value) if value is not None else None
                    return self.add(toy.ReturnOp(operands), statement.offset)
                case ast.VarDecl(name=name, shape=shape, init=init):
                    value = self.expression(init)
                    if shape is not None:
                        value = self.add(toy.ReshapeOp(value, shape), statement.offset).output
                    self.declare(name, value, statement.offset)
                case ast.Print(arg=arg):
                    self.add(toy.PrintOp(self.expression(arg)), statement.offset)
                case _:
                    self.expression(statement)
        return None

    def declare(self, name: str, value: SSAValue, offset: int) -> None:
        if name in self._symbols:
            raise self.error(offset, f"redeclaration of '{name}'")
        self._symbols[name] = value

    def add(self, op, offset: int):
        op.location = self.location(offset)
        assert self._block is not None
        self._block.add_op(op)
        return op

    # Expressions --------------------------------------------------------------

    def expression(self, expr: ast.Expr) -> SSAValue:
        match expr:
            case ast.Number(value=value):
                return self.add(toy.ConstantOp.of([value], ()), expr.offset).output
            case ast.Literal(shape=shape, values=values):
                return self.add(toy.ConstantOp.of(values, shape), expr.offset).output
            case ast.Variable(name=name):
                if name not in self._symbols:
                    raise self.error(expr.offset, f"unknown variable '{name}'")
                return self._symbols[name]
            case ast.BinaryOp(operator=operator, lhs=lhs, rhs=rhs):
                lhs_value, rhs_value = self.expression(lhs), self.expression(rhs)
                op_class = {"+": toy.AddOp, "*": toy.MulOp}.get(operator)
                if op_class is None:
                    raise self.error(expr.offset, f"invalid binary operator '{operator}' (Toy has '+' and '*')")
                return self.add(op_class(lhs_value, rhs_value), expr.offset).output
            case ast.Call(callee=callee, args=args):
                operands = [self.expression(arg) for arg in args]
                if callee == "transpose":
                    if len(operands) != 1:
                        raise self.error(expr.offset, f"transpose() takes exactly one argument, {len(operands)} given")
                    return self.add(toy.TransposeOp(operands[0]), expr.offset).output
                call = self.add(toy.GenericCallOp(callee, operands), expr.offset)
                self._calls.append((expr, call))
                return call.output
            case ast.Print():
                raise self.error(expr.offset, "print() is a statement; it has no value")
            case ast.VarDecl() | ast.Return():
                raise self.error(expr.offset, "a declaration or return cannot be used as a value")
        raise AssertionError(f"unexpected syntax node {expr!r}")

    def check_calls(self, defined: dict[str, ast.Function]) -> None:
        for call, op in self._calls:
            function = defined.get(call.callee)
            if function is None:
                raise self.error(call.offset, f"call to undefined function '{call.callee}'")
            if len(function.params) != len(call.args):
                raise DiagnosticError.at(
                    self.source.location(call.offset),
                    f"'{call.callee}' takes {len(function.params)} arguments, {len(call.args)} given",
                    notes=[(self.source.location(function.offset), f"'{call.callee}' is defined here")],
                )
            callee_returns = any(isinstance(s, ast.Return) and s.value is not None for s in function.body)
            if not callee_returns and op.output.uses:
                raise self.error(call.offset, f"'{call.callee}' returns no value")


def generate_module(source: SourceText) -> ModuleOp:
    return IRGenerator(source).generate(ast.parse_toy(source))
