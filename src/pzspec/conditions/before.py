"""``before``: the date in a field lies before a date parameter."""

from __future__ import annotations

from typing import Literal

from pzspec.conditions.base import (
    Book,
    Cond,
    ConditionType,
    Context,
    Outcome,
    ParamRef,
    Use,
    get,
    missing_value,
    param,
    subject,
)
from pzspec.conditions.fields import FieldName
from pzspec.conditions.values import DATES
from pzspec.messages import Message, msg


class BeforeCond(Cond):
    """The date in ``field`` lies before the date parameter."""

    type: Literal["before"]
    field: str
    param: str


def evaluate(cond: BeforeCond, ctx: Context) -> Outcome:
    limit = param(ctx.book, cond.param)
    what = subject(cond, ctx.book, cond.field)
    actual = get(ctx, cond.field)
    if actual is None:
        return missing_value(cond, what, [cond.param])
    fact = msg("cond.before", field=what, actual=actual, limit=limit)
    ok = actual < limit
    return Outcome("met" if ok else cond.on_fail, [fact], [] if ok else [fact], [cond.param])


def describe(cond: BeforeCond, book: Book) -> Message:
    value = param(book, cond.param)
    return msg("describe.before", field=FieldName(cond.field), value=value)


def params(cond: BeforeCond) -> list[ParamRef]:
    return [ParamRef("param", cond.param, DATES)]


def uses(cond: BeforeCond) -> list[Use]:
    """A later limit is more lenient; a later date in the field is stricter."""
    return [Use("param", cond.param, -1), Use("field", cond.field, 1)]


TYPE = ConditionType(
    model=BeforeCond,
    evaluate=evaluate,
    describe=describe,
    params=params,
    uses=uses,
    compares=frozenset({"date"}),
)
