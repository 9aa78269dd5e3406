"""Transitional: the condition types with their facts in words, for the callers that still
work with text (engine.py, education.py, render/views.py, diff/core.py).

The condition types themselves live in ``pzspec.conditions`` (one module each) and answer
with ``Message`` objects; this module words those answers in ``lang``. Once engine and
education carry Messages, they call ``pzspec.conditions`` directly and this module goes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pzspec import conditions as core
from pzspec.conditions.base import RANK, Decision
from pzspec.conditions.fields import field_value
from pzspec.evaluate.experience import placement_share
from pzspec.load.catalog import RuleBook
from pzspec.models.portfolio import EducationEntry, Portfolio
from pzspec.render.i18n import Lang
from pzspec.render.words import field_label, value_text, word, words

__all__ = [
    "RANK",
    "Context",
    "Decision",
    "Outcome",
    "best",
    "describe",
    "evaluate",
    "evaluate_all",
    "field_label",
    "fill",
    "fmt",
    "parameters_of",
]


@dataclass
class Outcome:
    status: Decision
    facts: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    params: list[str] = field(default_factory=list)


@dataclass
class Context:
    """A ``pzspec.conditions.Context`` with the language its facts are worded in."""

    portfolio: Portfolio
    book: RuleBook
    as_of: dt.date
    lang: Lang
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


def fmt(value: Any, lang: Lang) -> str:
    return value_text(value, lang)


_PLACEHOLDER = re.compile(r"\{([a-z0-9.\-]+)\}")


def fill(text: str, book: RuleBook, lang: Lang) -> str:
    """Replace ``{parameter-id}`` in a rule text with the parameter's value."""

    def sub(m: re.Match[str]) -> str:
        param = book.params.get(m[1])
        return fmt(param.value, lang) if param else m[0]

    return _PLACEHOLDER.sub(sub, text)


def _worded(out: core.Outcome, lang: Lang) -> Outcome:
    return Outcome(out.status, words(out.facts, lang), words(out.missing, lang), out.params)


def best(outcomes: list[Outcome]) -> Outcome:
    return max(outcomes, key=lambda o: RANK[o.status])


def evaluate_all(conds: Sequence[core.Cond], ctx: Context) -> Outcome:
    """All conditions must hold: unmet beats review beats met."""
    return _worded(core.evaluate_all(conds, ctx), ctx.lang)


def evaluate(cond: core.Cond, ctx: Context) -> Outcome:
    return _worded(core.evaluate(cond, ctx), ctx.lang)


def describe(cond: core.Cond, book: RuleBook, lang: Lang) -> str:
    """A condition in words, with parameter values filled in (for ``pzspec show``)."""
    return word(core.describe(cond, book), lang)


def parameters_of(conds: Sequence[core.Cond]) -> list[str]:
    """The parameter ids a list of conditions refers to, in order."""
    return core.param_ids(conds)
