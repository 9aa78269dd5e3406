"""Streaming output for many portfolios: each format gets one outcome at a time.

A sink returns text to write now (``add``) and text to write at the end (``close``), so a
batch of any size is written as it is checked, in input order, without holding every result.
"""

from __future__ import annotations

import json
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from pzspec.catalog import RuleBook
from pzspec.check import Outcome, Tally
from pzspec.i18n import Lang, tr
from pzspec.models.result import CheckResult
from pzspec.render.json_out import as_dict


class Sink(Protocol):
    def add(self, outcome: Outcome) -> str: ...
    def close(self, tally: Tally) -> str: ...


class TextSink:
    def __init__(self, lang: Lang, *, color: bool, width: int, summary: bool, only: bool) -> None:
        self.lang, self.color, self.width = lang, color, width
        self.summary, self.only = summary, only
        self.count = 0

    def add(self, outcome: Outcome) -> str:
        if self.only or outcome.result is None:
            return ""
        from pzspec.render import text

        self.count += 1
        sep = "\n" if self.count > 1 else ""
        return sep + text.render([outcome.result], self.lang, color=self.color, width=self.width)

    def close(self, tally: Tally) -> str:
        if not (self.summary or self.only):
            return ""
        from pzspec.render import text

        return ("\n" if self.count else "") + text.summary(
            tally, self.lang, color=self.color, width=self.width
        )


class JsonSink:
    """A JSON array (or one object for a single file), written element by element."""

    def __init__(self, *, array: bool) -> None:
        self.array = array
        self.count = 0

    def add(self, outcome: Outcome) -> str:
        if outcome.result is None:
            return ""
        body = json.dumps(as_dict(outcome.result), ensure_ascii=False, indent=2)
        self.count += 1
        if not self.array:
            return body + "\n"
        indented = "\n".join("  " + line for line in body.split("\n"))
        return ("[\n" if self.count == 1 else ",\n") + indented

    def close(self, tally: Tally) -> str:
        if not self.array:
            return ""
        return "\n]\n" if self.count else "[]\n"


class JsonLinesSink:
    def add(self, outcome: Outcome) -> str:
        if outcome.result is None:
            return ""
        return json.dumps(as_dict(outcome.result), ensure_ascii=False, separators=(",", ":")) + "\n"

    def close(self, tally: Tally) -> str:
        return ""


def _gh(text: str) -> str:
    """Escape a GitHub workflow command value."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh(text).replace(":", "%3A").replace(",", "%2C")


class GithubSink:
    """GitHub Actions annotations, one group per file."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def add(self, outcome: Outcome) -> str:
        f = _gh_prop(outcome.file)
        lines = [f"::group::{_gh(outcome.file)}"]
        for p in outcome.problems:
            where = f",line={p.line},col={p.column or 1}" if p.line else ""
            lines.append(
                f"::error file={f}{where}::{_gh(p.message + (f' ({p.hint})' if p.hint else ''))}"
            )
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
                    text = f"{tr(self.lang, 'req.' + req.id)}: {req.explanation}"
                    if req.missing:
                        text += " — " + "; ".join(req.missing)
                    lines.append(f"::{kind} file={f},line={line}::{_gh(text)}")
        lines.append("::endgroup::")
        return "\n".join(lines) + "\n"

    def close(self, tally: Tally) -> str:
        return ""


class JunitSink:
    """JUnit XML: one test suite per portfolio, one test case per requirement."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.parts: list[str] = []

    def add(self, outcome: Outcome) -> str:
        name = quoteattr(outcome.file)
        if outcome.result is None:
            message = "; ".join(p.format() for p in outcome.problems)
            self.parts.append(
                f'  <testsuite name={name} tests="1" failures="0" errors="1">\n'
                f'    <testcase classname={name} name="load">\n'
                f"      <error message={quoteattr(message)}/>\n"
                "    </testcase>\n  </testsuite>\n"
            )
            return ""
        r: CheckResult = outcome.result
        cases = []
        failures = 0
        for req in r.requirements:
            case = f"    <testcase classname={name} name={quoteattr(req.id)}"
            if req.status in ("unmet", "review", "undetermined"):
                failures += 1
                text = "; ".join(req.missing) or req.explanation
                kind, message = quoteattr(req.status), quoteattr(req.explanation)
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
        self.parts.append(
            f'  <testsuite name={name} tests="{len(cases)}" failures="{failures}" errors="0">\n'
            f'    <properties><property name="verdict" value={verdict}/></properties>\n'
            + "".join(cases)
            + "  </testsuite>\n"
        )
        return ""

    def close(self, tally: Tally) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pzspec">\n'
            + "".join(self.parts)
            + "</testsuites>\n"
        )


class DocumentSink:
    """HTML or Markdown: the whole batch in one document, rendered at the end."""

    def __init__(self, fmt: str, lang: Lang, book: RuleBook | None = None) -> None:
        self.fmt, self.lang, self.book = fmt, lang, book
        self.results: list[CheckResult] = []

    def add(self, outcome: Outcome) -> str:
        if outcome.result is not None:
            self.results.append(outcome.result)
        return ""

    def close(self, tally: Tally) -> str:
        if not self.results:
            return ""
        from pzspec.render import documents

        return documents.render(self.results, self.fmt, self.lang, self.book)
