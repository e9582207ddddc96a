"""The nvvm dialect: NVIDIA's special registers, barriers, warp shuffles,
votes and reductions, and the ``#nvvm.target`` attribute, with upstream MLIR
22's syntax.

These are the ops ``convert-gpu-to-nvvm`` produces; each maps to one LLVM
NVVM intrinsic (:mod:`mlopt.codegen.nvptx` translates them).
``#nvvm.target<...>`` on a ``gpu.module`` says what ``gpu-module-to-binary``
compiles it for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from xdsl.dialects.builtin import (
    ArrayAttr,
    BoolAttr,
    DictionaryAttr,
    IntAttr,
    IntegerType,
    StringAttr,
    UnitAttr,
    i1,
    i32,
)
from xdsl.ir import Attribute, Dialect, ParametrizedAttribute
from xdsl.irdl import (
    IRDLOperation,
    irdl_attr_definition,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    traits_def,
)
from xdsl.parser import AttrParser, Parser
from xdsl.printer import Printer
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException

from mlopt.dialects.llvm import ConstantRangeAttr
from mlopt.dialects.syntax import build_op, enum_attribute, parse_attr_dict, print_attr_dict, resolve

# --------------------------------------------------------------------------- enums

ShflKindAttr = enum_attribute("nvvm.shfl_kind", ["bfly", "up", "down", "idx"], doc="#nvvm<shfl_kind bfly>")
VoteSyncKindAttr = enum_attribute("nvvm.vote_sync_kind", ["any", "all", "ballot", "uni"], doc="#nvvm<vote_sync_kind ballot>")
ReduxKindAttr = enum_attribute(
    "nvvm.redux_kind",
    ["add", "and", "max", "min", "or", "umax", "umin", "xor", "fmin", "fmax"],
    doc="#nvvm<redux_kind add>",
)

# --------------------------------------------------------------------------- #nvvm.target

DEFAULT_TRIPLE = "nvptx64-nvidia-cuda"
ATTRIBUTE_DEFAULT_CHIP = "sm_50"
"""What a ``#nvvm.target`` without ``chip`` means, as upstream's attribute
says. The passes default to a chip current CUDA accepts instead
(:data:`mlopt.codegen.nvptx.DEFAULT_CHIP`) and always write it out."""
DEFAULT_OPT_LEVEL = 2


@irdl_attr_definition
class NVVMTargetAttr(ParametrizedAttribute):
    """``#nvvm.target<O = 3, chip = "sm_90", features = "+ptx80", flags = {ftz}, link = [...]>``:
    how ``gpu-module-to-binary`` compiles a gpu.module for NVIDIA GPUs.
    Parameters at their default are left out, as upstream prints them."""

    name = "nvvm.target"

    O: IntAttr
    triple: StringAttr
    chip: StringAttr
    features: StringAttr
    flags: DictionaryAttr
    link: ArrayAttr
    verifyTarget: IntAttr

    @staticmethod
    def get(
        *,
        O: int = DEFAULT_OPT_LEVEL,
        triple: str = DEFAULT_TRIPLE,
        chip: str = ATTRIBUTE_DEFAULT_CHIP,
        features: str = "",
        flags: dict[str, Attribute] | None = None,
        link: Sequence[str] = (),
        verify_target: bool = True,
    ) -> NVVMTargetAttr:
        return NVVMTargetAttr(
            IntAttr(O),
            StringAttr(triple),
            StringAttr(chip),
            StringAttr(features),
            DictionaryAttr(dict(flags or {})),
            ArrayAttr([StringAttr(path) for path in link]),
            IntAttr(int(verify_target)),
        )

    @property
    def link_paths(self) -> list[str]:
        return [entry.data for entry in self.link.data]  # type: ignore[attr-defined]

    def flag(self, name: str) -> bool:
        return name in self.flags.data

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        values: dict[str, object] = {}
        if parser.parse_optional_punctuation("<") is not None:

            def entry() -> None:
                key = parser.parse_identifier()
                if key in values or key not in _TARGET_PARAMETERS:
                    parser.raise_error(f"duplicate or unknown struct parameter name: {key}")
                parser.parse_punctuation("=")
                values[key] = _TARGET_PARAMETERS[key](parser)

            parser.parse_comma_separated_list(parser.Delimiter.NONE, entry)
            parser.parse_punctuation(">")
        problem = _target_problem(
            values.get("O", DEFAULT_OPT_LEVEL), values.get("triple", DEFAULT_TRIPLE), values.get("chip", ATTRIBUTE_DEFAULT_CHIP)  # type: ignore[arg-type]
        )
        if problem is not None:
            parser.raise_error(problem)
        return NVVMTargetAttr.get(**{_TARGET_KEYWORDS[k]: v for k, v in values.items()}).parameters  # type: ignore[arg-type]

    def verify(self) -> None:
        problem = _target_problem(self.O.data, self.triple.data, self.chip.data)
        if problem is None and not all(isinstance(entry, StringAttr) for entry in self.link.data):
            problem = "All the elements in the `link` array must be strings."
        if problem is not None:
            raise VerifyException(problem)

    def print_parameters(self, printer: Printer) -> None:
        shown: list[tuple[str, Attribute | str]] = []
        if self.O.data != DEFAULT_OPT_LEVEL:
            shown.append(("O", str(self.O.data)))
        for key, default in (("triple", DEFAULT_TRIPLE), ("chip", ATTRIBUTE_DEFAULT_CHIP), ("features", "")):
            value: StringAttr = getattr(self, key)
            if value.data != default:
                shown.append((key, value))
        if self.flags.data:
            shown.append(("flags", self.flags))
        if self.link.data:
            shown.append(("link", self.link))
        if not self.verifyTarget.data:
            shown.append(("verifyTarget", "false"))
        if not shown:
            return
        printer.print_string("<")
        for index, (key, value) in enumerate(shown):
            printer.print_string(f"{', ' if index else ''}{key} = ")
            if isinstance(value, str):
                printer.print_string(value)
            else:
                printer.print_attribute(value)
        printer.print_string(">")


def _target_problem(opt_level: int, triple: str, chip: str) -> str | None:
    """What upstream's verifier says about these parameters, or None."""
    if not 0 <= opt_level <= 3:
        return "The optimization level must be a number between 0 and 3."
    if not triple:
        return "The target triple cannot be empty."
    if not chip:
        return "The target chip cannot be empty."
    return None


def _parse_flags(parser: AttrParser) -> dict[str, Attribute]:
    flags = parser.parse_attribute()
    if not isinstance(flags, DictionaryAttr):
        parser.raise_error("expected a dictionary of flags")
    return dict(flags.data)


def _parse_link(parser: AttrParser) -> list[str]:
    link = parser.parse_attribute()
    if not isinstance(link, ArrayAttr) or not all(isinstance(e, StringAttr) for e in link.data):
        parser.raise_error("All the elements in the `link` array must be strings.")
    return [entry.data for entry in link.data]  # type: ignore[union-attr]


_TARGET_PARAMETERS = {
    "O": lambda parser: parser.parse_integer(),
    "triple": lambda parser: parser.parse_str_literal(),
    "chip": lambda parser: parser.parse_str_literal(),
    "features": lambda parser: parser.parse_str_literal(),
    "flags": _parse_flags,
    "link": _parse_link,
    "verifyTarget": lambda parser: parser.parse_boolean(),
}
_TARGET_KEYWORDS = {key: key for key in _TARGET_PARAMETERS} | {"verifyTarget": "verify_target"}


# --------------------------------------------------------------------------- special registers


@dataclass(frozen=True)
class SpecialRegister:
    """One PTX special register: its op and what reading it gives."""

    mnemonic: str
    """``read.ptx.sreg.tid.x``; the LLVM intrinsic is ``llvm.nvvm.`` + this."""
    rangeable: bool = True
    """Whether the op takes upstream's optional ``range`` attribute."""
    pure: bool = True

    @property
    def op_name(self) -> str:
        return "nvvm." + self.mnemonic

    @property
    def intrinsic(self) -> str:
        return "llvm.nvvm." + self.mnemonic


def _xyz(name: str) -> list[str]:
    return [f"read.ptx.sreg.{name}.{d}" for d in "xyz"]


SPECIAL_REGISTERS: tuple[SpecialRegister, ...] = (
    *(SpecialRegister(f"read.ptx.sreg.{name}") for name in ("laneid", "warpsize", "warpid", "nwarpid", "smid", "nsmid", "gridid")),
    *(SpecialRegister(f"read.ptx.sreg.lanemask.{kind}", rangeable=False) for kind in ("eq", "le", "lt", "ge", "gt")),
    *(SpecialRegister(m) for name in ("tid", "ntid", "ctaid", "nctaid") for m in _xyz(name)),
    *(SpecialRegister(m) for name in ("clusterid", "nclusterid") for m in _xyz(name)),
    *(SpecialRegister(m) for name in ("cluster.ctaid", "cluster.nctaid") for m in _xyz(name)),
    SpecialRegister("read.ptx.sreg.cluster.ctarank"),
    SpecialRegister("read.ptx.sreg.cluster.nctarank"),
    *(SpecialRegister(f"read.ptx.sreg.{name}", rangeable=False, pure=False) for name in ("clock", "clock64", "globaltimer")),
)


class _SpecialRegisterSyntax(IRDLOperation):
    """``(range <i32, lo, hi>)? attr-dict : type``."""

    REGISTER: ClassVar[SpecialRegister]

    @classmethod
    def parse(cls, parser: Parser):
        range_ = None
        if cls.REGISTER.rangeable and parser.parse_optional_keyword("range"):
            range_ = ConstantRangeAttr.new(ConstantRangeAttr.parse_parameters(parser))
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        return build_op(cls, result_types=[parser.parse_type()], properties={"range": range_}, attributes=attributes)

    def print(self, printer: Printer):
        range_ = self.properties.get("range")
        if range_ is not None:
            printer.print_string(" range ")
            range_.print_parameters(printer)
        print_attr_dict(printer, self, ("range",))
        printer.print_string(" : ")
        printer.print_attribute(self.results[0].type)


def _special_register_op(register: SpecialRegister) -> type[IRDLOperation]:
    class_name = "".join(part.capitalize() for part in register.mnemonic.replace("read.ptx.sreg.", "").replace(".", "_").split("_")) + "Op"
    namespace: dict[str, object] = {
        "__doc__": f"{register.op_name}: the PTX special register %{register.mnemonic.removeprefix('read.ptx.sreg.')}.",
        "__module__": __name__,
        "name": register.op_name,
        "REGISTER": register,
        "__annotations__": {"REGISTER": ClassVar[SpecialRegister]},
        "res": result_def(IntegerType),
        "traits": traits_def(Pure()) if register.pure else traits_def(),
    }
    if register.rangeable:
        namespace["range"] = opt_prop_def(ConstantRangeAttr)
    return irdl_op_definition(type(class_name, (_SpecialRegisterSyntax,), namespace))


SPECIAL_REGISTER_OPS = {register.op_name: _special_register_op(register) for register in SPECIAL_REGISTERS}


def special_register_op(mnemonic: str) -> type[IRDLOperation]:
    """The op class reading ``read.ptx.sreg.<mnemonic>`` (``"tid.x"``)."""
    return SPECIAL_REGISTER_OPS[f"nvvm.read.ptx.sreg.{mnemonic}"]


# --------------------------------------------------------------------------- synchronisation and warps


@irdl_op_definition
class Barrier0Op(IRDLOperation):
    """nvvm.barrier0: wait until every thread of the block gets here (``bar.sync 0``)."""

    name = "nvvm.barrier0"
    assembly_format = "attr-dict"


@irdl_op_definition
class ShflOp(IRDLOperation):
    """nvvm.shfl.sync: exchange a value between the lanes of a warp; with
    ``return_value_and_is_valid`` the result is ``struct<(T, i1)>``."""

    name = "nvvm.shfl.sync"

    thread_mask = operand_def(i32)
    val = operand_def()
    offset = operand_def(i32)
    mask_and_clamp = operand_def(i32)
    kind = prop_def(ShflKindAttr)
    return_value_and_is_valid = opt_prop_def(UnitAttr)
    res = result_def()

    @classmethod
    def parse(cls, parser: Parser) -> ShflOp:
        kind = ShflKindAttr(ShflKindAttr.parse_parameter(parser))
        operands = [parser.parse_unresolved_operand()]
        for _ in range(3):
            parser.parse_punctuation(",")
            operands.append(parser.parse_unresolved_operand())
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        value_type = parser.parse_type()
        parser.parse_punctuation("->")
        result_type = parser.parse_type()
        return build_op(
            cls,
            operands=resolve(parser, operands, [i32, value_type, i32, i32]),
            result_types=[result_type],
            properties={"kind": kind},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(f" {self.kind.data.value} ")
        printer.print_list(self.operands, printer.print_operand)
        print_attr_dict(printer, self, ("kind",))
        printer.print_string(" : ")
        printer.print_attribute(self.val.type)
        printer.print_string(" -> ")
        printer.print_attribute(self.res.type)

    def verify_(self) -> None:
        from xdsl.dialects.llvm import LLVMStructType

        if self.return_value_and_is_valid is None:
            return
        result = self.res.type
        if not (isinstance(result, LLVMStructType) and list(result.types.data) == [self.val.type, i1]):
            raise VerifyException("expected return type to be a two-element struct with i1 as the second element")


@irdl_op_definition
class VoteSyncOp(IRDLOperation):
    """nvvm.vote.sync: a warp vote on a predicate (any, all, uni: i1; ballot: i32)."""

    name = "nvvm.vote.sync"

    mask = operand_def(i32)
    pred = operand_def(i1)
    kind = prop_def(VoteSyncKindAttr)
    res = result_def()

    @classmethod
    def parse(cls, parser: Parser) -> VoteSyncOp:
        kind = VoteSyncKindAttr(VoteSyncKindAttr.parse_parameter(parser))
        mask = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        pred = parser.parse_unresolved_operand()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation("->")
        return build_op(
            cls,
            operands=resolve(parser, [mask, pred], [i32, i1]),
            result_types=[parser.parse_type()],
            properties={"kind": kind},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(f" {self.kind.data.value} ")
        printer.print_list(self.operands, printer.print_operand)
        print_attr_dict(printer, self, ("kind",))
        printer.print_string(" -> ")
        printer.print_attribute(self.res.type)

    def verify_(self) -> None:
        expected = i32 if self.kind.data.value == "ballot" else i1
        if self.res.type != expected:
            raise VerifyException(f"vote.sync '{self.kind.data.value}' returns an {expected} value")


_FALSE = BoolAttr.from_bool(False)


@irdl_op_definition
class ReduxOp(IRDLOperation):
    """nvvm.redux.sync: a reduction across the lanes of a warp (sm_80+)."""

    name = "nvvm.redux.sync"

    val = operand_def()
    mask_and_clamp = operand_def(i32)
    kind = prop_def(ReduxKindAttr)
    abs = prop_def(BoolAttr, default_value=_FALSE)
    nan = prop_def(BoolAttr, default_value=_FALSE)
    res = result_def()

    @classmethod
    def parse(cls, parser: Parser) -> ReduxOp:
        kind = ReduxKindAttr(ReduxKindAttr.parse_parameter(parser))
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        mask = parser.parse_unresolved_operand()
        attributes = parse_attr_dict(parser)
        parser.parse_punctuation(":")
        value_type = parser.parse_type()
        parser.parse_punctuation("->")
        return build_op(
            cls,
            operands=resolve(parser, [value, mask], [value_type, i32]),
            result_types=[parser.parse_type()],
            properties={"kind": kind, "abs": _FALSE, "nan": _FALSE},
            attributes=attributes,
        )

    def print(self, printer: Printer):
        printer.print_string(f" {self.kind.data.value} ")
        printer.print_list(self.operands, printer.print_operand)
        hidden = ["kind"] + [name for name in ("abs", "nan") if self.properties.get(name) == _FALSE]
        print_attr_dict(printer, self, hidden)
        printer.print_string(" : ")
        printer.print_attribute(self.val.type)
        printer.print_string(" -> ")
        printer.print_attribute(self.res.type)


NVVM = Dialect(
    "nvvm",
    [*SPECIAL_REGISTER_OPS.values(), Barrier0Op, ShflOp, VoteSyncOp, ReduxOp],
    [NVVMTargetAttr, ShflKindAttr, VoteSyncKindAttr, ReduxKindAttr],
)
