"""Turn parsed YAML into models, and every validation problem into a ``Problem``.

Problems carry coded messages (``err.unknown_key``, ``hint.did_you_mean`` ...) with raw
arguments; a value from the file passes ``errors.echo`` or ``errors.shown`` first, so no
personal data and no control character reaches a message. ``closest`` is the one
"did you mean" helper; ``unknown_hint`` gives its hint or the list of choices.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pzspec.errors import InputError, Problem, echo, secrets_of, shown
from pzspec.load import yamlio
from pzspec.load.hints import closest, unknown_hint
from pzspec.load.placeholders import read_as_written
from pzspec.load.portfolio_ids import id_problems
from pzspec.load.spelling import normalised
from pzspec.load.value_hints import (
    bool_hint,
    curly_problem,
    curly_quoted,
    date_hint,
    decimal_fix,
    to_number,
)
from pzspec.messages import Message, msg
from pzspec.models.portfolio import FORMAT, Portfolio
from pzspec.models.rules import RuleSet

__all__ = ["closest", "load_portfolio", "parse_portfolio", "problems_from", "unknown_hint"]

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string_type": "type.string",
    "int_type": "type.int",
    "int_from_float": "type.int",
    "float_type": "type.number",
    "bool_type": "type.bool",
    "date_type": "type.date",
    "list_type": "type.list",
    "model_type": "type.mapping",
    "dict_type": "type.mapping",
    "model_attributes_type": "type.mapping",
}


def _type_name(value: Any) -> Message:
    """The kind of ``value`` ("tekst", "een lijst", ...) as a message."""
    if value is None:
        return msg("type.null")
    if isinstance(value, bool):
        return msg("type.bool")
    if isinstance(value, int):
        return msg("type.int")
    if isinstance(value, float):
        return msg("type.number")
    if isinstance(value, list):
        return msg("type.list")
    if isinstance(value, dict):
        return msg("type.mapping")
    if hasattr(value, "isoformat"):
        return msg("type.date")
    return msg("type.string")


def _field_names(model: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    """The keys allowed at ``path`` inside ``model`` (aliases where a field has one)."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
        if field is None:
            return []
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _data_loc(data: Any, raw: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """pydantic's location without its own labels (``function-after[...]``, ``list[str]``).

    A part that is a key or index in the data is always kept, even if it looks like a label
    (a key may well contain '[').
    """
    loc: list[str | int] = []
    current: Any = data
    for part in raw:
        in_dict = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            current = current[part]
        elif isinstance(part, str) and ("[" in part or part.startswith("function")):
            continue
        else:
            current = None
        loc.append(part)
    return tuple(loc)


Found = tuple[int | None, int | None, Message, Message | None]
"""Line, column, message and hint of one pydantic error."""


def problems_from(
    exc: ValidationError, doc: yamlio.Document, model: type[BaseModel]
) -> list[Problem]:
    """pydantic's errors as problems at their place in ``doc``, each once."""
    problems: list[Problem] = []
    seen: set[tuple[int | None, int | None, str]] = set()
    secrets = secrets_of(doc.data)
    for err in exc.errors():
        loc = _data_loc(doc.data, err["loc"])
        line, col, message, hint = _problem(err, loc, doc, model, secrets)
        marker = (line, col, repr(message))
        if marker in seen:
            continue
        seen.add(marker)
        problems.append(Problem(doc.file, line, col, message, hint))
    return problems


def _problem(
    err: Any,
    loc: tuple[str | int, ...],
    doc: yamlio.Document,
    model: type[BaseModel],
    secrets: tuple[str, ...],
) -> Found:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        return _extra(loc, doc, model, secrets)
    if kind in ("course_or_kind", "activity_period", "ends_before_start"):
        at = (*loc, ctx["to_key"]) if "to_key" in ctx else loc  # at the end date
        return (*doc.where(at), msg(f"err.{kind}", **ctx), msg(f"hint.{kind}"))
    if kind == "value_missing":
        owner = loc[-2] if len(loc) > 1 else ""
        name = _at(doc.data, (*loc[:-1], "id")) if isinstance(owner, int) else owner
        message = msg("err.value_missing", id=shown(name))
        return (*doc.where(loc, key=True), message, msg("hint.value_missing"))
    if kind in ("param_value", "param_type"):
        value = _at(doc.data, (*loc, "value"))
        line, col = doc.where((*loc, "value") if kind == "param_value" else loc)
        message = msg(f"err.{kind}", id=shown(ctx.get("id")), value=_shown_value(value))
        return line, col, message, msg(str(ctx.get("want", "param.want.type")))
    if kind == "union_tag_invalid":
        line, col = doc.where((*loc, "type"))
        tag = echo(ctx.get("tag"), secrets)
        message = msg("err.unknown_id", what=msg("what.condition"), value=tag)
        tags = str(ctx.get("expected_tags", "")).replace("'", "").split(", ")
        return line, col, message, msg("hint.choices", choices=tags)
    key = _key_name(loc, secrets)
    value = err.get("input")
    if curly_quoted(value) and kind != "missing":
        return (*doc.where(loc), *curly_problem(loc, secrets, text=kind.startswith("string")))
    if kind == "missing":
        line, col = doc.where(loc[:-1])
        return line, col, msg("err.missing_key", key=key), msg("hint.missing_key", key=key)
    number_hint = _number_hint(kind, value, model, loc)
    if kind in _TYPE_NAMES:
        expected = msg(_TYPE_NAMES[kind])
        message = msg("err.wrong_type", key=key, expected=expected, got=_type_name(value))
        return (*doc.where(loc), message, number_hint or _type_hint(kind, value))
    message = msg("err.bad_value", key=key, reason=_reason(err))
    return (*doc.where(loc), message, number_hint)


def _number_hint(
    kind: str, value: Any, model: type[BaseModel], loc: tuple[str | int, ...]
) -> Message | None:
    """The number to write for ``0,67``, ``60%`` or (for a share from 0 to 1) ``60``."""
    if kind not in ("float_type", "less_than_equal", "greater_than"):
        return None
    share = _upper_bound(model, loc) == 1.0
    fix = decimal_fix(value, share=share)
    if fix is None:
        return None
    fraction = share and float(fix) != to_number(value)  # 60% or 60 -> 0.6, not 0,6 -> 0.6
    return msg("hint.share_fraction" if fraction else "hint.decimal_point", value=fix)


def _upper_bound(model: type[BaseModel], loc: tuple[str | int, ...]) -> float | None:
    """The ``le`` bound of the number field at ``loc`` in ``model``, if it has one."""
    current: Any = model
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
        if info is None:
            return None
        current = _model_in(info.annotation)
    todo: list[Any] = list(info.metadata) if info else []
    todo += getattr(info.annotation, "__args__", ()) if info else ()
    while todo:
        item = todo.pop()
        bound = getattr(item, "le", None)
        if isinstance(bound, int | float):
            return float(bound)
        todo += getattr(item, "__metadata__", ()) or getattr(item, "metadata", ())
    return None


def _key_name(loc: tuple[str | int, ...], secrets: tuple[str, ...]) -> str | Message:
    """The key a message names: ``days``, or ``education[2]`` for an item of a list."""
    key = str(loc[-1]) if loc else ""
    if loc and isinstance(loc[-1], int):
        key = f"{loc[-2]}[{loc[-1]}]" if len(loc) > 1 else key
    return echo(key, secrets, 100)


def _extra(
    loc: tuple[str | int, ...],
    doc: yamlio.Document,
    model: type[BaseModel],
    secrets: tuple[str, ...],
) -> Found:
    """A key the model does not know: the closest known key, or all of them."""
    line, col = doc.where(loc, key=True)
    known = _field_names(model, loc[:-1])
    hint = unknown_hint(str(loc[-1]), known, secrets, otherwise=("hint.known_keys", "known"))
    return line, col, msg("err.unknown_key", key=echo(loc[-1], secrets)), hint


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _shown_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, list):
        return shown("[" + ", ".join(str(v) for v in value) + "]", 40)
    return shown(value, 40) if isinstance(value, str | int | float) else type(value).__name__


def _type_hint(kind: str, value: Any) -> Message | None:
    if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        return msg("hint.quote_value")
    if kind == "date_type":
        return date_hint(value)
    if kind == "bool_type":
        return bool_hint(value)
    return None


def _reason(err: Any) -> Message | str:
    """Why a value is refused; a bound as pydantic gives it (``0.0`` stays ``0.0``)."""
    ctx = err.get("ctx") or {}
    kind = err["type"]
    if kind == "greater_than_equal":
        return msg("reason.at_least", limit=str(ctx["ge"]))
    if kind == "greater_than":
        gt = ctx.get("gt")
        return msg("reason.more_than", limit=f"{gt:g}" if isinstance(gt, float) else str(gt))
    if kind == "less_than_equal":
        return msg("reason.at_most", limit=str(ctx["le"]))
    if kind == "string_pattern_mismatch":
        big = "\\d{11}" in str(ctx.get("pattern", ""))
        return msg("reason.big_digits" if big else "reason.form")
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        first, sep, last = expected.rpartition(" or ")
        choices = msg("words.or", first=first, last=last) if sep else expected
        return msg("reason.choose", choices=choices)
    return str(err.get("msg", kind))


def validate(doc: yamlio.Document, model: type[M]) -> M:
    if not isinstance(doc.data, dict):
        raise InputError.single(doc.file, msg("err.not_mapping"), msg("hint.not_mapping"), 1, 1)
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError(problems_from(exc, doc, model)) from None


def _check_format(doc: yamlio.Document, expected: str) -> None:
    data = doc.data
    if not isinstance(data, dict):
        raise InputError.single(doc.file, msg("err.not_mapping"), msg("hint.not_mapping"), 1, 1)
    value = data.get("pzspec")
    hint = msg("hint.format_version", expected=expected)
    if value is None:
        raise InputError.single(doc.file, msg("err.missing_key", key="pzspec"), hint, 1, 1)
    if value != expected:
        line, col = doc.where(("pzspec",))
        # a scalar is shown (shortened); a list or mapping only by its type, never its content
        scalar = isinstance(value, str | int | float)
        found = echo(value, secrets_of(data), 40) if scalar else _type_name(value)
        message = msg("err.format_version", value=found, expected=expected)
        raise InputError.single(doc.file, message, hint, line, col)


def load_portfolio(
    path: Path, rules: RuleSet, withdrawn: Collection[str] = ()
) -> tuple[Portfolio, yamlio.Document]:
    doc = yamlio.load(path, collect=True)
    return parse_portfolio(doc, rules, withdrawn), doc


def parse_portfolio(
    doc: yamlio.Document, rules: RuleSet, withdrawn: Collection[str] = ()
) -> Portfolio:
    """The portfolio in ``doc``, its ids spelled as ``rules`` spells them
    (``pzspec.load.spelling``); a course an overlay withdrew is known (it no longer counts,
    and the report says so) rather than unknown. Every problem of the file is reported at
    once: the structure and the ids, in the order of the file."""
    _check_format(doc, FORMAT)
    as_written, left_over = read_as_written(doc)  # template examples, blanks as absent
    data, unrecognised = normalised(as_written, rules, withdrawn)
    # values the YAML reader could not use (read with collect=True) come with the rest
    problems = [*doc.refused, *left_over, *id_problems(unrecognised, doc, rules)]
    ready = doc.with_data(data)
    try:
        portfolio = Portfolio.model_validate(data)
    except ValidationError as exc:
        taken = {(p.line, p.column) for p in problems}
        problems += [
            p for p in problems_from(exc, ready, Portfolio) if (p.line, p.column) not in taken
        ]
        portfolio = None
    if problems or portfolio is None:
        raise InputError(sorted(problems, key=_place))
    return portfolio


def _place(problem: Problem) -> tuple[int, int]:
    return problem.line or 0, problem.column or 0
