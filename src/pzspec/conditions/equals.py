"""``equals``: a field has exactly the given value (text, true/false or a whole number)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pzspec.conditions.base import (
    Book,
    Cond,
    ConditionType,
    Context,
    Issue,
    Outcome,
    Use,
    get,
    missing_value,
    subject,
)
from pzspec.conditions.fields import FieldName, PortfolioField
from pzspec.messages import Message, msg


class EqualsCond(Cond):
    type: Literal["equals"]
    field: str
    value: str | bool | int


def evaluate(cond: EqualsCond, ctx: Context) -> Outcome:
    what = subject(cond, ctx.book, cond.field)
    actual = get(ctx, cond.field)
    if actual is None:
        return missing_value(cond, what, [])
    fact = msg("cond.value", field=what, value=actual)
    if actual == cond.value:
        return Outcome("met", [fact])
    need = msg(
        "cond.needed", field=FieldName(cond.field), key=cond.field, actual=actual, value=cond.value
    )
    return Outcome(cond.on_fail, [fact], [need])


def describe(cond: EqualsCond, book: Book) -> Message:
    return msg("describe.equals", field=FieldName(cond.field), value=cond.value)


def uses(cond: EqualsCond) -> list[Use]:
    return [Use("field", cond.field, 0)]


def check(cond: EqualsCond, field: PortfolioField) -> Iterator[Issue]:
    """The value is of the field's type: it could be equal."""
    value, kind = cond.value, field.type
    fits = {"bool": isinstance(value, bool), "text": isinstance(value, str)}.get(
        kind, isinstance(value, int) and not isinstance(value, bool)
    )
    if not fits:
        yield Issue(
            "value",
            msg("val.equals_value", field=cond.field, kind=msg(f"fieldtype.{kind}")),
            msg("hint.equals_value", kind=msg(f"fieldtype.{kind}")),
        )


TYPE = ConditionType(
    model=EqualsCond,
    evaluate=evaluate,
    describe=describe,
    uses=uses,
    compares=frozenset({"text", "bool", "number"}),
    check=check,
)
