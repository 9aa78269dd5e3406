"""The ``education`` requirement: every education entry tried against every route.

Each entry of the portfolio ends up in the report, counted or with the reason it does not
count: withdrawn by an overlay, not yet completed, excluded (a basiscursus, a short course),
accepted by no route of the profile, or short of a route's conditions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pzspec.evaluate.context import RANK, Outcome
from pzspec.evaluate.said import joined, rule_text, unique
from pzspec.messages import Message, msg
from pzspec.models.portfolio import EducationEntry
from pzspec.models.result import Requirement, Said, Status
from pzspec.models.rules import Course, EducationRule, Exclusion, Route

if TYPE_CHECKING:
    from pzspec.evaluate.engine import Evaluation


class Tried:
    """A route tried, its outcome, and the education entry it was tried with (if any)."""

    __slots__ = ("entry", "outcome", "route")

    def __init__(self, route: Route, outcome: Outcome, entry: EducationEntry | None) -> None:
        self.route, self.outcome, self.entry = route, outcome, entry


def matches(route: Route, entry: EducationEntry) -> bool:
    if route.entry is None:
        return False
    if entry.course:
        return entry.course in route.entry.courses
    return entry.kind in route.entry.kinds


def open_to(routes: list[Route], profession: str) -> list[Route]:
    """The routes open to ``profession`` (a route without ``professions`` is open to all)."""
    return [r for r in routes if r.professions is None or profession in r.professions]


def with_outcome(out: Outcome, route: Route) -> Outcome:
    """A route whose conditions hold gives its own outcome (``met``, or ``review``)."""
    if out.status == "met" and route.outcome == "review":
        return Outcome("review", out.facts, out.missing, out.params)
    return out


def entry_kind(ev: Evaluation, entry: EducationEntry) -> str | None:
    if entry.course:
        course = ev.book.courses.get(entry.course) or _withdrawn_course(ev, entry.course)
        return course.kind if course else None
    return entry.kind


def entry_name(ev: Evaluation, entry: EducationEntry) -> str:
    if entry.course:
        course = ev.book.courses.get(entry.course) or _withdrawn_course(ev, entry.course)
        return course.name if course else entry.course
    return entry.name or entry.kind or "?"


def _withdrawn_course(ev: Evaluation, cid: str) -> Course | None:
    found = ev.book.withdrawn.get(cid)
    return found[0] if found else None


def excluded(ev: Evaluation, entry: EducationEntry) -> Exclusion | None:
    kind = entry_kind(ev, entry)
    for ex in ev.book.rules.exclusions:
        named = entry.course in ex.courses if entry.course else kind in ex.kinds
        if (ex.courses or ex.kinds) and not named:
            continue
        if ex.conditions and ev.outcome(ex.conditions, entry).status != "met":
            continue
        return ex
    return None


class Listing:
    """The entries of the portfolio with what became of each (facts and JSON details)."""

    def __init__(self, ev: Evaluation) -> None:
        self.ev = ev
        self.facts: list[Said] = []
        self.params: list[str] = []
        self.rows: list[dict[str, Any]] = []
        self.usable: list[EducationEntry] = []

    def add(
        self, entry: EducationEntry, status: str, fact: Message, route: str | None = None
    ) -> None:
        self.facts.append(fact)
        self.rows.append(
            {
                "name": entry_name(self.ev, entry),
                "completed": entry.completed.isoformat(),
                "status": status,
                "route": route,
            }
        )

    def sort(self, entries: list[EducationEntry]) -> None:
        ev = self.ev
        for item in entries:
            name = entry_name(ev, item)
            if item.course and item.course in ev.book.withdrawn:
                _, index = ev.book.withdrawn[item.course]
                reason = msg("fact.withdrawn", by=ev.book.sets[index].id)
                self.add(item, "withdrawn", msg("fact.excluded", name=name, reason=reason))
                continue
            if item.completed > ev.as_of:
                date = item.completed
                self.add(item, "not-completed", msg("fact.not_completed", name=name, date=date))
                continue
            ex = excluded(ev, item)
            if ex is not None:
                why = ev.outcome(ex.conditions, item)
                reason = joined("join.note", [ex.reason, *why.facts])
                self.params += why.params
                self.add(item, "excluded", msg("fact.excluded", name=name, reason=reason))
                continue
            self.usable.append(item)


def requirement(ev: Evaluation, rule: EducationRule) -> Requirement:
    listing = Listing(ev)
    listing.sort(ev.p.education)
    if not rule.routes:
        return _no_routes(ev, rule, listing)
    routes = open_to(rule.routes, ev.p.person.profession)
    if not routes:
        text = msg("req.education.no_route")
        return _requirement(ev, "unmet", rule.source, text, listing, [text], [])
    tried: list[Tried] = []
    per_entry: dict[int, Tried] = {}
    for route in routes:
        tried.append(_try(ev, route, listing, per_entry))
    chosen = max(tried, key=lambda t: RANK[t.outcome.status])
    _list_usable(ev, listing, per_entry, chosen)
    details = {
        "routes": [
            {
                "id": t.route.id,
                "status": t.outcome.status,
                "entry": entry_name(ev, t.entry) if t.entry else None,
            }
            for t in tried
        ],
        "entries": listing.rows,
    }
    if chosen.outcome.status in ("met", "review"):
        return _open(ev, tried, chosen, listing, details)
    missing: list[Said] = []
    for t in tried:
        if t.entry is not None:
            missing += [
                msg("req.education.partial", name=entry_name(ev, t.entry), what=m)
                for m in t.outcome.missing
            ]
        missing.append(ev.rule_text(t.route.missing))
    used = listing.params + chosen.outcome.params + [x for t in tried for x in t.outcome.params]
    listing.facts += [
        msg("fact.entry_fact", name=entry_name(ev, t.entry), fact=f)
        for t in tried
        if t.entry
        for f in t.outcome.facts
    ]
    listing.facts = unique(listing.facts)
    text = msg("req.education.unmet")
    req = _requirement(ev, "unmet", rule.source, text, listing, unique(missing), used)
    return req.model_copy(update={"details": details})


def _try(ev: Evaluation, route: Route, listing: Listing, per_entry: dict[int, Tried]) -> Tried:
    """The best entry for ``route`` (remembering for each entry the route closest to it)."""
    best = Tried(route, Outcome("unmet"), None)
    if route.entry is None:
        best = Tried(route, with_outcome(ev.outcome(route.conditions), route), None)
    for entry in (e for e in listing.usable if matches(route, e)):
        out = with_outcome(ev.outcome(route.conditions, entry), route)
        here = Tried(route, out, entry)
        if best.entry is None or RANK[out.status] > RANK[best.outcome.status]:
            best = here
        known = per_entry.get(id(entry))
        if known is None or _closer(out, known.outcome):
            per_entry[id(entry)] = here
    return best


def _open(
    ev: Evaluation, tried: list[Tried], chosen: Tried, listing: Listing, details: dict[str, Any]
) -> Requirement:
    """Met or under review through ``chosen``; another way out that is just as open is named."""
    status: Status = chosen.outcome.status
    label = chosen.route.label
    provisional = rule_text(chosen.route.provisional) if chosen.route.provisional else None
    alike = [t for t in tried if t.outcome.status == status]
    open_: list[Said] = [m for t in alike for m in t.outcome.missing]
    open_ += [ev.rule_text(t.route.missing) for t in alike if t is not chosen]
    open_ = unique(open_)
    if status == "review" and not open_:
        open_ = [msg("req.education.assessment", route=label)]
    facts = listing.facts + chosen.outcome.facts
    if provisional:
        facts.append(msg("fact.provisional_route", reason=provisional))
    return Requirement(
        id="education",
        status=status,
        source=chosen.route.source,
        route=chosen.route.id,
        explanation=msg(f"req.education.{status}", route=label),
        facts=facts,
        missing=[] if status == "met" else open_,
        parameters=ev.params(listing.params + chosen.outcome.params),
        details=details,
        provisional_reason=provisional,
    )


def _closer(out: Outcome, known: Outcome) -> bool:
    """Better, or as good with less missing: the route whose reasons an entry is shown with."""
    if RANK[out.status] != RANK[known.status]:
        return RANK[out.status] > RANK[known.status]
    return len(out.missing) < len(known.missing)


def _list_usable(
    ev: Evaluation, listing: Listing, per_entry: dict[int, Tried], chosen: Tried
) -> None:
    """A line for every usable entry: the one that decided, and why each other one did not."""
    for entry in listing.usable:
        name = entry_name(ev, entry)
        got = per_entry.get(id(entry))
        if got is None:
            kind = entry_kind(ev, entry) or "?"
            listing.add(entry, "no-route", msg("fact.no_route_for", name=name, kind=kind))
        elif got.outcome.status != "unmet" and got is chosen:
            fact = msg("fact.entry", name=name, date=entry.completed)
            listing.add(entry, got.outcome.status, fact, got.route.id)
        elif got.outcome.status == "unmet":
            why = joined("join.semicolon", got.outcome.missing) or got.route.label
            fact = msg("fact.entry_short", name=name, why=why)
            listing.add(entry, "unmet", fact, got.route.id)
        else:
            fact = msg("fact.entry_also", name=name, route=got.route.label)
            listing.add(entry, got.outcome.status, fact, got.route.id)


def _no_routes(ev: Evaluation, rule: EducationRule, listing: Listing) -> Requirement:
    """A profile whose accepted courses are not named yet: an entry that could count is
    ``undetermined``; none at all is ``unmet`` (the profile asks for an education)."""
    for entry in listing.usable:
        name = entry_name(ev, entry)
        listing.add(entry, "undetermined", msg("fact.entry", name=name, date=entry.completed))
    text: Message
    if listing.usable:
        text = (
            rule_text(rule.undetermined) if rule.undetermined else msg("req.education.undetermined")
        )
        status: Status = "undetermined"
    else:
        text = rule_text(rule.none) if rule.none else msg("req.education.none")
        status = "unmet"
    req = _requirement(ev, status, rule.source, text, listing, [text], listing.params)
    return req.model_copy(update={"details": {"routes": [], "entries": listing.rows}})


def _requirement(
    ev: Evaluation,
    status: Status,
    source: str,
    explanation: Said,
    listing: Listing,
    missing: list[Said],
    params: list[str],
) -> Requirement:
    return Requirement(
        id="education",
        status=status,
        source=source,
        explanation=explanation,
        facts=listing.facts,
        missing=missing,
        parameters=ev.params(params),
        details={"entries": listing.rows},
    )
