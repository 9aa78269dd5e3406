"""``when``: only when ``if`` holds must ``then`` hold; otherwise it does not apply."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from pzspec.conditions.base import (
    Book,
    Cond,
    ConditionType,
    Context,
    Outcome,
    Path_,
    Use,
    describe,
    evaluate,
    recurse_uses,
)
from pzspec.messages import Message, msg

if TYPE_CHECKING:
    from pzspec.conditions.registry import Condition


class When(Cond):
    """Only when ``if_`` holds must ``then`` hold; otherwise it does not apply."""

    type: Literal["when"]
    if_: Condition = Field(alias="if")
    then: Condition


def evaluate_when(cond: When, ctx: Context) -> Outcome:
    guard = evaluate(cond.if_, ctx)
    if guard.status != "met":
        return Outcome("met")
    return evaluate(cond.then, ctx)


def describe_when(cond: When, book: Book) -> Message:
    """Its own label is not used: the guard and what it asks are both worth saying."""
    return msg("describe.when", guard=describe(cond.if_, book), then=describe(cond.then, book))


def children(cond: When) -> list[tuple[Path_, Cond]]:
    return [(("if",), cond.if_), (("then",), cond.then)]


def uses(cond: When) -> list[Use]:
    """What makes the guard hold more easily makes the whole stricter, so it counts the
    other way round."""
    return [*recurse_uses([cond.if_], -1), *recurse_uses([cond.then])]


TYPE = ConditionType(
    model=When,
    evaluate=evaluate_when,
    describe=describe_when,
    uses=uses,
    children=children,
    labelled=False,
)
