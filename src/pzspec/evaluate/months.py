"""Month arithmetic: the window of N months before a date.

The month rule itself (a calendar month counts when the employments, overlaps counted once
and clipped to the window, cover at least half of its days, and their weighted shares reach
the threshold) lives in experience.py.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

Month = tuple[int, int]


class Period(NamedTuple):
    start: dt.date
    end: dt.date  # inclusive


def months_before(day: dt.date, months: int) -> dt.date:
    """The first day of a window of ``months`` months that ends on ``day`` (inclusive)."""
    year, month = divmod(day.year * 12 + (day.month - 1) - months, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last)) + dt.timedelta(days=1)
