"""Plain coercion of command-line values, without a pydantic ``TypeAdapter`` (issue 14).

typer 0.29 turns each value a command receives into its annotated type with a pydantic
``TypeAdapter`` that it builds, per parameter, the first time the command runs: for
``pzspec check FILE`` twelve adapters for options nobody gave, about 17 ms measured around
them. Most of that is pydantic's first schema build (the first adapter takes 14 ms), which
a check pays anyway when it validates its rule data; what the adapters add is about 5
million instructions (0.4 % of a cold check), and a TypeAdapter per option on every run.

``install`` gives each parameter of a command a ``PlainParam`` instead, for the kinds of
annotation pzspec's commands use: ``str``, ``bool``, ``int`` (with or without ``min`` and
``max``), ``Path``, enum choices, and ``list[str]`` / ``list[Path]`` (``X | None`` reaches
us as ``X``). It gives exactly what typer gives: the same value of the same type, and for
a refused value the same ``BadParameter`` (message, and a cause whose ``errors()`` names the
input, as ``cli.usage_errors`` reads it).

Where it is not sure (a number written as ``" 2"`` or ``1_000``, a path typer would refuse,
a value that is not a string) it hands the value to typer's own coercion, built then. Any
other annotation, or a parser, file or date option, keeps typer's coercion from the start.

The hook is private typer API (``typer.core._TyperParameter._runtime_param``, consulted by
``get_runtime_param``; ``typer._coercion.RuntimeParam``). ``hooks_present`` checks it is
there; when it is not, ``install`` does nothing and typer coerces as before (never a wrong
value). tests/test_cli_params.py fails when the plain path is not active with the installed
typer, so an upgrade that moves the hook is noticed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn, cast, get_args, get_origin

from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._display import get_error_msg
from typer._param_types import coerce_cli_choice, coerce_cli_path
from typer.core import _TyperParameter

Convert = Callable[[Any, Any, Context], Any]

# a whole number as a command line writes it; pydantic reads the same digits the same way
_PLAIN_INT = re.compile("[+-]?[0-9]{1,18}")
_ASCII_DIGIT = re.compile("[0-9]")
_NOT_INT = "Input should be a valid integer, unable to parse string as an integer"


class Unsure(Exception):
    """A value the plain coercion leaves to typer's own (the answer is typer's, word for word)."""


class Refused(ValueError):
    """Why a value was refused, shaped like the pydantic error typer raises from: its
    ``errors()`` gives the message and the input (``cli.usage_errors`` shows the input)."""

    def __init__(self, kind: str, message: str, value: object) -> None:
        super().__init__(message)
        self.kind, self.message, self.value = kind, message, value

    def errors(self) -> list[dict[str, Any]]:
        return [{"type": self.kind, "loc": (), "msg": self.message, "input": self.value}]


def refuse(kind: str, message: str, value: object, param: Any, ctx: Context) -> NoReturn:
    """Refuse ``value`` as typer's adapter does: its message, raised from its reason."""
    cause = Refused(kind, message, value)
    raise BadParameter(get_error_msg(cause), ctx=ctx, param=param) from cause


class PlainParam(RuntimeParam):
    """typer's coercion contract, kept without a TypeAdapter: ``convert`` turns one value
    (each item, when ``many``) or raises ``Unsure`` to leave the whole value to typer.
    Not a dataclass of its own (making one costs half a millisecond at every start); frozen
    as typer's ``RuntimeParam`` is."""

    convert: Convert
    many: bool

    def __init__(self, parameter_info: Any, annotation: Any, convert: Convert, many: bool) -> None:
        for name, value in (
            ("parameter_info", parameter_info),
            ("annotation", annotation),
            ("convert", convert),
            ("many", many),
        ):
            object.__setattr__(self, name, value)

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        try:
            if not self.many:
                return self.convert(value, param, ctx)
            items = value if isinstance(value, (list, tuple)) else [value]
            return [self.convert(item, param, ctx) for item in items]
        except Unsure:
            return self.typers._coerce_value(value, param=param, ctx=ctx)

    @cached_property
    def typers(self) -> RuntimeParam:
        """typer's own coercion of this parameter, built only when a value needs it."""
        descriptor = TypeDescriptor(
            annotation=self.annotation, parameter_info=self.parameter_info, file_annotation=None
        )
        return build_runtime_param(descriptor)


def hooks_present() -> bool:
    """Whether the installed typer still coerces through the hook ``install`` sets."""
    return (
        callable(getattr(_TyperParameter, "get_runtime_param", None))
        and "_runtime_param" in getattr(_TyperParameter, "__annotations__", {})
        and callable(getattr(RuntimeParam, "coerce", None))
        and "_coerce_value" in getattr(RuntimeParam, "__abstractmethods__", ())
        and list(getattr(RuntimeParam, "__dataclass_fields__", {}))
        == ["parameter_info", "annotation"]
    )


def install(params: Iterable[object]) -> None:
    """Give every typer parameter in ``params`` a ``PlainParam`` where its kind has one."""
    if not hooks_present():
        return
    for param in params:
        if not isinstance(param, _TyperParameter) or param.__dict__.get("_runtime_param"):
            continue
        plain = plain_param(param.type_descriptor)
        if plain is not None:
            param._runtime_param = plain


def plain_param(descriptor: TypeDescriptor) -> PlainParam | None:
    """The plain coercion of a parameter, or None to keep typer's."""
    info = descriptor.parameter_info
    if info.parser is not None or descriptor.is_file:
        return None
    annotation = descriptor.annotation
    origin: object = get_origin(annotation)
    many = origin is list
    if many:
        (item,) = get_args(annotation)
        convert = _plain_item(item, descriptor) if item in (str, Path) else None
    else:
        convert = _plain_item(annotation, descriptor)
    if convert is None:
        return None
    return PlainParam(parameter_info=info, annotation=annotation, convert=convert, many=many)


def _plain_item(annotation: Any, descriptor: TypeDescriptor) -> Convert | None:
    info = descriptor.parameter_info
    if annotation is str:
        return _str
    if annotation is bool:
        return _bool
    if annotation is int and not info.clamp:
        limits = (info.min, info.max)
        if not all(limit is None or type(limit) is int for limit in limits):
            return None  # a limit of 1.5: pydantic's words for it are its own
        return _int(cast("int | None", info.min), cast("int | None", info.max))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice(tuple(annotation), info.case_sensitive)
    if annotation is Path and info.path_type is None:
        return _path(info)
    return None


def _str(value: Any, param: Any, ctx: Context) -> str:
    if type(value) is not str:
        raise Unsure
    return value


def _bool(value: Any, param: Any, ctx: Context) -> bool:
    if not isinstance(value, bool):
        raise Unsure
    return value


def _int(low: int | None, high: int | None) -> Convert:
    def convert(value: Any, param: Any, ctx: Context) -> int:
        if type(value) is int:
            number = value
        elif type(value) is str and _PLAIN_INT.fullmatch(value):
            number = int(value)
        elif type(value) is str and not _ASCII_DIGIT.search(value):
            refuse("int_parsing", _NOT_INT, value, param, ctx)
        else:
            raise Unsure
        if low is not None and number < low:
            message = f"Input should be greater than or equal to {low}"
            refuse("greater_than_equal", message, value, param, ctx)
        if high is not None and number > high:
            message = f"Input should be less than or equal to {high}"
            refuse("less_than_equal", message, value, param, ctx)
        return number

    return convert


def _choice(choices: tuple[Any, ...], case_sensitive: bool) -> Convert:
    def convert(value: Any, param: Any, ctx: Context) -> Any:
        if not isinstance(value, (str, Enum)):
            raise Unsure
        try:
            return coerce_cli_choice(value, choices=choices, case_sensitive=case_sensitive, ctx=ctx)
        except ValueError as exc:
            refuse("value_error", f"Value error, {exc}", value, param, ctx)

    return convert


def _path(info: Any) -> Convert:
    def convert(value: Any, param: Any, ctx: Context) -> Any:
        if type(value) is str:
            value = Path(value)  # what pydantic's Path makes of a string
        elif not isinstance(value, Path):
            raise Unsure
        try:
            return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
        except BadParameter:
            raise Unsure from None  # typer's words name the path as it was written

    return convert
