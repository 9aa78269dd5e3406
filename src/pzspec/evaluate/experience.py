"""Which months of a person's work count as relevant experience.

The shares are the person's, not one job's: the Basisprofiel speaks of "het deel van je
aanstelling" (seed 000, r. 196) and of "de helft van de aanstellingsuren" (r. 802-804). So
in each calendar month the shares of every employment covering part of it are weighted by
its FTE times the days it covers. A month counts when the employments together cover at
least half of its days (months.py) and the weighted patient share or the weighted FTE share
reaches its threshold.

Three-valued: an FTE or share that is missing is given its extreme values; when the answer
is the same at both extremes it stands, otherwise the month is unknown, and the fields that
could decide it are named (only the missing ones that matter, never a known one).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Sequence
from typing import Literal, NamedTuple

from pzspec.messages import Record
from pzspec.models.portfolio import Employment

Month = tuple[int, int]
Answer = Literal["yes", "no", "unknown"]
PATIENT = "palliative_patient_share"
FTE_SHARE = "palliative_fte_share"
FTE = "fte"
MAX_FTE = 2.0  # the highest FTE a portfolio may give (models/portfolio.py)
TINY = 1e-6  # the lowest: fte must be above 0
EPSILON = 1e-9  # shares are compared to thresholds with this margin for rounding
MAX_UNKNOWN_WEIGHTS = 6  # beyond this, bounds from the shares alone (still sound, wider)


class Part(NamedTuple):
    """One employment's part in a period: its FTE, days covered and share (None: unknown)."""

    job: int
    fte: float | None
    days: int
    share: float | None


def share_bounds(parts: Sequence[Part]) -> tuple[float, float]:
    """The lowest and highest FTE-weighted share the parts allow."""
    low = [p.share if p.share is not None else 0.0 for p in parts]
    high = [p.share if p.share is not None else 1.0 for p in parts]
    open_ = [i for i, p in enumerate(parts) if p.fte is None]
    if len(open_) > MAX_UNKNOWN_WEIGHTS:
        return min(low), max(high)
    lows, highs = [], []
    for corner in itertools.product((TINY, MAX_FTE), repeat=len(open_)):
        fte = [p.fte for p in parts]
        for i, value in zip(open_, corner, strict=True):
            fte[i] = value
        weights = [(f or TINY) * p.days for f, p in zip(fte, parts, strict=True)]
        total = sum(weights)
        lows.append(sum(w * s for w, s in zip(weights, low, strict=True)) / total)
        highs.append(sum(w * s for w, s in zip(weights, high, strict=True)) / total)
    return min(lows), max(highs)


def decide(
    parts: Sequence[Part], threshold: float, name: str
) -> tuple[Answer, set[tuple[int, str]]]:
    """Does the weighted share reach ``threshold``? With the fields that would decide it."""
    low, high = share_bounds(parts)
    if low >= threshold - EPSILON:  # 0.1 / 0.2 is 0.5, not 0.49999999999999994
        return "yes", set()
    if high < threshold - EPSILON:
        return "no", set()
    need = {(p.job, name) for p in parts if p.share is None}
    if len({p.job for p in parts}) > 1:
        need |= {(p.job, FTE) for p in parts if p.fte is None}
    return "unknown", need


class Months(Record):
    """The months of a window: those that count, those that might, and what would decide."""

    __slots__ = ("counted", "needed", "unknown")
    _fields = ("counted", "unknown", "needed")

    def __init__(
        self,
        counted: list[Month] | None = None,
        unknown: list[Month] | None = None,
        needed: list[tuple[int, str]] | None = None,
    ) -> None:
        self.counted: list[Month] = [] if counted is None else counted
        self.unknown: list[Month] = [] if unknown is None else unknown
        self.needed: list[tuple[int, str]] = [] if needed is None else needed


def _days_in(month: Month) -> int:
    return calendar.monthrange(month[0], month[1])[1]


def _covered(spans: Iterable[tuple[dt.date, dt.date]]) -> int:
    """Days covered by the union of inclusive spans."""
    total, last = 0, None
    for start, end in sorted(spans):
        if last is not None and start <= last:
            start = last + dt.timedelta(days=1)  # noqa: PLW2901
        if start <= end:
            total += (end - start).days + 1
            last = end if last is None or end > last else last
    return total


@functools.lru_cache(maxsize=16)
def _calendar(base: int, count: int) -> tuple[Month, ...]:
    """``count`` months from month number ``base`` (year * 12 + month - 1) on: the same few
    windows for every portfolio of a batch (a window from a first employment differs per
    portfolio, so only a few are kept). Each month gets its label in ``LABELS``."""
    months = tuple((n // 12, n % 12 + 1) for n in range(base, base + count))
    LABELS.update((m, f"{m[0]:04d}-{m[1]:02d}") for m in months if m not in LABELS)
    return months


LABELS: dict[Month, str] = {}
"""``YYYY-MM`` of every month ``Counter.months`` has given (at most one per month of the
calendar between the earliest date a portfolio can hold and the latest as-of date asked)."""


def _record(
    out: Months,
    months: Sequence[Month],
    found: tuple[Answer, set[tuple[int, str]]],
    needed: dict[tuple[int, str], None],
) -> None:
    answer, need = found
    if answer == "yes":
        out.counted.extend(months)
    elif answer == "unknown":
        out.unknown.extend(months)
        needed.update(dict.fromkeys(sorted(need)))


class Counter:
    """Counts months for one portfolio on one date; results are kept per window."""

    def __init__(
        self, jobs: Sequence[Employment], as_of: dt.date, patient: float, fte_share: float
    ) -> None:
        self.jobs = [j for j in jobs if j.start <= as_of]
        self.as_of = as_of
        self.thresholds = ((PATIENT, patient), (FTE_SHARE, fte_share))
        self._memo: dict[tuple[tuple[int, int], ...], tuple[Answer, set[tuple[int, str]]]] = {}
        self._ends = [min(j.end or as_of, as_of) for j in self.jobs]
        self._index = {id(j): i for i, j in enumerate(jobs)}

    def months(self, start: dt.date | None) -> Months:
        """The months from ``start`` (or the first employment) to the as-of date.

        Between two dates where an employment starts or ends the same employments cover
        every day, so the whole months of such a stretch are decided once; only months in
        which something changes are looked at day by day."""
        out = Months()
        if not self.jobs:
            return out
        first = start or min(j.start for j in self.jobs)
        base = first.year * 12 + first.month - 1
        count = self.as_of.year * 12 + self.as_of.month - 1 - base + 1
        wholes: list[tuple[int, int, tuple[Answer, set[tuple[int, str]]]]] = []
        for begin, end, active in self._stretches(first):
            low, high = max(begin, first), min(end, self.as_of)
            if low > high:
                continue
            a = low.year * 12 + low.month - 1 - base + (low.day != 1)
            b = (
                high.year * 12
                + high.month
                - 1
                - base
                - (high.day != _days_in((high.year, high.month)))
            )
            if a <= b:
                wholes.append((a, b, self._whole(active)))
        # the stretches follow each other, so do their whole months: between them are the
        # months in which something changes, decided one by one
        window = _calendar(base, count)
        needed: dict[tuple[int, str], None] = {}
        done = 0
        for a, b, found in wholes:
            for month in window[done:a]:
                _record(out, (month,), self._month(month, first), needed)
            _record(out, window[a : b + 1], found, needed)
            done = b + 1
        for month in window[done:]:
            _record(out, (month,), self._month(month, first), needed)
        out.needed = list(needed)
        return out

    def _stretches(self, first: dt.date) -> list[tuple[dt.date, dt.date, tuple[int, ...]]]:
        """Consecutive periods from ``first`` on with the same employments active."""
        day = dt.timedelta(days=1)
        cuts = {first, self.as_of + day, dt.date.max}
        for i, job in enumerate(self.jobs):
            cuts |= {job.start, self._ends[i] + day}
        ordered = sorted(c for c in cuts if c >= first)
        out = []
        for begin, nxt in itertools.pairwise(ordered):
            end = nxt - day
            active = tuple(
                i for i, j in enumerate(self.jobs) if j.start <= begin and self._ends[i] >= end
            )
            out.append((begin, end, active))
        return out

    def _whole(self, active: tuple[int, ...]) -> tuple[Answer, set[tuple[int, str]]]:
        """A month that the ``active`` employments cover from its first to its last day."""
        if not active:
            return "no", set()
        key = tuple((i, 30) for i in active)  # equal days: only the FTEs weigh
        if key not in self._memo:
            self._memo[key] = self._decide(key)
        return self._memo[key]

    def _month(self, month: Month, start: dt.date) -> tuple[Answer, set[tuple[int, str]]]:
        days = _days_in(month)
        low = max(dt.date(month[0], month[1], 1), start)
        high = min(dt.date(month[0], month[1], days), self.as_of)
        spans: list[tuple[int, dt.date, dt.date]] = []
        for i, job in enumerate(self.jobs):
            s, e = max(job.start, low), min(self._ends[i], high)
            if s <= e:
                spans.append((i, s, e))
        if not spans:
            return "no", set()
        if _covered((s, e) for _, s, e in spans) * 2 < days:  # less than half of the month
            return "no", set()
        key = tuple((i, (e - s).days + 1) for i, s, e in spans)
        if key not in self._memo:
            self._memo[key] = self._decide(key)
        return self._memo[key]

    def _decide(self, key: tuple[tuple[int, int], ...]) -> tuple[Answer, set[tuple[int, str]]]:
        answers: list[Answer] = []
        need: set[tuple[int, str]] = set()
        for name, threshold in self.thresholds:
            parts = [
                Part(
                    self._index[id(self.jobs[i])], self.jobs[i].fte, d, getattr(self.jobs[i], name)
                )
                for i, d in key
            ]
            answer, fields = decide(parts, threshold, name)
            if answer == "yes":
                return "yes", set()
            answers.append(answer)
            need |= fields
        return ("unknown", need) if "unknown" in answers else ("no", set())


def weighted_now(
    jobs: Sequence[Employment], as_of: dt.date
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The weighted (lowest, highest) patient and FTE shares of the employments running on
    ``as_of``, when more than one runs then (with one, its own shares say it all)."""
    running = [j for j in jobs if j.start <= as_of and (j.end is None or j.end >= as_of)]
    if len(running) < 2:
        return None

    def side(name: str) -> tuple[float, float]:
        return share_bounds([Part(i, j.fte, 1, getattr(j, name)) for i, j in enumerate(running)])

    return side(PATIENT), side(FTE_SHARE)


def placement_share(
    jobs: Sequence[Employment], start: dt.date, end: dt.date
) -> tuple[float, float, list[tuple[int, str]]] | None:
    """The FTE-weighted palliative FTE share of the employments during a course
    (lowest, highest, fields that would decide), or None when no employment overlaps."""
    parts = []
    for i, job in enumerate(jobs):
        s, e = max(job.start, start), min(job.end or end, end)
        if s <= e:
            parts.append(Part(i, job.fte, (e - s).days + 1, job.palliative_fte_share))
    if not parts:
        return None
    low, high = share_bounds(parts)
    need = [(p.job, FTE_SHARE) for p in parts if p.share is None]
    if len(parts) > 1:
        need += [(p.job, FTE) for p in parts if p.fte is None]
    return low, high, need
