"""cse: common subexpression elimination (xDSL's, under upstream's names)."""

from typing import ClassVar

from xdsl.transforms.common_subexpression_elimination import CommonSubexpressionElimination


class CSE(CommonSubexpressionElimination):
    """Eliminate common sub-expressions"""

    name = "cse"
    display_name: ClassVar[str] = "CSE"
