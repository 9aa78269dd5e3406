"""What ``min`` and ``below`` share: a number field against a parameter or inline value."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pzspec.conditions.base import Book, Context, Issue, ParamRef, param
from pzspec.conditions.fields import FIELD_PARAM_TYPES, PortfolioField
from pzspec.conditions.values import NUMERIC, value_problem
from pzspec.messages import msg


def threshold(cond: Any, ctx: Context) -> tuple[Any, list[str]]:
    """The number to compare with, and the parameters it came from."""
    if cond.param is not None:
        return param(ctx.book, cond.param), [cond.param]
    return cond.value, []


def shown(cond: Any, book: Book) -> Any:
    return param(book, cond.param) if cond.param else cond.value


def params(cond: Any) -> list[ParamRef]:
    if not cond.param:
        return []
    kind = FIELD_PARAM_TYPES.get(cond.field)
    return [ParamRef("param", cond.param, frozenset({kind}) if kind else NUMERIC)]


def check(cond: Any, field: PortfolioField) -> Iterator[Issue]:
    """A number written inline fits the field (days: whole days, a share: 0 to 1)."""
    if cond.value is None or field.param is None:
        return
    problem = value_problem(field.param, cond.value)
    if problem:
        value = cond.value
        text = str(value).lower() if isinstance(value, bool) else str(value)
        yield Issue("value", msg("val.inline_value", field=cond.field, value=text), msg(problem))
