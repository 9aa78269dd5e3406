"""Expected outcomes in a portfolio (``expect:``, issue 18): the model, strict reading with
``file:line:col`` messages, and the comparison of one expectation with a check result.

``pzspec check`` ignores the block; ``pzspec test`` (see ``expect_run``) reads it here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pzspec.errors import InputError, Problem, echo, secrets_of
from pzspec.evaluate.engine import verdict as deciding_requirements
from pzspec.load import yamlio
from pzspec.load.loader import problems_from, unknown_hint
from pzspec.messages import msg
from pzspec.models.base import Strict
from pzspec.models.result import VERDICTS, CheckResult, Requirement, Said

REQUIREMENTS = ("profession", "registration", "education", "experience", "transition", "practice")
STATUSES = ("met", "unmet", "review", "undetermined", "info", "not-applicable")


class Expectation(Strict):
    """One agreed outcome: on ``as_of`` the portfolio gets ``verdict`` (and, when given,
    these requirement statuses and this provisional flag)."""

    as_of: dt.date
    verdict: str
    requirements: dict[str, str] = Field(default_factory=dict)
    provisional: bool | None = None


class _One(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", defer_build=True)
    expect: Expectation


class _Many(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", defer_build=True)
    expect: list[Expectation]


@dataclass(frozen=True)
class Expected:
    """An expectation with where it stands in the file."""

    expectation: Expectation
    index: int | None  # position in the list; None for a single mapping
    line: int

    @property
    def path(self) -> tuple[str | int, ...]:
        return ("expect",) if self.index is None else ("expect", self.index)


def has_expect(doc: yamlio.Document) -> bool:
    return isinstance(doc.data, dict) and "expect" in doc.data


def read(doc: yamlio.Document) -> list[Expected]:
    """The expectations of ``doc`` (which has an ``expect:`` key), or InputError with one
    problem per mistake."""
    assert isinstance(doc.data, dict)
    raw = doc.data["expect"]
    model: type[BaseModel] = _Many if isinstance(raw, list) else _One
    if isinstance(raw, list) and not raw:
        line, col = doc.where(("expect",))
        raise InputError.single(doc.file, msg("test.err.empty"), msg("test.hint.expect"), line, col)
    try:
        parsed = model.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError(problems_from(exc, doc, model)) from None
    items = parsed.expect if isinstance(parsed, _Many) else [parsed.expect]  # type: ignore[attr-defined]
    found = []
    for i, e in enumerate(items):
        index = i if isinstance(raw, list) else None
        path = ("expect",) if index is None else ("expect", index)
        found.append(Expected(e, index, doc.where(path, key=True)[0] or 1))
    problems = [p for x in found for p in _id_problems(doc, x)]
    if problems:
        raise InputError(problems)
    return found


def _id_problems(doc: yamlio.Document, x: Expected) -> Iterable[Problem]:
    e = x.expectation
    if e.verdict not in VERDICTS:
        yield _unknown(doc, (*x.path, "verdict"), "test.err.verdict", e.verdict, VERDICTS)
    for rid, status in e.requirements.items():
        where = (*x.path, "requirements", rid)
        if rid not in REQUIREMENTS:
            yield _unknown(doc, where, "test.err.requirement", rid, REQUIREMENTS, key=True)
        elif status not in STATUSES:
            yield _unknown(doc, where, "test.err.status", status, STATUSES)


def _unknown(
    doc: yamlio.Document,
    path: tuple[str | int, ...],
    message_id: str,
    value: str,
    choices: Iterable[str],
    *,
    key: bool = False,
) -> Problem:
    line, col = doc.where(path, key=key)
    secrets = secrets_of(doc.data)
    hint = unknown_hint(value, choices, secrets)
    message = msg(message_id, value=echo(value, secrets))
    return Problem(doc.file, line, col, message, hint)


# --- comparing -------------------------------------------------------------------------
@dataclass(frozen=True)
class Reason:
    """A requirement as the report shows it when an expectation fails. The report words
    the explanation and what is missing, then ``scrub``s the portfolio's ``secrets``."""

    requirement: str
    status: str
    explanation: Said
    missing: tuple[Said, ...] = ()
    secrets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Difference:
    what: str  # "verdict", "provisional" or a requirement id
    expected: str
    got: str
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Case:
    """One expectation of one file, and what the check gave."""

    file: str
    expected: Expected
    verdict: str
    provisional: bool
    statuses: dict[str, str]
    differences: tuple[Difference, ...] = ()
    decisive: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.differences

    @property
    def as_of(self) -> str:
        return self.expected.expectation.as_of.isoformat()

    @property
    def name(self) -> str:
        """The test case's name: its date, and its position when the file has several."""
        i = self.expected.index
        return self.as_of if i is None else f"{self.as_of} [{i + 1}]"


_DIGITS = re.compile(r"(?<![0-9])[0-9](?:[ .]?[0-9]){10}(?![0-9])")


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    """``text`` without the portfolio's name or BIG number (nor any 11-digit number)."""
    text = _DIGITS.sub("…", text)
    for secret in secrets:
        if len(secret) >= 2:
            text = re.sub(re.escape(secret), "…", text, flags=re.IGNORECASE)
    return text


def _reason(req: Requirement, secrets: tuple[str, ...], *, provisional: bool = False) -> Reason:
    text = req.provisional_reason if provisional and req.provisional_reason else req.explanation
    return Reason(req.id, req.status, text, tuple(req.missing), secrets)


def deciding(result: CheckResult) -> list[str]:
    """The requirements that decided the verdict (domain.md section 4)."""
    return deciding_requirements({r.id: r for r in result.requirements})[1]


def compare(x: Expected, result: CheckResult, secrets: tuple[str, ...]) -> list[Difference]:
    e = x.expectation
    reqs = {r.id: r for r in result.requirements}
    out: list[Difference] = []
    wrong = [rid for rid, s in e.requirements.items() if reqs[rid].status != s]
    if result.verdict != e.verdict:
        decided = [reqs[rid] for rid in deciding(result) if rid not in wrong]
        shown = [r for r in decided if r.status != "met"] or decided
        reasons = tuple(_reason(r, secrets) for r in shown)
        out.append(Difference("verdict", e.verdict, result.verdict, reasons))
    for rid in wrong:
        req = reqs[rid]
        out.append(Difference(rid, e.requirements[rid], req.status, (_reason(req, secrets),)))
    if e.provisional is not None and e.provisional != result.provisional:
        marked = [reqs[rid] for rid in deciding(result) if reqs[rid].provisional]
        reasons = tuple(_reason(r, secrets, provisional=True) for r in marked)
        out.append(
            Difference("provisional", _bool(e.provisional), _bool(result.provisional), reasons)
        )
    return out


def _bool(value: bool) -> str:
    return "true" if value else "false"
