"""evaluate(portfolio, rule book, as-of date) -> CheckResult with explained requirements.

The requirements and the verdict rules are those of docs/domain.md section 4. Everything
specific to a profile (routes, thresholds, courses) comes from the rule book. Every
explanation is a ``Message`` (``pzspec.messages``); ``pzspec.render`` words it.
One module per requirement: education.py, experience_req.py, transition.py, practice.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pzspec import __version__
from pzspec.evaluate import experience_req, practice, transition
from pzspec.evaluate.context import RANK, Context, Decision, Outcome
from pzspec.evaluate.education import entry_name, excluded, matches, open_to, with_outcome
from pzspec.evaluate.education import requirement as education_requirement
from pzspec.evaluate.experience import Counter, Months
from pzspec.evaluate.months import months_before
from pzspec.evaluate.said import decided, rule_text
from pzspec.load.catalog import RuleBook
from pzspec.messages import Message, msg
from pzspec.models.base import LText
from pzspec.models.portfolio import EducationEntry, Portfolio
from pzspec.models.result import (
    CheckResult,
    ParamUse,
    PersonSummary,
    Provenance,
    Requirement,
    RuleSetUse,
    Said,
    Status,
    Verdict,
)
from pzspec.models.rules import Condition, Route


class Evaluation:
    """One portfolio against one rule book on one date."""

    def __init__(self, portfolio: Portfolio, book: RuleBook, as_of: dt.date) -> None:
        self.p = portfolio
        self.book = book
        self.as_of = as_of
        self.profile_id = portfolio.target or book.profile_for(portfolio.person.profession)
        rule = (
            book.experience(self.profile_id)
            if self.profile_id in book.rules.profiles
            else book.rules.defaults.experience
        )
        self._counter = Counter(
            portfolio.experience,
            as_of,
            float(book.params[rule.patient_share].value),  # type: ignore[arg-type]
            float(book.params[rule.fte_share].value),  # type: ignore[arg-type]
        )
        self._months: dict[int | None, Months] = {}
        self._in_progress_busy = False

    # --- helpers -------------------------------------------------------------------
    def params(self, ids: Iterable[str]) -> list[ParamUse]:
        """The parameters ``ids`` as a result shows them, each once. Made once per book:
        they are the same for every portfolio (and immutable)."""
        uses = self.book.uses
        out: dict[str, ParamUse] = {}
        for pid in ids:
            use = uses.get(("param", pid))
            if not isinstance(use, ParamUse):
                p = self.book.params[pid]
                use = uses["param", pid] = ParamUse(
                    id=p.id,
                    value=p.value,
                    basis=p.basis,
                    source=p.source,
                    unit=p.unit,
                    description=p.description,
                )
            out[pid] = use
        return list(out.values())

    def context(self, entry: EducationEntry | None = None) -> Context:
        return Context(
            self.p,
            self.book,
            self.as_of,
            self.experience_months,
            self.education_in_progress,
            entry,
        )

    def outcome(self, conds: list[Condition], entry: EducationEntry | None = None) -> Outcome:
        """``conds`` decided for the portfolio (and ``entry``), facts as messages."""
        return decided(conds, lambda: self.context(entry))

    def rule_text(self, text: LText) -> Message:
        """A rule-data text with this book's parameter values for its placeholders."""
        return rule_text(text, self.book)

    def education_in_progress(self, by: dt.date) -> tuple[Decision, str | None]:
        """The best of the education entries that have started, are not completed yet and
        are planned to be completed by ``by``, as if completed (the transition form "time
        to complete an additional education")."""
        rule = self.book.profile_rules(self.profile_id).education if self.profile_id else None
        best: tuple[Decision, str | None] = ("unmet", None)
        if rule is None or self._in_progress_busy:
            return best  # validate keeps this condition out of education routes; never loop
        self._in_progress_busy = True
        try:
            return self._best_in_progress(rule.routes, by, best)
        finally:
            self._in_progress_busy = False

    def _best_in_progress(
        self, routes: list[Route], by: dt.date, best: tuple[Decision, str | None]
    ) -> tuple[Decision, str | None]:
        open_routes = open_to(routes, self.p.person.profession)
        for entry in self.p.education:
            started = entry.started is not None and entry.started <= self.as_of
            if not started or not self.as_of < entry.completed <= by or excluded(self, entry):
                continue
            for route in open_routes:
                if matches(route, entry):
                    out = with_outcome(self.outcome(route.conditions, entry), route)
                    if RANK[out.status] > RANK[best[0]]:
                        best = (out.status, entry_name(self, entry))
        return best

    def months_in(self, window: int | None) -> Months:
        """The months of the last ``window`` months (or ever) and whether each counts."""
        if window not in self._months:
            start = months_before(self.as_of, window) if window else None
            self._months[window] = self._counter.months(start)
        return self._months[window]

    def experience_months(self, window: int | None) -> tuple[int, int]:
        """(relevant months, months that would count if missing values were favourable)."""
        m = self.months_in(window)
        return len(m.counted), len(m.counted) + len(m.unknown)

    def needed_fields(self, months: Months) -> list[Message]:
        return experience_req.needed_fields(self, months)

    def profession_label(self) -> Said:
        prof = self.p.person.profession
        found = self.book.profession(prof)
        return rule_text(found.label) if found else prof

    def profile_title(self, profile_id: str) -> Message:
        profile = self.book.profiles[profile_id]
        return rule_text(LText.model_construct(nl=profile.title, en=profile.title_en))

    # --- requirements ----------------------------------------------------------------
    def profession(self) -> Requirement:
        prof = self.p.person.profession
        label = self.profession_label()
        profile = self.book.profiles.get(self.profile_id or "")
        source = self.book.rules.source
        if profile is None:
            said = msg("req.profession.no_profile", profession=label)
            return Requirement(
                id="profession", status="unmet", source=source, explanation=said, missing=[said]
            )
        title = self.profile_title(profile.id)
        fact = msg("fact.profession", profession=label)
        if prof in profile.professions:
            return Requirement(
                id="profession",
                status="met",
                source=profile.source,
                explanation=msg("req.profession.met", profession=label, profile=title),
                facts=[fact],
            )
        allowed = ", ".join(profile.professions)
        return Requirement(
            id="profession",
            status="unmet",
            source=profile.source,
            explanation=msg(
                "req.profession.unmet", profession=label, profile=title, allowed=allowed
            ),
            facts=[fact],
            missing=[msg("req.profession.missing", allowed=allowed)],
        )

    def registration(self) -> Requirement:
        prof = self.book.profession(self.p.person.profession)
        reg = next(
            (r for r in self.book.rules.registrations if prof and r.id == prof.registration), None
        )
        if reg is None:  # pragma: no cover - validate guarantees this
            raise AssertionError("profession without registration rule")
        out = self.outcome(reg.conditions)
        status: Status = "met" if out.status == "met" else out.status
        key = "req.registration.met" if status == "met" else "req.registration.unmet"
        return Requirement(
            id="registration",
            status=status,
            source=reg.source,
            route=reg.id,
            explanation=msg(key, label=reg.label),
            facts=out.facts,
            missing=[] if status == "met" else [self.rule_text(reg.missing)],
            parameters=self.params(out.params),
        )

    def education(self) -> Requirement:
        if not self.profile_id:  # pragma: no cover - the profession requirement reports this
            return Requirement(id="education", status="not-applicable", explanation="", source="")
        return education_requirement(self, self.book.profile_rules(self.profile_id).education)

    def requirements(self) -> dict[str, Requirement]:
        profession = self.profession()
        reqs: dict[str, Requirement] = {"profession": profession}
        reqs["registration"] = self.registration()
        if profession.status == "met":
            reqs["education"] = self.education()
            reqs["experience"] = experience_req.requirement(self)
            reqs["transition"] = transition.requirement(self, reqs["education"])
            reqs["practice"] = practice.requirement(self)
            return reqs
        for rid in ("education", "experience", "transition", "practice"):
            reqs[rid] = Requirement(
                id=rid,
                status="not-applicable",
                source=profession.source,
                explanation=msg("req.skipped_no_profile"),
            )
        return reqs


def verdict(reqs: dict[str, Requirement]) -> tuple[Verdict, list[str]]:
    """The verdict of domain.md section 4, and the requirements that decided it."""
    if reqs["profession"].status != "met":
        return "not-eligible", ["profession"]
    if reqs["registration"].status != "met":
        return "not-eligible", ["registration"]
    e, x, t = (reqs[k].status for k in ("education", "experience", "transition"))
    open_ = ("met", "review", "undetermined")
    if x == "met" and e == "met":
        return "eligible", ["education", "experience"]
    if x == "met" and t == "met":
        return "eligible-transition", ["education", "experience", "transition"]
    if x == "met" and (e in ("review", "undetermined") or t == "review"):
        return "needs-review", ["education", "experience", "transition"]
    if x in ("review", "undetermined") and (e in open_ or t in open_):
        return "needs-review", ["education", "experience", "transition"]
    if x == "unmet":
        return "not-eligible", ["experience"]
    return "not-eligible", ["education", "transition"]


def _stamp(r: Requirement, book: RuleBook, profile: str) -> Requirement:
    """Which rule set decided ``r`` and whether it rests on something provisional."""
    found = _origin(r, book, profile)
    return r.model_copy(
        update={
            "provisional": r.provisional_reason is not None or found[0],
            "rule_set": found[1],
            "rule_file": found[2],
        }
    )


def _origin(r: Requirement, book: RuleBook, profile: str) -> tuple[bool, str, str]:
    """Whether a parameter of ``r`` is provisional, and the id and file of the rule set that
    decided it: the same for every requirement with these parameters, profile and route, so
    asked of the book once."""
    key = ("origin", (r.id, profile, r.route, tuple(p.id for p in r.parameters)))
    found = book.uses.get(key)
    if isinstance(found, tuple):
        return found
    keys = [f"param:{p.id}" for p in r.parameters]
    keys += [f"{r.id}:{profile}"] + ([f"route:{profile}:{r.route}"] if r.route else [])
    origin = book.decided_by(keys)
    made = (any(p.basis == "provisional" for p in r.parameters), origin.id, origin.file)
    if len(book.uses) < _KEEP_PER_BOOK:
        book.uses[key] = made
    return made


def evaluate(portfolio: Portfolio, book: RuleBook, as_of: dt.date, file: str = "") -> CheckResult:
    ev = Evaluation(portfolio, book, as_of)
    profile = ev.profile_id or ""
    marked = {rid: _stamp(r, book, profile) for rid, r in ev.requirements().items()}
    result, deciding = verdict(marked)
    known = ev.profile_id in book.profiles
    return CheckResult(
        file=file,
        profile=ev.profile_id if known else None,
        profile_title=ev.profile_title(profile) if known else None,
        rules_version=book.version,
        as_of=as_of.isoformat(),
        verdict=result,
        provisional=any(marked[rid].provisional for rid in deciding),
        person=PersonSummary(
            name=portfolio.person.name,
            profession=portfolio.person.profession,
            profession_label=ev.profession_label(),
            big_number=portfolio.person.big.number if portfolio.person.big else None,
        ),
        requirements=list(marked.values()),
        pzspec_version=__version__,
        provenance=provenance(book, as_of),
    )


def provenance(book: RuleBook, as_of: dt.date) -> Provenance:
    """The rule files and date a result rests on: the same for every portfolio checked with
    ``book`` on ``as_of``, so validated once and copied."""
    key = ("provenance", as_of)
    made = book.uses.get(key)
    if not isinstance(made, Provenance):
        made = Provenance(
            pzspec_version=__version__,
            as_of=as_of.isoformat(),
            rule_sets=[RuleSetUse(**s._asdict()) for s in book.sets + book.profile_files],
        )
        if len(book.uses) < _KEEP_PER_BOOK:  # a server asked for every date keeps a few only
            book.uses[key] = made
    # each result its own list: a caller that changes one result's list changes no other
    return made.model_copy(update={"rule_sets": list(made.rule_sets)})


_KEEP_PER_BOOK = 1024
