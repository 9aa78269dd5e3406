"""Streaming output for many portfolios: each format gets one outcome at a time.

Each format is a sink with three steps: ``piece`` renders one outcome (pure, so it runs in
the worker process that checked the file), ``add`` frames the pieces in input order in the
main process, and ``close`` writes what comes at the end. A batch of any size is written as it
is checked, without holding every result.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Protocol

from pzspec.errors import one_line
from pzspec.evaluate.batch import Outcome, Tally, redacted
from pzspec.load.catalog import RuleBook
from pzspec.models.result import CheckResult
from pzspec.render.i18n import Lang, tr
from pzspec.render.json_out import as_dict, unusable
from pzspec.render.problems import problem_line, problem_text
from pzspec.render.words import word, words


def escape(text: str) -> str:
    """XML text; ``xml.sax.saxutils`` (which loads urllib, http and ssl) only for junit."""
    from xml.sax.saxutils import escape as xml_escape

    return xml_escape(text)


def quoteattr(text: str) -> str:
    from xml.sax.saxutils import quoteattr as xml_quoteattr

    return xml_quoteattr(text)


class Sink(Protocol):
    keeps_result: bool

    def piece(self, outcome: Outcome) -> str: ...
    def add(self, outcome: Outcome) -> str: ...
    def close(self, tally: Tally) -> str: ...


class Finish:
    """What a worker does after checking a file: redact, render, and drop the full result
    unless the sink needs it (so little crosses between processes).

    With ``redact`` the name and BIG number go, and so does the file name (often the
    person's name): ``labels`` maps each file as given to its neutral label
    (``portfolio-1``, ... in input order, see ``labels``), used in every format and in the
    problems the CLI prints."""

    def __init__(self, sink: Sink, *, redact: bool, labels: dict[str, str] | None = None) -> None:
        self.sink, self.redact, self.labels = sink, redact, labels or {}

    def __call__(self, outcome: Outcome) -> Outcome:
        result = outcome.result
        if result is not None and self.redact:
            result = redacted(result)
        done = outcome._replace(result=result)
        if self.redact:
            done = relabelled(done, self.labels.get(outcome.file, REDACTED_FILE))
        return done._replace(
            piece=self.sink.piece(done),
            verdict=result.verdict if result is not None else None,
            result=done.result if self.sink.keeps_result else None,
        )


REDACTED_FILE = "portfolio"


def labels(files: Iterable[str]) -> dict[str, str]:
    """A neutral label per file, numbered in input order: ``portfolio-1``, ``portfolio-2``;
    a file given twice keeps its first label."""
    out: dict[str, str] = {}
    for file in files:
        out.setdefault(file, f"{REDACTED_FILE}-{len(out) + 1}")
    return out


def relabelled(outcome: Outcome, label: str) -> Outcome:
    """The outcome with ``label`` for its file name, in the result and in every problem."""
    result = outcome.result
    if result is not None:
        result = result.model_copy(update={"file": label})
    problems = tuple(p.in_file(label) for p in outcome.problems)
    return outcome._replace(file=label, result=result, problems=problems)


class TextSink:
    """The text report per file and the summary after a batch: rich for a terminal
    (``rich``), plain text otherwise (``render/plain.py``, which never loads rich)."""

    keeps_result = False

    def __init__(
        self,
        lang: Lang,
        *,
        color: bool,
        width: int,
        summary: bool,
        only: bool,
        rich: bool = False,
        short: bool = False,
    ) -> None:
        self.lang, self.color, self.width = lang, color, width
        self.summary, self.only = summary, only
        self.rich, self.short = rich or color, short
        self.count = 0

    def piece(self, outcome: Outcome) -> str:
        if self.only or outcome.result is None:
            return ""
        if not self.rich:
            from pzspec.render import plain

            return plain.render([outcome.result], self.lang, width=self.width, short=self.short)
        from pzspec.render import text

        results = [outcome.result]
        return text.render(results, self.lang, color=self.color, width=self.width, short=self.short)

    def add(self, outcome: Outcome) -> str:
        if not outcome.piece:
            return ""
        self.count += 1
        return ("\n" if self.count > 1 else "") + outcome.piece

    def close(self, tally: Tally) -> str:
        if not (self.summary or self.only):
            return ""
        if self.rich:
            from pzspec.render import text

            summary = text.summary(tally, self.lang, color=self.color, width=self.width)
        else:
            from pzspec.render import plain

            summary = plain.summary(tally, self.lang, width=self.width)
        return ("\n" if self.count else "") + summary


class JsonSink:
    """A JSON array (or one object for a single file), written element by element."""

    keeps_result = False

    def __init__(self, lang: Lang, *, array: bool) -> None:
        self.lang, self.array = lang, array
        self.count = 0

    def piece(self, outcome: Outcome) -> str:
        body = json.dumps(_entry(outcome, self.lang), ensure_ascii=False, indent=2)
        return "\n".join("  " + line for line in body.split("\n")) if self.array else body + "\n"

    def add(self, outcome: Outcome) -> str:
        if not outcome.piece:
            return ""
        self.count += 1
        if not self.array:
            return outcome.piece
        return ("[\n" if self.count == 1 else ",\n") + outcome.piece

    def close(self, tally: Tally) -> str:
        if not self.array:
            return ""
        return "\n]\n" if self.count else "[]\n"


def _entry(outcome: Outcome, lang: Lang) -> dict[str, object]:
    """The result, or for a file that could not be checked its ``file`` and ``error``."""
    if outcome.result is not None:
        return as_dict(outcome.result, lang)
    return unusable(outcome.file, outcome.problems, outcome.internal, lang)


_LINE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
"""One JSON line. Fresh dicts, never a cycle: the check for one cost a tenth of the encoding."""


class JsonLinesSink:
    keeps_result = False

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def piece(self, outcome: Outcome) -> str:
        data = _entry(outcome, self.lang)
        return _LINE.encode(data) + "\n"

    def add(self, outcome: Outcome) -> str:
        return outcome.piece

    def close(self, tally: Tally) -> str:
        return ""


def _gh(text: str) -> str:
    """Escape a GitHub workflow command value: one line (line breaks, control, bidi and
    invisible characters shown escaped, as in every message), ``%`` encoded. Every line of
    the github format starts with a ``::`` command of pzspec's own."""
    return one_line(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh(text).replace(":", "%3A").replace(",", "%2C")


class GithubSink:
    """GitHub Actions annotations, one group per file."""

    keeps_result = False

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def add(self, outcome: Outcome) -> str:
        return outcome.piece

    def close(self, tally: Tally) -> str:
        return ""

    def piece(self, outcome: Outcome) -> str:
        f = _gh_prop(outcome.file)
        lines = [f"::group::{_gh(outcome.file)}"]
        for p in outcome.problems:
            where = f",line={p.line},col={p.column or 1}" if p.line else ""
            lines.append(f"::error file={f}{where}::{_gh(problem_text(p, self.lang))}")
        r = outcome.result
        if r is not None:
            level = {"not-eligible": "error", "needs-review": "warning"}.get(r.verdict, "notice")
            title = _gh_prop(f"pzspec: {tr(self.lang, 'verdict.' + r.verdict)}")
            summary = _gh(tr(self.lang, "summary." + r.verdict))
            lines.append(f"::{level} file={f},line=1,title={title}::{summary}")
            for req in r.requirements:
                if req.status in ("unmet", "review", "undetermined"):
                    kind = "error" if req.status == "unmet" else "warning"
                    line = outcome.lines.get(req.id, 1)
                    said = word(req.explanation, self.lang)
                    text = f"{tr(self.lang, 'req.' + req.id)}: {said}"
                    if req.missing:
                        text += " — " + "; ".join(words(req.missing, self.lang))
                    lines.append(f"::{kind} file={f},line={line}::{_gh(text)}")
        lines.append("::endgroup::")
        return "\n".join(lines) + "\n"


class JunitSink:
    """JUnit XML: one test suite per portfolio, one test case per requirement."""

    keeps_result = False
    HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pzspec">\n'

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.started = False

    def add(self, outcome: Outcome) -> str:
        head = "" if self.started else self.HEAD
        self.started = True
        return head + outcome.piece

    def close(self, tally: Tally) -> str:
        return ("" if self.started else self.HEAD) + "</testsuites>\n"

    def piece(self, outcome: Outcome) -> str:
        from xml.sax.saxutils import escape, quoteattr  # only here: it loads urllib

        name = quoteattr(outcome.file)
        if outcome.result is None:
            message = "; ".join(problem_line(p, self.lang) for p in outcome.problems)
            return (
                f'  <testsuite name={name} tests="1" failures="0" errors="1">\n'
                f'    <testcase classname={name} name="load">\n'
                f"      <error message={quoteattr(message)}/>\n"
                "    </testcase>\n  </testsuite>\n"
            )
        r: CheckResult = outcome.result
        cases = []
        failures = 0
        for req in r.requirements:
            case = f"    <testcase classname={name} name={quoteattr(req.id)}"
            if req.status in ("unmet", "review", "undetermined"):
                failures += 1
                said = word(req.explanation, self.lang)
                text = "; ".join(words(req.missing, self.lang)) or said
                kind, message = quoteattr(req.status), quoteattr(said)
                cases.append(
                    f"{case}>\n      <failure type={kind} message={message}>"
                    f"{escape(text)}</failure>\n    </testcase>\n"
                )
            elif req.status in ("not-applicable", "info"):
                cases.append(
                    f"{case}>\n      <skipped message={quoteattr(req.status)}/>\n    </testcase>\n"
                )
            else:
                cases.append(f"{case}/>\n")
        verdict = quoteattr(r.verdict)
        return (
            f'  <testsuite name={name} tests="{len(cases)}" failures="{failures}" errors="0">\n'
            f'    <properties><property name="verdict" value={verdict}/></properties>\n'
            + "".join(cases)
            + "  </testsuite>\n"
        )


class DocumentSink:
    """HTML or Markdown. One document for the whole batch, rendered at the end; or, with
    ``each``, one document per portfolio, rendered where it was checked (``piece``), for the
    CLI to write into a folder (``pzspec check DIR -f html -o MAP/``): nothing is kept."""

    def __init__(
        self, fmt: str, lang: Lang, book: RuleBook | None = None, *, each: bool = False
    ) -> None:
        self.fmt, self.lang, self.book, self.each = fmt, lang, book, each
        self.keeps_result = not each
        self.results: list[CheckResult] = []

    def piece(self, outcome: Outcome) -> str:
        if not self.each or outcome.result is None:
            return ""
        from pzspec.render import documents

        return documents.render([outcome.result], self.fmt, self.lang, self.book)

    def add(self, outcome: Outcome) -> str:
        if self.each:
            return outcome.piece  # a whole document, for its own file
        if outcome.result is not None:
            self.results.append(outcome.result)
        return ""

    def close(self, tally: Tally) -> str:
        if not self.results:
            return ""
        from pzspec.render import documents

        return documents.render(self.results, self.fmt, self.lang, self.book)
