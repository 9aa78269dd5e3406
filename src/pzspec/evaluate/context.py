"""What a condition type sees of one portfolio: the ``pzspec.conditions.Context`` the
engine hands to every condition (parameter values, field values, month counts, education
in progress, placement shares). The condition types themselves live in ``pzspec.conditions``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pzspec.conditions.base import RANK, Decision, Outcome
from pzspec.conditions.fields import field_value
from pzspec.evaluate.experience import placement_share
from pzspec.load.catalog import RuleBook
from pzspec.models.portfolio import EducationEntry, Portfolio

__all__ = ["RANK", "Context", "Decision", "Outcome"]


@dataclass
class Context:
    portfolio: Portfolio
    book: RuleBook
    as_of: dt.date
    experience_months: Callable[[int | None], tuple[int, int]]
    in_progress: Callable[[dt.date], tuple[Decision, str | None]]
    """The best education in progress that is planned to end by a date: (status, name)."""
    entry: EducationEntry | None = None

    def placement_share(
        self, start: dt.date, end: dt.date, /
    ) -> tuple[float, float, list[tuple[int, str]]] | None:
        return placement_share(self.portfolio.experience, start, end)

    def param(self, pid: str) -> Any:
        return self.book.params[pid].value

    def get(self, path: str) -> Any:
        return field_value(self.portfolio, self.entry, self.book.courses, path)
