"""The condition types rule data may use, and how each is decided and explained.

A condition is decided against a context: the portfolio, optionally one education entry
(merged with its catalogue course), and the rule book for parameter values. The answer is
``met``, ``unmet`` or ``review``, with the facts it looked at, what is missing, and the
parameters it used (so a report can say which thresholds were provisional).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pzspec.evaluate.experience import EPSILON, placement_share
from pzspec.load.catalog import RuleBook
from pzspec.models.portfolio import EducationEntry, Portfolio
from pzspec.models.rules import (
    AllOf,
    AnyOf,
    BeforeCond,
    BelowCond,
    Condition,
    EducationInProgress,
    EqualsCond,
    ExperienceMonths,
    IncludesCond,
    InCond,
    MinCond,
    When,
)
from pzspec.render.i18n import Lang, known, tr

Decision = Literal["met", "unmet", "review"]
RANK: dict[str, int] = {"unmet": 0, "review": 1, "met": 2}
"""Order of decisions: a route or alternative that is met beats one under review."""


@dataclass
class Outcome:
    status: Decision
    facts: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    params: list[str] = field(default_factory=list)


@dataclass
class Context:
    portfolio: Portfolio
    book: RuleBook
    as_of: dt.date
    lang: Lang
    experience_months: Callable[[int | None], tuple[int, int]]
    in_progress: Callable[[dt.date], tuple[Decision, str | None]]
    """The best education in progress that is planned to end by a date: (status, name)."""
    entry: EducationEntry | None = None

    def param(self, pid: str) -> Any:
        return self.book.params[pid].value

    def get(self, path: str) -> Any:
        """The value of a field: ``person.*`` and ``transition.*`` of the portfolio, else the
        education entry (its own value first, then the catalogue course's)."""
        head, _, rest = path.partition(".")
        if head in ("person", "transition") and rest:
            value: Any = getattr(self.portfolio, head)
            for part in rest.split("."):
                value = getattr(value, part, None) if value is not None else None
            return value
        if self.entry is None:
            return None
        value = getattr(self.entry, path, None)
        if value is None and self.entry.course:
            course = self.book.courses.get(self.entry.course)
            value = getattr(course, path, None) if course else None
        return value


def fmt(value: Any, lang: Lang) -> str:
    if isinstance(value, bool):
        return tr(lang, "yes" if value else "no")
    if isinstance(value, float):
        return f"{value:.0%}" if 0 <= value <= 1 else f"{value:g}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(fmt(v, lang) for v in value)
    return str(value)


_PLACEHOLDER = re.compile(r"\{([a-z0-9.\-]+)\}")


def fill(text: str, book: RuleBook, lang: Lang) -> str:
    """Replace ``{parameter-id}`` in a rule text with the parameter's value."""

    def sub(m: re.Match[str]) -> str:
        param = book.params.get(m[1])
        return fmt(param.value, lang) if param else m[0]

    return _PLACEHOLDER.sub(sub, text)


def field_label(name: str, lang: Lang) -> str:
    key = "field." + name
    return tr(lang, key) if known(key) else name


def best(outcomes: list[Outcome]) -> Outcome:
    return max(outcomes, key=lambda o: RANK[o.status])


def evaluate_all(conds: list[Condition], ctx: Context) -> Outcome:
    """All conditions must hold: unmet beats review beats met."""
    parts = [evaluate(c, ctx) for c in conds]
    status: Decision = "met"
    if parts:
        status = min((p.status for p in parts), key=lambda s: RANK[s])
    return Outcome(
        status,
        [f for p in parts for f in p.facts],
        [m for p in parts for m in p.missing],
        [x for p in parts for x in p.params],
    )


def _threshold(cond: MinCond | BelowCond, ctx: Context) -> tuple[Any, list[str]]:
    if cond.param is not None:
        return ctx.param(cond.param), [cond.param]
    return cond.value, []


def _missing_value(cond: Any, ctx: Context, what: str, params: list[str]) -> Outcome:
    status: Decision = cond.on_missing
    if status == "met":  # a value that, when absent, does not stand in the way
        return Outcome("met", [], [], params)
    text = tr(ctx.lang, "cond.not_given", field=what)
    return Outcome(status, [text], [text], params)


def evaluate(cond: Condition, ctx: Context) -> Outcome:
    lang = ctx.lang
    label = fill(cond.label.get(lang), ctx.book, lang) if cond.label else None
    if isinstance(cond, MinCond):
        required, params = _threshold(cond, ctx)
        what = label or field_label(cond.field, lang)
        actual = ctx.get(cond.field)
        note = ""
        if actual is None and cond.fallback == "employment-fte-share-during-course":
            derived = _placement(cond, ctx, what, required, params)
            if isinstance(derived, Outcome):
                return derived
            actual = derived
            note = tr(lang, "cond.derived_from_employment") if actual is not None else ""
        if actual is None:
            return _missing_value(cond, ctx, what, params)
        fact = (
            tr(lang, "cond.min", field=what, actual=fmt(actual, lang), required=fmt(required, lang))
            + note
        )
        if actual >= required:
            return Outcome("met", [fact], [], params)
        return Outcome(cond.on_fail, [fact], [fact], params)
    if isinstance(cond, BelowCond):
        limit, params = _threshold(cond, ctx)
        what = label or field_label(cond.field, lang)
        actual = ctx.get(cond.field)
        if actual is None:
            return _missing_value(cond, ctx, what, params)
        fact = tr(lang, "cond.below", field=what, actual=fmt(actual, lang), limit=fmt(limit, lang))
        return Outcome("met" if actual < limit else cond.on_fail, [fact], [], params)
    if isinstance(cond, BeforeCond):
        limit = ctx.param(cond.param)
        what = label or field_label(cond.field, lang)
        actual = ctx.get(cond.field)
        if actual is None:
            return _missing_value(cond, ctx, what, [cond.param])
        fact = tr(lang, "cond.before", field=what, actual=fmt(actual, lang), limit=fmt(limit, lang))
        ok = actual < limit
        return Outcome("met" if ok else cond.on_fail, [fact], [] if ok else [fact], [cond.param])
    if isinstance(cond, IncludesCond):
        what = label or field_label(cond.field, lang)
        actual = ctx.get(cond.field)
        if actual is None:
            return _missing_value(cond, ctx, what, [])
        lacking = [v for v in cond.values if v not in actual]
        fact = tr(
            lang,
            "cond.includes",
            field=what,
            actual=fmt(actual, lang) or "-",
            required=fmt(cond.values, lang),
        )
        if not lacking:
            return Outcome("met", [fact])
        return Outcome(
            cond.on_fail, [fact], [tr(lang, "cond.lacking", field=what, values=fmt(lacking, lang))]
        )
    if isinstance(cond, EqualsCond):
        what = label or field_label(cond.field, lang)
        actual = ctx.get(cond.field)
        if actual is None:
            return _missing_value(cond, ctx, what, [])
        fact = f"{what}: {fmt(actual, lang)}"
        if actual == cond.value:
            return Outcome("met", [fact])
        return Outcome(
            cond.on_fail, [fact], [tr(lang, "cond.needed", field=what, value=fmt(cond.value, lang))]
        )
    if isinstance(cond, InCond):
        what = label or field_label(cond.field, lang)
        actual = ctx.get(cond.field)
        if actual is None:
            return _missing_value(cond, ctx, what, [])
        fact = f"{what}: {fmt(actual, lang)}"
        if actual in cond.values:
            return Outcome("met", [fact])
        return Outcome(
            cond.on_fail,
            [fact],
            [tr(lang, "cond.one_of", field=what, values=fmt(cond.values, lang))],
        )
    if isinstance(cond, AllOf):
        out = evaluate_all(cond.conditions, ctx)
        return _relabel(out, label, cond.on_fail)
    if isinstance(cond, AnyOf):
        parts = [evaluate(c, ctx) for c in cond.conditions]
        top = best(parts) if parts else Outcome("unmet")
        if top.status == "met":
            return Outcome("met", top.facts, [], top.params)
        facts = [f for p in parts for f in p.facts]
        params = [x for p in parts for x in p.params]
        missing = [label] if label else [m for p in parts for m in p.missing]
        status: Decision = top.status if top.status == "review" else cond.on_fail
        return Outcome(
            status, [label + ": " + "; ".join(facts)] if label else facts, missing, params
        )
    if isinstance(cond, When):
        guard = evaluate(cond.if_, ctx)
        if guard.status != "met":
            return Outcome("met")
        return evaluate(cond.then, ctx)
    if isinstance(cond, ExperienceMonths):
        required = int(ctx.param(cond.min))
        window = int(ctx.param(cond.window)) if cond.window else None
        params = [cond.min] + ([cond.window] if cond.window else [])
        months, possible = ctx.experience_months(window)
        what = label or tr(lang, "cond.experience_months", months=required)
        fact = tr(lang, "cond.months_found", field=what, months=months)
        if months >= required:
            return Outcome("met", [fact], [], params)
        short = tr(
            lang, "cond.months_lacking", lacking=required - months, months=months, required=required
        )
        if possible >= required:
            return Outcome("review", [fact], [short], params)
        return Outcome(cond.on_fail, [fact], [short], params)
    if isinstance(cond, EducationInProgress):
        by = ctx.param(cond.by)
        what = label or tr(lang, "cond.in_progress", date=fmt(by, lang))
        status, name = ctx.in_progress(by)
        if status == "unmet":
            fact = tr(lang, "cond.in_progress_none", field=what)
            return Outcome(cond.on_fail, [fact], [fact], [cond.by])
        fact = tr(lang, "cond.in_progress_found", field=what, name=name or "?")
        return Outcome(status, [fact], [] if status == "met" else [fact], [cond.by])
    raise AssertionError(f"unknown condition {cond!r}")  # pragma: no cover


def _relabel(out: Outcome, label: str | None, on_fail: Decision) -> Outcome:
    status: Decision = on_fail if out.status == "unmet" else out.status
    if not label:
        return Outcome(status, out.facts, out.missing, out.params)
    return Outcome(
        status,
        [label] if status == "met" else out.facts,
        [] if status == "met" else [label],
        out.params,
    )


def _placement(
    cond: MinCond, ctx: Context, what: str, required: Any, params: list[str]
) -> float | Outcome | None:
    """The person's palliative FTE share during the course, weighted over the employments
    that overlap it; an Outcome when missing values leave it open."""
    entry = ctx.entry
    if entry is None:
        return None
    found = placement_share(
        ctx.portfolio.experience, entry.started or entry.completed, entry.completed
    )
    if found is None:
        return None
    low, high, need = found
    if high - low < EPSILON or low >= required - EPSILON:
        return max(low, required) if abs(low - required) < EPSILON else low
    if high < required - EPSILON:
        return high
    jobs = ctx.portfolio.experience
    fill_in = [
        tr(
            ctx.lang,
            "req.experience.fill_field",
            field=name,
            who=jobs[i].employer or jobs[i].role or jobs[i].start.isoformat(),
        )
        for i, name in need
    ]
    text = tr(ctx.lang, "cond.not_given", field=what)
    return Outcome(cond.on_missing, [text], fill_in or [text], params)


def describe(cond: Condition, book: RuleBook, lang: Lang) -> str:
    """A condition in words, with parameter values filled in (for ``pzspec show``)."""
    if cond.label and not isinstance(cond, When):
        return fill(cond.label.get(lang), book, lang)
    if isinstance(cond, MinCond | BelowCond):
        value = book.params[cond.param].value if cond.param else cond.value
        key = "describe.min" if isinstance(cond, MinCond) else "describe.below"
        return tr(lang, key, field=field_label(cond.field, lang), value=fmt(value, lang))
    if isinstance(cond, BeforeCond):
        value = book.params[cond.param].value
        return tr(
            lang, "describe.before", field=field_label(cond.field, lang), value=fmt(value, lang)
        )
    if isinstance(cond, IncludesCond):
        return tr(
            lang,
            "describe.includes",
            field=field_label(cond.field, lang),
            value=fmt(cond.values, lang),
        )
    if isinstance(cond, EqualsCond):
        return tr(
            lang,
            "describe.equals",
            field=field_label(cond.field, lang),
            value=fmt(cond.value, lang),
        )
    if isinstance(cond, InCond):
        return tr(
            lang, "describe.in", field=field_label(cond.field, lang), value=fmt(cond.values, lang)
        )
    if isinstance(cond, AllOf):
        return (" " + tr(lang, "describe.and") + " ").join(
            describe(c, book, lang) for c in cond.conditions
        )
    if isinstance(cond, AnyOf):
        return (" " + tr(lang, "describe.or") + " ").join(
            describe(c, book, lang) for c in cond.conditions
        )
    if isinstance(cond, When):
        return tr(
            lang,
            "describe.when",
            guard=describe(cond.if_, book, lang),
            then=describe(cond.then, book, lang),
        )
    if isinstance(cond, ExperienceMonths):
        months = fmt(book.params[cond.min].value, lang)
        return tr(lang, "cond.experience_months", months=months)
    if isinstance(cond, EducationInProgress):
        return tr(lang, "cond.in_progress", date=fmt(book.params[cond.by].value, lang))
    raise AssertionError(f"unknown condition {cond!r}")  # pragma: no cover


def parameters_of(conds: list[Condition]) -> list[str]:
    """The parameter ids a list of conditions refers to, in order."""
    out: list[str] = []
    for c in conds:
        if (isinstance(c, MinCond | BelowCond) and c.param) or isinstance(c, BeforeCond):
            assert c.param is not None
            out.append(c.param)
        elif isinstance(c, ExperienceMonths):
            out += [c.min] + ([c.window] if c.window else [])
        elif isinstance(c, EducationInProgress):
            out.append(c.by)
        elif isinstance(c, AllOf | AnyOf):
            out += parameters_of(c.conditions)
        elif isinstance(c, When):
            out += parameters_of([c.if_, c.then])
    return out
