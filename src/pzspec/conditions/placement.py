"""The ``min`` fallback: a placement share derived from the employments during a course."""

from __future__ import annotations

from typing import Any

from pzspec.conditions.base import Context, Outcome
from pzspec.messages import msg

EPSILON = 1e-9  # shares are compared to thresholds with this margin for rounding


def placement(
    cond: Any, ctx: Context, what: Any, required: Any, params: list[str]
) -> float | Outcome | None:
    """The person's palliative FTE share during the course, weighted over the employments
    that overlap it; an Outcome when missing values leave it open."""
    entry = ctx.entry
    if entry is None:
        return None
    found = ctx.placement_share(entry.started or entry.completed, entry.completed)
    if found is None:
        return None
    low, high, need = found
    if high - low < EPSILON or low >= required - EPSILON:
        return max(low, required) if abs(low - required) < EPSILON else low
    if high < required - EPSILON:
        return high
    jobs = ctx.portfolio.experience
    fill_in = [
        msg(
            "req.experience.fill_field",
            field=name,
            who=jobs[i].employer or jobs[i].role or jobs[i].start,
        )
        for i, name in need
    ]
    text = msg("cond.not_given", field=what)
    return Outcome(cond.on_missing, [text], fill_in or [text], params)
