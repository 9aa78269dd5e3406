"""Rule data as documents for readers: the data behind ``pzspec show`` and ``pzspec list``.

Each view is a plain dict (the JSON of ``--format json``, a contract); the text renderer
draws the same dict.
"""

from __future__ import annotations

from typing import Any

from pzspec.conditions import describe
from pzspec.conditions.registry import param_ids as parameters_of
from pzspec.evaluate.said import rule_text
from pzspec.load.catalog import RuleBook
from pzspec.models.rules import AnnouncedProfile, Route
from pzspec.render.i18n import Lang
from pzspec.render.words import word


def param_view(book: RuleBook, pid: str, lang: Lang) -> dict[str, Any]:
    p = book.params[pid]
    value: Any = p.value.isoformat() if hasattr(p.value, "isoformat") else p.value
    return {
        "id": p.id,
        "value": value,
        "unit": p.unit,
        "basis": p.basis,
        "description": p.description.get(lang),
        "source": p.source,
    }


def route_view(book: RuleBook, route: Route, lang: Lang) -> dict[str, Any]:
    return {
        "id": route.id,
        "label": route.label.get(lang),
        "outcome": route.outcome,
        "professions": route.professions,
        "courses": route.entry.courses if route.entry else [],
        "kinds": route.entry.kinds if route.entry else [],
        "conditions": [word(describe(c, book), lang) for c in route.conditions],
        "requires": word(rule_text(route.missing, book), lang),
        "parameters": [
            param_view(book, p, lang) for p in dict.fromkeys(parameters_of(route.conditions))
        ],
        "source": route.source,
    }


def profile_view(
    book: RuleBook, profile_id: str, lang: Lang, domain: str | None = None
) -> dict[str, Any]:
    profile = book.profiles[profile_id]
    rules = book.profile_rules(profile_id)
    exp = book.experience(profile_id)
    tra = book.transition(profile_id)
    pra = book.practice(profile_id)
    domains = [
        {
            "id": d.id,
            "title": d.title,
            "competencies": [
                {"id": c.id, "text": c.text, "source": c.source} for c in d.competencies
            ],
        }
        for d in profile.domains
        if domain is None or d.id == domain
    ]
    levels = {lv.id: lv for lv in profile.levels}
    route_levels = {rl.route: rl for rl in profile.route_levels}

    def education_route(route: Route) -> dict[str, Any]:
        view = route_view(book, route, lang)
        rl = route_levels.get(route.id)
        view["level"] = (
            {
                "id": rl.level,
                "label": levels[rl.level].label.get(lang) if rl.level in levels else rl.level,
                "text": rl.text.get(lang),
                "source": rl.source,
            }
            if rl
            else None
        )
        return view

    education = {
        "routes": [education_route(r) for r in rules.education.routes],
        "undetermined": rules.education.undetermined.get(lang)
        if rules.education.undetermined
        else None,
        "never_counts": [
            {
                "id": ex.id,
                "courses": ex.courses,
                "kinds": ex.kinds,
                "conditions": [word(describe(c, book), lang) for c in ex.conditions],
                "reason": ex.reason.get(lang),
                "source": ex.source,
                "parameters": [param_view(book, p, lang) for p in parameters_of(ex.conditions)],
            }
            for ex in book.rules.exclusions
        ],
        "source": rules.education.source,
    }
    experience = {
        "min_months": param_view(book, exp.min_months, lang),
        "window_months": param_view(book, exp.window_months, lang),
        "patient_share": param_view(book, exp.patient_share, lang),
        "fte_share": param_view(book, exp.fte_share, lang),
        "source": exp.source,
    }
    transition = {
        "open_until": param_view(book, tra.open_until, lang),
        "routes": [route_view(book, r, lang) for r in tra.routes],
        "source": tra.source,
    }
    practice = {
        "window_months": param_view(book, pra.window_months, lang),
        "min_kinds": param_view(book, pra.min_kinds, lang) if pra.min_kinds else None,
        "source": pra.source,
    }
    activities = [
        {"id": a.id, "text": a.text, "kinds": a.kinds, "source": a.source}
        for a in profile.activities
    ]
    sources: list[str] = [profile.source, profile.leadership.source, profile.register_.source]
    sources += [c.source for d in profile.domains for c in d.competencies]
    sources += [a.source for a in profile.activities]
    sources += [rules.education.source, exp.source, tra.source]
    sources += [lv.source for lv in profile.levels] + [rl.source for rl in profile.route_levels]
    return {
        "id": profile.id,
        "title": profile.title_en if lang == "en" and profile.title_en else profile.title,
        "version": book.version,
        "professions": profile.professions,
        "leadership": {"text": profile.leadership.text, "source": profile.leadership.source},
        "notes": [{"text": n.text, "source": n.source} for n in profile.notes],
        "domains": domains,
        "activities": activities,
        "levels": [
            {
                "id": lv.id,
                "label": lv.label.get(lang),
                "text": lv.text.get(lang),
                "source": lv.source,
            }
            for lv in profile.levels
        ],
        "education": education,
        "experience": experience,
        "transition": transition,
        "practice": practice,
        "register": {"text": profile.register_.text, "source": profile.register_.source},
        "sources": list(dict.fromkeys(sources)),
    }


def announced(book: RuleBook) -> dict[str, AnnouncedProfile]:
    """Profiles the rule data announces and no profile file describes yet."""
    return {a.id: a for a in book.rules.announced_profiles if a.id not in book.profiles}


def announced_view(book: RuleBook, profile_id: str, lang: Lang) -> dict[str, Any]:
    a = announced(book)[profile_id]
    return {
        "id": a.id,
        "title": a.title.get(lang),
        "status": "announced",
        "version": book.version,
        "description": a.description.get(lang),
        "source": a.source,
    }


def course_view(book: RuleBook, course_id: str, lang: Lang) -> dict[str, Any]:
    c = book.courses[course_id]
    used_by = [
        {"profile": pid, "route": r.id, "outcome": r.outcome}
        for pid, pr in book.rules.profiles.items()
        for r in pr.education.routes
        if r.entry and course_id in r.entry.courses
    ]
    never = [ex.id for ex in book.rules.exclusions if course_id in ex.courses]
    return {
        "id": c.id,
        "name": c.name,
        "kind": c.kind,
        "days": c.days,
        "nlqf": c.nlqf,
        "epas": c.epas,
        "institutions": c.institutions,
        "providers": c.providers,
        "description": c.description.get(lang),
        "source": c.source,
        "routes": used_by,
        "never_counts": never,
        "version": book.version,
    }


def listing(book: RuleBook, what: str, lang: Lang) -> list[dict[str, Any]]:
    if what == "profiles":
        return [
            {
                "id": p.id,
                "title": p.title_en if lang == "en" and p.title_en else p.title,
                "professions": p.professions,
                "status": "described",
            }
            for p in book.profiles.values()
        ] + [
            {"id": a.id, "title": a.title.get(lang), "professions": [], "status": "announced"}
            for a in announced(book).values()
        ]
    if what == "courses":
        return [{"id": c.id, "name": c.name, "kind": c.kind} for c in book.rules.courses]
    if what == "activities":
        return [{"id": k.id, "label": k.label.get(lang)} for k in book.rules.activity_kinds]
    if what == "kinds":
        return [{"id": k.id, "label": k.label.get(lang)} for k in book.rules.course_kinds]
    if what == "professions":
        return [
            {"id": p.id, "label": p.label.get(lang), "profile": p.profile}
            for p in book.rules.professions
        ]
    raise ValueError(what)
