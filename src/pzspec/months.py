"""Month arithmetic for experience.

Rule: a calendar month counts when the periods, merged so that overlaps count once and
clipped to the window (never beyond the as-of date), cover at least half of its days.
So 2018-01-01..2019-12-31 is 24 months, a job from the 10th counts its first month and a
job ending on the 10th does not count its last.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

Month = tuple[int, int]


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive


def months_before(day: dt.date, months: int) -> dt.date:
    """The first day of a window of ``months`` months that ends on ``day`` (inclusive)."""
    year, month = divmod(day.year * 12 + (day.month - 1) - months, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last)) + dt.timedelta(days=1)


def merge(periods: Iterable[Period]) -> list[Period]:
    """Union of periods: overlapping or touching periods become one."""
    out: list[Period] = []
    for p in sorted(periods, key=lambda p: p.start):
        if out and p.start <= out[-1].end + dt.timedelta(days=1):
            if p.end > out[-1].end:
                out[-1] = Period(out[-1].start, p.end)
        else:
            out.append(p)
    return out


def clip(periods: Iterable[Period], start: dt.date | None, end: dt.date) -> list[Period]:
    out = []
    for p in periods:
        s = max(p.start, start) if start else p.start
        e = min(p.end, end)
        if s <= e:
            out.append(Period(s, e))
    return out


def counted_months(periods: Iterable[Period], start: dt.date | None, end: dt.date) -> list[Month]:
    """The calendar months that count, in order (see the module docstring for the rule)."""
    full: set[Month] = set()
    partial: dict[Month, int] = {}
    for p in merge(clip(periods, start, end)):
        first, last = (p.start.year, p.start.month), (p.end.year, p.end.month)
        if first == last:
            partial[first] = partial.get(first, 0) + (p.end - p.start).days + 1
            continue
        partial[first] = partial.get(first, 0) + _days_in(first) - p.start.day + 1
        partial[last] = partial.get(last, 0) + p.end.day
        # the months strictly between are wholly covered by this period
        for index in range(first[0] * 12 + first[1], last[0] * 12 + last[1] - 1):
            full.add((index // 12, index % 12 + 1))
    counted = full | {m for m, days in partial.items() if days * 2 >= _days_in(m)}
    return sorted(counted)


def _days_in(month: Month) -> int:
    return calendar.monthrange(month[0], month[1])[1]
