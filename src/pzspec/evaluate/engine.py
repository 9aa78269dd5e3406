"""evaluate(portfolio, rule book, as-of date) -> CheckResult with explained requirements.

The requirements and the verdict rules are those of docs/domain.md section 4. Everything
specific to a profile (routes, thresholds, courses) comes from the rule book.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pzspec import __version__
from pzspec.evaluate.conditions import RANK, Context, Decision, evaluate_all, fill, fmt
from pzspec.evaluate.education import entry_name, excluded, matches, open_to, with_outcome
from pzspec.evaluate.education import requirement as education_requirement
from pzspec.evaluate.experience import FTE, Counter, Months, weighted_now
from pzspec.evaluate.months import months_before
from pzspec.load.catalog import RuleBook
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
from pzspec.models.rules import Route
from pzspec.render.i18n import Lang, tr


class Evaluation:
    """One portfolio against one rule book on one date."""

    def __init__(self, portfolio: Portfolio, book: RuleBook, as_of: dt.date, lang: Lang) -> None:
        self.p = portfolio
        self.book = book
        self.as_of = as_of
        self.lang = lang
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
        return Context(
            self.p,
            self.book,
            self.as_of,
            self.lang,
            self.experience_months,
            self.education_in_progress,
            entry,
        )

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
                    out = with_outcome(evaluate_all(route.conditions, self.context(entry)), route)
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

    def _range(self, low: float, high: float) -> str:
        if high - low < 0.005:
            return fmt(low, self.lang)
        return self.t("range", low=fmt(low, self.lang), high=fmt(high, self.lang))

    def needed_fields(self, months: Months) -> list[str]:
        """'fill in X at employer Y' for the missing values that could decide a month."""
        by_job: dict[int, list[str]] = {}
        for job, name in months.needed:
            by_job.setdefault(job, []).append(name)
        out = []
        for job, names in by_job.items():
            e = self.p.experience[job]
            who = e.employer or e.role or e.start.isoformat()
            shares = [n for n in names if n != FTE]
            said = " " + self.t("or") + " "
            if shares:
                out.append(self.t("req.experience.fill_field", field=said.join(shares), who=who))
            if FTE in names:
                out.append(self.t("req.experience.fill_field", field=FTE, who=who))
        return out

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

    def education(self) -> Requirement:
        if not self.profile_id:  # pragma: no cover - the profession requirement reports this
            return Requirement(id="education", status="not-applicable", explanation="", source="")
        return education_requirement(self, self.book.profile_rules(self.profile_id).education)

    def experience(self) -> Requirement:
        rule = self.book.experience(self.profile_id or "")
        required = int(self.book.params[rule.min_months].value)  # type: ignore[arg-type]
        window = int(self.book.params[rule.window_months].value)  # type: ignore[arg-type]
        found = self.months_in(window)
        months, possible = len(found.counted), len(found.counted) + len(found.unknown)
        start = months_before(self.as_of, window)
        facts = [self.employment_fact(e, found) for e in self.p.experience]
        if sum(1 for e in self.p.experience if e.start <= self.as_of) > 1:
            facts.append(self.t("fact.weighted"))
        now = weighted_now(self.p.experience, self.as_of)
        if now is not None:
            patient, fte = (self._range(*bounds) for bounds in now)
            facts.append(self.t("fact.weighted_now", patient=patient, fte=fte))
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
                "counted_months": [f"{y:04d}-{m:02d}" for y, m in found.counted],
                "unknown_months": [f"{y:04d}-{m:02d}" for y, m in found.unknown],
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
        missing = [self.t("req.experience.missing", lacking=required - months, window=window)]
        if possible >= required:
            return Requirement(
                id="experience",
                status="undetermined",
                explanation=self.t(
                    "req.experience.undetermined",
                    months=months,
                    possible=possible,
                    window=window,
                    required=required,
                ),
                missing=missing + self.needed_fields(found),
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

    def employment_fact(self, e: Employment, found: Months) -> str:
        who = e.employer or e.role or "?"
        until = e.end.isoformat() if e.end else self.t("ongoing")
        said = [self.t("fact.fte", fte=f"{e.fte:g}")] if e.fte is not None else []
        if e.palliative_patient_share is not None:
            said.append(
                self.t("fact.patient_share", share=fmt(e.palliative_patient_share, self.lang))
            )
        if e.palliative_fte_share is not None:
            said.append(self.t("fact.fte_share", share=fmt(e.palliative_fte_share, self.lang)))
        if e.palliative_patient_share is None and e.palliative_fte_share is None:
            said.append(self.t("fact.no_shares"))
        first = (e.start.year, e.start.month)
        last = (e.end.year, e.end.month) if e.end else None

        def active(m: tuple[int, int]) -> bool:
            return first <= m and (last is None or m <= last)

        counted = sum(1 for m in found.counted if active(m))
        if counted:
            verdict = self.t("fact.counted_months", months=counted)
        elif any(active(m) for m in found.unknown):
            verdict = self.t("fact.unknown_relevance")
        else:
            verdict = self.t("fact.not_relevant")
        future = self.t("fact.future") if e.start > self.as_of else ""
        return f"{who} {e.start.isoformat()} – {until}: {', '.join(said)}; {verdict}{future}"

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
        if not rule.routes:
            return Requirement(
                id="transition",
                status="not-applicable",
                source=rule.source,
                explanation=self.t("req.transition.none"),
                open_until=until.isoformat(),
                details={"routes": [], "forms": []},
            )
        forms = list(dict.fromkeys(f for r in rule.routes for f in r.forms))
        offered = self.t(
            "fact.transition_forms",
            forms="; ".join(
                " + ".join(self.t(f"form.{f}") for f in r.forms) or r.label.get(self.lang)
                for r in rule.routes
            ),
        )
        tried = []
        for route in rule.routes:
            out = evaluate_all(route.conditions, self.context())
            tried.append((route, with_outcome(out, route)))
        route, out = max(tried, key=lambda t: RANK[t[1].status])
        label = route.label.get(self.lang)
        facts = [offered] + [f for _, o in tried for f in o.facts]
        details = {
            "routes": [{"id": r.id, "status": o.status, "forms": r.forms} for r, o in tried],
            "forms": forms,
        }
        if out.status in ("met", "review"):
            # review because the route asks for an assessment, or because data are missing
            asked = out.status == "review" and route.outcome == "review"
            key = "met" if out.status == "met" else "review" if asked else "open"
            missing: list[str] = []
            if key == "review":
                missing = [self.t("req.transition.assessment")]
            elif key == "open":
                missing = out.missing + self.needed_fields(self.months_in(None))
            return Requirement(
                id="transition",
                status=out.status,
                source=route.source,
                route=route.id,
                explanation=self.t(f"req.transition.{key}", route=label, date=until.isoformat()),
                open_until=until.isoformat(),
                facts=facts,
                missing=list(dict.fromkeys(missing)),
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
                "provisional": r.provisional_reason is not None
                or any(p.basis == "provisional" for p in r.parameters),
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
