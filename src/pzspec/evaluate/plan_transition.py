"""What the transition arrangement can still do for a plan, per route, as of today.

A route that asks for months of experience is reachable only when those months can be there
before the arrangement closes: at the earliest when every month from today on counts. A
route whose outcome is an assessment leads to a review, not to "voldoet" by itself. Read
from the rule data (the routes and their conditions); nothing here knows a profession.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from pzspec.conditions.experience_months import ExperienceMonths
from pzspec.errors import InputError
from pzspec.evaluate.plan_dates import add_months, days_in, month_of
from pzspec.load.catalog import Library
from pzspec.messages import Message, msg
from pzspec.models.result import CheckResult, Requirement, Said
from pzspec.models.rules import Route


class RouteReach(NamedTuple):
    """One route of the transition as of today: what it asks (``missing``), whether it leads
    to an assessment (``review``), and, when it asks for months, when they can be there."""

    route: Route
    missing: Said
    review: bool
    months: int | None = None
    reached: dt.date | None = None
    until: dt.date | None = None
    as_of: dt.date = dt.date.min

    @property
    def late(self) -> bool:
        """The months it asks cannot be there before the arrangement closes."""
        return self.reached is not None and self.until is not None and self.reached > self.until


def months_after(day: dt.date, months: int) -> dt.date:
    """The day on which ``months`` more months have counted when one works from ``day`` on:
    a month counts from the day on which half of it is covered (the month rule)."""
    first = month_of(day)
    covered = days_in(first) - day.day + 1
    start = first if 2 * covered >= days_in(first) else add_months(first, 1)
    last = add_months(start, months - 1)
    half = (days_in(last) + 1) // 2
    if last == first:
        return day + dt.timedelta(days=half - 1)
    return dt.date(*last, half)


def _found(r: Requirement) -> int:
    """The months of relevant experience the check found for the transition today."""
    counts = [
        int(f.args.get("months", 0))
        for f in r.facts
        if isinstance(f, Message) and f.code == "cond.months_found"
    ]
    return max(counts, default=0)


def routes_today(library: Library, first: CheckResult | None, as_of: dt.date) -> list[RouteReach]:
    """The routes of an open, unmet transition on ``as_of`` (empty otherwise)."""
    if first is None or first.profile is None:
        return []
    r = next((q for q in first.requirements if q.id == "transition"), None)
    if r is None or r.status != "unmet" or r.open_until is None:
        return []
    until = dt.date.fromisoformat(r.open_until)
    if as_of > until:
        return []
    try:
        book = library.at(as_of)
    except InputError:
        return []
    routes = book.transition(first.profile).routes
    if len(routes) != len(r.missing):
        return []
    found = _found(r)
    out: list[RouteReach] = []
    for route, missing in zip(routes, r.missing, strict=True):
        review = route.outcome == "review"
        asks = [c for c in route.conditions if isinstance(c, ExperienceMonths)]
        if not asks:
            out.append(RouteReach(route, missing, review, until=until, as_of=as_of))
            continue
        months = max(int(book.params[c.min].value) for c in asks)  # type: ignore[arg-type]
        reached = as_of if found >= months else months_after(as_of, months - found)
        out.append(RouteReach(route, missing, review, months, reached, until, as_of))
    return out


def blocked_reason(reaches: list[RouteReach], today: Requirement) -> Said:
    """Why the transition does not help, said as it is today (it is still open)."""
    late = next((x for x in reaches if x.late), None)
    if late is not None and late.until is not None and late.reached is not None:
        return msg(
            "plan.blocked.transition_late",
            months=late.months,
            date=late.until,
            reached=late.reached,
        )
    return today.explanation
