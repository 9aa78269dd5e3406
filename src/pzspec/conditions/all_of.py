"""``all-of``: every condition inside holds (unmet beats review beats met)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pzspec.conditions.base import (
    Book,
    Cond,
    ConditionType,
    Context,
    Decision,
    Joined,
    Outcome,
    Path_,
    Use,
    describe,
    evaluate_all,
    label,
    recurse_uses,
)
from pzspec.messages import Message, msg

if TYPE_CHECKING:
    from pzspec.conditions.registry import Condition


class AllOf(Cond):
    type: Literal["all-of"]
    conditions: list[Condition]


def evaluate(cond: AllOf, ctx: Context) -> Outcome:
    out = evaluate_all(cond.conditions, ctx)
    status: Decision = cond.on_fail if out.status == "unmet" else out.status
    name = label(cond, ctx.book)
    if not name:
        return Outcome(status, out.facts, out.missing, out.params)
    met = status == "met"
    return Outcome(status, [name] if met else out.facts, [] if met else [name], out.params)


def describe_all(cond: AllOf, book: Book) -> Message:
    return joined(cond.conditions, book, "describe.and")


def joined(conds: list[Condition], book: Book, word: str) -> Message:
    parts = Joined([describe(c, book) for c in conds], msg(word))
    return msg("cond.label", text=parts)


def children(cond: AllOf) -> list[tuple[Path_, Cond]]:
    return [(("conditions", i), c) for i, c in enumerate(cond.conditions)]


def uses(cond: AllOf) -> list[Use]:
    return list(recurse_uses(cond.conditions))


TYPE = ConditionType(
    model=AllOf,
    evaluate=evaluate,
    describe=describe_all,
    uses=uses,
    children=children,
)
