"""evaluate(portfolio, rule book, as-of date) -> CheckResult with explained requirements.

The requirements and the verdict rules are those of docs/domain.md section 4. Everything
specific to a profile (routes, thresholds, courses) comes from the rule book.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pzspec import __version__
from pzspec.catalog import RuleBook
from pzspec.conditions import RANK, Context, Outcome, evaluate_all, fill, fmt
from pzspec.i18n import Lang, tr
from pzspec.models.portfolio import EducationEntry, Employment, Portfolio
from pzspec.models.result import (
    CheckResult,
    ParamUse,
    PersonSummary,
    Provenance,
    Requirement,
    RuleSetUse,
    Status,
    Verdict,
)
from pzspec.models.rules import Exclusion, Route
from pzspec.months import Period, counted_months, months_before


class Evaluation:
    """One portfolio against one rule book on one date."""

    def __init__(self, portfolio: Portfolio, book: RuleBook, as_of: dt.date, lang: Lang) -> None:
        self.p = portfolio
        self.book = book
        self.as_of = as_of
        self.lang = lang
        self.profile_id = portfolio.target or book.profile_for(portfolio.person.profession)
        self._relevance = {id(e): self._relevant(e) for e in portfolio.experience}
        self._months: dict[int | None, tuple[int, int]] = {}
        self._month_lists: dict[int | None, list[tuple[int, int]]] = {}

    # --- helpers -------------------------------------------------------------------
    def t(self, key: str, **kw: object) -> str:
        return tr(self.lang, key, **kw)

    def params(self, ids: Iterable[str]) -> list[ParamUse]:
        out: dict[str, ParamUse] = {}
        for pid in ids:
            p = self.book.params[pid]
            out[pid] = ParamUse(
                id=p.id,
                value=p.value,
                basis=p.basis,
                source=p.source,
                unit=p.unit,
                description=p.description.get(self.lang),
            )
        return list(out.values())

    def context(self, entry: EducationEntry | None = None) -> Context:
        return Context(self.p, self.book, self.as_of, self.lang, self.experience_months, entry)

    def _relevant(self, e: Employment) -> bool | None:
        """True: counts; False: does not; None: the portfolio does not say (shares missing)."""
        rule = (
            self.book.experience(self.profile_id)
            if self.profile_id
            else self.book.rules.defaults.experience
        )
        pat = float(self.book.params[rule.patient_share].value)  # type: ignore[arg-type]
        fte = float(self.book.params[rule.fte_share].value)  # type: ignore[arg-type]
        shares = [(e.palliative_patient_share, pat), (e.palliative_fte_share, fte)]
        if any(v is not None and v >= limit for v, limit in shares):
            return True
        if all(v is not None for v, _ in shares):
            return False
        return None

    def _periods(self, *, unknown_too: bool) -> list[Period]:
        out = []
        for e in self.p.experience:
            rel = self._relevance[id(e)]
            if rel or (unknown_too and rel is None):
                out.append(Period(e.start, min(e.end or self.as_of, self.as_of)))
        return out

    def experience_months(self, window: int | None) -> tuple[int, int]:
        """(relevant months, months that would count if missing shares were high enough)."""
        if window not in self._months:
            start = months_before(self.as_of, window) if window else None
            months = counted_months(self._periods(unknown_too=False), start, self.as_of)
            self._month_lists[window] = months
            maybe = len(months)
            if any(r is None for r in self._relevance.values()):  # else nothing more could count
                maybe = len(counted_months(self._periods(unknown_too=True), start, self.as_of))
            self._months[window] = (len(months), maybe)
        return self._months[window]

    # --- requirements ----------------------------------------------------------------
    def profession(self) -> Requirement:
        prof = self.p.person.profession
        label = next(
            (x.label.get(self.lang) for x in self.book.rules.professions if x.id == prof), prof
        )
        profile = self.book.profiles.get(self.profile_id or "")
        source = self.book.rules.source
        if profile is None:
            return Requirement(
                id="profession",
                status="unmet",
                source=source,
                explanation=self.t("req.profession.no_profile", profession=label),
                missing=[self.t("req.profession.no_profile", profession=label)],
            )
        title = self.profile_title(profile.id)
        if prof in profile.professions:
            return Requirement(
                id="profession",
                status="met",
                source=profile.source,
                explanation=self.t("req.profession.met", profession=label, profile=title),
                facts=[self.t("fact.profession", profession=label)],
            )
        allowed = ", ".join(profile.professions)
        return Requirement(
            id="profession",
            status="unmet",
            source=profile.source,
            explanation=self.t(
                "req.profession.unmet", profession=label, profile=title, allowed=allowed
            ),
            facts=[self.t("fact.profession", profession=label)],
            missing=[self.t("req.profession.missing", allowed=allowed)],
        )

    def profile_title(self, profile_id: str) -> str:
        profile = self.book.profiles[profile_id]
        return profile.title_en if self.lang == "en" and profile.title_en else profile.title

    def registration(self) -> Requirement:
        prof = next(
            (x for x in self.book.rules.professions if x.id == self.p.person.profession), None
        )
        reg = next(
            (r for r in self.book.rules.registrations if prof and r.id == prof.registration), None
        )
        if reg is None:  # pragma: no cover - validate guarantees this
            raise AssertionError("profession without registration rule")
        out = evaluate_all(reg.conditions, self.context())
        label = reg.label.get(self.lang)
        status: Status = "met" if out.status == "met" else out.status
        key = "req.registration.met" if status == "met" else "req.registration.unmet"
        return Requirement(
            id="registration",
            status=status,
            source=reg.source,
            route=reg.id,
            explanation=self.t(key, label=label),
            facts=out.facts,
            missing=[]
            if status == "met"
            else [fill(reg.missing.get(self.lang), self.book, self.lang)],
            parameters=self.params(out.params),
        )

    def _excluded(self, entry: EducationEntry) -> Exclusion | None:
        kind = self.entry_kind(entry)
        for ex in self.book.rules.exclusions:
            named = entry.course in ex.courses if entry.course else kind in ex.kinds
            if (ex.courses or ex.kinds) and not named:
                continue
            if ex.conditions and evaluate_all(ex.conditions, self.context(entry)).status != "met":
                continue
            return ex
        return None

    def entry_kind(self, entry: EducationEntry) -> str | None:
        if entry.course:
            course = self.book.courses.get(entry.course)
            return course.kind if course else None
        return entry.kind

    def entry_name(self, entry: EducationEntry) -> str:
        if entry.course:
            course = self.book.courses.get(entry.course)
            return course.name if course else entry.course
        return entry.name or entry.kind or "?"

    def _route(
        self, route: Route, entries: list[EducationEntry]
    ) -> tuple[Outcome, EducationEntry | None]:
        if route.entry is None:
            out = evaluate_all(route.conditions, self.context())
            return self._with_outcome(out, route), None
        candidates = [
            e
            for e in entries
            if (e.course in route.entry.courses if e.course else e.kind in route.entry.kinds)
        ]
        best: tuple[Outcome, EducationEntry | None] = (Outcome("unmet"), None)
        for entry in candidates:
            out = self._with_outcome(evaluate_all(route.conditions, self.context(entry)), route)
            if best[1] is None or RANK[out.status] > RANK[best[0].status]:
                best = (out, entry)
        return best

    @staticmethod
    def _with_outcome(out: Outcome, route: Route) -> Outcome:
        if out.status == "met" and route.outcome == "review":
            return Outcome("review", out.facts, out.missing, out.params)
        return out

    def education(self) -> Requirement:
        rule = self.book.profile_rules(self.profile_id).education if self.profile_id else None
        facts: list[str] = []
        params: list[str] = []
        usable: list[EducationEntry] = []
        for item in self.p.education:
            name = self.entry_name(item)
            if item.completed > self.as_of:
                facts.append(
                    self.t("fact.not_completed", name=name, date=item.completed.isoformat())
                )
                continue
            ex = self._excluded(item)
            if ex is not None:
                why = evaluate_all(ex.conditions, self.context(item))
                reason = ex.reason.get(self.lang) + "".join(f" ({f})" for f in why.facts)
                facts.append(self.t("fact.excluded", name=name, reason=reason))
                params += why.params
                continue
            usable.append(item)
        if rule is None:  # pragma: no cover - profession requirement reports this
            return Requirement(id="education", status="not-applicable", explanation="", source="")
        if not rule.routes:
            text = (
                rule.undetermined.get(self.lang)
                if rule.undetermined
                else self.t("req.education.undetermined")
            )
            return Requirement(
                id="education",
                status="undetermined",
                source=rule.source,
                explanation=text,
                facts=facts
                + [
                    self.t("fact.entry", name=self.entry_name(e), date=e.completed.isoformat())
                    for e in usable
                ],
                missing=[text],
                parameters=self.params(params),
            )
        profession = self.p.person.profession
        tried: list[tuple[Route, Outcome, EducationEntry | None]] = []
        for route in rule.routes:
            if route.professions is not None and profession not in route.professions:
                continue
            out, entry = self._route(route, usable)
            tried.append((route, out, entry))
        if not tried:
            return Requirement(
                id="education",
                status="unmet",
                source=rule.source,
                explanation=self.t("req.education.no_route"),
                facts=facts,
                missing=[self.t("req.education.no_route")],
                parameters=self.params(params),
            )
        route, out, entry = max(tried, key=lambda t: RANK[t[1].status])
        status: Status = out.status
        label = route.label.get(self.lang)
        details = {
            "routes": [
                {"id": r.id, "status": o.status, "entry": self.entry_name(e) if e else None}
                for r, o, e in tried
            ]
        }
        if entry is not None:
            facts.append(
                self.t("fact.entry", name=self.entry_name(entry), date=entry.completed.isoformat())
            )
        facts += out.facts
        if status == "met":
            return Requirement(
                id="education",
                status="met",
                source=route.source,
                route=route.id,
                explanation=self.t("req.education.met", route=label),
                facts=facts,
                parameters=self.params(params + out.params),
                details=details,
            )
        if status == "review":
            return Requirement(
                id="education",
                status="review",
                source=route.source,
                route=route.id,
                explanation=self.t("req.education.review", route=label),
                facts=facts,
                missing=out.missing or [self.t("req.education.assessment", route=label)],
                parameters=self.params(params + out.params),
                details=details,
            )
        missing: list[str] = []
        for r, o, e in tried:
            if e is not None:
                facts += [f"{self.entry_name(e)}: {f}" for f in o.facts]
                missing += [
                    self.t("req.education.partial", name=self.entry_name(e), what=m)
                    for m in o.missing
                ]
            missing.append(fill(r.missing.get(self.lang), self.book, self.lang))
        used = params + [x for _, o, _ in tried for x in o.params]
        return Requirement(
            id="education",
            status="unmet",
            source=rule.source,
            explanation=self.t("req.education.unmet"),
            facts=facts,
            missing=missing,
            parameters=self.params(used),
            details=details,
        )

    def experience(self) -> Requirement:
        rule = self.book.experience(self.profile_id or "")
        required = int(self.book.params[rule.min_months].value)  # type: ignore[arg-type]
        window = int(self.book.params[rule.window_months].value)  # type: ignore[arg-type]
        months, possible = self.experience_months(window)
        start = months_before(self.as_of, window)
        facts = [self.employment_fact(e) for e in self.p.experience]
        ids = [rule.min_months, rule.window_months, rule.patient_share, rule.fte_share]
        common = {
            "source": rule.source,
            "months": months,
            "required_months": required,
            "window_months": window,
            "facts": facts,
            "parameters": self.params(ids),
            "details": {
                "window_start": start.isoformat(),
                "window_end": self.as_of.isoformat(),
                "months_if_shares_known": possible,
                "counted_months": [f"{y:04d}-{m:02d}" for y, m in self._month_lists[window]],
            },
        }
        if months >= required:
            return Requirement(
                id="experience",
                status="met",
                explanation=self.t(
                    "req.experience.met", months=months, window=window, required=required
                ),
                **common,
            )
        lacking = required - months
        missing = [self.t("req.experience.missing", lacking=lacking, window=window)]
        if possible >= required:
            unknown = [e for e in self.p.experience if self._relevance[id(e)] is None]
            missing.append(
                self.t(
                    "req.experience.fill_shares",
                    employers=", ".join(
                        e.employer or e.role or e.start.isoformat() for e in unknown
                    ),
                )
            )
            return Requirement(
                id="experience",
                status="undetermined",
                explanation=self.t(
                    "req.experience.undetermined", months=months, window=window, required=required
                ),
                missing=missing,
                **common,
            )
        return Requirement(
            id="experience",
            status="unmet",
            explanation=self.t(
                "req.experience.unmet", months=months, window=window, required=required
            ),
            missing=missing,
            **common,
        )

    def employment_fact(self, e: Employment) -> str:
        who = e.employer or e.role or "?"
        until = e.end.isoformat() if e.end else self.t("ongoing")
        shares = []
        if e.palliative_patient_share is not None:
            shares.append(
                self.t("fact.patient_share", share=fmt(e.palliative_patient_share, self.lang))
            )
        if e.palliative_fte_share is not None:
            shares.append(self.t("fact.fte_share", share=fmt(e.palliative_fte_share, self.lang)))
        rel = self._relevance[id(e)]
        verdict = self.t(
            "fact.relevant"
            if rel
            else "fact.not_relevant"
            if rel is False
            else "fact.unknown_relevance"
        )
        future = self.t("fact.future") if e.start > self.as_of else ""
        said = ", ".join(shares) or self.t("fact.no_shares")
        return f"{who} {e.start.isoformat()} – {until}: {said}; {verdict}{future}"

    def transition(self, education: Requirement) -> Requirement:
        rule = self.book.transition(self.profile_id or "")
        until = self.book.params[rule.open_until].value
        assert isinstance(until, dt.date)
        params = [rule.open_until]
        if education.status == "met":
            return Requirement(
                id="transition",
                status="not-applicable",
                source=rule.source,
                explanation=self.t("req.transition.not_needed"),
                open_until=until.isoformat(),
            )
        if self.as_of > until:
            return Requirement(
                id="transition",
                status="unmet",
                source=rule.source,
                explanation=self.t("req.transition.closed", date=until.isoformat()),
                open_until=until.isoformat(),
                parameters=self.params(params),
                missing=[self.t("req.transition.closed", date=until.isoformat())],
            )
        tried = []
        for route in rule.routes:
            out = evaluate_all(route.conditions, self.context())
            tried.append((route, self._with_outcome(out, route)))
        route, out = max(tried, key=lambda t: RANK[t[1].status])
        label = route.label.get(self.lang)
        facts = [f for _, o in tried for f in o.facts]
        details = {"routes": [{"id": r.id, "status": o.status} for r, o in tried]}
        if out.status in ("met", "review"):
            return Requirement(
                id="transition",
                status=out.status,
                source=route.source,
                route=route.id,
                explanation=self.t(
                    f"req.transition.{out.status}", route=label, date=until.isoformat()
                ),
                open_until=until.isoformat(),
                facts=facts,
                missing=[] if out.status == "met" else [self.t("req.transition.assessment")],
                parameters=self.params(params + out.params),
                details=details,
            )
        missing = [fill(r.missing.get(self.lang), self.book, self.lang) for r, _ in tried]
        return Requirement(
            id="transition",
            status="unmet",
            source=rule.source,
            explanation=self.t("req.transition.unmet", date=until.isoformat()),
            open_until=until.isoformat(),
            facts=facts,
            missing=missing,
            parameters=self.params(params + [x for _, o in tried for x in o.params]),
            details=details,
        )

    def practice(self) -> Requirement:
        rule = self.book.practice(self.profile_id or "")
        window = int(self.book.params[rule.window_months].value)  # type: ignore[arg-type]
        start = months_before(self.as_of, window)
        recent = [
            a
            for a in self.p.activities
            if a.first_day <= self.as_of and a.last_day(self.as_of) >= start
        ]
        kinds = {a.kind for a in recent}
        profile = self.book.profiles[self.profile_id or ""]
        shown = [a for a in profile.activities if kinds & set(a.kinds)]
        params = [rule.window_months]
        details = {
            "activities": [
                {"id": a.id, "text": a.text, "kinds": a.kinds, "evidenced": a in shown}
                for a in profile.activities
            ],
            "kinds_shown": sorted(kinds),
        }
        explanation = self.t(
            "req.practice.info", shown=len(shown), total=len(profile.activities), window=window
        )
        facts = [self.t("fact.activity_kinds", kinds=", ".join(sorted(kinds)) or "-")]
        facts += [self.t("fact.shown_activity", text=a.text) for a in shown]
        tags = sorted({d for a in recent for d in a.domains or []}, key=_domain_order)
        details["kwaliteitskader_domains"] = tags
        if tags:
            facts.append(self.t("fact.kwaliteitskader", domains=", ".join(tags)))
        if rule.min_kinds is None:
            return Requirement(
                id="practice",
                status="info",
                source=rule.source,
                explanation=explanation,
                facts=facts,
                parameters=self.params(params),
                details=details,
            )
        need = int(self.book.params[rule.min_kinds].value)  # type: ignore[arg-type]
        params.append(rule.min_kinds)
        ok = len(shown) >= need
        return Requirement(
            id="practice",
            status="met" if ok else "unmet",
            source=rule.source,
            explanation=explanation,
            facts=facts,
            parameters=self.params(params),
            details=details,
            missing=[] if ok else [self.t("req.practice.missing", lacking=need - len(shown))],
        )


def _domain_order(tag: str) -> tuple[int, ...]:
    return tuple(int(x) for x in tag.split("."))


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


def evaluate(
    portfolio: Portfolio, book: RuleBook, as_of: dt.date, lang: Lang = "nl", file: str = ""
) -> CheckResult:
    ev = Evaluation(portfolio, book, as_of, lang)
    profession = ev.profession()
    reqs: dict[str, Requirement] = {"profession": profession}
    reqs["registration"] = ev.registration()
    if profession.status == "met":
        reqs["education"] = ev.education()
        reqs["experience"] = ev.experience()
        reqs["transition"] = ev.transition(reqs["education"])
        reqs["practice"] = ev.practice()
    else:
        for rid in ("education", "experience", "transition", "practice"):
            reqs[rid] = Requirement(
                id=rid,
                status="not-applicable",
                source=profession.source,
                explanation=tr(lang, "req.skipped_no_profile"),
            )
    profile = ev.profile_id or ""

    def stamp(r: Requirement) -> Requirement:
        keys = [f"param:{p.id}" for p in r.parameters]
        keys += [f"{r.id}:{profile}"] + ([f"route:{profile}:{r.route}"] if r.route else [])
        origin = book.decided_by(keys)
        return r.model_copy(
            update={
                "provisional": any(p.basis == "provisional" for p in r.parameters),
                "rule_set": origin.id,
                "rule_file": origin.file,
            }
        )

    marked = {rid: stamp(r) for rid, r in reqs.items()}
    result, deciding = verdict(marked)
    return CheckResult(
        file=file,
        profile=ev.profile_id if ev.profile_id in book.profiles else None,
        profile_title=ev.profile_title(ev.profile_id) if ev.profile_id in book.profiles else None,
        rules_version=book.version,
        as_of=as_of.isoformat(),
        verdict=result,
        provisional=any(marked[rid].provisional for rid in deciding),
        person=PersonSummary(
            name=portfolio.person.name,
            profession=portfolio.person.profession,
            profession_label=next(
                (
                    x.label.get(lang)
                    for x in book.rules.professions
                    if x.id == portfolio.person.profession
                ),
                portfolio.person.profession,
            ),
            big_number=portfolio.person.big.number if portfolio.person.big else None,
        ),
        requirements=list(marked.values()),
        pzspec_version=__version__,
        provenance=Provenance(
            pzspec_version=__version__,
            as_of=as_of.isoformat(),
            rule_sets=[RuleSetUse(**vars(s)) for s in book.sets + book.profile_files],
        ),
    )
