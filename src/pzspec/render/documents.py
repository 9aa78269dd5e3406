"""HTML and Markdown reports, rendered with jinja2 from ``templates/``.

One set of templates serves both languages: every word comes from ``pzspec.render.i18n`` through
the ``t`` function the templates receive. Portfolio text is untrusted, so the HTML
environment autoescapes, and the Markdown environment escapes every ``{{ ... }}`` output
(``finalize``) so that no portfolio text can become markup, a link or a table column.

The templates get a view per portfolio (``ReportView``) that has already done the
arithmetic (timeline cells, deduplicated parameters, sources); they only lay it out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pzspec.models.result import CheckResult, Requirement
from pzspec.render.i18n import Lang, tr
from pzspec.render.markup import html_visible, md_escape
from pzspec.render.source_notes import source_text
from pzspec.render.words import unit_text, value_text, word, words

if TYPE_CHECKING:
    import jinja2

    from pzspec.evaluate.plan import Plan
    from pzspec.load.catalog import RuleBook
    from pzspec.models.rules import Profile
    from pzspec.render.plan_out import RouteView

DocFormat = Literal["html", "markdown"]
TEMPLATES: dict[DocFormat, str] = {"html": "report.html.j2", "markdown": "report.md.j2"}
CellState = Literal["counted", "empty", "outside"]


# --- the view the templates see -------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    month: str  # "YYYY-MM"
    state: CellState


@dataclass(frozen=True)
class TimelineRow:
    year: int
    cells: tuple[Cell, ...]  # always 12, January first

    @property
    def counted(self) -> int:
        return sum(c.state == "counted" for c in self.cells)


@dataclass(frozen=True)
class Timeline:
    """The months of the experience window, each counted (relevant) or not."""

    start: str
    end: str
    status: str
    months: int
    required: int
    window: int
    rows: tuple[TimelineRow, ...]

    @property
    def fill_percent(self) -> float:
        return _percent(self.months, self.window)

    @property
    def required_percent(self) -> float:
        return _percent(self.required, self.window)


@dataclass(frozen=True)
class ParamView:
    id: str
    description: str
    value: str
    basis: str
    source: str


@dataclass(frozen=True)
class ActivityView:
    id: str
    text: str
    kinds: tuple[str, ...]  # labels in the report's language
    evidenced: bool


@dataclass(frozen=True)
class DomainView:
    id: str
    title: str
    competencies: tuple[str, ...]


@dataclass(frozen=True)
class Practice:
    explanation: str
    activities: tuple[ActivityView, ...]
    kinds_shown: tuple[str, ...]
    kwaliteitskader: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    label: str
    text: str


@dataclass(frozen=True)
class RequirementView:
    """A requirement in the report's language."""

    id: str
    status: str
    provisional: bool
    explanation: str
    facts: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class ReportView:
    result: CheckResult
    name: str
    profession_label: str
    profile_title: str | None
    requirements: tuple[RequirementView, ...]
    timeline: Timeline | None
    leadership: str | None
    domains: tuple[DomainView, ...]
    practice: Practice | None
    parameters: tuple[ParamView, ...]  # thresholds that are not (yet) fixed
    provisional_requirements: tuple[str, ...]
    facts_elsewhere: tuple[str, ...]  # requirements whose facts another section shows
    profile_unavailable: bool  # the result names a profile this pzspec does not ship
    sources: tuple[Source, ...]
    route: RouteView | None = None  # "Uw route" (pzspec plan -f html)


# --- entry point ------------------------------------------------------------------------
def render(
    results: list[CheckResult],
    fmt: str,
    lang: Lang,
    book: RuleBook | None = None,
    plans: dict[str, Plan] | None = None,
) -> str:
    """The document for ``results`` in ``fmt`` (``html`` or ``markdown``) and ``lang``.
    ``book`` is the rule book the results came from (with any overlays); without it the
    shipped version named in each result is used for profile texts."""
    if fmt not in TEMPLATES:
        raise ValueError(f"unknown document format {fmt!r}")
    kind: DocFormat = "html" if fmt == "html" else "markdown"
    template = _environment(kind).get_template(TEMPLATES[kind])

    def t(key: str, **kw: object) -> str:
        return tr(lang, key, **kw)

    from pzspec import __version__

    text = template.render(
        reports=[view(r, lang, book, (plans or {}).get(r.file)) for r in results],
        lang=lang,
        t=t,
        version=__version__,
        month_initials=t("doc.month_initials").split(),
    )
    return text if text.endswith("\n") else text + "\n"


@functools.cache
def _environment(kind: DocFormat) -> jinja2.Environment:
    import jinja2

    from pzspec.load.catalog import templates_dir

    common: dict[str, Any] = {
        "loader": jinja2.FileSystemLoader(str(templates_dir())),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        "auto_reload": False,
    }
    if kind == "html":
        env = jinja2.Environment(
            autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2")),
            finalize=html_visible,
            **common,
        )
    else:
        # Markdown has no autoescape: escape every expression's output instead.
        env = jinja2.Environment(autoescape=False, finalize=md_escape, **common)
    env.filters["percent"] = lambda v: f"{v:.1f}".rstrip("0").rstrip(".")
    return env


# --- building the view ------------------------------------------------------------------
def view(
    result: CheckResult, lang: Lang, book: RuleBook | None = None, plan: Plan | None = None
) -> ReportView:
    """Everything a template needs for one portfolio (with ``plan``: its route)."""
    if book is None or book.version != result.rules_version:
        book = _book(result.rules_version, lang)
    profile = book.profiles.get(result.profile) if book and result.profile else None
    reqs = {r.id: r for r in result.requirements}
    practice_req = reqs.get("practice")
    practice = _practice(practice_req, book, lang) if practice_req else None
    return ReportView(
        result=result,
        name=result.person.name or tr(lang, "text.anonymous"),
        profession_label=word(result.person.profession_label, lang),
        profile_title=word(result.profile_title, lang) if result.profile_title else None,
        requirements=tuple(_requirement(r, lang) for r in result.requirements),
        timeline=timeline(reqs["experience"]) if "experience" in reqs else None,
        leadership=profile.leadership.text if profile else None,
        domains=_domains(profile, book, lang) if profile and book else (),
        practice=practice,
        parameters=_open_parameters(result, lang),
        provisional_requirements=tuple(r.id for r in result.requirements if r.provisional),
        facts_elsewhere=("practice",) if practice else (),
        profile_unavailable=result.profile is not None and profile is None,
        sources=_sources(result, profile, book, lang),
        route=_route(plan, lang),
    )


def _route(plan: Plan | None, lang: Lang) -> RouteView | None:
    from pzspec.render.plan_out import route_view

    return route_view(plan, lang) if plan is not None else None


def _requirement(req: Requirement, lang: Lang) -> RequirementView:
    return RequirementView(
        req.id,
        req.status,
        req.provisional,
        word(req.explanation, lang),
        tuple(words(req.facts, lang)),
        tuple(words(req.missing, lang)),
    )


def _book(version: str, lang: Lang) -> RuleBook | None:
    """The shipped rule book of ``version``, for profile texts and labels; None when the
    result came from rule data given with ``--rules`` that this pzspec does not ship."""
    from pzspec.errors import InputError
    from pzspec.load.catalog import by_version

    try:
        return by_version(version)
    except InputError:
        return None


def timeline(req: Requirement) -> Timeline | None:
    """The window's months as rows of twelve, or None when experience was not assessed."""
    details = req.details
    start_s, end_s = details.get("window_start"), details.get("window_end")
    if not isinstance(start_s, str) or not isinstance(end_s, str):
        return None
    start, end = dt.date.fromisoformat(start_s), dt.date.fromisoformat(end_s)
    counted = {str(m) for m in details.get("counted_months", [])}
    window = set(window_months(start, end)) | counted
    rows = []
    for year in range(start.year, end.year + 1):
        cells = tuple(
            Cell(
                m,
                "counted" if m in counted else "empty" if m in window else "outside",
            )
            for m in (f"{year:04d}-{month:02d}" for month in range(1, 13))
        )
        if any(c.state != "outside" for c in cells):
            rows.append(TimelineRow(year, cells))
    return Timeline(
        start=start_s,
        end=end_s,
        status=req.status,
        months=req.months if req.months is not None else len(counted),
        required=req.required_months or 0,
        window=req.window_months or len(window),
        rows=tuple(rows),
    )


def window_months(start: dt.date, end: dt.date) -> list[str]:
    """The calendar months that can count in the window ``start``..``end`` (inclusive).

    The rule of ``pzspec.evaluate.months``: a month counts when at least half of its days are
    covered, so a first or last month with fewer than half its days inside the window
    can never count and is not part of the timeline.
    """
    out = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        days = calendar.monthrange(year, month)[1]
        first = max(start, dt.date(year, month, 1))
        last = min(end, dt.date(year, month, days))
        if ((last - first).days + 1) * 2 >= days:
            out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _percent(part: int, whole: int) -> float:
    if whole <= 0:
        return 0.0
    return round(100 * min(max(part / whole, 0.0), 1.0), 1)


def _domains(profile: Profile, book: RuleBook, lang: Lang) -> tuple[DomainView, ...]:
    # The profile words the domain titles in Dutch; the rule data has English labels.
    labels = {d.id: d.label.get(lang) for d in book.rules.domains}
    return tuple(
        DomainView(
            id=d.id,
            title=d.title if lang == "nl" else labels.get(d.id, d.title),
            competencies=tuple(c.text for c in d.competencies),
        )
        for d in profile.domains
    )


def _practice(req: Requirement, book: RuleBook | None, lang: Lang) -> Practice | None:
    raw = req.details.get("activities")
    if not isinstance(raw, list):
        return None
    kinds = {k.id: k.label.get(lang) for k in book.rules.activity_kinds} if book else {}
    return Practice(
        explanation=word(req.explanation, lang),
        activities=tuple(
            ActivityView(
                id=str(a["id"]),
                text=str(a["text"]),
                kinds=tuple(kinds.get(k, k) for k in a.get("kinds", [])),
                evidenced=bool(a.get("evidenced")),
            )
            for a in raw
        ),
        kinds_shown=tuple(kinds.get(k, k) for k in req.details.get("kinds_shown", [])),
        kwaliteitskader=tuple(str(d) for d in req.details.get("kwaliteitskader_domains", [])),
    )


def _open_parameters(result: CheckResult, lang: Lang) -> tuple[ParamView, ...]:
    seen: dict[str, ParamView] = {}
    for req in result.requirements:
        for p in req.parameters:
            if p.basis != "stated" and p.id not in seen:
                seen[p.id] = ParamView(
                    p.id,
                    p.description.get(lang),
                    value_text(p.value, lang) + unit_text(p.unit, lang),
                    p.basis,
                    source_text(p.source, lang),
                )
    return tuple(seen.values())


def _sources(
    result: CheckResult, profile: Profile | None, book: RuleBook | None, lang: Lang
) -> tuple[Source, ...]:
    out = [
        Source(tr(lang, "req." + r.id), source_text(r.source, lang)) for r in result.requirements
    ]
    if profile is not None:
        out.append(Source(tr(lang, "doc.source.profile"), source_text(profile.source, lang)))
    if book is not None:
        rules = book.rules
        out.append(
            Source(
                tr(lang, "doc.source.rules"),
                f"{rules.title}, {rules.publisher} ({rules.source})",
            )
        )
    return tuple(out)
