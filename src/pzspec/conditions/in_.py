"""``in``: a text field has one of the given values."""

from __future__ import annotations

from typing import Literal

from pzspec.conditions.base import (
    Book,
    Cond,
    ConditionType,
    Context,
    Outcome,
    Use,
    get,
    missing_value,
    subject,
)
from pzspec.conditions.fields import FieldName
from pzspec.messages import Message, msg


class InCond(Cond):
    type: Literal["in"]
    field: str
    values: list[str]


def evaluate(cond: InCond, ctx: Context) -> Outcome:
    what = subject(cond, ctx.book, cond.field)
    actual = get(ctx, cond.field)
    if actual is None:
        return missing_value(cond, what, [])
    fact = msg("cond.value", field=what, value=actual)
    if actual in cond.values:
        return Outcome("met", [fact])
    need = msg(
        "cond.one_of",
        field=FieldName(cond.field),
        key=cond.field,
        actual=actual,
        values=cond.values,
    )
    return Outcome(cond.on_fail, [fact], [need])


def describe(cond: InCond, book: Book) -> Message:
    return msg("describe.in", field=FieldName(cond.field), value=cond.values)


def uses(cond: InCond) -> list[Use]:
    return [Use("field", cond.field, 0)]


TYPE = ConditionType(
    model=InCond,
    evaluate=evaluate,
    describe=describe,
    uses=uses,
    compares=frozenset({"text"}),
)
