"""Month counting with shares weighted by FTE (experience.py), against a day-level reference."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from pzspec.evaluate.experience import Counter, Months, Part, share_bounds
from pzspec.models.portfolio import Employment

days = st.dates(dt.date(2015, 1, 1), dt.date(2026, 12, 31))
shares = st.none() | st.sampled_from([0.0, 0.2, 0.5, 0.8, 1.0])


@st.composite
def employments(draw: st.DrawFn) -> Employment:
    start = draw(days)
    end = draw(st.none() | st.dates(start, dt.date(2027, 6, 30)))
    return Employment.model_validate(
        {
            "from": start,
            "to": end,
            "fte": draw(st.none() | st.sampled_from([0.1, 0.5, 0.8, 1.0])),
            "palliative_patient_share": draw(shares),
            "palliative_fte_share": draw(shares),
        }
    )


def reference(counter: Counter, start: dt.date | None) -> Months:
    """Every month decided day by day (no stretches)."""
    out = Months()
    if not counter.jobs:
        return out
    first = start or min(j.start for j in counter.jobs)
    y, m = first.year, first.month
    while (y, m) <= (counter.as_of.year, counter.as_of.month):
        fresh = Counter(counter.jobs, counter.as_of, 0.5, 0.5)  # nothing remembered between months
        answer, _ = fresh._month((y, m), first)
        if answer == "yes":
            out.counted.append((y, m))
        elif answer == "unknown":
            out.unknown.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(employments(), max_size=4), days, st.none() | st.integers(1, 80))
def test_stretches_agree_with_day_by_day(
    jobs: list[Employment], as_of: dt.date, window: int | None
) -> None:
    from pzspec.evaluate.months import months_before

    counter = Counter(jobs, as_of, 0.5, 0.5)
    start = months_before(as_of, window) if window else None
    fast = counter.months(start)
    slow = reference(Counter(jobs, as_of, 0.5, 0.5), start)
    assert (fast.counted, fast.unknown) == (slow.counted, slow.unknown)


@settings(max_examples=200, deadline=None)
@given(st.lists(employments(), min_size=1, max_size=4), days, st.none() | st.integers(1, 80))
def test_each_employment_is_said_to_give_the_months_it_covers(
    jobs: list[Employment], as_of: dt.date, window: int | None
) -> None:
    """The fact per employment counts the window's months from its first to its last
    month (found by bisection), the same as counting them one by one."""
    from types import SimpleNamespace

    from pzspec.evaluate.experience_req import employment_fact
    from pzspec.evaluate.months import months_before

    start = months_before(as_of, window) if window else None
    found = Counter(jobs, as_of, 0.5, 0.5).months(start)
    for job in jobs:
        last = (job.end.year, job.end.month) if job.end else (9999, 12)
        naive = sum(1 for m in found.counted if (job.start.year, job.start.month) <= m <= last)
        fact = employment_fact(SimpleNamespace(as_of=as_of), job, found)  # type: ignore[arg-type]
        verdict = fact.args["verdict"]
        if naive:
            assert (verdict.code, verdict.args["months"]) == ("fact.counted_months", naive)
        else:
            assert verdict.code != "fact.counted_months"


def test_bounds_of_a_weighted_share() -> None:
    surgery = Part(0, 0.8, 30, 0.0)
    hospice = Part(1, 0.1, 30, 1.0)
    low, high = share_bounds([surgery, hospice])
    assert round(low, 3) == round(high, 3) == round(0.1 / 0.9, 3)
    unknown_fte = Part(1, None, 30, 1.0)
    low, high = share_bounds([surgery, unknown_fte])
    assert low < 0.01 and high > 0.7  # 2.0 FTE against 0.8: 2 / 2.8
    assert share_bounds([Part(0, None, 30, 0.9)]) == (0.9, 0.9)  # one job: its FTE does not matter


def test_two_months_with_the_same_days_covered_are_judged_by_their_own_length() -> None:
    """15 days of April (30) is half; 15 days of May (31) is not."""
    job = Employment.model_validate({"from": dt.date(2000, 4, 16), "palliative_patient_share": 1.0})
    months = Counter([job], dt.date(2000, 5, 15), 0.5, 0.5).months(None)
    assert months.counted == [(2000, 4)]
