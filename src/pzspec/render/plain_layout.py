"""The words of a check report, in the order both text renderers show them.

``layout`` turns a result into plain strings (no styling, no widths): the plain renderer
(``render/plain.py``, for pipes and files) and the rich renderer (``render/text.py``, for
terminals) both draw from it, so the two say exactly the same words in the same order:
the verdict, then what is missing, then the details per requirement, the thresholds that
are not settled, the sources and the disclaimer. Every text from a portfolio or the rule
data is one line here: a line break in a name must not put a line of its own (a forged
verdict) into the report.
"""

from __future__ import annotations

from typing import NamedTuple

from pzspec.errors import one_line as _s
from pzspec.models.result import CheckResult, Requirement
from pzspec.render.i18n import Lang, tr
from pzspec.render.source_notes import source_text
from pzspec.render.words import unit_text, value_text, word


class Row(NamedTuple):
    """One requirement: its name, status (with ``*`` when provisional), explanation, facts."""

    name: str
    status: str
    status_key: str
    star: bool
    explanation: str
    facts: tuple[str, ...]


class Param(NamedTuple):
    """One threshold that is not settled: what it is, its value, its basis and its source."""

    description: str
    value: str
    basis: str
    source: str


class Layout(NamedTuple):
    who: str
    profession: str
    file: str
    context: str
    verdict_title: str
    verdict: str
    verdict_key: str
    provisional_mark: str | None
    summary: str
    provisional_note: str | None
    missing_title: str
    missing: tuple[str, ...]
    columns: tuple[str, str, str]
    rows: tuple[Row, ...]
    parameters_title: str
    parameters: tuple[Param, ...]
    star_note: str
    any_star: bool
    sources_title: str
    sources: tuple[tuple[str, str], ...]
    disclaimer: str


def layout(r: CheckResult, lang: Lang) -> Layout:
    provisional = r.provisional
    return Layout(
        who=_s(r.person.name or tr(lang, "text.anonymous")),
        profession=_s(word(r.person.profession_label, lang)),
        file=_s(r.file),
        context=tr(
            lang,
            "text.context",
            profile=_s(word(r.profile_title, lang) if r.profile_title else "-"),
            version=r.rules_version,
            as_of=r.as_of,
        ),
        verdict_title=tr(lang, "text.verdict"),
        verdict=tr(lang, "verdict." + r.verdict).upper(),
        verdict_key=r.verdict,
        provisional_mark=tr(lang, "text.provisional_mark") if provisional else None,
        summary=tr(lang, "summary." + r.verdict),
        provisional_note=tr(lang, "text.provisional_note") if provisional else None,
        # who qualifies through the transition lacks these only for a recognition without it
        missing_title=tr(
            lang,
            "text.missing.transition" if r.verdict == "eligible-transition" else "text.missing",
        ),
        missing=tuple(
            f"{tr(lang, 'req.' + req.id)}: {_s(word(m, lang))}"
            for req in r.requirements
            for m in req.missing
        ),
        columns=(
            tr(lang, "text.col.requirement"),
            tr(lang, "text.col.status"),
            tr(lang, "text.col.explanation"),
        ),
        rows=tuple(_row(req, lang) for req in r.requirements),
        parameters_title=tr(lang, "text.parameters"),
        parameters=_parameters(r, lang),
        star_note=tr(lang, "text.star"),
        any_star=any(req.provisional for req in r.requirements),
        sources_title=tr(lang, "text.sources"),
        sources=tuple(
            (tr(lang, "req." + req.id), _s(source_text(req.source, lang))) for req in r.requirements
        ),
        disclaimer=tr(lang, "report.disclaimer"),
    )


def _row(req: Requirement, lang: Lang) -> Row:
    return Row(
        name=tr(lang, "req." + req.id),
        status=tr(lang, "status." + req.status),
        status_key=req.status,
        star=req.provisional,
        explanation=_s(word(req.explanation, lang)),
        facts=tuple(_s(word(fact, lang)) for fact in req.facts),
    )


def _parameters(r: CheckResult, lang: Lang) -> tuple[Param, ...]:
    """The thresholds that are not settled (Delphi or provisional) and decided here."""
    seen = {p.id: p for req in r.requirements for p in req.parameters if p.basis != "stated"}
    return tuple(
        Param(
            description=_s(p.description.get(lang)),
            value=_s(value_text(p.value, lang) + unit_text(p.unit, lang)),
            basis=tr(lang, "basis." + p.basis),
            source=f"{tr(lang, 'text.source')}: {_s(source_text(p.source, lang))}",
        )
        for p in seen.values()
    )
