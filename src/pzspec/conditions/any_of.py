"""``any-of``: at least one condition inside holds (the best of them counts)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pzspec.conditions.all_of import joined
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
    best,
    evaluate,
    label,
    recurse_uses,
)
from pzspec.messages import Message, msg

if TYPE_CHECKING:
    from pzspec.conditions.registry import Condition


class AnyOf(Cond):
    type: Literal["any-of"]
    conditions: list[Condition]


def evaluate_any(cond: AnyOf, ctx: Context) -> Outcome:
    parts = [evaluate(c, ctx) for c in cond.conditions]
    top = best(parts) if parts else Outcome("unmet")
    if top.status == "met":
        return Outcome("met", top.facts, [], top.params)
    facts = [f for p in parts for f in p.facts]
    params = [x for p in parts for x in p.params]
    name = label(cond, ctx.book)
    missing = [name] if name else [m for p in parts for m in p.missing]
    status: Decision = top.status if top.status == "review" else cond.on_fail
    if name:
        facts = [msg("cond.labelled", label=name, facts=Joined(facts))]
    return Outcome(status, facts, missing, params)


def describe(cond: AnyOf, book: Book) -> Message:
    return joined(cond.conditions, book, "describe.or")


def children(cond: AnyOf) -> list[tuple[Path_, Cond]]:
    return [(("conditions", i), c) for i, c in enumerate(cond.conditions)]


def uses(cond: AnyOf) -> list[Use]:
    return list(recurse_uses(cond.conditions))


TYPE = ConditionType(
    model=AnyOf,
    evaluate=evaluate_any,
    describe=describe,
    uses=uses,
    children=children,
)
