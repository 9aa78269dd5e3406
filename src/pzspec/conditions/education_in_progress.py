"""``education-in-progress``: an education that would meet the profile's education
requirement once completed has started, and is planned to end by a date parameter.

Only in transition routes: anywhere else it would ask the education requirement about
itself.
"""

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
    label,
    param,
)
from pzspec.conditions.values import DATES
from pzspec.messages import Message, msg


class EducationInProgress(Cond):
    """An education that would meet the profile's education requirement once completed
    has started, and its planned completion lies no later than the date parameter ``by``."""

    type: Literal["education-in-progress"]
    by: str


def evaluate(cond: EducationInProgress, ctx: Context) -> Outcome:
    by = param(ctx.book, cond.by)
    what = label(cond, ctx.book) or msg("cond.in_progress", date=by)
    status, name = ctx.in_progress(by)
    if status == "unmet":
        fact = msg("cond.in_progress_none", field=what)
        return Outcome(cond.on_fail, [fact], [fact], [cond.by])
    fact = msg("cond.in_progress_found", field=what, name=name or "?")
    return Outcome(status, [fact], [] if status == "met" else [fact], [cond.by])


def describe(cond: EducationInProgress, book: Book) -> Message:
    return msg("cond.in_progress", date=param(book, cond.by))


def params(cond: EducationInProgress) -> list[ParamRef]:
    return [ParamRef("by", cond.by, DATES)]


def uses(cond: EducationInProgress) -> list[Use]:
    """A later date is more lenient."""
    return [Use("param", cond.by, -1)]


TYPE = ConditionType(
    model=EducationInProgress,
    evaluate=evaluate,
    describe=describe,
    params=params,
    uses=uses,
    transition_only=True,
)
