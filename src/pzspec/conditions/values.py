"""Parameter types and the values each may take.

A parameter's ``type`` fixes what values it may hold (24 months, never -5, ``true`` or a
date); a condition names the type it needs where it refers to a parameter, and a number
written inline in a condition must fit the type of the field it is compared with.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

ParamType = Literal["months", "days", "count", "share", "nlqf", "date", "codes"]
NUMERIC: frozenset[str] = frozenset({"months", "days", "count", "share", "nlqf"})
MONTHS: frozenset[str] = frozenset({"months"})
DATES: frozenset[str] = frozenset({"date"})
# whole numbers: (lowest, highest); a share is any number from 0 to 1
_RANGES: dict[str, tuple[int, int]] = {
    "months": (1, 1200),
    "days": (1, 1000),
    "count": (0, 1000),
    "nlqf": (1, 8),
}
DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2199, 12, 31))


def value_problem(kind: str, value: object) -> str | None:
    """Why ``value`` cannot be a parameter of type ``kind`` (a message id), or None."""
    if kind == "date":
        ok = isinstance(value, dt.date) and DATE_RANGE[0] <= value <= DATE_RANGE[1]
        return None if ok else "param.want.date"
    if kind == "codes":
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        return None if ok else "param.want.codes"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"param.want.{kind}"
    if kind == "share":
        return None if 0 <= value <= 1 else "param.want.share"
    low, high = _RANGES[kind]
    ok = isinstance(value, int) and low <= value <= high
    return None if ok else f"param.want.{kind}"
