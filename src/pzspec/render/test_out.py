"""The output of ``pzspec test`` (issue 18): text, json, junit and github.

Only what the expectation and the check say is shown: file, date, verdict, requirement
statuses with their explanation and what is missing; never a name or BIG number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from pzspec.errors import Problem, no_commands, one_line
from pzspec.evaluate.expect import Case, Difference, Reason, scrub
from pzspec.render.batch import _gh, _gh_prop
from pzspec.render.i18n import Lang, counted, tr
from pzspec.render.problems import problem_json, problem_line, problem_text
from pzspec.render.words import Wordable, word


@dataclass(frozen=True)
class Run:
    """Everything a run of ``pzspec test`` found."""

    cases: list[Case]
    skipped: int
    problems: list[Problem]
    coverage: dict[str, Any] | None = None

    @property
    def failed(self) -> list[Case]:
        return [c for c in self.cases if not c.passed]


def render(run: Run, fmt: str, lang: Lang) -> str:
    if fmt == "json":
        return json.dumps(as_dict(run, lang), ensure_ascii=False, indent=2) + "\n"
    if fmt == "junit":
        return junit(run, lang)
    if fmt == "github":
        return github(run, lang)
    return text(run, lang)


# --- text ------------------------------------------------------------------------------
def _what(what: str, lang: Lang) -> str:
    if what in ("verdict", "provisional"):
        return tr(lang, f"test.what.{what}")
    return tr(lang, f"req.{what}")


def _value(what: str, value: str, lang: Lang) -> str:
    if what == "verdict":
        return f"{value} ({tr(lang, 'verdict.' + value)})"
    if what == "provisional":
        return value
    return f"{value} ({tr(lang, 'status.' + value)})"


def difference_lines(d: Difference, lang: Lang) -> list[str]:
    """The lines that explain one difference (shared by every format)."""
    lines = [
        tr(
            lang,
            "test.expected_got",
            what=_what(d.what, lang),
            expected=_value(d.what, d.expected, lang),
            got=_value(d.what, d.got, lang),
        )
    ]
    for r in d.reasons:
        status = tr(lang, "status." + r.status)
        said = one_line(_said(r.explanation, r, lang))
        lines.append(f"  {tr(lang, 'req.' + r.requirement)} ({status}): {said}")
        lines += [
            f"    {tr(lang, 'test.missing', text=one_line(_said(m, r, lang)))}" for m in r.missing
        ]
    return lines


def text(run: Run, lang: Lang) -> str:
    out: list[str] = []
    for c in run.cases:
        where = f"{c.file}:{c.expected.line}"
        if c.passed:
            out.append(f"{tr(lang, 'test.pass')}  {where}  {c.name}  {c.verdict}")
            continue
        out.append(f"{tr(lang, 'test.fail')}  {where}  {c.name}")
        for d in c.differences:
            out += ["    " + line for line in difference_lines(d, lang)]
    out.append("")
    out.append(summary(run, lang))
    if run.coverage is not None:
        out += ["", *coverage_text(run.coverage, lang)]
    return no_commands("\n".join(one_line(x) for x in out)) + "\n"


def summary(run: Run, lang: Lang) -> str:
    passed = len(run.cases) - len(run.failed)
    total = counted(lang, len(run.cases), "expectation")
    parts = [tr(lang, "test.summary", total=total, passed=passed, failed=len(run.failed))]
    if run.skipped:
        parts.append(tr(lang, "test.skipped", count=run.skipped))
    if run.problems:
        unusable = counted(lang, len({p.file for p in run.problems}), "file")
        parts.append(tr(lang, "test.unusable", count=unusable))
    return "; ".join(parts)


def coverage_text(cov: dict[str, Any], lang: Lang) -> list[str]:
    total = cov["summary"]
    lines = [tr(lang, "test.cov.title", covered=total["covered"], total=total["total"])]
    sections = (
        ("education_routes", lambda r: f"{r['profile']}: {r['route']}"),
        (
            "transition_routes",
            lambda r: f"{r['profile']}: {r['route']} ({', '.join(r['forms']) or '-'})",
        ),
        ("transition_forms", lambda r: r["form"]),
        ("condition_types", lambda r: r["type"]),
        ("parameters", lambda r: r["id"]),
    )
    for key, label in sections:
        rows = cov[key]
        lines.append("")
        covered = sum(1 for r in rows if r["covered"])
        lines.append(tr(lang, f"test.cov.{key}", covered=covered, total=len(rows)))
        for row in rows:
            count = (
                tr(lang, "test.cov.tests", count=counted(lang, row["tests"], "test"))
                if row["covered"]
                else tr(lang, "test.cov.never")
            )
            mark = "+" if row["covered"] else "-"
            lines.append(f"  {mark} {label(row)}: {count}")
    return lines


# --- json ------------------------------------------------------------------------------
def case_dict(c: Case, lang: Lang) -> dict[str, Any]:
    e = c.expected.expectation
    expected: dict[str, Any] = {"verdict": e.verdict}
    if e.requirements:
        expected["requirements"] = dict(e.requirements)
    if e.provisional is not None:
        expected["provisional"] = e.provisional
    row: dict[str, Any] = {
        "file": c.file,
        "line": c.expected.line,
        "as_of": c.as_of,
        "name": c.name,
        "passed": c.passed,
        "expected": expected,
        "got": {"verdict": c.verdict, "provisional": c.provisional, "requirements": c.statuses},
        "differences": [
            {
                "what": d.what,
                "expected": d.expected,
                "got": d.got,
                "requirements": [
                    {
                        "id": r.requirement,
                        "status": r.status,
                        "explanation": _said(r.explanation, r, lang),
                        "missing": [_said(m, r, lang) for m in r.missing],
                    }
                    for r in d.reasons
                ],
            }
            for d in c.differences
        ],
    }
    if c.decisive:
        row["decisive"] = c.decisive
    return row


def as_dict(run: Run, lang: Lang) -> dict[str, Any]:
    passed = len(run.cases) - len(run.failed)
    out: dict[str, Any] = {
        "tests": [case_dict(c, lang) for c in run.cases],
        "summary": {
            "total": len(run.cases),
            "passed": passed,
            "failed": len(run.failed),
            "skipped": run.skipped,
            "unusable": len({p.file for p in run.problems}),
        },
        "errors": [
            # the whole line as before; the problem's own words, hint, code and args beside it
            {
                **problem_json(p, lang),
                "message": problem_line(p, lang),
                "text": word(p.message, lang),
            }
            for p in run.problems
        ],
    }
    if run.coverage is not None:
        out["coverage"] = run.coverage
    return out


# --- junit -----------------------------------------------------------------------------
def junit(run: Run, lang: Lang) -> str:
    """One test suite per portfolio, one test case per expectation."""
    by_file: dict[str, list[Case]] = {}
    for c in run.cases:
        by_file.setdefault(c.file, []).append(c)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="pzspec test">']
    for file, cases in by_file.items():
        failures = sum(1 for c in cases if not c.passed)
        name = quoteattr(file)
        out.append(
            f'  <testsuite name={name} tests="{len(cases)}" failures="{failures}" errors="0">'
        )
        for c in cases:
            case = f"    <testcase classname={name} name={quoteattr(c.name)}"
            if c.passed:
                out.append(case + "/>")
                continue
            lines = [x for d in c.differences for x in difference_lines(d, lang)]
            head = difference_lines(c.differences[0], lang)[0]
            out.append(case + ">")
            out.append(
                f'      <failure type="expectation" message={quoteattr(one_line(head))}>'
                f"{escape(chr(10).join(one_line(x) for x in lines))}</failure>"
            )
            out.append("    </testcase>")
        out.append("  </testsuite>")
    for file in dict.fromkeys(p.file for p in run.problems):
        message = "; ".join(problem_line(p, lang) for p in run.problems if p.file == file)
        name = quoteattr(file)
        out.append(f'  <testsuite name={name} tests="1" failures="0" errors="1">')
        out.append(f'    <testcase classname={name} name="load">')
        out.append(f"      <error message={quoteattr(message)}/>")
        out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


# --- github ----------------------------------------------------------------------------
def github(run: Run, lang: Lang) -> str:
    """An error annotation on the line of every failing expectation and every unusable
    file; a notice with the summary."""
    out: list[str] = []
    for p in run.problems:
        where = f",line={p.line},col={p.column or 1}" if p.line else ""
        text_ = problem_text(p, lang)
        out.append(f"::error file={_gh_prop(p.file)}{where}::{_gh(text_)}")
    for c in run.failed:
        title = _gh_prop(f"pzspec test: {c.name}")
        lines = [x for d in c.differences for x in difference_lines(d, lang)]
        safe = "%0A".join(_gh(x) for x in lines)
        out.append(f"::error file={_gh_prop(c.file)},line={c.expected.line},title={title}::{safe}")
    level = "error" if run.failed or run.problems else "notice"
    out.append(f"::{level} title=pzspec test::{_gh(summary(run, lang))}")
    return "\n".join(out) + "\n"


def _said(item: Wordable, reason: Reason, lang: Lang) -> str:
    """A reason's explanation or missing item in words, without the portfolio's name or BIG
    number."""
    return scrub(word(item, lang), reason.secrets)
