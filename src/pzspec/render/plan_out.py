"""``pzspec plan`` in words: text, markdown, json and jsonl (docs/portfolio-format.md, "plan").

A sink per run, like the check formats (render/batch.py): ``add`` gives the piece for one
outcome, ``close`` the end (the summary over the files, the closing bracket of an array).
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from pzspec.errors import visible
from pzspec.evaluate.plan import Plan, Step
from pzspec.evaluate.plan_batch import BUCKETS, PlanOutcome, PlanTally
from pzspec.render.i18n import Lang, tr
from pzspec.render.json_out import code_of
from pzspec.render.markup import md_escape
from pzspec.render.words import word

PLAN_FORMATS = ("text", "json", "jsonl", "markdown", "html")
_BUCKET_LABELS = {
    "now": "plan.summary.now",
    "6": "plan.summary.6",
    "12": "plan.summary.12",
    "24": "plan.summary.24",
    "later": "plan.summary.later",
    "never": "plan.summary.never",
}


def step_dict(s: Step, lang: Lang) -> dict[str, Any]:
    return {
        "requirement": s.requirement,
        "code": s.code,
        "action": word(s.action, lang),
        "source": s.source,
        "provisional": s.provisional,
        "by": s.by.isoformat() if s.by else None,
        "reaches": s.reaches,
    } | {"action_coded": code_of(s.action)}


def as_dict(p: Plan, lang: Lang) -> dict[str, Any]:
    """The JSON object of one plan (a public contract: fields may be added, never removed)."""
    earliest = None
    if p.earliest is not None:
        earliest = {
            "date": p.earliest.isoformat(),
            "verdict": p.earliest_verdict,
            "assumes": [word(a, lang) for a in p.assumes],
        }
    return {
        "file": p.file,
        "as_of": p.as_of.isoformat(),
        "verdict": p.verdict,
        "provisional": p.provisional,
        "earliest": earliest,
        "blocked_by": [
            {"requirement": b.requirement, "reason": word(b.reason, lang)} for b in p.blocked
        ],
        "steps": [step_dict(s, lang) for s in p.steps],
    }


def _step_line(s: Step, lang: Lang) -> str:
    line = f"[{tr(lang, 'req.' + s.requirement)}] {word(s.action, lang)}"
    notes = []
    if s.by is not None:
        notes.append(tr(lang, "plan.by", date=s.by.isoformat()))
    if s.provisional:
        notes.append(tr(lang, "plan.provisional"))
    return line + (f" ({'; '.join(notes)})" if notes else "")


def _earliest_line(p: Plan, lang: Lang) -> str:
    if p.earliest is None:
        return tr(lang, "plan.no_date")
    verdict = tr(lang, "verdict." + (p.earliest_verdict or "eligible"))
    if p.earliest == p.as_of:
        return tr(lang, "plan.now", verdict=verdict)
    return tr(lang, "plan.earliest", date=p.earliest.isoformat(), verdict=verdict)


def _listed(p: Plan, lang: Lang) -> list[str]:
    """What blocks (no date), or what the date assumes."""
    if p.earliest is None:
        return [f"{tr(lang, 'req.' + b.requirement)}: {word(b.reason, lang)}" for b in p.blocked]
    return [word(a, lang) for a in p.assumes]


class RouteView(NamedTuple):
    """The "Uw route" section of the HTML report."""

    lines: tuple[str, ...]
    assumes: tuple[str, ...]
    steps: tuple[str, ...]


def route_view(p: Plan, lang: Lang) -> RouteView:
    head = _earliest_line(p, lang)
    listed = _listed(p, lang)
    if listed and p.earliest is not None:
        head += " " + tr(lang, "plan.assumes")
    return RouteView((head,), tuple(listed), tuple(_step_line(s, lang) for s in p.steps))


def text(p: Plan, lang: Lang, *, markdown: bool = False) -> str:
    """One plan as text (or markdown): the verdict today, the earliest date, the route.
    Portfolio text (a file or employer name) is shown literally: escaped for markdown,
    invisible characters made visible for text."""
    esc = md_escape if markdown else visible
    verdict = tr(lang, "verdict." + p.verdict)
    mark = f" ({tr(lang, 'plan.provisional')})" if p.provisional else ""
    today = tr(lang, "plan.today", date=p.as_of.isoformat(), verdict=verdict) + mark
    listed = _listed(p, lang)
    lines = [today, _earliest_line(p, lang)]
    if listed and p.earliest is not None:
        lines.append(tr(lang, "plan.assumes"))
    lines = [esc(line) for line in lines] + [f"- {esc(line)}" for line in listed]
    if p.steps:
        lines += ["", f"### {tr(lang, 'plan.route')}" if markdown else tr(lang, "plan.route")]
        lines += [f"{i}. {esc(_step_line(s, lang))}" for i, s in enumerate(p.steps, start=1)]
    indent = "" if markdown else "  "
    head = f"## {md_escape(p.file)}" if markdown else visible(p.file)
    body = [head, ""] + [indent + line if line else "" for line in lines]
    return "\n".join(body) + "\n\n"


def summary(tally: PlanTally, lang: Lang, *, markdown: bool = False) -> str:
    """How many qualify now, within 6, 12 and 24 months, later, and never without change."""
    counts = {b: tally.by(b) if b in ("6", "12", "24") else tally.buckets[b] for b in BUCKETS}
    rows = [(tr(lang, _BUCKET_LABELS[b]), counts[b]) for b in BUCKETS]
    errors = tally.verdicts["error"] + tally.verdicts["internal"]
    if errors:
        rows.append((tr(lang, "plan.summary.error"), errors))
    title = tr(lang, "plan.summary", n=tally.planned)
    if markdown:
        table = [f"| {tr(lang, 'plan.summary.when')} | # |", "|---|---:|"]
        table += [f"| {label} | {n} |" for label, n in rows]
        return f"## {title}\n\n" + "\n".join(table) + "\n"
    width = max(len(label) for label, _ in rows)
    return title + "\n" + "\n".join(f"  {label:<{width}}  {n:>5}" for label, n in rows) + "\n"


class PlanSink:
    """Pieces of one ``pzspec plan`` run in ``fmt``; picklable, so a worker can render."""

    __slots__ = ("_count", "array", "fmt", "lang", "plans", "show_summary")

    def __init__(
        self, fmt: str, lang: Lang, *, array: bool = False, show_summary: bool = False
    ) -> None:
        self.fmt, self.lang, self.array, self.show_summary = fmt, lang, array, show_summary
        self._count = 0
        self.plans: list[Plan] = []

    def piece(self, outcome: PlanOutcome) -> str:
        p = outcome.plan
        if p is None or self.fmt == "html":
            return ""
        if self.fmt in ("json", "jsonl"):
            indent = None if self.fmt == "jsonl" or self.array else 2
            return json.dumps(as_dict(p, self.lang), ensure_ascii=False, indent=indent)
        return text(p, self.lang, markdown=self.fmt == "markdown")

    def add(self, outcome: PlanOutcome) -> str:
        if self.fmt == "html" and outcome.plan is not None:
            self.plans.append(outcome.plan)
        piece = outcome.piece
        if not piece:
            return ""
        self._count += 1
        if self.fmt == "jsonl":
            return piece + "\n"
        if self.fmt == "json" and self.array:
            return ("[\n  " if self._count == 1 else ",\n  ") + piece
        if self.fmt == "json":
            return piece + "\n"
        return piece

    def close(self, tally: PlanTally) -> str:
        if self.fmt == "html":
            from pzspec.render import documents

            kept = [p for p in self.plans if p.result is not None]
            results = [p.result for p in kept if p.result is not None]
            if not results:
                return ""
            return documents.render(results, "html", self.lang, plans={p.file: p for p in kept})
        if self.fmt == "json" and self.array:
            return "\n]\n" if self._count else "[]\n"
        if self.fmt in ("text", "markdown") and self.show_summary:
            return summary(tally, self.lang, markdown=self.fmt == "markdown")
        return ""


class PlanFinish:
    """Renders an outcome where it was planned and drops the plan (memory stays flat)."""

    __slots__ = ("sink",)

    def __init__(self, sink: PlanSink) -> None:
        self.sink = sink

    def __call__(self, outcome: PlanOutcome) -> PlanOutcome:
        keep = self.sink.fmt == "html"  # the document is rendered at the end, from the plans
        return outcome._replace(piece=self.sink.piece(outcome), plan=outcome.plan if keep else None)
