"""The body of ``pzspec test`` (issue 18): find the portfolios with ``expect:``, check each
on the date of each expectation under the rules in force then, and compare.

Exit status: 0 every expectation holds, 1 at least one fails, 2 unusable input (a file or
rule data that cannot be read, an ``expect:`` block with a mistake, an explicit file
without ``expect:``).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from pathlib import Path

from pzspec.cli.startup import settle
from pzspec.errors import InputError, Problem, secrets_of
from pzspec.evaluate import engine
from pzspec.evaluate.batch import DEFAULT_GLOBS, expand
from pzspec.evaluate.coverage import Coverage
from pzspec.evaluate.expect import Case, Expected, compare, deciding, has_expect, read
from pzspec.load import loader, yamlio
from pzspec.load.catalog import Library, RuleBook, library
from pzspec.messages import msg
from pzspec.render.i18n import Lang
from pzspec.render.problems import problem_line
from pzspec.render.test_out import Run, render


class _Books:
    """The rule book in force on each date, built once."""

    def __init__(self, lib: Library, lang: Lang) -> None:
        self.lib, self.lang = lib, lang
        self.books: dict[dt.date, RuleBook] = {}

    def at(self, day: dt.date) -> RuleBook:
        if day not in self.books:
            self.books[day] = self.lib.at(day)
        return self.books[day]


def collect(
    paths: list[Path],
    lang: Lang,
    *,
    rules: Iterable[Path] = (),
    defaults: bool = True,
    coverage: bool = False,
) -> Run:
    lib = library(list(rules), defaults=defaults)
    books = _Books(lib, lang)
    settle()  # start-up done: the collector back on for the cases (cli/startup.py)
    found = expand(paths, DEFAULT_GLOBS)
    explicit = {str(p) for p in paths if not p.is_dir()}
    problems: list[Problem] = list(found.problems)
    cases: list[Case] = []
    skipped = 0
    cov = Coverage() if coverage else None
    for path in found.files:
        try:
            doc = yamlio.load(path)
            if not has_expect(doc):
                if str(path) in explicit:
                    raise InputError.single(
                        str(path),
                        msg("test.err.no_expect"),
                        msg("test.hint.expect"),
                        1,
                        1,
                    )
                skipped += 1
                continue
            expected = read(doc)
            cases += _cases(doc, expected, books, lang, cov)
        except InputError as err:
            problems += err.problems
    if cov is not None:
        for book in books.books.values():
            cov.add_book(book)
        if not books.books:  # nothing was checked: list the rules in force today
            cov.add_book(books.at(dt.date.today()))
    if not cases and not problems:
        shown = " ".join(map(str, paths))
        hint = msg("test.skipped", count=skipped) if skipped else msg("test.hint.expect")
        raise InputError.single(shown, msg("test.err.nothing"), hint)
    return Run(cases, skipped, problems, cov.as_dict() if cov is not None else None)


def _cases(
    doc: yamlio.Document,
    expected: list[Expected],
    books: _Books,
    lang: Lang,
    cov: Coverage | None,
) -> list[Case]:
    out: list[Case] = []
    secrets = secrets_of(doc.data)
    for x in expected:
        day = x.expectation.as_of
        try:
            book = books.at(day)
        except InputError as err:  # no rule version in force on that date
            line, col = doc.where((*x.path, "as_of"))
            hint = msg("test.hint.as_of")
            raise InputError.single(doc.file, err.problems[0].message, hint, line, col) from None
        portfolio = loader.parse_portfolio(doc, book.rules, book.withdrawn)
        result = engine.evaluate(portfolio, book, day, doc.file)
        decisive = {}
        if cov is not None:
            cov.add_book(book)
            named = set(deciding(result)) | set(x.expectation.requirements)
            decisive = cov.record(result, book, named)
        out.append(
            Case(
                file=doc.file,
                expected=x,
                verdict=result.verdict,
                provisional=result.provisional,
                statuses={r.id: r.status for r in result.requirements},
                differences=tuple(compare(x, result, secrets)),
                decisive=decisive,
            )
        )
    return out


def main(
    paths: list[Path],
    lang: Lang,
    *,
    fmt: str = "text",
    rules: Iterable[Path] = (),
    defaults: bool = True,
    coverage: bool = False,
) -> int:
    """Run the tests, write the report to stdout and the problems to stderr; the exit status."""
    run = collect(paths, lang, rules=rules, defaults=defaults, coverage=coverage)
    for problem in run.problems:
        print(problem_line(problem, lang), file=sys.stderr)
    sys.stdout.write(render(run, fmt, lang))
    if run.problems:
        return 2
    return 1 if run.failed else 0
