"""Check a set of portfolio files: the core behind ``pzspec check`` (no I/O to the terminal)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pzspec import engine, loader
from pzspec.catalog import RuleBook
from pzspec.errors import InputError, Problem
from pzspec.i18n import Lang
from pzspec.models.result import CheckResult


@dataclass(frozen=True)
class Outcome:
    """The result for one file, or the problems that kept it from being checked."""

    file: str
    result: CheckResult | None = None
    problems: tuple[Problem, ...] = ()


def check_file(path: Path, book: RuleBook, as_of: dt.date, lang: Lang) -> Outcome:
    try:
        portfolio, _ = loader.load_portfolio(path, book.rules, lang)
    except InputError as exc:
        return Outcome(str(path), problems=tuple(exc.problems))
    return Outcome(str(path), result=engine.evaluate(portfolio, book, as_of, lang, str(path)))


def check_files(paths: list[Path], book: RuleBook, as_of: dt.date, lang: Lang) -> Iterator[Outcome]:
    for path in paths:
        yield check_file(path, book, as_of, lang)


def exit_status(outcomes: list[Outcome]) -> int:
    """portfolio-format.md: 2 unusable input, 1 any not eligible, 3 any review, else 0."""
    if any(o.problems for o in outcomes):
        return 2
    verdicts = {o.result.verdict for o in outcomes if o.result}
    if "not-eligible" in verdicts:
        return 1
    if "needs-review" in verdicts:
        return 3
    return 0


def redacted(result: CheckResult) -> CheckResult:
    """The result without personal data (name, BIG number)."""
    person = result.person.model_copy(update={"name": None, "big_number": None})
    return result.model_copy(update={"person": person})
