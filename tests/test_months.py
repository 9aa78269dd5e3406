"""Month counting: union of periods, open ends, window edges, future dates.

Every employment here is wholly palliative, so a month counts exactly when the employments
together cover at least half of its days (experience.py; shares are tested there).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pzspec.evaluate.experience import Counter
from pzspec.evaluate.months import months_before
from pzspec.models.portfolio import Employment

D = dt.date


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date


def counted_months(
    periods: list[Period], start: dt.date | None, end: dt.date
) -> list[tuple[int, int]]:
    jobs = [
        Employment.model_validate({"from": p.start, "to": p.end, "palliative_patient_share": 1.0})
        for p in periods
    ]
    return Counter(jobs, end, 0.5, 0.5).months(start).counted


def count(periods: list[tuple[dt.date, dt.date]], start: dt.date | None, end: dt.date) -> int:
    return len(counted_months([Period(a, b) for a, b in periods], start, end))


def test_two_whole_years_are_24_months() -> None:
    assert count([(D(2018, 1, 1), D(2019, 12, 31))], None, D(2026, 1, 1)) == 24


def test_overlapping_employments_count_once() -> None:
    periods = [(D(2020, 1, 1), D(2020, 12, 31)), (D(2020, 7, 1), D(2021, 6, 30))]
    assert count(periods, None, D(2026, 1, 1)) == 18


def test_contained_employment_adds_nothing() -> None:
    periods = [(D(2020, 1, 1), D(2021, 12, 31)), (D(2020, 3, 1), D(2020, 5, 31))]
    assert count(periods, None, D(2026, 1, 1)) == 24


def test_touching_periods_count_as_one() -> None:
    # 10 + 10 days of a 31-day month in two jobs that touch: together 20, so it counts
    periods = [(D(2020, 1, 1), D(2020, 1, 10)), (D(2020, 1, 11), D(2020, 1, 20))]
    assert count(periods, None, D(2026, 1, 1)) == 1


def test_month_counts_when_at_least_half_covered() -> None:
    # 16 of 31 days in January count; 15 of 31 in March do not
    assert count([(D(2020, 1, 16), D(2020, 3, 15))], None, D(2026, 1, 1)) == 2


def test_end_is_clipped_to_as_of_date() -> None:
    # an open-ended job runs to the as-of date, not beyond
    assert count([(D(2025, 1, 1), D(2030, 1, 1))], None, D(2025, 12, 31)) == 12


def test_future_periods_never_count() -> None:
    assert count([(D(2026, 2, 1), D(2027, 1, 1))], None, D(2026, 1, 1)) == 0


def test_window_of_60_months_holds_at_most_60() -> None:
    as_of = D(2026, 1, 1)
    start = months_before(as_of, 60)
    assert start == D(2021, 1, 2)
    assert count([(D(2000, 1, 1), as_of)], start, as_of) == 60


def test_window_edge_excludes_older_months() -> None:
    as_of = D(2026, 1, 1)
    start = months_before(as_of, 60)
    assert count([(D(2020, 1, 1), D(2020, 12, 31))], start, as_of) == 0
    assert count([(D(2020, 1, 1), D(2021, 1, 31))], start, as_of) == 1


def test_months_before_handles_month_ends() -> None:
    assert months_before(D(2026, 3, 31), 1) == D(2026, 3, 1)
    assert months_before(D(2024, 2, 29), 12) == D(2023, 3, 1)


# --- the month rule, against a day-by-day reference --------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def reference(periods: list[Period], start: dt.date | None, end: dt.date) -> list[tuple[int, int]]:
    import calendar

    days: set[dt.date] = set()
    for p in periods:
        day = max(p.start, start) if start else p.start
        while day <= min(p.end, end):
            days.add(day)
            day += dt.timedelta(days=1)
    covered: dict[tuple[int, int], int] = {}
    for day in days:
        covered[(day.year, day.month)] = covered.get((day.year, day.month), 0) + 1
    return sorted(m for m, n in covered.items() if n * 2 >= calendar.monthrange(*m)[1])


period = st.tuples(st.dates(D(2015, 1, 1), D(2024, 1, 1)), st.integers(0, 900)).map(
    lambda t: Period(t[0], t[0] + dt.timedelta(days=t[1]))
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(period, max_size=4),
    st.dates(D(2015, 1, 1), D(2026, 1, 1)),
    st.one_of(st.none(), st.integers(0, 2000)),
)
def test_counting_matches_day_by_day_reference(
    periods: list[Period], end: dt.date, back: int | None
) -> None:
    start = None if back is None else end - dt.timedelta(days=back)
    assert counted_months(periods, start, end) == reference(periods, start, end)
