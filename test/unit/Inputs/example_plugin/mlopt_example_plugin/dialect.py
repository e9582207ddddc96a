"""The example dialect: `%x = example.answer : i32` stands for 42."""

from xdsl.dialects.builtin import IntegerType
from xdsl.ir import Dialect
from xdsl.irdl import IRDLOperation, irdl_op_definition, result_def


@irdl_op_definition
class AnswerOp(IRDLOperation):
    name = "example.answer"
    result = result_def(IntegerType)
    assembly_format = "attr-dict `:` type($result)"


Example = Dialect("example", [AnswerOp])
