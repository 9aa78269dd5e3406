"""Plans for many files: the core behind ``pzspec plan`` (no terminal I/O here).

Like ``batch.check_many``: outcomes in input order, one at a time, spread over worker
processes when there are many files; and a tally of when the portfolios qualify, for an
employer planning its staff (now, within 6, 12 and 24 months, later, never without change).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from pzspec.errors import InputError, Problem
from pzspec.evaluate.batch import exit_status, spread
from pzspec.evaluate.plan import Plan, plan
from pzspec.evaluate.plan_dates import add_months, days_in, month_of
from pzspec.load import loader
from pzspec.load.catalog import Library
from pzspec.messages import Record

BUCKETS = ("now", "6", "12", "24", "later", "never")
"""When a portfolio qualifies: on the as-of date, within 6, 12 or 24 months, later, or
never without a change (the summary of ``pzspec plan``)."""


class PlanOutcome(NamedTuple):
    """The plan for one file, or the problems that kept it from being planned (a record:
    ``_replace`` gives a changed copy)."""

    file: str
    plan: Plan | None = None
    problems: tuple[Problem, ...] = ()
    internal: str | None = None  # an unexpected error in pzspec itself (a bug), by type
    bucket: str | None = None  # kept when ``plan`` is dropped after rendering
    verdict: str | None = None
    piece: str = ""


PlanFinish = Callable[[PlanOutcome], PlanOutcome]


def within(as_of: dt.date, months: int) -> dt.date:
    """The day ``months`` calendar months after ``as_of`` (the last day of a shorter month)."""
    month = add_months(month_of(as_of), months)
    return dt.date(*month, min(as_of.day, days_in(month)))


def bucket(p: Plan) -> str:
    if p.earliest is None:
        return "never"
    if p.earliest == p.as_of:
        return "now"
    for months in (6, 12, 24):
        if p.earliest <= within(p.as_of, months):
            return str(months)
    return "later"


def plan_file(path: Path, library: Library, as_of: dt.date) -> PlanOutcome:
    """One portfolio planned; read against the rule book in force on ``as_of``."""
    try:
        book = library.at(as_of)
        portfolio, _ = loader.load_portfolio(path, book.rules, book.withdrawn)
    except InputError as exc:
        return PlanOutcome(str(path), problems=tuple(exc.problems))
    try:
        found = plan(portfolio, library, as_of, str(path))
    except Exception as exc:  # a bug must not stop a batch; the CLI reports it and exits 70
        return PlanOutcome(str(path), internal=type(exc).__name__)
    return PlanOutcome(str(path), plan=found, bucket=bucket(found), verdict=found.verdict)


def _planned(state: tuple[Library, dt.date, PlanFinish | None], path: Path) -> PlanOutcome:
    library, as_of, finish = state
    outcome = plan_file(path, library, as_of)
    return finish(outcome) if finish else outcome


def plan_many(
    paths: list[Path],
    library: Library,
    as_of: dt.date,
    *,
    jobs: int = 1,
    finish: PlanFinish | None = None,
) -> Iterator[PlanOutcome]:
    """Outcomes in the order of ``paths``; with ``jobs`` > 1 the work is spread over forked
    processes that inherit ``library`` (``batch.spread``, as ``diff --portfolios`` does)."""
    yield from spread(_planned, (library, as_of, finish), paths, jobs=jobs)


class PlanTally(Record):
    """How many portfolios qualify when, and the verdicts today (for the exit status)."""

    __slots__ = ("buckets", "verdicts")
    _fields = ("buckets", "verdicts")

    def __init__(self) -> None:
        self.buckets: Counter[str] = Counter()
        self.verdicts: Counter[str] = Counter()

    def add(self, outcome: PlanOutcome) -> None:
        if outcome.internal:
            self.verdicts["internal"] += 1
        elif outcome.problems:
            self.verdicts["error"] += 1
        elif outcome.bucket is not None:
            self.buckets[outcome.bucket] += 1
            self.verdicts[outcome.verdict or "not-eligible"] += 1

    @property
    def planned(self) -> int:
        return self.buckets.total()

    def by(self, name: str) -> int:
        """How many qualify by the end of bucket ``name`` (now, 6, 12, 24): cumulative."""
        upto = BUCKETS[: BUCKETS.index(name) + 1]
        return sum(self.buckets[b] for b in upto)

    @property
    def exit_status(self) -> int:
        """As ``pzspec check``, on the verdicts of today."""
        return exit_status(self.verdicts)
