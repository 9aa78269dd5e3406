"""pzspec as a Python library: load rule data, check portfolios, compare rule sets.

This is the API the command line uses and the web app builds on (docs/api.md)::

    import datetime as dt
    from pathlib import Path
    from pzspec import api

    day = dt.date(2026, 1, 1)
    rules = api.load_rules()                          # the shipped rule data
    book = api.rules_on(rules, day)                   # the version and overlays in force
    outcome = api.check_file(Path("portfolio.yaml"), rules=book, as_of=day)
    if outcome.result is not None:
        print(outcome.result.verdict)                 # "eligible", "not-eligible", ...
    print(api.render(outcome, "text", "en"))

Results are the frozen pydantic models of ``pzspec.models.result`` (``CheckResult``);
a file that cannot be used gives ``pzspec.errors.Problem`` objects instead (file, line,
column, a coded ``Message`` and a hint). Nothing here prints, exits or reads the terminal;
only :func:`render` produces words, in the language asked for.

Rule data that cannot be used raises :class:`InputError` (its ``problems`` say where);
a portfolio that cannot be used never raises: its :class:`Outcome` carries the problems.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pzspec.errors import InputError, Problem
from pzspec.evaluate import batch
from pzspec.evaluate.batch import DEFAULT_GLOBS, Finish, Outcome, Tally
from pzspec.load.catalog import Library, RuleBook
from pzspec.load.walk import Found
from pzspec.messages import Message, msg
from pzspec.models.result import CheckResult
from pzspec.render.formats import FORMATS, Format, render
from pzspec.render.i18n import Lang

if TYPE_CHECKING:  # the diff machinery loads only when a diff is asked for
    from pzspec.diff.report import Report
    from pzspec.evaluate.plan_batch import PlanOutcome
    from pzspec.models.portfolio import Portfolio

__all__ = [
    "DEFAULT_GLOBS",
    "FORMATS",
    "CheckResult",
    "Finish",
    "Format",
    "Found",
    "InputError",
    "Lang",
    "Library",
    "Outcome",
    "Problem",
    "Report",
    "RuleBook",
    "RuleData",
    "Tally",
    "check_file",
    "check_paths",
    "check_text",
    "course_view",
    "diff_rules",
    "find_portfolios",
    "listing",
    "load_rules",
    "plan",
    "plan_paths",
    "plan_text",
    "portfolio_schema",
    "problem_json",
    "profile_view",
    "read_text",
    "render",
    "render_diff",
    "rules_on",
    "templates_dir",
    "unknown_id_hint",
    "versions",
]


class RuleData(NamedTuple):
    """Rule data as loaded: every version, overlay and profile, and where they came from
    (so that worker processes can load the same data again)."""

    library: Library
    extra: tuple[Path, ...] = ()
    defaults: bool = True


def load_rules(extra: Sequence[Path] = (), *, defaults: bool = True) -> RuleData:
    """The shipped rule data (unless ``defaults`` is False) plus the rule, overlay and
    profile files and folders in ``extra``, validated as a whole.

    Raises :class:`InputError` when a file cannot be used; its ``problems`` say where."""
    from pzspec.load.catalog import library

    extra = tuple(extra)
    return RuleData(library(extra, defaults=defaults), extra, defaults)


def rules_on(rules: RuleData | Library, day: dt.date) -> RuleBook:
    """The rule book in force on ``day``: the newest version valid that day with the
    overlays valid that day applied. Raises :class:`InputError` when no version is."""
    library = rules.library if isinstance(rules, RuleData) else rules
    return library.at(day)


def check_file(path: Path, *, rules: RuleBook, as_of: dt.date) -> Outcome:
    """Check one portfolio file. The outcome holds the ``result``, or the ``problems`` that
    kept the file from being checked, or (a bug in pzspec) ``internal``: never raises."""
    return batch.check_file(path, rules, as_of)


def check_text(
    text: str | bytes,
    *,
    name: str = "portfolio.yaml",
    rules: RuleBook,
    as_of: dt.date,
) -> Outcome:
    """Check a portfolio given as YAML text (a form field) or bytes (an upload, decoded as
    UTF-8 like a file). ``name`` stands for the file in the result and in problems. The same
    limits apply as to a file: its size (``PZSPEC_MAX_BYTES``), UTF-8 only, no NUL or
    control characters, the YAML reader's limits on depth, aliases and numbers."""
    from pzspec.evaluate import engine
    from pzspec.load import loader, yamlio

    # a lone surrogate in text is reported by decode below, with its line and column
    raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    limit = yamlio.max_bytes()
    if len(raw) > limit:
        too_large = msg("err.too_large", size=len(raw), limit=limit)
        problem = Problem(name, None, None, too_large, msg("hint.too_large"))
        return Outcome(name, problems=(problem,))
    try:
        doc = yamlio.parse(yamlio.decode(raw, name), name, collect=True)
        portfolio = loader.parse_portfolio(doc, rules.rules, rules.withdrawn)
    except InputError as exc:
        return Outcome(name, problems=tuple(exc.problems))
    lines = {rid: doc.where(key, key=True)[0] or 1 for rid, key in batch._ANCHORS.items()}
    try:
        result = engine.evaluate(portfolio, rules, as_of, name)
    except Exception as exc:  # as check_file: a bug is reported, not raised
        return Outcome(name, internal=type(exc).__name__)
    return Outcome(name, result=result, lines=lines)


def find_portfolios(paths: Iterable[Path], globs: Iterable[str] = DEFAULT_GLOBS) -> Found:
    """Files as given and folders searched recursively for ``globs``, in a stable order;
    folder entries that cannot be used (a dangling link, a pipe) are ``problems``."""
    return batch.expand(paths, globs)


def check_paths(
    paths: Iterable[Path] | Found,
    *,
    rules: RuleData,
    as_of: dt.date,
    jobs: int | None = None,
    globs: Iterable[str] = DEFAULT_GLOBS,
    book: RuleBook | None = None,
    finish: Finish | None = None,
) -> Iterator[Outcome]:
    """Check files and folders (or what :func:`find_portfolios` found), one outcome per
    file in input order, streamed: memory stays flat however many files there are.

    Folder entries that cannot be used come first, each an outcome with its problem.
    ``jobs`` worker processes (default: one per CPU; below 40 files one process does it)
    each load ``rules`` once. ``book`` is ``rules_on(rules, as_of)`` if you already have it.
    ``finish`` (picklable) runs on each outcome where it was checked, e.g. to render it
    (``pzspec.render.batch.Finish``)."""
    found = paths if isinstance(paths, Found) else find_portfolios(paths, globs)
    book = book or rules_on(rules, as_of)
    for problem in found.problems:
        unusable = Outcome(problem.file, problems=(problem,))
        yield finish(unusable) if finish else unusable
    yield from batch.check_many(
        found.files,
        book,
        as_of,
        jobs=jobs or batch.default_jobs(),
        rules=rules.extra,
        defaults=rules.defaults,
        finish=finish,
    )


def plan(path: Path, *, rules: RuleData | Library, as_of: dt.date) -> PlanOutcome:
    """When one portfolio qualifies if nothing changes, and the steps there (``pzspec
    plan``). The outcome's ``plan`` (``pzspec.evaluate.plan.Plan``) has the verdict on
    ``as_of``, ``earliest`` (a date, or None with ``blocked``) and the ranked ``steps``; or
    ``problems`` for a file that cannot be used. Never raises for a portfolio. Word it with
    ``pzspec.render.plan_out`` (``as_dict``, ``text``)."""
    from pzspec.evaluate.plan_batch import plan_file

    library = rules.library if isinstance(rules, RuleData) else rules
    return plan_file(path, library, as_of)


def read_text(
    text: str | bytes, *, name: str = "portfolio.yaml", rules: RuleBook
) -> tuple[Portfolio | None, tuple[Problem, ...]]:
    """A portfolio given as text, read (not checked) as :func:`check_text` reads it: the
    ``Portfolio`` model, or None with the problems that kept it from being read."""
    from pzspec.load import loader, yamlio

    raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    if len(raw) > yamlio.max_bytes():
        return None, check_text(raw, name=name, rules=rules, as_of=dt.date.today()).problems
    try:
        doc = yamlio.parse(yamlio.decode(raw, name), name, collect=True)
        return loader.parse_portfolio(doc, rules.rules, rules.withdrawn), ()
    except InputError as exc:
        return None, tuple(exc.problems)


def plan_text(
    text: str | bytes, *, name: str = "portfolio.yaml", rules: RuleData, as_of: dt.date
) -> PlanOutcome:
    """:func:`plan` for a portfolio given as text (a form field, an upload)."""
    from pzspec.evaluate.plan import plan as make_plan
    from pzspec.evaluate.plan_batch import PlanOutcome, bucket

    portfolio, problems = read_text(text, name=name, rules=rules_on(rules, as_of))
    if portfolio is None:
        return PlanOutcome(name, problems=problems)
    try:
        found = make_plan(portfolio, rules.library, as_of, name)
    except Exception as exc:  # as plan: a bug is reported, not raised
        return PlanOutcome(name, internal=type(exc).__name__)
    return PlanOutcome(name, plan=found, bucket=bucket(found), verdict=found.verdict)


def plan_paths(
    paths: Iterable[Path] | Found,
    *,
    rules: RuleData,
    as_of: dt.date,
    jobs: int | None = None,
    globs: Iterable[str] = DEFAULT_GLOBS,
    finish: Callable[[PlanOutcome], PlanOutcome] | None = None,
) -> Iterator[PlanOutcome]:
    """:func:`plan` for files and folders, streamed in input order like :func:`check_paths`
    (folder entries that cannot be used first; ``jobs`` worker processes)."""
    from pzspec.evaluate.plan_batch import PlanOutcome, plan_many

    found = paths if isinstance(paths, Found) else find_portfolios(paths, globs)
    for problem in found.problems:
        unusable = PlanOutcome(problem.file, problems=(problem,))
        yield finish(unusable) if finish else unusable
    yield from plan_many(
        found.files,
        rules.library,
        as_of,
        jobs=jobs or batch.default_jobs(),
        finish=finish,
    )


def diff_rules(
    old: Path,
    new: Path,
    *,
    portfolios: Sequence[Path] = (),
    as_of: dt.date | None = None,
) -> Report:
    """What changes from the rule data at ``old`` to that at ``new`` (each a rule file, an
    overlay, or a folder of rule data; a lone overlay goes on top of the shipped data).

    Every change has a ``kind`` (tightened, loosened, added, removed, editorial) and tells
    whether it is ``breaking``. With ``portfolios`` (files or folders) each is checked under
    both sides and ``impact`` lists those whose verdict differs. With ``as_of``: the rules
    in force that day on each side; without, every version with all its overlays.
    Raises :class:`InputError` when a side cannot be used. Word it with :func:`render_diff`."""
    from pzspec.diff import core

    return core.run(
        core.load_side(old),
        core.load_side(new),
        old_label=old.as_posix(),
        new_label=new.as_posix(),
        as_of=as_of,
        portfolios=list(portfolios) or None,
    )


def render_diff(report: Report, fmt: str = "text", lang: Lang = "nl") -> str:
    """A diff report as ``pzspec diff -f FMT`` prints it (text, json, markdown, github)."""
    from pzspec.render.diff_out import render as render_report

    return render_report(report, fmt, lang)


# --- what the rule data holds, as pzspec list / show / schema give it (the web app's API) ---
def listing(book: RuleBook, what: str, lang: Lang = "nl") -> list[dict[str, Any]]:
    """What ``pzspec list WHAT -f json`` prints: ``profiles``, ``courses``, ``kinds``,
    ``activities`` or ``professions`` of ``book``."""
    from pzspec.render.views import listing as rows

    return rows(book, what, lang)


def profile_view(book: RuleBook, profile_id: str, lang: Lang = "nl") -> dict[str, Any] | None:
    """What ``pzspec show profile ID -f json`` prints; None for an unknown id (an announced
    profile gives its announcement)."""
    from pzspec.render import views

    if profile_id in views.announced(book):
        return views.announced_view(book, profile_id, lang)
    if profile_id not in book.profiles:
        return None
    return views.profile_view(book, profile_id, lang, None)


def course_view(book: RuleBook, course_id: str, lang: Lang = "nl") -> dict[str, Any] | None:
    """What ``pzspec show course ID -f json`` prints; None for an unknown id."""
    from pzspec.render import views

    return views.course_view(book, course_id, lang) if course_id in book.courses else None


def unknown_id_hint(book: RuleBook, what: str, value: str) -> Message:
    """The hint ``pzspec show`` gives for an unknown ``what`` (``profile`` or ``course``) id
    ``value``: the closest id, or for a profession's name the profile it belongs to
    (``hint.profession_profile``). Word it with ``pzspec.render.words.word``."""
    from pzspec.load import id_hints

    if what == "profile":
        return id_hints.profile_hint(book, value)
    return id_hints.course_hint(book, value)


def versions(rules: RuleData) -> list[dict[str, Any]]:
    """The rule versions and overlays, as ``pzspec list versions -f json`` prints them."""
    lib = rules.library
    return [
        {
            "version": src.set_id,
            "kind": src.kind,
            "extends": getattr(src.model, "extends", None),
            "valid_from": _iso(getattr(src.model, "valid_from", None)),
            "valid_until": _iso(getattr(src.model, "valid_until", None)),
            "publisher": getattr(src.model, "publisher", None),
            "file": src.display,
        }
        for src in lib.versions() + lib.of_kind("overlay")
    ]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def portfolio_schema(book: RuleBook) -> dict[str, Any]:
    """The JSON Schema of a portfolio, as ``pzspec schema portfolio`` prints it."""
    from pzspec.render.schema import portfolio_schema as schema

    return schema(book)


def problem_json(problem: Problem, lang: Lang = "nl") -> dict[str, Any]:
    """One problem as JSON: file, line, column, message, hint, level, code and args."""
    from pzspec.render.problems import problem_json as as_json

    return as_json(problem, lang)


def templates_dir() -> Path:
    """The folder of pzspec's jinja2 templates (shipped in the wheel)."""
    from pzspec.load.catalog import templates_dir as folder

    return folder()


def __getattr__(name: str) -> Any:
    """``pzspec.api.Report`` without importing the diff machinery for every check."""
    if name == "Report":
        from pzspec.diff.report import Report

        return Report
    raise AttributeError(name)
