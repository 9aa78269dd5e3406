"""Values in a diff: as JSON carries them, as a change shows them, and which way they moved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from pzspec.messages import Message, msg
from pzspec.models.base import LText


def plain(value: Any) -> Any:
    """A value as JSON can carry it; rule-data texts (``LText``) and messages stay as they
    are, for the renderer to word in the report's language."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, LText | Message):
        return value
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True, by_alias=True)
    if isinstance(value, set | frozenset):
        return sorted(plain(v) for v in value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def dumped(value: LText | None) -> dict[str, str] | None:
    """A rule-data text as JSON carries it in both languages."""
    return value.model_dump(exclude_none=True) if value is not None else None


def same(a: Any, b: Any) -> bool:
    return bool(a == b) and isinstance(a, bool) == isinstance(b, bool)


def sign(a: Any, b: Any) -> int | None:
    """+1 when ``b`` is more than ``a`` (later for dates), -1 when less, 0 when equal, None
    when the two cannot be ordered."""
    if same(a, b):
        return 0
    if isinstance(a, bool) or isinstance(b, bool):
        return None
    if isinstance(a, int | float) and isinstance(b, int | float):
        return 1 if b > a else -1
    if isinstance(a, dt.date) and isinstance(b, dt.date):
        return 1 if b > a else -1
    return None


def set_sign(a: Iterable[Any], b: Iterable[Any]) -> int | None:
    """+1 when ``b`` holds more than ``a`` (a strict superset), -1 when less, 0 when equal."""
    x, y = set(a), set(b)
    if x == y:
        return 0
    if y > x:
        return 1
    if y < x:
        return -1
    return None


def value_sign(a: Any, b: Any) -> int | None:
    """``set_sign`` for two lists, ``sign`` for anything else."""
    if isinstance(a, list) and isinstance(b, list):
        return set_sign(a, b)
    return sign(a, b)


def direction(change: int | None, uses: set[int]) -> int | None:
    """Combine the direction of a change with how a value is used: +1 stricter, -1 more
    lenient, 0 no effect (nothing uses it), None unknown."""
    if not uses:
        return 0
    if change == 0:
        return 0
    if change is None or len(uses) != 1 or 0 in uses:
        return None
    return change * next(iter(uses))


def amount(value: Any, unit: str | None) -> Any:
    """A parameter's value with its unit (``24 maanden``): ``diff.amount``, whose ``unit``
    the renderer words (rule data writes units in Dutch); shares have no unit."""
    if not unit or unit == "aandeel":
        return value
    return msg("diff.amount", value=value, unit=unit)
