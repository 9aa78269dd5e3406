"""The earliest date a portfolio qualifies, computed from the dates where anything changes.

A check on day D depends on D through: the rule data in force (versions and overlays start
and end), date parameters (the end of the transition), the education entries (started,
completed), the employments (start, end; an open-ended one runs to D) and the month rule
(experience.py): a calendar month counts when the employments cover at least half of its
days, within the window of N months before D.

In a month in which nothing starts or ends (also not in the month N months back, at the far
end of each window), the check can only change on three days: the 1st (a new month enters
the window), the day on which half of the month has passed (the month itself counts), and
the day after the first month of the window drops below half. Every other month is looked at
day by day. Between two such days every check is the same, so the first qualifying one is
the earliest date, exact to the day, with the check run on a few days a month only.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from pydantic import BaseModel

from pzspec.errors import InputError
from pzspec.evaluate.engine import evaluate
from pzspec.load.catalog import Library, RuleBook
from pzspec.models.portfolio import Portfolio
from pzspec.models.result import CheckResult

Month = tuple[int, int]
QUALIFY = ("eligible", "eligible-transition")
DAY = dt.timedelta(days=1)
MAX_MONTHS = 1200  # a month parameter beyond 100 years is not a horizon


def qualifies(result: CheckResult | None) -> bool:
    return result is not None and result.verdict in QUALIFY


def add_months(month: Month, n: int) -> Month:
    year, m0 = divmod(month[0] * 12 + month[1] - 1 + n, 12)
    return year, m0 + 1


def month_of(day: dt.date) -> Month:
    return day.year, day.month


def days_in(month: Month) -> int:
    return calendar.monthrange(*month)[1]


def _walk(node: Any) -> Iterator[Any]:
    """Every model inside ``node`` (rule data: routes, conditions inside conditions)."""
    todo = [node]
    while todo:
        item = todo.pop()
        if isinstance(item, BaseModel):
            yield item
            todo.extend(getattr(item, name) for name in type(item).model_fields)
        elif isinstance(item, list | tuple):
            todo.extend(item)
        elif isinstance(item, dict):
            todo.extend(item.values())


class Books:
    """The rule book in force on each day, built once per combination of rule files."""

    __slots__ = ("_built", "library")

    def __init__(self, library: Library) -> None:
        self.library = library
        self._built: dict[tuple[int, ...], RuleBook | None] = {}

    def change_days(self) -> set[dt.date]:
        """The days the rule data in force changes (a version or overlay starts or ends)."""
        out: set[dt.date] = set()
        for src in self.library.sources:
            start = getattr(src.model, "valid_from", None)
            end = getattr(src.model, "valid_until", None)
            if isinstance(start, dt.date):
                out.add(start)
            if isinstance(end, dt.date) and end < dt.date.max:
                out.add(end + DAY)
        return out

    def on(self, day: dt.date) -> RuleBook | None:
        key = tuple(
            i
            for i, s in enumerate(self.library.sources)
            if getattr(s.model, "valid_from", dt.date.min) <= day
            and (getattr(s.model, "valid_until", None) or dt.date.max) >= day
        )
        if key not in self._built:
            try:
                self._built[key] = self.library.at(day)
            except InputError:  # no version in force that day: nobody qualifies then
                self._built[key] = None
        return self._built[key]

    def all(self) -> list[RuleBook]:
        return [b for b in self._built.values() if b is not None]


def _params(books: Iterable[RuleBook]) -> tuple[set[dt.date], set[int], int]:
    """Date parameters (and the day after), month windows, and the longest month count."""
    dates: set[dt.date] = set()
    windows: set[int] = set()
    longest = 0
    for book in books:
        for p in book.params.values():
            if isinstance(p.value, dt.date) and p.value < dt.date.max:
                dates |= {p.value, p.value + DAY}
            elif isinstance(p.value, int) and not isinstance(p.value, bool) and p.value > 0:
                longest = max(longest, min(p.value, MAX_MONTHS))
        for rule in (book.rules.defaults.experience, *_experience_rules(book)):
            windows.add(int(book.params[rule.window_months].value))  # type: ignore[arg-type]
        for node in _walk(book.rules):
            if getattr(node, "type", None) == "experience-months" and node.window:
                windows.add(int(book.params[node.window].value))  # type: ignore[arg-type]
    return dates, windows, longest


def _experience_rules(book: RuleBook) -> list[Any]:
    return [book.experience(pid) for pid in book.rules.profiles]


def _events(portfolio: Portfolio) -> tuple[set[dt.date], set[dt.date]]:
    """(days an employment starts or ends, days an education starts or is completed)."""
    jobs: set[dt.date] = set()
    for e in portfolio.experience:
        jobs.add(e.start)
        if e.end is not None:
            jobs.add(e.end + DAY)
    courses = {e.completed for e in portfolio.education}
    courses |= {e.started for e in portfolio.education if e.started is not None}
    return jobs, courses


class Calendar(NamedTuple):
    """The days on which a check can change, from ``as_of`` to the horizon."""

    as_of: dt.date
    horizon: dt.date
    dense: frozenset[Month]
    windows: frozenset[int]

    def days(self) -> Iterator[dt.date]:
        month = month_of(self.as_of)
        while dt.date(*month, 1) <= self.horizon:
            for day in self._in(month):
                if self.as_of <= day <= self.horizon:
                    yield day
            month = add_months(month, 1)

    def _in(self, month: Month) -> list[dt.date]:
        n = days_in(month)
        if month in self.dense:
            return [dt.date(*month, d) for d in range(1, n + 1)]
        days = {1, (n + 1) // 2}  # the month enters the window; half of it has passed
        for w in self.windows:  # the first month of the window drops below half
            far = days_in(add_months(month, -w))
            days.add(min(far // 2 + 1, n))
        if month == month_of(self.as_of):
            days.add(self.as_of.day)
        return [dt.date(*month, d) for d in sorted(days)]


def calendar_for(portfolio: Portfolio, books: Books, as_of: dt.date) -> Calendar:
    """Which days to look at: every day of a month in which something changes (or did so
    a window earlier), three a month otherwise; up to the horizon after which nothing can
    change any more (the last change plus the longest month count in the rule data)."""
    first = books.on(as_of)
    rule_days = books.change_days()
    dates, windows, longest = _params([first] if first else [])
    jobs, courses = _events(portfolio)
    later = {d for d in rule_days | dates | jobs | courses if d > as_of}
    for day in sorted(rule_days):  # the books of later rule data have parameters too
        if day > as_of:
            books.on(day)
    more_dates, more_windows, more_longest = _params(books.all())
    later |= {d for d in more_dates if d > as_of}
    windows |= more_windows
    longest = max(longest, more_longest)
    last = max(later | {as_of})
    end = add_months(month_of(last), longest + 2)
    horizon = dt.date(*end, days_in(end))
    dense = {month_of(d) for d in later}
    for d in jobs:
        dense |= {add_months(month_of(d), w) for w in windows}
    return Calendar(as_of, horizon, frozenset(dense), frozenset(windows))


class Found(NamedTuple):
    """The earliest qualifying day and its check (None: none before the horizon), the
    check on ``as_of`` and the last check looked at (what still blocks, when none)."""

    day: dt.date | None
    result: CheckResult | None
    first: CheckResult | None
    last: CheckResult | None


def check_on(portfolio: Portfolio, books: Books, day: dt.date, file: str) -> CheckResult | None:
    book = books.on(day)
    return evaluate(portfolio, book, day, file) if book is not None else None


def earliest(portfolio: Portfolio, library: Library, as_of: dt.date, file: str = "") -> Found:
    """The first day on or after ``as_of`` on which the check qualifies, verified: the check
    qualifies on it and not on the day before (unless that is before ``as_of``)."""
    books = Books(library)
    cal = calendar_for(portfolio, books, as_of)
    first = check_on(portfolio, books, as_of, file)
    last = first
    for day in cal.days():
        result = first if day == as_of else check_on(portfolio, books, day, file)
        last = result
        if not qualifies(result):
            continue
        if day > as_of and qualifies(check_on(portfolio, books, day - DAY, file)):
            raise AssertionError(f"plan: {day - DAY} qualifies before {day}")  # a bug
        return Found(day, result, first, result)
    return Found(None, None, first, last)
