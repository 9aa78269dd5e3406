"""The earliest date of ``pzspec plan`` against a brute-force search, day by day.

Generated portfolios: employments that start and end on any day (some in the future, some
long ago so that months leave the window), shares on either side of the threshold, a course
completed before or after the as-of date, a graduation date on either side of the
transition's cut-off, and as-of dates near the end of the transition. The computed date must
be the first day on which the check qualifies.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pzspec import api
from pzspec.evaluate.engine import evaluate
from pzspec.evaluate.plan_dates import QUALIFY, earliest
from pzspec.models.portfolio import Portfolio

RULES = api.load_rules()
LIBRARY = RULES.library
BOUND = 420  # days searched by brute force
DAY = dt.timedelta(days=1)


def days(lo: int, hi: int) -> st.SearchStrategy[int]:
    return st.integers(min_value=lo, max_value=hi)


@st.composite
def portfolios(draw: st.DrawFn) -> tuple[Portfolio, dt.date]:
    as_of = draw(st.sampled_from([dt.date(2025, 9, 1), dt.date(2029, 6, 1)])) + dt.timedelta(
        days=draw(days(0, 200))
    )
    jobs: list[dict[str, Any]] = []
    for n in range(draw(days(1, 3))):
        # the first one near the threshold of 24 months; others anywhere (long ago too)
        start = as_of + dt.timedelta(days=draw(days(-760, -330) if n == 0 else days(-2200, 120)))
        job: dict[str, Any] = {
            "employer": f"werkgever {len(jobs)}",
            "from": start,
            "fte": draw(st.sampled_from([0.2, 0.5, 0.8, 1.0])),
            "palliative_patient_share": draw(st.sampled_from([0.9, 0.9, 0.5, 0.3, None])),
            "palliative_fte_share": draw(st.sampled_from([0.1, 0.6, None])),
        }
        if n > 0 and draw(st.booleans()):
            job["to"] = start + dt.timedelta(days=draw(days(0, 1500)))
        jobs.append(job)
    education = []
    if draw(st.sampled_from([True, True, True, False])):
        completed = as_of + dt.timedelta(days=draw(days(-100, 400)))
        education.append(
            {
                "course": "leergang-pz-verpleegkundige",
                "started": completed - dt.timedelta(days=200),
                "completed": completed,
                "days": 24,
                "nlqf": 6,
                "epas": ["LZ-FO-1", "LZ-FO-2"],
                "placement_palliative_share": 0.8,
            }
        )
    graduated = draw(st.sampled_from([dt.date(2012, 6, 30), dt.date(2025, 6, 30)]))
    data = {
        "pzspec": "portfolio/1",
        "person": {
            "profession": "hbo-verpleegkundige",
            "graduated": graduated,
            "big": {"registered": True},
        },
        "education": education,
        "experience": jobs,
    }
    return Portfolio.model_validate(data), as_of


def brute_force(portfolio: Portfolio, as_of: dt.date, until: dt.date) -> dt.date | None:
    day = as_of
    while day <= until:
        if evaluate(portfolio, LIBRARY.at(day), day).verdict in QUALIFY:
            return day
        day += DAY
    return None


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(portfolios())
def test_earliest_is_the_first_qualifying_day(case: tuple[Portfolio, dt.date]) -> None:
    portfolio, as_of = case
    found = earliest(portfolio, LIBRARY, as_of)
    bound = as_of + dt.timedelta(days=BOUND)
    until = min(found.day, bound) if found.day is not None else bound
    assert brute_force(portfolio, as_of, until) == (found.day if found.day == until else None)
