"""``below``: a number field is below a parameter (or an inline value)."""

from __future__ import annotations

from typing import Literal

from pzspec.conditions import threshold
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


class BelowCond(Cond):
    """``field`` is below the parameter (or value)."""

    type: Literal["below"]
    field: str
    param: str | None = None
    value: int | float | None = None


def evaluate(cond: BelowCond, ctx: Context) -> Outcome:
    limit, params = threshold.threshold(cond, ctx)
    what = subject(cond, ctx.book, cond.field)
    actual = get(ctx, cond.field)
    if actual is None:
        return missing_value(cond, what, params)
    fact = msg("cond.below", field=what, actual=actual, limit=limit)
    return Outcome("met" if actual < limit else cond.on_fail, [fact], [], params)


def describe(cond: BelowCond, book: Book) -> Message:
    value = threshold.shown(cond, book)
    return msg("describe.below", field=FieldName(cond.field), value=value)


def uses(cond: BelowCond) -> list[Use]:
    """A higher limit is more lenient; a course with a higher value counts less easily."""
    found = [Use("param", cond.param, -1)] if cond.param else []
    return [*found, Use("field", cond.field, 1)]


TYPE = ConditionType(
    model=BelowCond,
    evaluate=evaluate,
    describe=describe,
    params=threshold.params,
    uses=uses,
    compares=frozenset({"number"}),
    check=threshold.check,
)
