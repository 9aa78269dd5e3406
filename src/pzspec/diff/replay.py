"""Replaying portfolios under both sides: who gets a different verdict, and why; and
``run``, the whole diff."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pzspec.diff.compare import compare
from pzspec.diff.report import ERROR, Impact, Report
from pzspec.errors import Problem
from pzspec.evaluate.batch import Outcome, check_under, spread
from pzspec.load.catalog import Library, RuleBook
from pzspec.messages import Message, msg
from pzspec.models.result import CheckResult


def _first_difference(a: CheckResult, b: CheckResult) -> tuple[str, str, str] | None:
    statuses = {r.id: r for r in a.requirements}
    for req in b.requirements:
        old = statuses.get(req.id)
        if old is not None and old.status != req.status:
            return req.id, old.status, req.status
    return None


def latest(lib: Library) -> RuleBook:
    """The newest version with every overlay that extends it: the rules as they stand."""
    from pzspec.load.catalog import build

    return build(lib.versions()[-1], lib.of_kind("overlay"), lib.profiles(), None)


def _unusable(x: Outcome, y: Outcome) -> Message | str:
    """Why a portfolio cannot be checked under one side: its first problem (with the line)."""
    failed = x if x.result is None else y
    first = failed.problems[0] if failed.problems else None
    if first is None:
        return ERROR
    if first.line is not None:
        return msg("diff.reason.error", line=first.line, message=first.message)
    return first.message


def _impact(path: Path, x: Outcome, y: Outcome) -> Impact | None:
    before = x.result.verdict if x.result else ERROR
    after = y.result.verdict if y.result else ERROR
    if before == after:
        return None
    if x.result is None or y.result is None:
        return Impact(str(path), before, after, _unusable(x, y))
    found = _first_difference(x.result, y.result)
    if found is None:  # pragma: no cover - a verdict follows from the statuses
        return Impact(str(path), before, after, "")
    rid, s_old, s_new = found
    reason = msg(
        "diff.reason",
        requirement=msg(f"req.{rid}"),
        old=msg(f"status.{s_old}"),
        new=msg(f"status.{s_new}"),
        explanation=y.result.requirement(rid).explanation,
    )
    return Impact(str(path), before, after, reason, rid)


Sides = tuple[RuleBook, RuleBook, dt.date]


def replay_one(sides: Sides, path: Path) -> tuple[Impact | None, tuple[Problem, ...]]:
    """One portfolio, read and parsed once, checked under both books: its impact (None when
    the verdict stays) or, when neither book can check it, its problems. Runs in a worker
    process: only this small answer crosses back, never the two results."""
    book_a, book_b, as_of = sides
    x, y = check_under(path, (book_a, book_b), as_of)
    if x.result is None and y.result is None:
        return None, x.problems
    return _impact(path, x, y), ()


def replay(
    book_a: RuleBook,
    book_b: RuleBook,
    files: list[Path],
    as_of: dt.date,
    *,
    jobs: int = 1,
) -> tuple[list[Impact], list[Problem]]:
    """Check each portfolio under both books, over ``jobs`` processes; the ones whose
    verdict differs, and the problems of portfolios that neither book can check, in the
    order of ``files``. Only those are kept, so memory stays flat."""
    impacts: list[Impact] = []
    problems: list[Problem] = []
    for impact, unusable in spread(replay_one, (book_a, book_b, as_of), files, jobs=jobs):
        problems += unusable
        if impact is not None:
            impacts.append(impact)
    return impacts, problems


def run(
    old: Library,
    new: Library,
    *,
    old_label: str,
    new_label: str,
    as_of: dt.date | None = None,
    portfolios: list[Path] | None = None,
    replay_day: dt.date | None = None,
    jobs: int = 1,
) -> Report:
    """The whole diff: the changes and, with ``portfolios``, a replay.

    With ``as_of``: the rules in force that day on each side, and the portfolios checked on
    that day. Without: every version both sides have, each with all of its overlays, and the
    portfolios checked on ``replay_day`` (default today) under the newest version with all
    of its overlays, so decisions that start later already count. ``jobs``: worker
    processes for the replay.
    """
    from pzspec.load.walk import walk

    report = Report(old_label, new_label, compare(old, new, as_of))
    if portfolios:
        listed = walk(portfolios, keep=False)
        files = listed.files
        if as_of is not None:
            day = as_of
            books = old.at(as_of), new.at(as_of)
        else:
            day = replay_day or dt.date.today()
            books = latest(old), latest(new)
        report.impact, problems = replay(*books, files, day, jobs=jobs)
        report.problems = listed.problems + problems  # an unusable entry is never skipped
        report.replayed = len(files)
        report.as_of = day.isoformat()
    elif as_of is not None:
        report.as_of = as_of.isoformat()
    return report
