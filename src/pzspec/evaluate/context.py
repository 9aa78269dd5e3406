"""What a condition type sees of one portfolio: the ``pzspec.conditions.Context`` the
engine hands to every condition (parameter values, field values, month counts, education
in progress, placement shares). The condition types themselves live in ``pzspec.conditions``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from pzspec.conditions.base import RANK, Decision, Outcome
from pzspec.conditions.fields import field_value
from pzspec.evaluate.experience import placement_share
from pzspec.load.catalog import RuleBook
from pzspec.models.portfolio import EducationEntry, Portfolio

__all__ = ["RANK", "Context", "Decision", "Outcome"]


class Context:
    """The portfolio, the rule book, the day, and the one education entry decided (if any);
    ``in_progress`` gives the best education in progress that is planned to end by a date:
    (status, name). A plain class: made for every condition list decided (issue 14)."""

    __slots__ = ("as_of", "book", "entry", "experience_months", "in_progress", "portfolio")

    def __init__(
        self,
        portfolio: Portfolio,
        book: RuleBook,
        as_of: dt.date,
        experience_months: Callable[[int | None], tuple[int, int]],
        in_progress: Callable[[dt.date], tuple[Decision, str | None]],
        entry: EducationEntry | None = None,
    ) -> None:
        self.portfolio, self.book, self.as_of = portfolio, book, as_of
        self.experience_months, self.in_progress = experience_months, in_progress
        self.entry = entry

    def placement_share(
        self, start: dt.date, end: dt.date, /
    ) -> tuple[float, float, list[tuple[int, str]]] | None:
        return placement_share(self.portfolio.experience, start, end)

    def param(self, pid: str) -> Any:
        return self.book.params[pid].value

    def get(self, path: str) -> Any:
        return field_value(self.portfolio, self.entry, self.book.courses, path)
