"""``experience-months``: at least ``min`` months of relevant experience, ``window`` months
back (or ever)."""

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
from pzspec.conditions.values import MONTHS
from pzspec.messages import Message, msg


class ExperienceMonths(Cond):
    """At least ``min`` months of relevant experience (``window`` months back, or ever)."""

    type: Literal["experience-months"]
    min: str
    window: str | None = None


def evaluate(cond: ExperienceMonths, ctx: Context) -> Outcome:
    required = int(param(ctx.book, cond.min))
    window = int(param(ctx.book, cond.window)) if cond.window else None
    params = [cond.min] + ([cond.window] if cond.window else [])
    months, possible = ctx.experience_months(window)
    what = label(cond, ctx.book) or msg("cond.experience_months", months=required)
    fact = msg("cond.months_found", field=what, months=months)
    if months >= required:
        return Outcome("met", [fact], [], params)
    short = msg("cond.months_lacking", lacking=required - months, months=months, required=required)
    if possible >= required:
        return Outcome("review", [fact], [short], params)
    return Outcome(cond.on_fail, [fact], [short], params)


def describe(cond: ExperienceMonths, book: Book) -> Message:
    return msg("cond.experience_months", months=param(book, cond.min))


def params(cond: ExperienceMonths) -> list[ParamRef]:
    window = [ParamRef("window", cond.window, MONTHS)] if cond.window else []
    return [ParamRef("min", cond.min, MONTHS), *window]


def uses(cond: ExperienceMonths) -> list[Use]:
    """More months needed is stricter; a longer window is more lenient."""
    window = [Use("param", cond.window, -1)] if cond.window else []
    return [Use("param", cond.min, 1), *window]


TYPE = ConditionType(
    model=ExperienceMonths,
    evaluate=evaluate,
    describe=describe,
    params=params,
    uses=uses,
)
