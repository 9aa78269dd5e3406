"""Palliative work recorded as an activity on days no employment covers.

Activities never count as experience (only employments under ``experience`` do; domain
guide, ``practice``). An activity of a kind the rule data marks as ``work`` (a
consultatieteam, a PaTz group) on days outside every employment is work that could count if
it were recorded as an employment, so the experience requirement names it and says how.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from pzspec.messages import Message, msg
from pzspec.models.base import LText
from pzspec.models.portfolio import Activity, Portfolio
from pzspec.models.rules import RuleSet

DAY = dt.timedelta(days=1)
Span = tuple[dt.date, dt.date]  # inclusive


class OutsideWork(NamedTuple):
    """One work activity and the spans of it that no employment covers."""

    kind: LText
    spans: tuple[Span, ...]


def _minus(span: Span, covers: list[Span]) -> list[Span]:
    """The parts of ``span`` that none of ``covers`` (sorted by start) covers."""
    out: list[Span] = []
    start, end = span
    for c_start, c_end in covers:
        if c_end < start or c_start > end:
            continue
        if c_start > start:
            out.append((start, c_start - DAY))
        start = max(start, c_end + DAY)
        if start > end:
            return out
    out.append((start, end))
    return out


def _span(activity: Activity, as_of: dt.date) -> Span | None:
    first, last = activity.first_day, min(activity.last_day(as_of), as_of)
    return (first, last) if first <= last else None


def outside_work(p: Portfolio, rules: RuleSet, as_of: dt.date) -> list[OutsideWork]:
    """Every work activity up to ``as_of`` with the days no employment covers."""
    kinds = {k.id: k.label for k in rules.activity_kinds if k.work}
    covers = sorted((e.start, min(e.end or as_of, as_of)) for e in p.experience)
    found = []
    for activity in p.activities:
        span = _span(activity, as_of)
        if activity.kind not in kinds or span is None:
            continue
        spans = _minus(span, covers)
        if spans:
            found.append(OutsideWork(kinds[activity.kind], tuple(spans)))
    return found


def facts(found: list[OutsideWork]) -> list[Message]:
    """One fact per work activity outside the employments."""
    return [
        msg(
            "fact.work_outside_employment",
            kind=w.kind,
            when=[msg("period", start=a, end=b) if a != b else a for a, b in w.spans],
        )
        for w in found
    ]


def to_record(found: list[OutsideWork]) -> list[Message]:
    """What to do so the work can count: record it as an employment, with its shares."""
    kinds = list({w.kind.nl: w.kind for w in found}.values())
    return [msg("req.experience.record_work", kind=k) for k in kinds]
