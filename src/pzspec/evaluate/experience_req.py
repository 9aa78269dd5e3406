"""The ``experience`` requirement: relevant months in the window, each employment explained.

The month counting itself is experience.py; this module says what was counted.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from pzspec.evaluate import work_outside
from pzspec.evaluate.experience import FTE, LABELS, Months, weighted_now
from pzspec.evaluate.months import months_before
from pzspec.evaluate.said import joined
from pzspec.messages import Message, msg
from pzspec.models.portfolio import Employment
from pzspec.models.result import Requirement

if TYPE_CHECKING:
    from pzspec.evaluate.engine import Evaluation


def share_range(low: float, high: float) -> Any:
    """A share, or the range it lies in when missing values leave it open."""
    if high - low < 0.005:
        return low
    return msg("range", low=low, high=high)


def needed_fields(ev: Evaluation, months: Months) -> list[Message]:
    """'fill in X at employer Y' for the missing values that could decide a month."""
    by_job: dict[int, list[str]] = {}
    for job, name in months.needed:
        by_job.setdefault(job, []).append(name)
    out = []
    for job, names in by_job.items():
        e = ev.p.experience[job]
        who = e.employer or e.role or e.start.isoformat()
        shares = [n for n in names if n != FTE]
        if shares:
            out.append(msg("req.experience.fill_field", field=joined("join.or", shares), who=who))
        if FTE in names:
            out.append(msg("req.experience.fill_field", field=FTE, who=who))
    return out


def employment_fact(ev: Evaluation, e: Employment, found: Months) -> Message:
    said: list[Message] = [msg("fact.fte", fte=f"{e.fte:g}")] if e.fte is not None else []
    if e.palliative_patient_share is not None:
        said.append(msg("fact.patient_share", share=e.palliative_patient_share))
    if e.palliative_fte_share is not None:
        said.append(msg("fact.fte_share", share=e.palliative_fte_share))
    if e.palliative_patient_share is None and e.palliative_fte_share is None:
        said.append(msg("fact.no_shares"))
    first = (e.start.year, e.start.month)
    end = (e.end.year, e.end.month) if e.end else (9999, 12)
    # the months are in calendar order: those of this employment are a slice
    counted = bisect.bisect_right(found.counted, end) - bisect.bisect_left(found.counted, first)
    if counted:
        verdict = msg("fact.counted_months", months=counted)
    elif any(first <= m <= end for m in found.unknown):
        verdict = msg("fact.unknown_relevance")
    else:
        verdict = msg("fact.not_relevant")
    return msg(
        "fact.employment",
        who=e.employer or e.role or "?",
        start=e.start,
        until=e.end or msg("ongoing"),
        said=said,
        verdict=verdict,
        future=msg("fact.future") if e.start > ev.as_of else "",
    )


def _facts(ev: Evaluation, found: Months, outside: list[Message]) -> list[Message]:
    facts = [employment_fact(ev, e, found) for e in ev.p.experience] + outside
    if sum(1 for e in ev.p.experience if e.start <= ev.as_of) > 1:
        facts.append(msg("fact.weighted"))
    now = weighted_now(ev.p.experience, ev.as_of)
    if now is not None:
        patient, fte = (share_range(*bounds) for bounds in now)
        facts.append(msg("fact.weighted_now", patient=patient, fte=fte))
    return facts


def requirement(ev: Evaluation) -> Requirement:
    rule = ev.book.experience(ev.profile_id or "")
    required = int(ev.book.params[rule.min_months].value)  # type: ignore[arg-type]
    window = int(ev.book.params[rule.window_months].value)  # type: ignore[arg-type]
    found = ev.months_in(window)
    months, possible = len(found.counted), len(found.counted) + len(found.unknown)
    start = months_before(ev.as_of, window)
    work = work_outside.outside_work(ev.p, ev.book.rules, ev.as_of)
    ids = [rule.min_months, rule.window_months, rule.patient_share, rule.fte_share]
    common: dict[str, Any] = {
        "id": "experience",
        "source": rule.source,
        "months": months,
        "required_months": required,
        "window_months": window,
        "facts": _facts(ev, found, work_outside.facts(work)),
        "parameters": ev.params(ids),
        "details": {
            "window_start": start.isoformat(),
            "window_end": ev.as_of.isoformat(),
            "months_if_shares_known": possible,
            "counted_months": [LABELS[m] for m in found.counted],
            "unknown_months": [LABELS[m] for m in found.unknown],
        },
    }
    said = {"months": months, "window": window, "required": required}
    if months >= required:
        return Requirement(status="met", explanation=msg("req.experience.met", **said), **common)
    missing = [msg("req.experience.missing", lacking=required - months, window=window)]
    missing += work_outside.to_record(work)
    if possible >= required:
        return Requirement(
            status="undetermined",
            explanation=msg("req.experience.undetermined", possible=possible, **said),
            missing=missing + needed_fields(ev, found),
            **common,
        )
    return Requirement(
        status="unmet",
        explanation=msg("req.experience.unmet", **said),
        missing=missing,
        **common,
    )
