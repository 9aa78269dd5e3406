"""``min``: a number field is at least a parameter (or an inline value).

With ``fallback: employment-fte-share-during-course`` a missing placement share is derived
from the employments that overlap the course.
"""

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
from pzspec.conditions.placement import placement
from pzspec.messages import Message, msg


class MinCond(Cond):
    """``field`` is at least the parameter (or value)."""

    type: Literal["min"]
    field: str
    param: str | None = None
    value: int | float | None = None
    fallback: Literal["employment-fte-share-during-course"] | None = None


def evaluate(cond: MinCond, ctx: Context) -> Outcome:
    required, params = threshold.threshold(cond, ctx)
    what = subject(cond, ctx.book, cond.field)
    actual = get(ctx, cond.field)
    code = "cond.min"
    if actual is None and cond.fallback == "employment-fte-share-during-course":
        derived = placement(cond, ctx, what, required, params)
        if isinstance(derived, Outcome):
            return derived
        actual = derived
        code = "cond.min_derived"
    if actual is None:
        return missing_value(cond, what, params)
    fact = msg(code, field=what, actual=actual, required=required)
    if actual >= required:
        return Outcome("met", [fact], [], params)
    return Outcome(cond.on_fail, [fact], [fact], params)


def describe(cond: MinCond, book: Book) -> Message:
    value = threshold.shown(cond, book)
    return msg("describe.min", field=FieldName(cond.field), value=value)


def uses(cond: MinCond) -> list[Use]:
    """A higher minimum is stricter; a course with a higher value counts more easily."""
    found = [Use("param", cond.param, 1)] if cond.param else []
    return [*found, Use("field", cond.field, -1)]


TYPE = ConditionType(
    model=MinCond,
    evaluate=evaluate,
    describe=describe,
    params=threshold.params,
    uses=uses,
    compares=frozenset({"number"}),
    check=threshold.check,
)
