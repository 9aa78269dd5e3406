"""``includes``: the list in a field contains all the given values."""

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


class IncludesCond(Cond):
    """The list in ``field`` contains all ``values``."""

    type: Literal["includes"]
    field: str
    values: list[str]


def evaluate(cond: IncludesCond, ctx: Context) -> Outcome:
    what = subject(cond, ctx.book, cond.field)
    actual = get(ctx, cond.field)
    if actual is None:
        return missing_value(cond, what, [])
    lacking = [v for v in cond.values if v not in actual]
    fact = msg("cond.includes", field=what, actual=actual or "-", required=cond.values)
    if not lacking:
        return Outcome("met", [fact])
    return Outcome(cond.on_fail, [fact], [msg("cond.lacking", field=what, values=lacking)])


def describe(cond: IncludesCond, book: Book) -> Message:
    return msg("describe.includes", field=FieldName(cond.field), value=cond.values)


def uses(cond: IncludesCond) -> list[Use]:
    """A course with a longer list counts more easily."""
    return [Use("field", cond.field, -1)]


TYPE = ConditionType(
    model=IncludesCond,
    evaluate=evaluate,
    describe=describe,
    uses=uses,
    compares=frozenset({"codes"}),
)
